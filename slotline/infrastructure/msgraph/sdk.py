"""The msgraph-sdk and kiota names slotline uses, imported in one place.

msgraph's generated request builders define deprecated configuration classes whose bodies warn when their
module is imported, some of them lazily on first use (`client.users`, `.calendar`, `.events`). Importing
them here, once, with that DeprecationWarning silenced keeps the noise out of logs and test reports; any other
warning still shows.
"""

from __future__ import annotations

import importlib
import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*is deprecated")
    from kiota_abstractions.api_error import APIError
    from kiota_abstractions.base_request_configuration import RequestConfiguration
    from kiota_abstractions.default_query_parameters import QueryParameters
    from kiota_authentication_azure.azure_identity_authentication_provider import (
        AzureIdentityAuthenticationProvider,
    )
    from kiota_http.kiota_client_factory import KiotaClientFactory
    from kiota_http.middleware.options import RetryHandlerOption
    from msgraph.generated.models.body_type import BodyType
    from msgraph.generated.models.date_time_time_zone import DateTimeTimeZone
    from msgraph.generated.models.event import Event
    from msgraph.generated.models.event_collection_response import EventCollectionResponse
    from msgraph.generated.models.free_busy_status import FreeBusyStatus
    from msgraph.generated.models.item_body import ItemBody
    from msgraph.generated.models.schedule_information import ScheduleInformation
    from msgraph.generated.models.single_value_legacy_extended_property import SingleValueLegacyExtendedProperty
    from msgraph.generated.users.item.calendar.get_schedule.get_schedule_post_request_body import (
        GetSchedulePostRequestBody,
    )
    from msgraph.generated.users.item.calendar_view.calendar_view_request_builder import CalendarViewRequestBuilder
    from msgraph.generated.users.item.events.events_request_builder import EventsRequestBuilder
    from msgraph.generated.users.item.events.item.event_item_request_builder import EventItemRequestBuilder
    from msgraph.graph_request_adapter import GraphRequestAdapter
    from msgraph.graph_service_client import GraphServiceClient

    for _lazy in (  # what the SDK would otherwise import on first use, warnings and all
        "msgraph.generated.users.users_request_builder",
        "msgraph.generated.users.item.user_item_request_builder",
        "msgraph.generated.users.item.calendar.calendar_request_builder",
        "msgraph.generated.users.item.calendar.get_schedule.get_schedule_request_builder",
        "msgraph.generated.users.item.calendar.get_schedule.get_schedule_post_response",
    ):
        importlib.import_module(_lazy)

__all__ = [
    "APIError",
    "AzureIdentityAuthenticationProvider",
    "BodyType",
    "CalendarViewRequestBuilder",
    "DateTimeTimeZone",
    "Event",
    "EventCollectionResponse",
    "EventItemRequestBuilder",
    "EventsRequestBuilder",
    "FreeBusyStatus",
    "GetSchedulePostRequestBody",
    "GraphRequestAdapter",
    "GraphServiceClient",
    "ItemBody",
    "KiotaClientFactory",
    "QueryParameters",
    "RequestConfiguration",
    "RetryHandlerOption",
    "ScheduleInformation",
    "SingleValueLegacyExtendedProperty",
]
