"""Builders the container calls for adapters whose SDKs are slow to import: imported only when selected."""
