"""At DEBUG, botocore logs every Polly request it signs; the log as the CLI configures it keeps the AWS
credentials out."""

from __future__ import annotations

from slotline.infrastructure.aws.polly_tts import PollyConfig, PollyTextToSpeech
from tests.integration.log_helpers import debug_log, leaks
from tests.integration.sns_moto import MotoServer

KEY_ID = "AKIAQ3EXAMPLEPOLLY42"
SECRET_KEY = "pollySecretKeyEXAMPLE/K7MDENG+bPxRfiCYzz"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLEPOLLYTOKEN//////////wEaDHRva2VuLWRvLW5vdC1sb2c="


async def test_polly_speech_at_debug_logs_no_credentials() -> None:
    with MotoServer.running() as moto:
        config = PollyConfig(
            endpoint_url=moto.endpoint,
            access_key_id=KEY_ID,
            secret_access_key=SECRET_KEY,
            session_token=SESSION_TOKEN,
            max_attempts=1,
        )
        tts = PollyTextToSpeech(config)
        with debug_log(secrets=[KEY_ID, SECRET_KEY, SESSION_TOKEN]) as log:
            audio = await tts.synthesize("Thanks for calling Maple Street Clinic.", 16000)
            tts.close()

    assert audio  # the real SDK reached moto
    output = log.getvalue()
    assert "SynthesizeSpeech" in output  # DEBUG still says what happened
    assert leaks(output, KEY_ID, SECRET_KEY, SESSION_TOKEN) == []
