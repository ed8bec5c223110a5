"""`newsclean serve`: deployments built from a config, and one end-to-end test against a real
`prefect server start` whose scheduler creates a run that the served runner completes.

The end-to-end test owns its server and its `newsclean serve` process (each in its own
process group, always killed), a PREFECT_HOME in tmp, and a scheduler loop of 1 s so the
first scheduled run appears within seconds instead of a minute.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.config import load_config
from flows.serve import deployment_specs, source_parameters

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
NEWSCLEAN = [sys.executable, "-m", "flows.cli"]

CONFIG = """
output = "out"
workers = 2
batch_size = 50

[fetch]
delay = 0.0
threads = 2

[[sources]]
name = "tiny-folder"
kind = "folder"
path = "docs"
interval = "10s"

[[sources]]
name = "nightly-feed"
kind = "feed"
url = "https://news.example/world/rss.xml"
cron = "30 2 * * *"
timezone = "Europe/Berlin"
paused = true

[[sources]]
name = "partner-list"
kind = "url_list"
path = "lists/partner.txt"
interval = "1h"
paused = true
"""


def write_config(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, docs / seed.name)
    config = root / "newsclean.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


# --- deployments from a config (no server) -----------------------------------------------------


def test_each_source_becomes_a_deployment_with_its_schedule_and_inputs(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path))
    specs = {spec.name: spec for spec in deployment_specs(config)}

    assert list(specs) == ["tiny-folder", "nightly-feed", "partner-list"]
    folder, feed, url_list = specs.values()
    assert folder.schedule.interval == timedelta(seconds=10) and not folder.paused
    assert (feed.schedule.cron, feed.schedule.timezone) == ("30 2 * * *", "Europe/Berlin")
    assert feed.paused and "kind:feed" in feed.tags
    assert folder.parameters["inputs"] == [str(tmp_path / "docs")]
    assert folder.parameters["output"] == str(tmp_path / "out")
    assert feed.parameters["inputs"] == ["https://news.example/world/rss.xml"]
    assert url_list.parameters["inputs"] == []
    assert url_list.parameters["url_lists"] == [str(tmp_path / "lists" / "partner.txt")]
    shared = {"batch_size": 50, "fetch_delay": 0.0, "fetch_threads": 2, "keep_raw": True}
    assert shared.items() <= folder.parameters.items()


def test_source_parameters_are_valid_ingest_parameters(tmp_path: Path) -> None:
    """Every parameter a deployment sets must exist on the flow (Prefect enforces it)."""
    import inspect

    from flows.ingest import ingest

    config = load_config(write_config(tmp_path))
    accepted = set(inspect.signature(ingest.fn).parameters)
    for source in config.sources:
        assert set(source_parameters(config, source)) <= accepted


def test_serve_check_lists_deployments_without_a_server(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    result = subprocess.run(
        [*NEWSCLEAN, "serve", "--config", str(config), "--check"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "newsclean-ingest/tiny-folder: folder" in result.stdout
    assert "every 10s" in result.stdout
    assert "cron '30 2 * * *' Europe/Berlin (paused)" in result.stdout


def test_serve_refuses_to_start_without_a_server(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    result = subprocess.run(
        [*NEWSCLEAN, "serve", "--config", str(config)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "prefect server start --host 127.0.0.1" in result.stderr
    assert "PREFECT_API_URL" in result.stderr


def test_an_invalid_config_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('output = "out"\n[[sources]]\nname = "x"\nkind = "folder"\npath = "d"\n')
    result = subprocess.run(
        [*NEWSCLEAN, "serve", "--config", str(config), "--check"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "sources[0] ('x'): give exactly one schedule: `cron` or `interval`" in result.stderr


# --- a real server, a real schedule ------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def quiet_prefect_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        **extra,
    )
    return env


@contextmanager
def process_group(args: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """Start a process in its own group; on exit stop it and everything it started."""
    with log.open("wb") as log_file:
        child = subprocess.Popen(
            args, env=env, cwd=log.parent, stdout=log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        try:
            yield child
        finally:
            stop_group(child)


def stop_group(child: subprocess.Popen, grace: float = 10.0) -> None:
    if child.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            child.wait(timeout=grace)
    with suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)  # flow-run children outlive a stopped leader
    child.wait(timeout=10)


def wait_until(check: Callable[[], Any], timeout: float, what: str, alive: list[Any]) -> Any:
    """Poll `check` until it returns something truthy; fail early if a process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child, log in alive:
            assert child.poll() is None, f"{log.name} exited:\n{log.read_text()[-3000:]}"
        result = check()
        if result:
            return result
        time.sleep(0.5)
    logs = "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for _, log in alive)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}\n{logs}")


