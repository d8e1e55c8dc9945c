"""The language-model interpreters with their real SDKs (openai, boto3) against a local endpoint on 127.0.0.1 that
speaks each wire format: canned answers are resolved in code; slow, malformed, 429 and 500 answers leave the rules'
reading of the turn; retries stay inside the deadline; no phone number or name leaves in a request."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time

import pytest

from slotline.application.errors import InterpreterAnswerInvalid, InterpreterUnavailable
from slotline.application.hybrid_understanding import HybridUtteranceInterpreter
from slotline.application.ports import UtteranceInterpreter
from slotline.domain.understanding import Intent
from slotline.infrastructure.model_nlu.bedrock_interpreter import BedrockUtteranceInterpreter
from slotline.infrastructure.model_nlu.openai_interpreter import OpenAIUtteranceInterpreter
from slotline.infrastructure.model_nlu.settings import ModelSettings
from slotline.infrastructure.rules_nlu import RulesUtteranceInterpreter
from slotline.testing.model_server import FakeModelServer, Fault
from tests.factories import NOW, sample_catalogue

PROVIDERS = ["openai", "openai-tool", "bedrock"]
UNSURE = "tuesday but a week later"  # the rules ask which day: a turn hybrid sends to the model
A_WEEK_ON = {"intent": "inform", "day": {"weekday": "tuesday", "weeks_later": 1}, "time": {"hour": 2}}


@pytest.fixture
def model() -> Iterator[FakeModelServer]:
    with FakeModelServer() as server:
        yield server


def settings(provider: str, url: str, deadline_ms: int = 800) -> ModelSettings:
    if provider == "bedrock":
        return ModelSettings(
            provider="bedrock",
            model_id="anthropic.claude-3-haiku-20240307-v1:0",
            endpoint_url=url,
            access_key_id="testing",
            secret_access_key="testing",
            deadline_ms=deadline_ms,
        )
    return ModelSettings(
        base_url=f"{url}/v1",
        model="small-local-model",
        api_key="sk-local",
        structured_output="tool" if provider == "openai-tool" else "json_schema",
        deadline_ms=deadline_ms,
    )


def adapter(provider: str, url: str, deadline_ms: int = 800) -> UtteranceInterpreter:
    chosen = settings(provider, url, deadline_ms)
    if provider == "bedrock":
        return BedrockUtteranceInterpreter(chosen, sample_catalogue())
    return OpenAIUtteranceInterpreter(chosen, sample_catalogue())


def hybrid(provider: str, url: str, deadline_ms: int = 800) -> HybridUtteranceInterpreter:
    rules = RulesUtteranceInterpreter(sample_catalogue())
    return HybridUtteranceInterpreter(rules, adapter(provider, url, deadline_ms), deadline_seconds=deadline_ms / 1000)


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_a_canned_answer_is_resolved_in_the_business_zone(model: FakeModelServer, provider: str) -> None:
    model.answer(UNSURE, A_WEEK_ON)

    understood = await adapter(provider, model.url).interpret(UNSURE, NOW)

    assert (understood.intent, understood.day, understood.at) == (Intent.INFORM, date(2026, 12, 8), time(14, 0))
    assert understood.text == UNSURE
    (request,) = model.requests
    assert request["path"].endswith("/converse" if provider == "bedrock" else "/v1/chat/completions")


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.MALFORMED, InterpreterAnswerInvalid),
        (Fault.RATE_LIMITED, InterpreterUnavailable),
        (Fault.SERVER_ERROR, InterpreterUnavailable),
    ],
)
async def test_each_failure_is_the_ports_error(
    model: FakeModelServer, provider: str, fault: Fault, error: type[Exception]
) -> None:
    model.fail(fault)

    with pytest.raises(error):
        await adapter(provider, model.url).interpret(UNSURE, NOW)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("fault", [Fault.MALFORMED, Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.SLOW])
async def test_on_any_failure_the_turn_keeps_the_rules_reading(
    model: FakeModelServer, provider: str, fault: Fault
) -> None:
    model.answer(UNSURE, A_WEEK_ON)
    model.fail(fault, delay_seconds=3.0)
    interpreter = hybrid(provider, model.url, deadline_ms=300)

    understood = await interpreter.interpret(UNSURE, NOW)

    assert understood == await RulesUtteranceInterpreter(sample_catalogue()).interpret(UNSURE, NOW)
    assert understood.unsure == ("week",)  # so the agent asks which day, never guessing
    assert interpreter.turns.fell_back == 1
    assert interpreter.turns.timed_out == (1 if fault is Fault.SLOW else 0)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("fault", [Fault.RATE_LIMITED, Fault.SERVER_ERROR])
async def test_a_passing_refusal_is_retried_within_the_deadline(
    model: FakeModelServer, provider: str, fault: Fault
) -> None:
    model.answer(UNSURE, A_WEEK_ON)
    model.fail(fault, times=1)
    interpreter = hybrid(provider, model.url, deadline_ms=5000)

    understood = await interpreter.interpret(UNSURE, NOW)

    assert understood.day == date(2026, 12, 8)
    assert len(model.requests) == 2
    assert interpreter.turns.answered == 1


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_no_retry_is_started_past_the_deadline(model: FakeModelServer, provider: str) -> None:
    model.fail(Fault.SLOW, delay_seconds=0.5)

    with pytest.raises(InterpreterUnavailable):  # the SDK's own timeout is the deadline; tenacity stops there too
        await adapter(provider, model.url, deadline_ms=200).interpret(UNSURE, NOW)

    assert len(model.requests) == 1


@pytest.mark.parametrize("provider", PROVIDERS)
async def test_no_phone_number_or_name_leaves_in_a_request(model: FakeModelServer, provider: str) -> None:
    said = "hi my name is Priya Okafor, text me on 212 555 0123 or two one two five five five zero one nine nine"

    await adapter(provider, model.url).interpret(said, NOW)

    (request,) = model.requests
    body = json.dumps(request["body"])
    for secret in ("Priya", "Okafor", "212", "555", "0123", "zero one nine nine"):
        assert secret not in body
    assert "my name is [name]" in body
    assert "massage" in body  # the catalogue's names do go


async def test_warming_up_connects_before_the_first_caller(model: FakeModelServer) -> None:
    interpreter = hybrid("openai", model.url)

    await interpreter.warm_up()
    await interpreter.aclose()

    assert (model.listed, model.requests) == (1, [])  # only the free model list was asked for, no turn
