"""Microsoft Graph (Microsoft 365) staff calendars.

Importing this package is cheap: it exports the configuration only. The gateway lives in
`infrastructure.msgraph.gateway`, whose import pulls in msgraph-sdk (about 0.3 s); import it where it is built.
"""

from slotline.infrastructure.msgraph.settings import GRAPH_V1, GraphConfigInvalid, GraphSettings

__all__ = ["GRAPH_V1", "GraphConfigInvalid", "GraphSettings"]
