"""Offline text-to-speech with espeak-ng (apt-get install espeak-ng); see docs/speech.md."""

from slotline.infrastructure.espeak.errors import SpeechUnavailable
from slotline.infrastructure.espeak.phonemes import ipa_phonemes
from slotline.infrastructure.espeak.tts import EspeakTextToSpeech

__all__ = ["EspeakTextToSpeech", "SpeechUnavailable", "ipa_phonemes"]
