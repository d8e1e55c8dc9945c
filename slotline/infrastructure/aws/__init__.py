"""Amazon Web Services adapters: texts through SNS (`aws.sns_sms_sender`), speech through Polly (`aws.polly_tts`).

Importing this package is cheap: it exports the settings only. The adapters import boto3; import them where they
are built.
"""

from slotline.infrastructure.aws.polly_settings import PollySettings
from slotline.infrastructure.aws.sns_settings import SnsSettings

__all__ = ["PollySettings", "SnsSettings"]
