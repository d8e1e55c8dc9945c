"""The local SMS sender: texts go to the slotline database instead of a phone network."""

from slotline.infrastructure.local_sms.sender import LocalSmsSender, SentSms

__all__ = ["LocalSmsSender", "SentSms"]
