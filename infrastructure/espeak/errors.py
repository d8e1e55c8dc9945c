"""The speech engines' port error: the engine is missing or failed, so the call should go to a person."""

from __future__ import annotations

from application.errors import BackendUnavailable

__all__ = ["SpeechUnavailable"]


class SpeechUnavailable(BackendUnavailable):
    """A speech engine (synthesiser or recogniser) is not installed, or failed on this input."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"speech unavailable: {detail}")
        self.detail = detail
