"""Prometheus: CallMetrics as Prometheus metrics, and the HTTP server for scrapes and health checks."""

from slotline.infrastructure.prometheus.call_metrics import PrometheusCallMetrics
from slotline.infrastructure.prometheus.server import MetricsAddressUnusable, MetricsServer, ReadinessCheck, ScrapeHook

__all__ = ["MetricsAddressUnusable", "MetricsServer", "PrometheusCallMetrics", "ReadinessCheck", "ScrapeHook"]
