"""Offline text-to-speech with espeak-ng (apt-get install espeak-ng); see docs/speech.md."""

from infrastructure.espeak.errors import SpeechUnavailable
from infrastructure.espeak.phonemes import ipa_phonemes
from infrastructure.espeak.tts import EspeakTextToSpeech

__all__ = ["EspeakTextToSpeech", "SpeechUnavailable", "ipa_phonemes"]
