from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.domain.catalogue import Catalogue
from slotline.entrypoints.settings import GraphSettings
from slotline.entrypoints.wiring.extras import needs_extra

if TYPE_CHECKING:
    from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway


def graph_calendar(catalogue: Catalogue, settings: dict[str, object]) -> GraphCalendarGateway:
    """The Microsoft Graph calendar, importing msgraph only now (it costs ~0.2-1 s and ~20 MB)."""
    from slotline.infrastructure.msgraph import GraphCalendarConfig

    with needs_extra('calendar.backend "graph"', "graph"):
        from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway

    s = GraphSettings.model_validate(settings)
    return GraphCalendarGateway(GraphCalendarConfig(**s.model_dump()), catalogue)
