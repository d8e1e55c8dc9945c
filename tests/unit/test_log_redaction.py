"""The shapes third-party loggers print secrets, numbers and SMS bodies in, and what `redact` leaves of them."""

from __future__ import annotations

import io
import logging

import pytest

from slotline.entrypoints.logs import configured_secrets
from slotline.entrypoints.settings import Settings
from slotline.infrastructure.common.log_redaction import HIDDEN, RedactingFilter, redact

JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJlLXBhcnQ"


@pytest.mark.parametrize(
    ("line", "private"),
    [
        ("POST /token body: client_id=app&client_secret=Zx8Q~s3cret&grant_type=client_credentials", "Zx8Q~s3cret"),
        ('{"token_type": "Bearer", "access_token": "opaque-token-123", "expires_in": 3599}', "opaque-token-123"),
        ("{'Authorization': 'Bearer opaque-token-123', 'Accept': 'application/json'}", "opaque-token-123"),
        ("[(b'authorization', b'Bearer opaque-token-123'), (b'host', b'graph')]", "opaque-token-123"),
        ("Authorization: Bearer opaque-token-123", "opaque-token-123"),
        (f"id token {JWT} received", JWT),
        ("GET /o?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261203&X-Amz-Signature=ab12cd", "ab12cd"),
        ("GET /o?X-Amz-Security-Token=IQoJb3JpZ2lu&X-Amz-Expires=60", "IQoJb3JpZ2lu"),
        ("credentials from env: AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("> x-api-key: tf_live_abc123", "tf_live_abc123"),
        ("wss://host/v1/voice?token=voice-token-99&call=1", "voice-token-99"),
        ("Action=Publish&PhoneNumber=%2B12125550123&Message=See+you+Tue+at+10", "See+you+Tue+at+10"),
        ("{'PhoneNumber': '+12125550123', 'Message': 'See you Tue at 10'}", "See you Tue at 10"),
        ('{"to": "+12125550123", "message": "See you \\"Tue\\" at 10"}', "See you"),
        ("call from +12125550123 offered", "+12125550123"),
        ("GET /events?$filter=value%20eq%20%27%2B12125550123%27", "12125550123"),
    ],
)
def test_secrets_bodies_and_numbers_do_not_survive(line: str, private: str) -> None:
    redacted = redact(line)

    assert private not in redacted
    assert HIDDEN in redacted or "+12*******23" in redacted or "%2B12*******23" in redacted


def test_numbers_are_masked_as_phone_number_masked_does() -> None:
    assert redact("to +12125550123 and %2B447700900123") == "to +12*******23 and %2B44********23"


def test_configured_secrets_are_hidden_literally_and_url_encoded() -> None:
    secret = "pa ss/word+1"

    assert redact(f"x {secret} y pa%20ss%2Fword%2B1 z", [secret]) == f"x {HIDDEN} y {HIDDEN} z"


def test_ordinary_lines_pass_unchanged() -> None:
    line = "Setting sns timeout as (1.0, 2.0); POST / HTTP/1.1 200 286; slot 2026-12-03T10:00:00+01:00 (+0100)"

    assert redact(line) == line


def _emit(record_args: tuple[object, ...], exc: BaseException | None = None) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter(["hunter2-secret"]))
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    record = logging.LogRecord("lib", logging.DEBUG, __file__, 1, "sent %s to %s", record_args, exc_info)
    handler.handle(record)
    return stream.getvalue()


def test_the_filter_redacts_arguments_and_tracebacks() -> None:
    try:
        raise RuntimeError("auth failed for hunter2-secret calling +12125550123")
    except RuntimeError as exc:
        shown = _emit(("hunter2-secret", "+12125550123"), exc)

    assert "hunter2-secret" not in shown and "+12125550123" not in shown
    assert "auth failed for [redacted] calling +12*******23" in shown


def test_arguments_that_do_not_fit_the_format_are_not_shown() -> None:
    shown = _emit(("hunter2-secret",))

    assert "hunter2-secret" not in shown and "[arguments not logged]" in shown


def test_every_configured_secret_is_handed_to_the_filter() -> None:
    settings = Settings(
        sms={"sns": {"access_key_id": "AKID-1", "secret_access_key": "aws-secret-2", "session_token": "tok-3"}},
        calendar={"graph": {"client_secret": "graph-secret-4"}},
    )

    found = set(configured_secrets(settings))

    assert {"AKID-1", "aws-secret-2", "tok-3", "graph-secret-4"} <= found
