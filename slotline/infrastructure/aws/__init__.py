"""Amazon Web Services adapters: texts through SNS, and the GSM-7 fitting that keeps them to one segment."""

from slotline.infrastructure.aws.sms_text import fit_sms, is_gsm7, segment_count
from slotline.infrastructure.aws.sns_config import SnsConfig
from slotline.infrastructure.aws.sns_sms_sender import SnsSmsSender

__all__ = ["SnsConfig", "SnsSmsSender", "fit_sms", "is_gsm7", "segment_count"]
