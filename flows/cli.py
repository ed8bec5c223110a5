"""The `newsclean` command.

- `newsclean ingest PATH_OR_URL...` runs the Prefect ingest flow (see flows/ingest.py) and
  prints a short summary; the full one is in `<output>/_manifests/<run_id>.json`.
- `newsclean backfill ...` is `ingest` for big one-off jobs (folders, URL lists, WARC files,
  a `--from/--to` range of stored raw pages), with a progress bar on a terminal;
  `newsclean reclean [OUTPUT]` re-runs the current cleaners over stored raw pages and
  replaces the rows older cleaners made (see flows/backfill.py).
- `newsclean serve --config FILE` serves one scheduled deployment per configured source
  (flows/config.py, flows/serve.py).
- `newsclean stats [OUTPUT]` summarises a dataset with DuckDB (flows/stats.py).
- `newsclean clean FILE [--explain]` cleans one file and prints the article at once.

`clean` and `stats` never import Prefect (whose startup costs seconds): this module imports
prefect-using code only inside the handlers that run flows.

Exit codes: 0 on success, even when some inputs were rejected (they are data, recorded in
the `rejects` table); 1 when `clean` rejects its file or a run crashes; 2 on usage errors
(including an invalid config file).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from cleaners import CleanConfig, CleanResult, RawDocument, clean
from cleaners.language import DETECTORS
from cleaners.pipeline import HTML_EXTRACTION_MODES
from flows import scanner_cache
from flows.defaults import DEFAULT_BATCH_SIZE
from flows.records import FailedInput
from flows.sources import iter_path

# Measured as early as possible so the summary can tell Prefect's startup from the work.
_COMMAND_STARTED = time.time()

# Prefect reads these when it is imported: set them first, without overriding the user's.
PREFECT_ENVIRONMENT = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}
# Long runs keep the terminal for the progress bar and the summary: Prefect's INFO lines
# still reach the API (the UI shows them), only the console copy is held back.
QUIET_CONSOLE = {"PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING"}

EXPLAIN_TEXT_CHARS = 90
TOP_REMOVED_KINDS = 8


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, argparse.ArgumentParser], int] = args.handler
    try:
        return handler(args, parser)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Turn raw news pages into clean, language-tagged Parquet datasets.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_ingest_command(commands)
    _add_backfill_command(commands)
    _add_reclean_command(commands)
    _add_serve_command(commands)
    _add_stats_command(commands)
    _add_clean_command(commands)
    return parser


def _add_ingest_command(commands: Any) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="ingest files, folders, WARC/JSONL, URLs, feeds and sitemaps into Parquet",
        description="Run the ingest flow. Inputs with a scheme (https://...) are fetched; "
        "feeds and sitemaps are expanded into their articles; anything else is a local path.",
    )
    ingest.add_argument("inputs", nargs="*", metavar="PATH_OR_URL")
    ingest.add_argument("--output", default="output/", help="dataset root (default: output/)")
    _add_input_options(ingest)
    _add_run_options(ingest)
    _add_fetch_options(ingest)
    ingest.set_defaults(handler=run_ingest_command)


def _add_backfill_command(commands: Any) -> None:
    backfill = commands.add_parser(
        "backfill",
        help="ingest a large set of inputs or a date range of stored raw pages, with progress",
        description="A one-off ingest of folders, URL lists, WARC files and/or the raw pages "
        "stored in a range of raw/ingest_date=... partitions (--from/--to). It appends: "
        "whatever the output already records is skipped, so it can be stopped and re-run.",
    )
    backfill.add_argument("inputs", nargs="*", metavar="PATH_OR_URL")
    backfill.add_argument("--output", default="output/", help="dataset root (default: output/)")
    _add_input_options(backfill)
    _add_date_range_options(backfill, "stored raw pages")
    backfill.add_argument(
        "--raw-from",
        metavar="ROOT",
        help="read stored raw pages from this dataset root (default: --output); "
        "alone, it means all of its dates",
    )
    _add_run_options(backfill)
    _add_fetch_options(backfill)
    _add_display_options(backfill)
    backfill.set_defaults(handler=run_backfill_command)


def _add_reclean_command(commands: Any) -> None:
    reclean = commands.add_parser(
        "reclean",
        help="re-run the current cleaners over stored raw pages and replace older rows",
        description="Clean the raw pages stored in OUTPUT again (no fetching) and replace "
        "each page's articles, removed blocks, rejects and aliases with the new result. An "
        "article the current cleaners reject becomes a reject.",
    )
    reclean.add_argument(
        "output", nargs="?", default="output/", metavar="OUTPUT", help="default: output/"
    )
    _add_date_range_options(reclean, "raw pages")
    _add_run_options(reclean)
    _add_display_options(reclean)
    reclean.set_defaults(handler=run_reclean_command)


def _add_serve_command(commands: Any) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve one scheduled Prefect deployment per source of a config file",
        description="Register one deployment per [[sources]] entry of the config, with its "
        "schedule, on the Prefect server at PREFECT_API_URL, and run its scheduled flow "
        "runs until stopped (Ctrl-C pauses the schedules).",
    )
    serve.add_argument("--config", required=True, metavar="FILE", help="a newsclean TOML file")
    serve.add_argument(
        "--check", action="store_true", help="validate the config, list the deployments, exit"
    )
    serve.add_argument(
        "--limit", type=_positive_int, metavar="N", help="at most N flow runs at once"
    )
    serve.set_defaults(handler=run_serve_command)


def _add_stats_command(commands: Any) -> None:
    stats = commands.add_parser(
        "stats",
        help="summarise a dataset with DuckDB (no Prefect, instant)",
        description="Rows per table, articles per language, ingest date and source host, "
        "rejects by reason, removed blocks by kind, schema versions and runs.",
    )
    stats.add_argument(
        "output", nargs="?", default="output/", metavar="OUTPUT", help="default: output/"
    )
    stats.add_argument("--json", action="store_true", help="print JSON instead of text")
    stats.set_defaults(handler=run_stats_command)


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--urls", action="append", default=[], metavar="FILE", help="a file of URLs, one a line"
    )


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=os.cpu_count() or 1,
        help="cleaning processes (default: CPU count; 1 = one thread, no process pool)",
    )
    parser.add_argument(
        "--batch-size",
        type=_positive_int,
        default=DEFAULT_BATCH_SIZE,
        help=f"documents per task (default {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument(
        "--dask-address", metavar="ADDR", help="run tasks on a Dask cluster (tcp://HOST:PORT)"
    )
    _add_cleaning_options(parser)


def _add_cleaning_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--language-detector", choices=sorted(DETECTORS), default="langdetect", metavar="NAME"
    )
    parser.add_argument(
        "--html-extraction",
        choices=HTML_EXTRACTION_MODES,
        default="adaptive",
        help="trafilatura's fast extraction, and the full one where the fast text looks like "
        "a fragment (adaptive, the default), or always the full one",
    )


def _add_fetch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching private/loopback addresses (local servers, tests)",
    )
    parser.add_argument("--no-robots", action="store_true", help="ignore robots.txt")
    parser.add_argument(
        "--fetch-delay",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help="minimum spacing of requests to one host (default 0.5)",
    )
    parser.add_argument(
        "--no-raw", action="store_true", help="do not keep raw page bytes in the raw table"
    )


def _add_date_range_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--from",
        dest="date_from",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help=f"first ingest_date of the {what} (inclusive)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help=f"last ingest_date of the {what} (inclusive)",
    )


def _add_display_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar, even on a terminal"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="also print Prefect's INFO log lines"
    )


def _add_clean_command(commands: Any) -> None:
    clean_parser = commands.add_parser(
        "clean",
        help="clean one file and print the article (no Prefect, instant)",
        description="Clean one file and print title, authors, date, language and text.",
    )
    clean_parser.add_argument("file", metavar="FILE")
    clean_parser.add_argument(
        "--explain", action="store_true", help="also list every removed block and why"
    )
    _add_cleaning_options(clean_parser)
    clean_parser.set_defaults(handler=run_clean_command)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _prepare_prefect(*, quiet: bool = False) -> None:
    """Set Prefect's environment before it is imported, without overriding the user's."""
    for name, value in PREFECT_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    if quiet:
        for name, value in QUIET_CONSOLE.items():
            os.environ.setdefault(name, value)


# --- ingest -------------------------------------------------------------------------------------


def run_ingest_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Validate what can be checked before paying for Prefect's startup, then run the flow."""
    if not args.inputs and not args.urls:
        parser.error("ingest needs at least one PATH_OR_URL or --urls FILE")
    _check_url_lists(args, parser)
    _prepare_prefect()
    from flows.ingest import run_ingest

    summary = run_ingest(list(args.inputs), **_ingest_parameters(args))
    print(format_summary(summary, elapsed=time.time() - _COMMAND_STARTED))
    return 0


