"""Speech stand-ins that carry text inside the audio, exactly and instantly.

They let calls, tests and benchmarks run whole conversations over real audio paths without a recogniser or a
synthesiser in the way. Not a voice: the "speech" is text written into PCM samples.
"""

from slotline.infrastructure.marked_speech.codec import decode_marks, encode_marks
from slotline.infrastructure.marked_speech.speech import MarkedSpeechToText, MarkedTextToSpeech

__all__ = ["MarkedSpeechToText", "MarkedTextToSpeech", "decode_marks", "encode_marks"]
