"""Streaming cloud speech-to-text with Deepgram's live API (a websocket of audio in, JSON results out).

Importing this package is cheap: it exports the settings only. The adapter lives in
`infrastructure.deepgram_stt.stt` (`DeepgramSpeechToText`), whose import pulls in deepgram-sdk; import it where it
is built. See docs/speech.md#deepgram-streaming-cloud-recognition.
"""

from slotline.infrastructure.deepgram_stt.settings import DeepgramSettings

__all__ = ["DeepgramSettings"]
