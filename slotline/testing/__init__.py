"""Test kit for integrators: in-memory fakes of every port (`slotline.testing.fakes`) and the contract suites an
adapter must pass (`slotline.testing.contracts`, which needs pytest and pytest-asyncio). Never needed at run time.
"""
