"""What may reach a log line: secrets never, phone numbers masked, SMS bodies never — whoever wrote the line.

Third-party SDKs (botocore, urllib3, httpx/httpcore, azure, msal, kiota, websockets, telcoflow) print request
headers, signing material, URLs and request bodies at DEBUG. `redact` rewrites any text so that none of that
survives, by shape (header and key names, AWS key ids, bearer tokens, JWTs, E.164 numbers, the SNS `Message`)
and by value (the configured secrets themselves); `RedactingFilter` applies it to every record a handler emits.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterable
from urllib.parse import quote

from slotline.domain.phone import PhoneNumber

__all__ = ["HIDDEN", "RedactingFilter", "redact"]

HIDDEN = "[redacted]"
_SHORTEST_SECRET = 4  # a shorter configured "secret" would blank out ordinary words

# Names whose value is a credential, in headers, JSON, Python reprs, query strings and form bodies.
_SECRET_NAME = (
    r"(?:proxy-)?authorization|x-amz-security-token|x-amz-credential|x-amz-signature|credential|signature"
    r"|x-api-key|api[_-]?key|x-connector-uuid|connector[_-]?uuid|client[_-]?secret|client[_-]?assertion"
    r"|(?:access|refresh|id|session|security|voice)[_-]?token|token|password|passphrase"
    r"|(?:aws[_-]?)?secret(?:[_-]?access[_-]?key)?|set-cookie|cookie"
)
# The SNS Publish parameter (and JSON `message`) that carries an SMS body.
_BODY_NAME = r"[Mm]essage"
_QUOTED = r"""(?P<v>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")"""
_KEY = rf"(?i:{_SECRET_NAME})|{_BODY_NAME}"

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # 'Authorization': b'...'  "token": "..."  (b'authorization', b'...')
    (
        re.compile(rf"""(?P<k>b?(?P<q>['"])(?:{_KEY})(?P=q)\s*[:,]\s*)b?{_QUOTED}"""),
        rf"\g<k>'{HIDDEN}'",
    ),
    # x-amz-security-token:...  > x-api-key: ...  (header lines, canonical requests)
    (re.compile(rf"(?im)(?P<k>(?<![\w.-])(?:{_SECRET_NAME})[ \t]*:[ \t]*)[^\s'\"][^\r\n]*"), rf"\g<k>{HIDDEN}"),
    # X-Amz-Signature=...&access_token=...  Message=...  (query strings, form bodies, Authorization values)
    (re.compile(rf"(?P<k>(?<![\w.-])(?:{_KEY})=)[^&\s'\",;]*"), rf"\g<k>{HIDDEN}"),
    # botocore's "Signature:\n<hex>"
    (re.compile(r"(?i)(?P<k>signature\s*[:=]\s*)[0-9a-f]{64}"), rf"\g<k>{HIDDEN}"),
    (re.compile(r"(?i)(?P<k>\bbearer\s+)[\w\-.~+/]+=*"), rf"\g<k>{HIDDEN}"),
    (re.compile(r"\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*"), HIDDEN),  # a JWT anywhere
    (re.compile(r"\b(?:AKIA|ASIA|AIDA|AROA|ANPA|AGPA)[A-Z0-9]{16}\b"), HIDDEN),  # an AWS access key id anywhere
)
_NUMBER = re.compile(r"(?P<plus>\+|%2[Bb])(?P<digits>[1-9]\d{7,14})(?!\d)")


def _masked_number(match: re.Match[str]) -> str:
    shown = PhoneNumber("+" + match["digits"]).masked()
    return match["plus"] + shown[1:]


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with credentials and SMS bodies replaced by HIDDEN and E.164 numbers masked as
    `PhoneNumber.masked()` does (`+12*******23`); every string in `secrets` (and its URL-encoded form) is hidden
    wherever it appears."""
    for secret in secrets:
        if len(secret) >= _SHORTEST_SECRET:
            text = text.replace(secret, HIDDEN).replace(quote(secret, safe=""), HIDDEN)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return _NUMBER.sub(_masked_number, text)


class RedactingFilter(logging.Filter):
    """For a handler: renders each record's message (and traceback) once, redacted, before any formatter sees it."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Longest first, so a secret that contains another is hidden whole.
        self._secrets = tuple(sorted({s for s in secrets if s}, key=len, reverse=True))

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # arguments that do not fit the format: show the format only, never the arguments
            message = f"{record.msg} [arguments not logged]"
        record.msg, record.args = redact(message, self._secrets), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self._secrets)
        return True
