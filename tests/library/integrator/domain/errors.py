class CrmUnavailable(Exception):
    """The integrator's own error, in the integrator's own `domain.errors` module."""
