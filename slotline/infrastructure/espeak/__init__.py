"""Offline text-to-speech with espeak-ng (apt-get install espeak-ng); see docs/speech.md."""

from slotline.infrastructure.espeak.tts import EspeakTextToSpeech

__all__ = ["EspeakTextToSpeech"]
