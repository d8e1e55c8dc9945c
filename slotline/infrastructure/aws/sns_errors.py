"""What an SNS failure means for the message: worth retrying (temporary) or not (permanent), as SmsSendFailed."""

from __future__ import annotations

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionError,
    HTTPClientError,
    NoCredentialsError,
    NoRegionError,
    ParamValidationError,
    PartialCredentialsError,
    ProfileNotFound,
    UnknownServiceError,
)

from slotline.application.errors import SmsSendFailed
from slotline.infrastructure.common.failure_reason import failure_reason

__all__ = ["PERMANENT_CODES", "TEMPORARY_CODES", "sms_failure"]

TEMPORARY_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "Throttled",  # SNS's own name for a throttled publish
        "ThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "InternalError",
        "InternalFailure",
        "ServiceUnavailable",
        "RequestTimeout",
        "RequestTimeoutException",
        "ExpiredToken",  # rotating credentials refresh on the next attempt
        "ExpiredTokenException",
        "RequestExpired",
        "KMSThrottling",
    }
)
PERMANENT_CODES = frozenset(
    {
        "InvalidParameter",
        "InvalidParameterValue",
        "ParameterValueInvalid",
        "ValidationError",
        "ValidationException",
        "OptedOut",  # the recipient replied STOP
        "EndpointDisabled",
        "NotFound",
        "AuthorizationError",
        "AccessDenied",
        "AccessDeniedException",
        "InvalidClientTokenId",
        "UnrecognizedClientException",
        "SignatureDoesNotMatch",
        "InvalidSecurity",
        "KMSAccessDenied",
        "KMSDisabled",
        "KMSInvalidState",
        "KMSNotFound",
        "KMSOptInRequired",
    }
)
# Local mistakes in how the sender is configured: the same call fails the same way every time.
_CONFIGURATION_ERRORS = (
    NoCredentialsError,
    PartialCredentialsError,
    NoRegionError,
    ProfileNotFound,
    ParamValidationError,
    UnknownServiceError,
)


def _client_failure(exc: ClientError) -> SmsSendFailed:
    error = exc.response.get("Error", {})
    code = error.get("Code", "Unknown")
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
    reason = f"SNS {code} (HTTP {status}): {error.get('Message', '')}".rstrip(": ")
    if code in TEMPORARY_CODES:
        return SmsSendFailed(reason, permanent=False)
    if code in PERMANENT_CODES:
        return SmsSendFailed(reason, permanent=True)
    # An unknown 4xx would be answered the same way again; anything else may pass on another try.
    return SmsSendFailed(reason, permanent=400 <= status < 500 and status != 429)


def sms_failure(exc: ClientError | BotoCoreError, *, hide: str = "", shown_as: str = "") -> SmsSendFailed:
    """The port error for a boto3 failure; occurrences of `hide` (the recipient) in the reason become `shown_as`."""
    if isinstance(exc, ClientError):
        failure = _client_failure(exc)
    elif isinstance(exc, ConnectionError | HTTPClientError):
        failure = SmsSendFailed(f"SNS unreachable: {type(exc).__name__}: {exc}", permanent=False)
    elif isinstance(exc, _CONFIGURATION_ERRORS):
        failure = SmsSendFailed(f"SNS client misconfigured: {type(exc).__name__}: {exc}", permanent=True)
    else:
        failure = SmsSendFailed(f"SNS client error: {type(exc).__name__}: {exc}", permanent=False)
    return SmsSendFailed(failure_reason(failure.reason, hide=hide, shown_as=shown_as), permanent=failure.permanent)
