"""Turn-taking by frame energy: fine for clean line audio and for the marked-speech stand-ins."""

from slotline.infrastructure.energy_vad.detector import EnergyTurnDetector, EnergyTurnDetectorFactory

__all__ = ["EnergyTurnDetector", "EnergyTurnDetectorFactory"]