def _check_url_lists(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    for url_list in args.urls:
        if not os.path.isfile(url_list):
            parser.error(f"--urls {url_list}: no such file")


def _ingest_parameters(args: argparse.Namespace) -> dict[str, Any]:
    """The `ingest` flow's options shared by `ingest` and `backfill`."""
    return {
        "workers": args.workers,
        "dask_address": args.dask_address,
        "output": args.output,
        "url_lists": list(args.urls),
        "batch_size": args.batch_size,
        "language_detector": args.language_detector,
        "html_extraction": args.html_extraction,
        "allow_private": args.allow_private,
        "respect_robots": not args.no_robots,
        "fetch_delay": args.fetch_delay,
        "keep_raw": not args.no_raw,
        "requested_at": _COMMAND_STARTED,
    }


# --- backfill and reclean -----------------------------------------------------------------------


def run_backfill_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """An ingest over many inputs and/or stored raw pages, with a bar on a terminal."""
    raw_range = _date_range(args, parser)
    if raw_range is None and args.raw_from:
        raw_range = (None, None)
    if not args.inputs and not args.urls and raw_range is None:
        parser.error("backfill needs PATH_OR_URL, --urls FILE, or --from/--to (stored raw pages)")
    _check_url_lists(args, parser)
    raw_root = args.raw_from or args.output
    if raw_range is not None and not os.path.isdir(os.path.join(raw_root, "raw")):
        parser.error(f"{raw_root}: no raw/ folder to backfill from")
    _prepare_prefect(quiet=not args.verbose)
    from flows.backfill import estimate_total
    from flows.ingest import run_ingest
    from flows.progress import is_interactive, progress_bar

    show = is_interactive() and not args.no_progress
    total = estimate_total(args.inputs, args.urls, raw_root, raw_range) if show else None
    parameters = _ingest_parameters(args)
    if raw_range is not None:
        parameters["raw_dates"] = [_iso_or_none(day) for day in raw_range]
        parameters["raw_root"] = raw_root
    with progress_bar("backfill", total, enabled=show):
        summary = run_ingest(list(args.inputs), **parameters)
    print(format_summary(summary, elapsed=time.time() - _COMMAND_STARTED))
    return 0


def run_reclean_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Re-derive the stored rows of a range of raw partitions with the current cleaners."""
    raw_range = _date_range(args, parser) or (None, None)
    if not os.path.isdir(os.path.join(args.output, "raw")):
        parser.error(f"{args.output}: no raw/ folder (was it written with --no-raw?)")
    _prepare_prefect(quiet=not args.verbose)
    from flows.backfill import count_stored_raw, run_reclean
    from flows.progress import is_interactive, progress_bar

    show = is_interactive() and not args.no_progress
    total = count_stored_raw(args.output, *raw_range) if show else None
    with progress_bar("reclean", total, enabled=show):
        summary = run_reclean(
            args.output,
            workers=args.workers,
            dask_address=args.dask_address,
            date_from=_iso_or_none(raw_range[0]),
            date_to=_iso_or_none(raw_range[1]),
            batch_size=args.batch_size,
            language_detector=args.language_detector,
            html_extraction=args.html_extraction,
            requested_at=_COMMAND_STARTED,
        )
    print(format_summary(summary, elapsed=time.time() - _COMMAND_STARTED))
    return 0


def _date_range(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> tuple[date | None, date | None] | None:
    if args.date_from is None and args.date_to is None:
        return None
    if args.date_from and args.date_to and args.date_from > args.date_to:
        parser.error(f"--from {args.date_from} is after --to {args.date_to}")
    return args.date_from, args.date_to


def _iso_or_none(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


# --- serve and stats ----------------------------------------------------------------------------


def run_serve_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Validate the config first (cheap, clear errors), then serve its deployments."""
    from flows.config import ConfigError, load_config
    from flows.serve import ServeError, describe_deployments, serve_config

    try:
        config = load_config(args.config)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    print(describe_deployments(config))
    if args.check:
        return 0
    _prepare_prefect()
    try:
        serve_config(config, limit=args.limit)
    except ServeError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def run_stats_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from flows.stats import StatsError, collect_stats, format_stats, stats_json

    if "://" not in args.output and not os.path.isdir(args.output):
        parser.error(f"{args.output}: no such dataset folder")
    try:
        stats = collect_stats(args.output)
    except StatsError as error:
        print(error, file=sys.stderr)
        return 2
    print(stats_json(stats) if args.json else format_stats(stats), end="")
    return 0


def manifest_location(output: str, run_id: str) -> str:
    """Where the run's manifest is: a path for local outputs; for a URI (which may carry a
    query such as ?endpoint_override=...), the scheme and the path inside the store."""
    relative = f"_manifests/{run_id}.json"
    if "://" not in output:
        return os.path.join(output, relative)
    from flows.sinks import resolve_root

    scheme = output.split("://", 1)[0]
    return f"{scheme}://{resolve_root(output).path(relative)}"


def format_summary(summary: dict[str, Any], elapsed: float) -> str:
    """A few lines a person reads after a run; the manifest has everything else."""
    inputs, timings = summary["inputs"], summary["timings"]
    skipped = inputs["skipped_known"] + inputs["urls_skipped_known"]
    rejects = summary["rejects"]
    removed = summary["removed"]
    startup = timings.get("startup_seconds")
    manifest = manifest_location(summary["output"], summary["run_id"])
    retracted = summary.get("retracted", {})
    replaced = (
        f"  replaced:  {retracted.get('articles', 0)} articles, {retracted.get('rejects', 0)} "
        f"rejects, {retracted.get('removed', 0)} removed blocks of older runs"
    )
    lines = [
        f"newsclean {summary.get('flow', 'ingest')} {summary['run_id']} -> {summary['output']}",
        f"  inputs:    {inputs['documents']} documents read, {skipped} skipped as already "
        f"stored, {inputs['failed']} failed to read or fetch",
        f"  articles:  {summary['articles']} ({summary['written']['articles']} new rows)",
        *([replaced] if summary.get("flow") == "reclean" else []),
        f"  rejects:   {sum(rejects.values())}{_counts_tail(rejects)}",
        f"  removed:   {sum(removed.values())} blocks{_counts_tail(removed, TOP_REMOVED_KINDS)}",
        f"  languages: {_counts_text(summary['languages']) or '-'}",
        f"  elapsed:   {elapsed:.1f} s (startup {_seconds(startup)}, "
        f"processing {_seconds(timings['processing_seconds'])})",
        f"  manifest:  {manifest}",
    ]
    return "\n".join(lines)


def _counts_tail(counts: dict[str, int], top: int | None = None) -> str:
    text = _counts_text(counts, top)
    return f": {text}" if text else ""


def _counts_text(counts: dict[str, int], top: int | None = None) -> str:
    """`a 3, b 1` (counts arrive sorted, most frequent first), with `+N more` if cut."""
    items = list(counts.items())
    shown = items if top is None else items[:top]
    text = ", ".join(f"{name} {count}" for name, count in shown)
    if len(items) > len(shown):
        text += f", +{len(items) - len(shown)} more"
    return text


def _seconds(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f} s"


# --- clean --------------------------------------------------------------------------------------


def run_clean_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Clean every document the file holds (one, or one per WARC/JSONL record) and print it."""
    if os.path.isdir(args.file):
        parser.error(f"{args.file} is a folder: `clean` takes one file (use `newsclean ingest`)")
    config = CleanConfig(
        language_detector=args.language_detector, html_extraction=args.html_extraction
    )
    scanner_cache.prepare()
    status = 0
    for number, item in enumerate(iter_path(args.file)):
        if number:
            print("\n" + "=" * 72 + "\n")
        if isinstance(item, FailedInput):
            print(f"rejected: {item.reason}: {item.detail}")
            status = 1
            continue
        result = clean(item, config)
        print(format_result(item, result, explain=args.explain))
        if not result.ok:
            status = 1
    return status


def format_result(raw: RawDocument, result: CleanResult, *, explain: bool) -> str:
    """Header lines, then the text (or the reject reason), then removals if asked."""
    lines = [f"source:   {raw.source}"]
    if result.reject is not None:
        lines.append(f"rejected: {result.reject.reason.value}: {result.reject.detail}")
    else:
        meta = result.metadata
        published = meta.published_at.isoformat() if meta.published_at else "-"
        lines += [
            f"title:    {meta.title or '-'}",
            f"authors:  {', '.join(meta.authors) or '-'}",
            f"date:     {published}",
            f"language: {result.language} ({result.language_score:.2f})",
            "",
            result.text,
        ]
    if explain:
        lines += ["", *format_removals(result)]
    return "\n".join(lines)


def format_removals(result: CleanResult) -> list[str]:
    """One line per removed block: position, kind, rule and the start of its text."""
    lines = [f"removed blocks: {len(result.removed)}"]
    kind_width = max((len(r.kind) for r in result.removed), default=0)
    rule_width = max((len(r.rule) for r in result.removed), default=0)
    for removal in result.removed:
        text = " ".join(removal.text.split())
        if len(text) > EXPLAIN_TEXT_CHARS:
            text = text[: EXPLAIN_TEXT_CHARS - 1] + "…"
        lines.append(
            f"  {removal.position:>4}  {removal.kind:<{kind_width}}  "
            f"{removal.rule:<{rule_width}}  {text}"
        )
    return lines


if __name__ == "__main__":
    sys.exit(main())
