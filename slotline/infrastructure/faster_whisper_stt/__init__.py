"""Speech to text with Whisper on this machine (faster-whisper / CTranslate2): CPU int8 by default, GPU when asked.

Importing this package is cheap: it exports the settings only. The adapter (`faster_whisper_stt.stt`) and the model
registry (`faster_whisper_stt.models`) import faster-whisper; import them where they are built. See docs/speech.md.
"""

from slotline.infrastructure.faster_whisper_stt.settings import WhisperSettings

__all__ = ["WhisperSettings"]
