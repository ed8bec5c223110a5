"""`newsclean serve`: one Prefect deployment per configured source, served on its schedule.

Each `[[sources]]` entry of the config (flows/config.py) becomes the deployment
`newsclean-ingest/<name>` of the `ingest` flow, with the source's schedule (cron or
interval), its inputs and the run options as parameters. A Prefect `Runner` registers them
with the server named by `PREFECT_API_URL`, then runs every flow run the server's
scheduler creates for them, each in a child process, until stopped.

Why serve rather than deploy to a work pool: served deployments run the code installed
here, with no image, storage block or worker to keep in step; stopping `newsclean serve`
pauses the schedules (Prefect's `pause_on_shutdown`), and starting it again resumes them.
The flows are added with `Runner.add_flow`, not as `RunnerDeployment`s, because only then
does the runner run the flow object it was given (ours carries the task runner the config
asks for: a process pool for `workers > 1`); a deployment alone is re-imported from its
entrypoint with the default task runner.

Schedules need a real server (`prefect server start`): the temporary server a plain
`newsclean ingest` starts never runs the scheduler, which is why `serve` refuses to start
without `PREFECT_API_URL`.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any

from cleaners import PIPELINE_VERSION
from flows.config import NewscleanConfig, Source, format_interval

DEPLOYMENT_TAGS = ("newsclean",)


class ServeError(Exception):
    """`newsclean serve` cannot start (no server configured)."""


def source_parameters(config: NewscleanConfig, source: Source) -> dict[str, Any]:
    """The `ingest` flow's parameters for one source: its inputs plus the shared options."""
    inputs: list[str] = []
    url_lists: list[str] = []
    if source.kind in ("feed", "sitemap"):
        inputs.append(source.url)
    elif source.kind == "folder":
        inputs.append(source.path)
    else:
        url_lists.append(source.path)
    return {
        "inputs": inputs,
        "url_lists": url_lists,
        "output": source.output or config.output,
        "batch_size": config.batch_size,
        "language_detector": config.language_detector,
        "html_extraction": config.html_extraction,
        "keep_raw": config.keep_raw,
        "allow_private": config.fetch.allow_private,
        "respect_robots": config.fetch.respect_robots,
        "fetch_delay": config.fetch.delay,
        "fetch_threads": config.fetch.threads,
        "max_in_flight": 2 * config.workers,
    }


def source_location(source: Source) -> str:
    return source.url if source.kind in ("feed", "sitemap") else source.path


@dataclass(frozen=True, slots=True)
class DeploymentSpec:
    """What one source's deployment is: plain data, so it can be checked without a server."""

    name: str
    schedule: Any
    parameters: dict[str, Any]
    paused: bool
    tags: list[str]
    description: str


def deployment_specs(config: NewscleanConfig) -> list[DeploymentSpec]:
    """One deployment per source, named after it, with its schedule and parameters."""
    from prefect.schedules import Cron, Interval

    specs = []
    for source in config.sources:
        if source.cron is not None:
            schedule = Cron(source.cron, timezone=source.timezone)
        else:
            schedule = Interval(source.interval, timezone=source.timezone)
        specs.append(
            DeploymentSpec(
                name=source.name,
                schedule=schedule,
                parameters=source_parameters(config, source),
                paused=source.paused,
                tags=[*DEPLOYMENT_TAGS, f"kind:{source.kind}"],
                description=f"newsclean {source.kind} {source_location(source)}",
            )
        )
    return specs


def describe_deployments(config: NewscleanConfig) -> str:
    """What `serve` would register, one line per source (for `--check` and the log)."""
    lines = [f"{len(config.sources)} deployments of flow newsclean-ingest -> {config.output}"]
    for source in config.sources:
        schedule = (
            f"cron {source.cron!r}" + (f" {source.timezone}" if source.timezone else "")
            if source.cron is not None
            else f"every {format_interval(source.interval)}"  # type: ignore[arg-type]
        )
        paused = " (paused)" if source.paused else ""
        lines.append(
            f"  newsclean-ingest/{source.name}: {source.kind} {source_location(source)}, "
            f"{schedule}{paused}"
        )
    return "\n".join(lines)


def serve_config(config: NewscleanConfig, *, limit: int | None = None) -> None:
    """Register the config's deployments and run their scheduled flow runs until stopped."""
    from prefect.exceptions import TerminationSignal
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise ServeError(
            "newsclean serve needs a Prefect server that runs schedules:\n"
            "  prefect server start --host 127.0.0.1\n"
            "  export PREFECT_API_URL=http://127.0.0.1:4200/api\n"
            "then run newsclean serve again."
        )
    _check_server(PREFECT_API_URL.value())
    runner = build_runner(config, limit=limit)
    print(f"serving {len(config.sources)} deployments on {PREFECT_API_URL.value()}", flush=True)
    # Ctrl-C or SIGTERM: the runner has paused the schedules and stopped; a clean exit.
    with contextlib.suppress(KeyboardInterrupt, TerminationSignal):
        asyncio.run(runner.start())


def _check_server(api_url: str) -> None:
    """Fail with one clear line, not a connection traceback, when the server is down."""
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        problem = client.api_healthcheck()
    if problem is not None:
        raise ServeError(
            f"cannot reach the Prefect API at {api_url} ({type(problem).__name__}: {problem}); "
            "is `prefect server start` running?"
        )


def build_runner(config: NewscleanConfig, *, limit: int | None = None) -> Any:
    """A Prefect `Runner` holding one flow per source (see the module docstring for why)."""
    from prefect.runner import Runner
    from prefect.types.entrypoint import EntrypointType

    from flows.ingest import ingest, make_task_runner

    task_runner = make_task_runner(config.workers)
    configured = ingest.with_options(task_runner=task_runner)
    runner = Runner(name="newsclean", pause_on_shutdown=True, limit=limit)
    for spec in deployment_specs(config):
        runner.add_flow(
            configured,
            name=spec.name,
            schedule=spec.schedule,
            paused=spec.paused,
            parameters=spec.parameters,
            tags=spec.tags,
            description=spec.description,
            version=PIPELINE_VERSION,
            entrypoint_type=EntrypointType.MODULE_PATH,
        )
    return runner
