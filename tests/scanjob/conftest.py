"""Scan-job tests quarantine for real, so they need the Secret Service check of the quarantine tests."""

from tests.quarantine.conftest import secret_service  # noqa: F401 - a fixture used by name
