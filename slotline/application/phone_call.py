"""One phone call from ring to goodbye: answer, converse by voice, then hang up or hand over to a person.

Everything the agent decides comes from the Conversation; this module only moves audio and text between the
line and it, and ends the call the way the conversation ended.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from slotline.application.background_listening import BackgroundListener
from slotline.application.call_recording import CallRecorder, CallRecorders
from slotline.application.conversation import CallEnd, Conversation, Reply
from slotline.application.conversation_factory import ConversationFactory
from slotline.application.errors import CallEnded
from slotline.application.heard import log_heard
from slotline.application.listening import CallerSaid, CallerSilent, CallerUnheard, TurnListener
from slotline.application.ports import (
    CallMetrics,
    CallState,
    CallTracer,
    Clock,
    LiveCall,
    NoCallMetrics,
    NoCallTracer,
    RejectionKind,
    SpeechToText,
    TextToSpeech,
    TransferOutcome,
    TurnDetector,
    TurnDetectorFactory,
    UtteranceInterpreter,
)
from slotline.application.turn_timing import TurnTiming
from slotline.application.use_cases.request_callback import RequestCallback
from slotline.domain import call_record as rec
from slotline.domain.dialogue.expectation import Expectation, Expecting
from slotline.domain.dialogue.sentences import split_sentences
from slotline.domain.dialogue.turn_end import sounds_finished
from slotline.domain.phone import PhoneNumber
from slotline.domain.understanding import Intent, Interpretation

log = logging.getLogger(__name__)

Transcript = Callable[[str, str, str], None]
"""(call id, "caller" or "agent", text): told every line as it is heard or about to be spoken."""


ONE_MOMENT = "One moment, please."
NOBODY_FREE = "I'm sorry, nobody could take your call just now. Shall I text you so someone calls you back?"
CALLBACK_PROMISED = "Okay, I'll text you, and someone will call you back soon. Goodbye!"  # queued, not yet sent
CALLBACK_DECLINED = "Okay. Please call us again later. Goodbye!"
CALLBACK_ASKED_AGAIN = "Sorry, I didn't catch that. Shall I text you so someone calls you back? Please say yes or no."
CALLBACK_ASKED_AGAIN_SILENT = "Are you still there? Shall I text you so someone calls you back?"
CALLBACK_NOT_ANSWERED = "I won't text you then. Please call us again later. Goodbye!"
NO_CALLBACK_NUMBER = (
    "I'm sorry, nobody could take your call just now, and I can't see your number to call you back. "
    "Please call again later. Goodbye!"
)


@dataclass(frozen=True, slots=True)
class PhoneSettings:
    ring_seconds: int = 30
    """How long a transfer rings before it counts as unanswered."""
    playout_wait_seconds: float = 30.0
    """Longest wait for queued agent audio to finish before hanging up or transferring."""
    filler_after_seconds: float = 1.0
    """When working out a reply takes longer than this, the agent says "One moment, please." meanwhile."""


@dataclass(slots=True)
class CallOutcome:
    end: CallEnd | None = None
    transfer: TransferOutcome | None = None
    callback_requested: bool = False
    caller_hung_up: bool = False


class PhoneCallHandler:
    def __init__(
        self,
        conversations: ConversationFactory,
        interpreter: UtteranceInterpreter,
        stt: SpeechToText,
        tts: TextToSpeech,
        detectors: TurnDetectorFactory,
        callback: RequestCallback,
        clock: Clock,
        settings: PhoneSettings | None = None,
        transcript: Transcript | None = None,
        recording: CallRecorders | None = None,
        metrics: CallMetrics | None = None,
        tracer: CallTracer | None = None,
    ) -> None:
        self._transcript = transcript
        self._recording = recording or CallRecorders(None, clock)
        self._metrics = metrics or NoCallMetrics()
        self._tracer = tracer or NoCallTracer()
        self._conversations = conversations
        self._interpreter = interpreter
        self._stt = stt
        self._tts = tts
        self._detectors = detectors
        self._callback = callback
        self._clock = clock
        self._settings = settings or PhoneSettings()
        self.draining = asyncio.Event()
        """Set when the service is shutting down: live calls are handed to a person at their next turn."""

    async def __call__(self, call: LiveCall) -> CallOutcome:
        recorder = self._recording.start(call.call_id, call.caller, call.called)
        self._metrics.call_started()
        result = rec.CallResult.FAILED  # unless the call comes to an end of its own
        with self._tracer.span("call", call_id=call.call_id) as span:
            try:
                conversation = self._conversations(call.call_id, call.caller, on_backend=recorder.backend)
                outcome = await self._recorded(call, conversation, recorder)
                result = _result(outcome, conversation)
                return outcome
            finally:
                self._metrics.call_ended(result)
                span.set_attribute("slotline.call.outcome", result.value)

    async def _recorded(self, call: LiveCall, conversation: Conversation, recorder: CallRecorder) -> CallOutcome:
        try:
            outcome = await self._handle(call, conversation, recorder)
        except asyncio.CancelledError:
            recorder.stop()
            raise
        except Exception:
            recorder.states(call.state_path)
            await recorder.finish(rec.CallEnding(self._clock.now(), rec.CallResult.FAILED, _answered_at(call)))
            raise
        recorder.states(call.state_path)
        await recorder.finish(_ending(self._clock.now(), call, outcome, conversation))
        return outcome

    async def _handle(self, call: LiveCall, conversation: Conversation, recorder: CallRecorder) -> CallOutcome:
        outcome = CallOutcome()
        try:
            await call.answer()
            recorder.states(call.state_path)
            detector = self._detectors(call.sample_rate)
            await self._answer(call, detector, recorder, conversation.start())
            await self._converse(call, detector, conversation, recorder)
            if conversation.end is None:
                outcome.caller_hung_up = True
                await conversation.abandon()
                return outcome
            outcome.end = conversation.end
            if conversation.end is CallEnd.TRANSFERRED:
                await self._transfer(call, detector, recorder, outcome, conversation.caller)
            else:
                await call.wait_played(self._settings.playout_wait_seconds)
                await call.hang_up()
        except CallEnded:
            outcome.caller_hung_up = True
            await conversation.abandon()
        return outcome

    async def _converse(
        self, call: LiveCall, detector: TurnDetector, conversation: Conversation, recorder: CallRecorder
    ) -> None:
        listener = TurnListener(
            call,
            detector,
            self._stt,
            conversation.sounds_finished,
            lambda: conversation.expecting,
            barged_in=recorder.barge_in,
        )
        try:
            async for frame in call.audio():
                if self.draining.is_set():
                    await self._answer(call, detector, recorder, conversation.hand_over())
                    return
                for turn in await listener.take(frame):
                    if isinstance(turn, CallerSilent):
                        recorder.silence()
                        await self._answer(
                            call, detector, recorder, _decided(conversation.silence(), recorder, conversation)
                        )
                    elif isinstance(turn, CallerUnheard):
                        recorder.backend("recognise speech", 0.0, turn.reason)
                        self._metrics.recognition_rejected(RejectionKind.RECOGNISER_FAILED)
                        await self._answer(
                            call,
                            detector,
                            recorder,
                            _decided(conversation.not_heard(turn.reason), recorder, conversation),
                        )
                    else:
                        await self._reply_to(call, detector, conversation, recorder, turn)
                    if conversation.ended:
                        return
        finally:
            listener.close()

    async def _reply_to(
        self,
        call: LiveCall,
        detector: TurnDetector,
        conversation: Conversation,
        recorder: CallRecorder,
        turn: CallerSaid,
    ) -> None:
        said = turn.text
        self._tell(call, "caller", said)
        recorder.heard(turn)
        with self._tracer.span("turn", call_id=call.call_id, quick=turn.quick) as span:
            working = conversation.hear(said) if said.strip() else conversation.not_understood()
            decided = _decided(working, recorder, conversation)
            reply = await self._answer(call, detector, recorder, decided, TurnTiming(self._metrics, turn))
            span.set_attribute("slotline.turn.understood", reply.understood)
        if not reply.understood:
            kind = RejectionKind.NOT_UNDERSTOOD if said.strip() else RejectionKind.NO_WORDS
            self._metrics.recognition_rejected(kind)

    def _tell(self, call: LiveCall, who: str, text: str) -> None:
        if self._transcript is not None:
            self._transcript(call.call_id, who, text)

    async def _answer(
        self,
        call: LiveCall,
        detector: TurnDetector,
        recorder: CallRecorder,
        working: Awaitable[Reply],
        timing: TurnTiming | None = None,
    ) -> Reply:
        """Speak the reply `working` comes to; if that takes a while (a slow backend), say so meanwhile."""
        reply = asyncio.ensure_future(working)
        try:
            done, _ = await asyncio.wait({reply}, timeout=self._settings.filler_after_seconds)
            if not done:
                try:
                    await self._say(call, detector, recorder, ONE_MOMENT)
                except CallEnded:
                    await asyncio.wait({reply})  # a booking under way completes before the call is wound up
                    raise
            answer = await reply
        except asyncio.CancelledError:  # the call itself was cancelled (shutdown): so is its work, as before
            reply.cancel()
            raise
        if timing is not None:
            timing.decided()
        await self._speak(call, detector, recorder, answer, timing)
        return answer

    async def _speak(
        self,
        call: LiveCall,
        detector: TurnDetector,
        recorder: CallRecorder,
        reply: Reply,
        timing: TurnTiming | None = None,
    ) -> None:
        seconds = 0.0
        for line in reply.lines:
            self._tell(call, "agent", line)
            recorder.agent(line)
            for sentence in split_sentences(line):  # the first sentence plays while the next is synthesised
                pcm = await self._tts.synthesize(sentence, call.sample_rate)
                await call.play(pcm)
                recorder.audio_out()
                if timing is not None:
                    timing.first_audio()
                seconds += len(pcm) / (2 * call.sample_rate)
        detector.expect_reply_after(seconds)

    async def _transfer(
        self,
        call: LiveCall,
        detector: TurnDetector,
        recorder: CallRecorder,
        outcome: CallOutcome,
        number: PhoneNumber | None,
    ) -> None:
        """Hand over to a person; if nobody answers, offer a call-back text to `number` (the caller's, if known)."""
        answers = _YesNo(self._interpreter, self._clock)
        listener = TurnListener(
            call,
            detector,
            self._stt,
            answers.sounds_finished,
            lambda: _CALLBACK_EXPECTS,
            barged_in=recorder.barge_in,
        )
        ears = BackgroundListener(call, listener)
        try:  # the caller's audio is read while it rings, so the question after it gets its whole reply window
            await call.wait_played(self._settings.playout_wait_seconds)
            outcome.transfer = await call.connect_to_human(self._settings.ring_seconds)
            recorder.states(call.state_path)
            if outcome.transfer is TransferOutcome.CONNECTED:
                await call.leave()
                return
            if number is None:
                await self._say(call, detector, recorder, NO_CALLBACK_NUMBER)
            else:
                await self._offer_callback(call, detector, recorder, outcome, number, ears, answers)
        finally:
            await ears.close()
        await call.wait_played(self._settings.playout_wait_seconds)
        await call.hang_up()

    async def _offer_callback(
        self,
        call: LiveCall,
        detector: TurnDetector,
        recorder: CallRecorder,
        outcome: CallOutcome,
        number: PhoneNumber,
        ears: BackgroundListener,
        answers: _YesNo,
    ) -> None:
        """Ask whether to text the caller for a call-back, as any question is asked: the caller's answer is waited
        for (the reply window after the question), and asked again once if it was silence or neither yes nor no."""
        ears.expect_answer()
        question = NOBODY_FREE
        for _ in range(_CALLBACK_ASKS):
            await self._say(call, detector, recorder, question)
            turn = await ears.next_answer()
            if isinstance(turn, CallerSilent):
                log.debug("call %s: no answer to the call-back question", call.call_id)
                recorder.silence()
                question = CALLBACK_ASKED_AGAIN_SILENT
                continue
            if isinstance(turn, CallerUnheard):  # no recogniser to hear the answer: a yes cannot be heard either
                recorder.backend("recognise speech", 0.0, turn.reason)
                break
            self._tell(call, "caller", turn.text)
            recorder.heard(turn)
            understood = await answers.interpret(turn.text)
            log_heard(log, call.call_id, turn.text, understood)
            intent = understood.intent
            if intent is Intent.AFFIRM:
                began = asyncio.get_running_loop().time()
                await self._callback(number, call_id=call.call_id)
                recorder.backend("queue call-back text", asyncio.get_running_loop().time() - began, None)
                outcome.callback_requested = True
                recorder.decided(understood)
                await self._say(call, detector, recorder, CALLBACK_PROMISED)
                return
            recorder.decided(understood)
            if intent is Intent.DENY:
                await self._say(call, detector, recorder, CALLBACK_DECLINED)
                return
            question = CALLBACK_ASKED_AGAIN
        await self._say(call, detector, recorder, CALLBACK_NOT_ANSWERED)

    async def _say(self, call: LiveCall, detector: TurnDetector, recorder: CallRecorder, text: str) -> None:
        await self._speak(call, detector, recorder, Reply([text]))


async def _decided(working: Awaitable[Reply], recorder: CallRecorder, conversation: Conversation) -> Reply:
    """The reply to a turn, noted on the record (with what the turn was taken to mean) once it is worked out."""
    reply = await working
    recorder.decided(conversation.understood)
    return reply


def _answered_at(call: LiveCall) -> datetime | None:
    return next((at for state, at in call.state_path if state is CallState.ANSWERED), None)


def _result(outcome: CallOutcome, conversation: Conversation) -> rec.CallResult:
    """How the call ended: one rule for its record, its metrics and its trace."""
    transfer = outcome.transfer
    return rec.call_outcome(
        transfer_connected=None if transfer is None else transfer is TransferOutcome.CONNECTED,
        changed=conversation.changed,
        caller_hung_up=outcome.caller_hung_up,
    )


def _ending(now: datetime, call: LiveCall, outcome: CallOutcome, conversation: Conversation) -> rec.CallEnding:
    """How the call ended, for the record."""
    result = _result(outcome, conversation)
    reason = conversation.transfer_reason
    return rec.CallEnding(
        ended_at=now,
        outcome=result,
        answered_at=_answered_at(call),
        transfer_reason=None if reason is None else reason.value,
        appointment_id=conversation.appointment_id,
    )


_CALLBACK_EXPECTS = Expectation(Expecting.YES_NO)
"""The call-back question ("Shall I text you so someone calls you back?") is answered yes or no."""
_CALLBACK_ASKS = 2
"""Times the call-back question is asked before an answer that is neither yes nor no counts as no."""


class _YesNo:
    """Interprets the answers to a yes/no question once each: to end the turn early, then to act on it."""

    def __init__(self, interpreter: UtteranceInterpreter, clock: Clock) -> None:
        self._interpreter = interpreter
        self._clock = clock
        self._understood: dict[str, Interpretation] = {}

    async def interpret(self, text: str) -> Interpretation:
        if text not in self._understood:
            self._understood[text] = await self._interpreter.interpret(
                text, self._clock.now(), expecting=_CALLBACK_EXPECTS
            )
        return self._understood[text]

    async def sounds_finished(self, text: str) -> bool:
        return sounds_finished(await self.interpret(text))
