"""The whole log output, exactly as `slotline serve --log-level DEBUG` configures it, captured in memory."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from slotline.entrypoints.logs import LogFormat, configure


@contextmanager
def debug_log(secrets: Iterable[str] = (), log_format: LogFormat = "text") -> Iterator[io.StringIO]:
    """Configure logging as the CLI does at DEBUG (`--log-format`: text or json lines), writing to the yielded
    buffer; put everything back after."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    saved_levels = _levels()
    buffer = io.StringIO()
    configure("DEBUG", secrets=secrets, stream=buffer, log_format=log_format)
    try:
        yield buffer
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name in _levels():
            logging.getLogger(name).setLevel(saved_levels.get(name, logging.NOTSET))


def _levels() -> dict[str, int]:
    loggers = logging.root.manager.loggerDict.items()
    return {name: logger.level for name, logger in loggers if isinstance(logger, logging.Logger)}


def leaks(log: str, *private: str) -> list[str]:
    """Which of `private` appear in `log`."""
    return [text for text in private if text in log]
