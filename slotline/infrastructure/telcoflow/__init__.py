"""Telcoflow telephony: the adapter for the SDK and a loopback server that speaks its protocol (no SDK import here)."""
