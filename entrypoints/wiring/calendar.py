from __future__ import annotations

from typing import TYPE_CHECKING

from domain.catalogue import Catalogue
from entrypoints.settings import GraphSettings

if TYPE_CHECKING:
    from infrastructure.msgraph.gateway import GraphCalendarGateway


def graph_calendar(catalogue: Catalogue, settings: dict[str, object]) -> GraphCalendarGateway:
    """The Microsoft Graph calendar, importing msgraph only now (it costs ~0.2-1 s and ~20 MB)."""
    from infrastructure.msgraph import GraphCalendarConfig
    from infrastructure.msgraph.gateway import GraphCalendarGateway

    s = GraphSettings.model_validate(settings)
    return GraphCalendarGateway(GraphCalendarConfig(**s.model_dump()), catalogue)
