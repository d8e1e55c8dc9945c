from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.domain.catalogue import Catalogue
from slotline.entrypoints.settings import SettingsInvalid
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.msgraph.settings import GraphSettings

if TYPE_CHECKING:
    from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway


def graph_calendar(catalogue: Catalogue, settings: GraphSettings | None) -> GraphCalendarGateway:
    """The Microsoft Graph calendar, importing msgraph only now (it costs ~0.2-1 s and ~20 MB)."""
    with needs_extra('calendar.backend "graph"', "graph"):
        from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway

    if settings is None:  # load_settings refuses this already; settings copied or built in code may not be checked
        raise SettingsInvalid('calendar.backend "graph" needs the [calendar.graph] section')
    return GraphCalendarGateway(settings, catalogue)
