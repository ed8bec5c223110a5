"""`newsclean serve`: one Prefect deployment per configured source, served on its schedule.

Each `[[sources]]` entry of the config (flows/config.py) becomes the deployment
`newsclean-ingest/<name>` of the `ingest` flow, with the source's schedule (cron or
interval), its inputs and the run options as parameters. `prefect.serve` registers them
with the Prefect server named by `PREFECT_API_URL` and then runs, in this process's
children, every flow run the server's scheduler creates for them.

Why serve rather than deploy to a work pool: served deployments run the code installed
here, with no image, storage block or worker to keep in step; stopping `newsclean serve`
pauses the schedules (Prefect's `pause_on_shutdown`), and starting it again resumes them.

Schedules need a real server (`prefect server start`): the temporary server a plain
`newsclean ingest` starts never runs the scheduler, which is why `serve` refuses to start
without `PREFECT_API_URL`.
"""

from __future__ import annotations

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
        "keep_raw": config.keep_raw,
        "allow_private": config.fetch.allow_private,
        "respect_robots": config.fetch.respect_robots,
        "fetch_delay": config.fetch.delay,
        "fetch_threads": config.fetch.threads,
        "max_in_flight": 2 * config.workers,
    }


def source_location(source: Source) -> str:
    return source.url if source.kind in ("feed", "sitemap") else source.path


def build_deployments(config: NewscleanConfig) -> list[Any]:
    """One `RunnerDeployment` of the `ingest` flow per source, named after the source."""
    from prefect.schedules import Cron, Interval

    from flows.ingest import ingest, make_task_runner, task_runner_name

    runner = make_task_runner(config.workers)
    configured = ingest.with_options(task_runner=runner)
    runner_name = task_runner_name(runner, config.workers, None)
    deployments = []
    for source in config.sources:
        if source.cron is not None:
            schedule = Cron(source.cron, timezone=source.timezone)
        else:
            schedule = Interval(source.interval, timezone=source.timezone)
        parameters = source_parameters(config, source) | {"task_runner_name": runner_name}
        deployments.append(
            configured.to_deployment(
                name=source.name,
                schedule=schedule,
                paused=source.paused,
                parameters=parameters,
                tags=[*DEPLOYMENT_TAGS, f"kind:{source.kind}"],
                description=f"newsclean {source.kind} {source_location(source)}",
                version=PIPELINE_VERSION,
            )
        )
    return deployments


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
    from prefect import serve
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise ServeError(
            "newsclean serve needs a Prefect server that runs schedules:\n"
            "  prefect server start --host 127.0.0.1\n"
            "  export PREFECT_API_URL=http://127.0.0.1:4200/api\n"
            "then run newsclean serve again."
        )
    serve(*build_deployments(config), limit=limit, print_starting_message=True)
