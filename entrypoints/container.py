"""The composition root: which adapter plays each port, chosen by the settings. Only entrypoints import this."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from dependency_injector import containers, providers

from application.ports.clock import Clock
from domain.catalogue import Catalogue
from entrypoints.settings import Settings
from infrastructure.clock import FixedClock, SystemClock
from infrastructure.yaml_catalogue import load_catalogue, sample_catalogue_path

__all__ = ["Container", "build_container", "catalogue_file", "clock_kind"]


def clock_kind(now: datetime | None) -> Literal["fixed", "system"]:
    """The clock to run on: pinned when the settings name an instant, the real one otherwise."""
    return "system" if now is None else "fixed"


def catalogue_file(catalog: Path | None) -> Path:
    """The catalogue the settings name, or the bundled sample business."""
    return sample_catalogue_path() if catalog is None else catalog


class Container(containers.DeclarativeContainer):
    """Providers for every port; later issues add Selectors for the calendar, ledger and SMS backends."""

    config = providers.Configuration(strict=True)

    clock: providers.Provider[Clock] = providers.Selector(
        providers.Callable(clock_kind, config.now),
        fixed=providers.Singleton(FixedClock, config.now),
        system=providers.Singleton(SystemClock),
    )

    catalogue_path: providers.Provider[Path] = providers.Callable(catalogue_file, config.catalog)

    catalogue: providers.Singleton[Catalogue] = providers.Singleton(load_catalogue, catalogue_path)


def build_container(settings: Settings) -> Container:
    """A container configured from `settings`; nothing is built until a provider is called."""
    container = Container()
    container.config.from_pydantic(settings)
    return container
