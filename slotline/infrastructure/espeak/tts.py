"""TextToSpeech with espeak-ng: offline, about 10-30 ms a sentence, robotic but clear on a phone line."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from slotline.application.errors import SpeechUnavailable
from slotline.infrastructure.common.espeak_program import ESPEAK, espeak_failed
from slotline.infrastructure.espeak.audio import pcm16_from_wav
from slotline.infrastructure.espeak.spare import SpareEspeak

__all__ = ["EspeakTextToSpeech"]


class EspeakTextToSpeech:
    """Speaks with an espeak-ng voice ("en-us", "en-us+f3", ...); PCM16 mono at the asked rate."""

    def __init__(
        self,
        voice: str = "en-us",
        rate_wpm: int = 160,
        pitch: int = 50,
        *,
        executable: str = ESPEAK,
        timeout_s: float = 10.0,
    ) -> None:
        if not 80 <= rate_wpm <= 450:
            raise ValueError(f"espeak-ng speaks at 80-450 words per minute, not {rate_wpm}")
        if not 0 <= pitch <= 99:
            raise ValueError(f"espeak-ng pitch is 0-99, not {pitch}")
        # -b 1: the text on stdin is UTF-8
        self._args = ["-b", "1", "--stdout", "--stdin", "-v", voice, "-s", str(rate_wpm), "-p", str(pitch)]
        self._executable = executable
        self._timeout_s = timeout_s
        self._espeak = SpareEspeak([executable, *self._args])
        # its own threads, which only wait on espeak-ng: sentences never queue behind recognisers in the default pool
        self._threads = ThreadPoolExecutor(max_workers=8, thread_name_prefix="espeak")

    async def synthesize(self, text: str, sample_rate: int) -> bytes:
        if sample_rate <= 0:
            raise ValueError(f"sample rate must be positive, not {sample_rate}")
        if not any(c.isalnum() for c in text):
            return b""
        loop = asyncio.get_running_loop()
        done = await loop.run_in_executor(self._threads, self._espeak.run, text, self._timeout_s)
        if done.returncode != 0:
            raise espeak_failed(self._executable, done.returncode, done.stderr)
        wav = done.stdout
        if not wav:
            raise SpeechUnavailable("espeak-ng wrote nothing")
        return pcm16_from_wav(wav, sample_rate)

    def close(self) -> None:
        """Stop the waiting espeak-ng process and the threads (synthesis still works after, a little slower)."""
        self._espeak.close()
        self._threads.shutdown(wait=False)
