"""Use cases: each one a small async service over the ports."""
