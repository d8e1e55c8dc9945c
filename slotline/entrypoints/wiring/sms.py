from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.aws.sns_settings import SnsSettings

if TYPE_CHECKING:
    from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender


def sns_sender(settings: SnsSettings) -> SnsSmsSender:
    """The SNS sender, importing boto3 only now."""
    with needs_extra('sms.backend "sns"', "sns"):
        from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender

    return SnsSmsSender(settings)