def server_is_healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_served_source_is_scheduled_and_completes_on_a_real_server(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterKey,
        DeploymentFilter,
        DeploymentFilterId,
    )
    from prefect.settings import PREFECT_API_URL, temporary_settings

    config = write_config(tmp_path)
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    server_env = quiet_prefect_env(
        tmp_path / "server-home",
        PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="1",
        PREFECT_UI_ENABLED="false",
    )
    serve_env = quiet_prefect_env(
        tmp_path / "serve-home", PREFECT_API_URL=api_url, PREFECT_RUNNER_POLL_FREQUENCY="1"
    )
    prefect_cli = str(Path(sys.executable).with_name("prefect"))
    server_command = [prefect_cli, "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"

    with process_group(server_command, server_env, server_log) as server:
        alive = [(server, server_log)]
        wait_until(lambda: server_is_healthy(api_url), 90, "the server's /api/health", alive)
        serve_command = [*NEWSCLEAN, "serve", "--config", str(config)]
        serve_env["PYTHONPATH"] = str(PROJECT)
        with (
            process_group(serve_command, serve_env, serve_log) as serve,
            temporary_settings(updates={PREFECT_API_URL: api_url}),
            get_client(sync_client=True) as client,
        ):
            alive.append((serve, serve_log))

            def deployment(name: str) -> Any:
                with suppress(Exception):
                    return client.read_deployment_by_name(f"newsclean-ingest/{name}")
                return None

            folder = wait_until(lambda: deployment("tiny-folder"), 60, "the deployment", alive)
            feed = wait_until(lambda: deployment("nightly-feed"), 30, "the feed deployment", alive)

            assert [s.schedule.interval for s in folder.schedules] == [timedelta(seconds=10)]
            assert [(s.schedule.cron, s.schedule.timezone) for s in feed.schedules] == [
                ("30 2 * * *", "Europe/Berlin")
            ]
            assert feed.paused and not folder.paused
            assert folder.parameters["inputs"] == [str(tmp_path / "docs")]

            runs_of_folder = DeploymentFilter(id=DeploymentFilterId(any_=[folder.id]))

            def completed_scheduled_run() -> Any:
                runs = client.read_flow_runs(deployment_filter=runs_of_folder)
                done = [r for r in runs if r.state_type and r.state_type.value == "COMPLETED"]
                return next((r for r in done if r.auto_scheduled), None)

            run = wait_until(completed_scheduled_run, 120, "a completed scheduled run", alive)
            summary_key = ArtifactFilter(key=ArtifactFilterKey(any_=["newsclean-ingest-summary"]))
            artifacts = client.read_artifacts(artifact_filter=summary_key)

    assert run.parameters["output"] == str(tmp_path / "out")
    pattern = f"{tmp_path}/out/articles/**/*.parquet"
    sql = f"SELECT count(*) FROM read_parquet('{pattern}', union_by_name = true)"
    assert duckdb.connect().execute(sql).fetchall() == [(2,)]
    manifests = [json.loads(p.read_text()) for p in (tmp_path / "out" / "_manifests").iterdir()]
    by_run = {manifest["prefect_flow_run_id"]: manifest for manifest in manifests}
    # The served run used the task runner the config asked for (2 worker processes).
    assert by_run[str(run.id)]["task_runner"] == "ProcessPoolTaskRunner(2)"
    assert any(str(run.id) == str(artifact.flow_run_id) for artifact in artifacts)


def test_credentials_stay_references_in_deployment_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRE_PASSWORD", "s3cret")
    text = CONFIG.replace(
        "https://news.example/world/rss.xml", "https://reader:${WIRE_PASSWORD}@news.example/rss"
    )
    config_path = write_config(tmp_path)
    config_path.write_text(text, encoding="utf-8")
    feed = {spec.name: spec for spec in deployment_specs(load_config(config_path))}["nightly-feed"]
    assert feed.parameters["inputs"] == ["https://reader:${WIRE_PASSWORD}@news.example/rss"]
    assert "s3cret" not in repr(feed.parameters)
