"""The `newsclean` command.

- `newsclean ingest PATH_OR_URL...` runs the Prefect ingest flow (see flows/ingest.py) and
  prints a short summary; the full one is in `<output>/_manifests/<run_id>.json`.
- `newsclean clean FILE [--explain]` cleans one file and prints the article at once. It
  never imports Prefect (whose startup costs seconds): this module imports prefect-using
  code only inside the `ingest` handler.

Exit codes: 0 on success, even when some inputs were rejected (they are data, recorded in
the `rejects` table); 1 when `clean` rejects its file or a run crashes; 2 on usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from cleaners import CleanConfig, CleanResult, RawDocument, clean
from cleaners.language import DETECTORS
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
    ingest.add_argument(
        "--urls", action="append", default=[], metavar="FILE", help="a file of URLs, one a line"
    )
    ingest.add_argument(
        "--workers",
        type=_positive_int,
        default=os.cpu_count() or 1,
        help="cleaning processes (default: CPU count; 1 = one thread, no process pool)",
    )
    ingest.add_argument(
        "--batch-size", type=_positive_int, default=200, help="documents per task (default 200)"
    )
    ingest.add_argument(
        "--dask-address", metavar="ADDR", help="run tasks on a Dask cluster (tcp://HOST:PORT)"
    )
    ingest.add_argument(
        "--language-detector", choices=sorted(DETECTORS), default="langdetect", metavar="NAME"
    )
    ingest.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching private/loopback addresses (local servers, tests)",
    )
    ingest.add_argument("--no-robots", action="store_true", help="ignore robots.txt")
    ingest.add_argument(
        "--fetch-delay",
        type=float,
        default=0.5,
        metavar="SECONDS",
        help="minimum spacing of requests to one host (default 0.5)",
    )
    ingest.add_argument(
        "--no-raw", action="store_true", help="do not keep raw page bytes in the raw table"
    )
    ingest.set_defaults(handler=run_ingest_command)


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
    clean_parser.add_argument(
        "--language-detector", choices=sorted(DETECTORS), default="langdetect", metavar="NAME"
    )
    clean_parser.set_defaults(handler=run_clean_command)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


# --- ingest -------------------------------------------------------------------------------------


def run_ingest_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Validate what can be checked before paying for Prefect's startup, then run the flow."""
    if not args.inputs and not args.urls:
        parser.error("ingest needs at least one PATH_OR_URL or --urls FILE")
    for url_list in args.urls:
        if not os.path.isfile(url_list):
            parser.error(f"--urls {url_list}: no such file")
    for name, value in PREFECT_ENVIRONMENT.items():
        os.environ.setdefault(name, value)
    from flows.ingest import run_ingest

    summary = run_ingest(
        list(args.inputs),
        workers=args.workers,
        dask_address=args.dask_address,
        output=args.output,
        url_lists=list(args.urls),
        batch_size=args.batch_size,
        language_detector=args.language_detector,
        allow_private=args.allow_private,
        respect_robots=not args.no_robots,
        fetch_delay=args.fetch_delay,
        keep_raw=not args.no_raw,
        requested_at=_COMMAND_STARTED,
    )
    print(format_summary(summary, elapsed=time.time() - _COMMAND_STARTED))
    return 0


def format_summary(summary: dict[str, Any], elapsed: float) -> str:
    """A few lines a person reads after a run; the manifest has everything else."""
    inputs, timings = summary["inputs"], summary["timings"]
    skipped = inputs["skipped_known"] + inputs["urls_skipped_known"]
    rejects = summary["rejects"]
    removed = summary["removed"]
    startup = timings.get("startup_seconds")
    manifest = os.path.join(summary["output"], "_manifests", f"{summary['run_id']}.json")
    lines = [
        f"newsclean ingest {summary['run_id']} -> {summary['output']}",
        f"  inputs:    {inputs['documents']} documents read, {skipped} skipped as already "
        f"stored, {inputs['failed']} failed to read or fetch",
        f"  articles:  {summary['articles']} ({summary['written']['articles']} new rows)",
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
    config = CleanConfig(language_detector=args.language_detector)
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
