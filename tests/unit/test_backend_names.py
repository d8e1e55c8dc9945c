"""The built-in backend names the settings accept are exactly the container's choices for each port."""

from __future__ import annotations

import pytest
from dependency_injector import providers

from slotline.entrypoints.container import _PORT_PROVIDERS, Container
from slotline.entrypoints.plugins import PORTS, PortBackends


@pytest.mark.parametrize("port", PORTS, ids=lambda p: p.setting)
def test_each_ports_builtins_are_its_selector_keys(port: PortBackends) -> None:
    selector = getattr(Container, _PORT_PROVIDERS[port.group])
    assert isinstance(selector, providers.Selector)
    assert sorted(selector.providers) == sorted(port.builtins)


def test_every_plugin_group_has_a_provider() -> None:
    assert sorted(_PORT_PROVIDERS) == sorted(port.group for port in PORTS)
