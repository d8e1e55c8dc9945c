from __future__ import annotations

from typing import TYPE_CHECKING

from slotline.domain.catalogue import Catalogue
from slotline.entrypoints.settings import SettingsInvalid
from slotline.entrypoints.wiring.extras import needs_extra
from slotline.infrastructure.msgraph.settings import GraphSettings
from slotline.infrastructure.msgraph.staff_calendars import ensure_staff_calendars

if TYPE_CHECKING:
    from slotline.entrypoints.container import Container
    from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway


def check_configuration(container: Container) -> None:
    """Start-up checks of the calendar settings against the catalogue: with Graph, every staff member has a calendar."""
    if container.config.calendar.backend() == "graph":
        ensure_staff_calendars(container.catalogue())


def graph_calendar(catalogue: Catalogue, settings: GraphSettings | None) -> GraphCalendarGateway:
    """The Microsoft Graph calendar, importing msgraph only now (it costs ~0.2-1 s and ~20 MB)."""
    with needs_extra('calendar.backend "graph"', "graph"):
        from slotline.infrastructure.msgraph.gateway import GraphCalendarGateway

    if settings is None:  # load_settings refuses this already; settings copied or built in code may not be checked
        raise SettingsInvalid('calendar.backend "graph" needs the [calendar.graph] section')
    return GraphCalendarGateway(settings, catalogue)
