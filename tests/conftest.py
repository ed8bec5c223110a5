"""Shared fixtures: one Prefect test harness per session, the local HTTP server, and a
count of the HTML extractions a test makes.

Prefect reads its settings from the environment, so the environment is fixed in
`pytest_configure`, before any test module imports prefect: a throwaway PREFECT_HOME (tests
never touch ~/.prefect) and scanner cache (nor ~/.cache/newsclean), no analytics, and a
generous ephemeral-server startup timeout for slow CI machines. Starting the harness costs
~11 s, which is why it is session-scoped and requested only by the tests that run flows;
everything else is tested as plain functions.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from tests.fault_report import pytest_terminal_summary  # noqa: F401  (fault figures)
from tests.httpserver import http_server  # noqa: F401

_PREFECT_HOME: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _PREFECT_HOME
    _PREFECT_HOME = tempfile.mkdtemp(prefix="newsclean-prefect-home-")
    os.environ["PREFECT_HOME"] = _PREFECT_HOME
    os.environ["NEWSCLEAN_CACHE_DIR"] = os.path.join(_PREFECT_HOME, "newsclean-cache")
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    os.environ["DO_NOT_TRACK"] = "1"
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _PREFECT_HOME:
        shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API and database shared by every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture(scope="session")
def prefect_api_url(prefect_harness: None) -> str:
    """The harness server's API URL, for `newsclean` subprocesses started by tests.

    A subprocess given this URL reports to the harness instead of starting a temporary
    server of its own (~10 s each), and leaves no server child behind when it is killed.
    """
    from prefect.settings import PREFECT_API_URL

    return str(PREFECT_API_URL.value())


@pytest.fixture
def extraction_calls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The `fast` flag of every trafilatura extraction made while the test runs."""
    import cleaners.html as html_module

    calls: list[bool] = []
    extract = html_module._trafilatura_text

    def counted(html: str, url: str | None, *, fast: bool) -> str | None:
        calls.append(fast)
        return extract(html, url, fast=fast)

    monkeypatch.setattr(html_module, "_trafilatura_text", counted)
    return calls
