"""At DEBUG, botocore and urllib3 log every SNS request; the log as the CLI configures it keeps the AWS
credentials, the recipient's number and the text itself out."""

from __future__ import annotations

from dataclasses import replace

from slotline.domain.phone import PhoneNumber
from slotline.infrastructure.aws import SnsSmsSender
from tests.integration.log_helpers import debug_log, leaks
from tests.integration.sns_moto import MotoServer, sns_config

KEY_ID = "ASIAQ3EXAMPLEKEYID77"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/dGVzdC10b2tlbi1kby1ub3QtbG9n+AAAA=="
TO = PhoneNumber("+12125550147")
BODY = "Maple Street: haircut with Sam on Tue 10:00. Reply STOP to opt out"


async def test_an_sns_text_at_debug_logs_no_credentials_number_or_body() -> None:
    with MotoServer.running() as moto:
        config = replace(
            sns_config(moto.endpoint), access_key_id=KEY_ID, secret_access_key=SECRET_KEY, session_token=SESSION_TOKEN
        )
        sender = SnsSmsSender(config)
        with debug_log(secrets=[KEY_ID, SECRET_KEY, SESSION_TOKEN]) as log:
            await sender.send(TO, BODY, dedupe_key="k1")
            sender.close()
        [sent] = moto.sms()

    assert (sent.phone_number, sent.message) == (TO.e164, BODY)  # the real SDK really sent it
    output = log.getvalue()
    assert "botocore.endpoint" in output and "urllib3.connectionpool" in output  # DEBUG still says what happened
    assert TO.masked() in output
    assert leaks(output, KEY_ID, SECRET_KEY, SESSION_TOKEN, TO.e164, TO.e164[1:], BODY, BODY[:20]) == []
