"""Graph settings: what is refused, which credential is built, and that secrets stay out of repr and logs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from azure.identity.aio import CertificateCredential, ClientSecretCredential
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pydantic import SecretStr, ValidationError

from slotline.application.errors import CalendarUnavailable
from slotline.domain.catalogue import StaffMember
from slotline.infrastructure.msgraph import GraphConfigInvalid, GraphSettings
from slotline.infrastructure.msgraph.client import StaticTokenCredential, credential
from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway
from tests.integration.fake_graph import FakeGraph, Fault
from tests.integration.graph_helpers import CALENDARS, SAM, gateway_for
from tests.integration.sqlite_helpers import CATALOGUE, PHONE, appointment, slot

SECRET = "s3cret-value-never-shown"
APP: dict[str, Any] = {"tenant_id": "contoso-tenant", "client_id": "slotline-app"}


@pytest.fixture
def fake() -> Iterator[FakeGraph]:
    with FakeGraph.running(CALENDARS) as server:
        yield server


def pkcs12_file(path: Path, password: str) -> Path:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "slotline test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(password.encode())
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"slotline", key, cert, None, encryption))
    return path


@pytest.mark.parametrize(
    ("settings", "complaint"),
    [
        ({}, "exactly one of"),
        ({**APP, "client_secret": SecretStr(SECRET), "static_token": SecretStr("t")}, "exactly one of"),
        ({"client_secret": SecretStr(SECRET)}, "tenant_id and client_id"),
        ({**APP, "client_secret": SecretStr(SECRET), "base_url": "http://graph.example/v1.0"}, "must use https"),
        ({"static_token": SecretStr("t")}, "only for a Graph stand-in"),
        ({**APP, "client_secret": SecretStr(SECRET), "base_url": "ftp://x"}, "not an http"),
        ({**APP, "client_secret": SecretStr(SECRET), "certificate_password": SecretStr("p")}, "certificate_path"),
        ({**APP, "client_secret": SecretStr(SECRET), "attempt_timeout_seconds": 9.0}, "at most deadline_seconds"),
        ({**APP, "client_secret": SecretStr(SECRET), "page_size": 0}, "page_size"),
    ],
)
def test_unusable_settings_are_refused(settings: dict[str, Any], complaint: str) -> None:
    with pytest.raises(ValidationError, match=complaint) as refused:
        GraphSettings(**settings)

    assert SECRET not in str(refused.value)


def test_secrets_stay_out_of_repr() -> None:
    config = GraphSettings(**APP, certificate_path=Path("app.pfx"), certificate_password=SecretStr(SECRET))
    local = GraphSettings(base_url="http://127.0.0.1:1/v1.0", static_token=SecretStr(SECRET))

    shown = [repr(config), str(config), repr(local), repr(GraphCalendarGateway(local, CATALOGUE))]
    shown.append(repr(StaticTokenCredential(SecretStr(SECRET))))

    assert all(SECRET not in text for text in shown)
    assert config.auth == "certificate" and local.auth == "static_token"
    assert config.scope == "https://graph.microsoft.com/.default"


async def test_a_client_secret_builds_an_azure_identity_credential() -> None:
    built = credential(GraphSettings(**APP, client_secret=SecretStr(SECRET)))

    assert isinstance(built, ClientSecretCredential)
    await built.close()


async def test_a_certificate_builds_an_azure_identity_credential(tmp_path: Path) -> None:
    path = pkcs12_file(tmp_path / "app.pfx", SECRET)

    built = credential(GraphSettings(**APP, certificate_path=path, certificate_password=SecretStr(SECRET)))

    assert isinstance(built, CertificateCredential)
    await built.close()


async def test_a_certificate_that_cannot_be_opened_is_unavailable_not_a_crash(tmp_path: Path) -> None:
    path = pkcs12_file(tmp_path / "app.pfx", "the-right-one")
    config = GraphSettings(**APP, certificate_path=path, certificate_password=SecretStr(SECRET))
    gateway = GraphCalendarGateway(config, CATALOGUE)

    with pytest.raises(CalendarUnavailable, match="cannot set up the Graph client") as failed:
        await gateway.busy([SAM], slot(9).window)

    assert SECRET not in str(failed.value)


def test_every_staff_member_needs_a_calendar() -> None:
    without = StaffMember(SAM.id, SAM.name, SAM.hours)
    catalogue = replace(CATALOGUE, staff=(without, *CATALOGUE.staff[1:]))
    config = GraphSettings(base_url="http://127.0.0.1:1/v1.0", static_token=SecretStr("t"))

    with pytest.raises(GraphConfigInvalid, match="sam"):
        GraphCalendarGateway(config, catalogue)


async def test_logs_hold_no_token_and_no_full_phone_number(fake: FakeGraph, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    gateway = gateway_for(fake, deadline_seconds=1.0, attempt_timeout_seconds=0.5)
    await gateway.warm_up()  # as at start-up: the first event parsed costs msgraph a second of imports
    fake.fail(Fault(503, times=2))
    fake.fail(Fault(504, times=1000, method="POST", path_contains="/events", after_processing=True))

    await gateway.busy([SAM], slot(9).window)
    with pytest.raises(CalendarUnavailable):
        await gateway.create(appointment(slot(10), "a1"), SAM, idempotency_key="k1")
    await gateway.aclose()

    assert fake.events(SAM.calendar or "") == []
    ours = [r for r in caplog.records if r.name.startswith("slotline.infrastructure.msgraph")]
    assert ours  # the retries and the clean-up were logged
    assert all(fake.token not in r.getMessage() for r in caplog.records)
    assert all(PHONE.e164 not in r.getMessage() for r in ours)
