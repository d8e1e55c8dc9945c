from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.entrypoints.settings import SnsSettings
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.entrypoints.wiring.secrets import reveal

if TYPE_CHECKING:
    from slotline.infrastructure.aws import SnsSmsSender


def sns_sender(settings: dict[str, object]) -> SnsSmsSender:
    """The SNS sender, importing boto3 only now."""
    with needs_extra('sms.backend "sns"', "sns"):
        from slotline.infrastructure.aws import SnsConfig, SnsSmsSender

    s = SnsSettings.model_validate(settings)
    return SnsSmsSender(
        SnsConfig(
            region=s.region,
            endpoint_url=s.endpoint_url,
            sender_id=s.sender_id,
            origination_number=s.origination_number,
            sms_type=s.sms_type,
            access_key_id=reveal(s.access_key_id),
            secret_access_key=reveal(s.secret_access_key),
            session_token=reveal(s.session_token),
            connect_timeout=s.connect_timeout,
            read_timeout=s.read_timeout,
            send_deadline=s.send_deadline,
            max_attempts=s.max_attempts,
        )
    )
