"""Speech to text on any server speaking OpenAI's /v1/audio/transcriptions (OpenAI, Groq, faster-whisper servers,
vLLM), with a per-turn deadline and a local recogniser to fall back on.

Importing this package is cheap: it exports the settings only. The adapter (`openai_stt.stt`) imports the openai
SDK; import it where it is built. See docs/speech.md.
"""

from slotline.infrastructure.openai_stt.settings import OpenAITranscriptionSettings

__all__ = ["OpenAITranscriptionSettings"]
