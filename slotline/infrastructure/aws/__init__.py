"""Amazon Web Services adapters: texts through SNS, speech through Polly."""

from slotline.infrastructure.aws.sns_config import SnsConfig
from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender

__all__ = ["SnsConfig", "SnsSmsSender"]
