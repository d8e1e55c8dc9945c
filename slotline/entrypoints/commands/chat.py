"""`slotline chat`: a whole phone conversation in a terminal; each stdin line is what the caller says."""

from __future__ import annotations

import argparse
import asyncio
import sys

from slotline.application.conversation import CallEnd, Conversation, Reply
from slotline.domain.phone import PhoneNumber
from slotline.entrypoints.calls import new_conversation
from slotline.entrypoints.commands.base import Parser, Subparsers, prepare_storage
from slotline.entrypoints.container import Container
from slotline.entrypoints.warming import WarmAdapters, conversation_adapters
from slotline.infrastructure.common.phone_parsing import parse_phone

__all__ = ["register", "run"]


def register(subparsers: Subparsers, common: Parser) -> None:
    parser = subparsers.add_parser(
        "chat",
        parents=[common],
        help="talk to the agent in the terminal",
        description="Each line on stdin is what the caller says (an empty line is a silent turn); "
        "each reply is printed as 'agent: ...'. Ends with [call ended] or [transferred to a human].",
    )
    parser.add_argument("--caller", metavar="E164", help="the caller's number (default: withheld)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, container: Container) -> int:
    caller = parse_phone(args.caller, container.region()) if args.caller else None
    prepare_storage(container)  # an unusable database is a start-up error, not a call to hand over
    return asyncio.run(_chat(container, caller))


async def _chat(container: Container, caller: PhoneNumber | None) -> int:
    adapters = WarmAdapters(conversation_adapters(container))
    await adapters.warm_up()  # as `serve` does, so the first answer does not wait for imports and sign-in
    try:
        conversation = await _converse(container, caller)
        await container.booking().confirm.drain(within=15.0)
    finally:
        await adapters.aclose()
    _finish(conversation)
    return 0


async def _converse(container: Container, caller: PhoneNumber | None) -> Conversation:
    conversation = new_conversation(container, caller)
    interactive = sys.stdin.isatty()
    _show(await conversation.start())
    while not conversation.ended:
        if interactive:
            print("caller: ", end="", flush=True)
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:  # the caller hung up
            await conversation.abandon()
            break
        _show(await conversation.hear(line.strip()))
    return conversation


def _show(reply: Reply) -> None:
    for text in reply.lines:
        print(f"agent: {text}", flush=True)


def _finish(conversation: Conversation) -> None:
    if conversation.end is CallEnd.TRANSFERRED:
        print("[transferred to a human]")
    else:
        print("[call ended]")
