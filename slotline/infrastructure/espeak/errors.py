"""The speech engines' port error lives with the other port errors; re-exported here for the engines."""

from slotline.application.errors import SpeechUnavailable

__all__ = ["SpeechUnavailable"]
