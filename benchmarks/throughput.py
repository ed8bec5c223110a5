"""Throughput and scale of `newsclean ingest`, measured against the bare tools in one run.

    .venv/bin/python -m benchmarks.throughput [--data ../shared] [--full] [--json out.json]

What it reports (issue 5), every ratio against a baseline measured in the same run:

- docs/s and peak memory of `newsclean ingest --workers 2` end to end, on an HTML corpus and
  on a text corpus (synthetic, see corpus.py), Prefect start-up excluded and shown apart;
- a bare one-core `trafilatura.extract` loop over the same HTML, and a bare one-core
  `langdetect.detect` loop over the same texts, each run before and after the end-to-end
  runs (the faster pass is the baseline: other processes share the cores);
- where one document's time goes on each path (extraction, language, the rest of the
  cleaners, rows and Arrow, Parquet), measured in this process;
- the cleaners alone on seeds+devset documents, per core;
- Prefect start-up (a one-document run) and per-batch overhead (the same documents in
  batches of 200 and of 4);
- peak memory of a small and a 10x larger text corpus (`--full`: 10k vs 100k documents);
- cleaning time of 0.1, 1 and 10 MB single-line inputs (linear means constant s/MB).

Why a subprocess for end-to-end figures: start-up, worker processes, the temporary Prefect
server and the Parquet writer only exist there; memory is sampled over the whole tree.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks import timing
from benchmarks.common import (
    DEFAULT_DATA_DIR,
    DataPaths,
    IngestRun,
    MiB,
    fmt,
    load_average,
    markdown_table,
    mib,
    prefect_environment,
    run_ingest_cli,
    text_inputs,
)
from benchmarks.corpus import HTML, SHARD_SIZE, TEXT, Corpus, build_corpus

TARGET_SPEEDUP = 1.6
TARGET_OVERHEAD_SHARE = 0.15
TARGET_CLEANERS_DOCS_PER_SECOND = 2000
TARGET_MEMORY_GROWTH = 1.2
DEFAULT_SCALE = (1000, 5000)
FULL_SCALE = (10_000, 100_000)
BATCH_OVERHEAD_DOCS = 400
BATCH_SIZES = (200, 4)


@dataclass(slots=True)
class Results:
    """Everything measured, kept as plain values so it can be printed and dumped as JSON."""

    settings: dict[str, Any] = field(default_factory=dict)
    corpora: dict[str, dict[str, Any]] = field(default_factory=dict)
    bare: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    bare_in_processes: dict[str, float] = field(default_factory=dict)
    cleaners_alone: dict[str, list[float]] = field(default_factory=dict)
    end_to_end: dict[str, dict[str, Any]] = field(default_factory=dict)
    breakdown: dict[str, dict[str, Any]] = field(default_factory=dict)
    prefect: dict[str, Any] = field(default_factory=dict)
    scale: list[dict[str, Any]] = field(default_factory=list)
    linearity: list[dict[str, Any]] = field(default_factory=list)
    load: list[str] = field(default_factory=list)


# --- measurements --------------------------------------------------------------------------------


def run_summary(run: IngestRun) -> dict[str, Any]:
    """The figures of one end-to-end run that the report uses."""
    timings = run.summary["timings"]
    return {
        "documents": run.documents,
        "articles": run.summary["articles"],
        "batches": run.summary["batches"],
        "rejects": run.summary["rejects"],
        "wall_seconds": round(run.wall_seconds, 2),
        "startup_seconds": round(run.startup_seconds, 2),
        "processing_seconds": round(run.processing_seconds, 2),
        "shutdown_seconds": round(run.shutdown_seconds, 2),
        "docs_per_second": round(run.docs_per_second, 2),
        "docs_per_second_with_startup": round(run.documents / run.wall_seconds, 2),
        "clean_task_seconds": timings.get("clean_task_seconds"),
        "write_seconds": timings.get("write_seconds"),
        "task_runner": run.summary.get("task_runner"),
        "peak_tree_rss": run.memory.peak_tree_bytes,
        "peak_process_rss": run.memory.peak_process_bytes,
        "peak_processes": run.memory.peak_processes,
        "peak_rss_by_role": run.memory.by_role,
    }


def measure_bare(results: Results, html: Corpus, text: Corpus) -> None:
    """One pass of each bare one-core loop (called before and after the end-to-end runs)."""
    traf = timing.bare_trafilatura(html.files())
    lang = timing.bare_langdetect(text.files())
    for name, loop in (("trafilatura", traf), ("langdetect", lang)):
        results.bare.setdefault(name, []).append(
            {
                "documents": loop.documents,
                "seconds": round(loop.seconds, 3),
                "docs_per_second": round(loop.docs_per_second, 2),
            }
        )
        print(f"  bare {name}: {loop.docs_per_second:.1f} docs/s", flush=True)
    results.load.append(load_average())


def measure_bare_in_processes(results: Results, html: Corpus, processes: int) -> None:
    """The bare trafilatura loop in `processes` processes at once: the machine's own scaling."""
    loop = timing.bare_trafilatura_in_processes(list(html.files()), processes)
    results.bare_in_processes = {
        "processes": processes,
        "documents": loop.documents,
        "seconds": round(loop.seconds, 3),
        "docs_per_second": round(loop.docs_per_second, 2),
    }
    print(f"  bare trafilatura in {processes} processes: {loop.docs_per_second:.1f} docs/s")


def measure_cleaners_alone(results: Results, paths: DataPaths) -> None:
    """Cleaners on the 29 seeds+devset texts, per core: without a detector, then langdetect."""
    contents = [path.read_bytes() for path in text_inputs(paths)]
    for detector, label in (
        (None, "no detector"),
        (None, "no detector"),
        ("langdetect", "langdetect"),
    ):
        loop = timing.cleaners_alone(contents, detector)
        results.cleaners_alone.setdefault(label, []).append(round(loop.docs_per_second, 1))
        print(f"  cleaners alone ({label}): {loop.docs_per_second:.0f} docs/s", flush=True)


def best_rate(passes: list[dict[str, float]]) -> float:
    return max(p["docs_per_second"] for p in passes)


def measure_end_to_end(
    results: Results,
    name: str,
    corpus: Corpus,
    workdir: Path,
    env: dict[str, str],
    ingest_args: list[str],
) -> None:
    print(f"  newsclean ingest {name} corpus ({corpus.documents} documents) ...", flush=True)
    run = run_ingest_cli([corpus.root], workdir / f"out-{name}", env, ingest_args)
    results.end_to_end[name] = run_summary(run)
    print(f"    {run.docs_per_second:.1f} docs/s, startup {run.startup_seconds:.1f} s", flush=True)


def measure_prefect_overhead(
    results: Results, paths: DataPaths, workdir: Path, env: dict[str, str], ingest_args: list[str]
) -> None:
    """Start-up from a one-document run; per-batch cost from the same documents in more batches."""
    one = run_ingest_cli([text_inputs(paths)[0]], workdir / "out-one", env, ingest_args)
    results.prefect["one_document_run"] = run_summary(one)
    small = build_corpus(text_inputs(paths), TEXT, BATCH_OVERHEAD_DOCS, workdir / "batches-corpus")
    runs = {}
    for size in BATCH_SIZES:
        print(f"  batch overhead: {small.documents} documents in batches of {size} ...", flush=True)
        output = workdir / f"out-batch-{size}"
        runs[size] = run_ingest_cli(
            [small.root], output, env, [*ingest_args, "--batch-size", str(size)]
        )
        results.prefect[f"batch_size_{size}"] = run_summary(runs[size])
    large, tiny = runs[BATCH_SIZES[0]], runs[BATCH_SIZES[1]]
    extra_batches = tiny.summary["batches"] - large.summary["batches"]
    extra_seconds = tiny.processing_seconds - large.processing_seconds
    results.prefect["per_batch_seconds"] = round(extra_seconds / max(1, extra_batches), 4)


def measure_breakdown(
    results: Results, name: str, corpus: Corpus, documents: int, workdir: Path
) -> None:
    """Stage times of the flow code on documents spread evenly over the corpus, and the
    bare tool on the same documents just before: their ratio bounds what parallelism can
    reach (see report). Spread, not the first ones: the corpus opens with the small seeds
    and devset texts, which would make the text path look cheaper than it is."""
    stride = max(1, corpus.documents // max(1, documents))
    files = list(itertools.islice(corpus.files(), 0, None, stride))[:documents]
    print(f"  breakdown of the {name} path on {len(files)} documents ...", flush=True)
    # Warm up first: lexicons, detector profiles, dateparser's one-off start (seconds) in
    # trafilatura's date search would otherwise be charged to the first documents.
    timing.pipeline_breakdown(files[:20], workdir / f"warm-up-{name}")
    bare = timing.bare_trafilatura(files) if name == HTML else timing.bare_langdetect(files)
    breakdown = timing.pipeline_breakdown(files, workdir / f"breakdown-{name}")
    results.breakdown[name] = {
        **asdict(breakdown),
        "total": breakdown.total,
        "share_beside_extraction": breakdown.share_beside_extraction(),
        "bare_tool": "trafilatura.extract" if name == HTML else "langdetect.detect",
        "bare_seconds": bare.seconds / max(1, bare.documents),
    }


def measure_linearity(results: Results, sizes_mb: list[float], timeout: float) -> None:
    for shape in ("prose", "one token"):
        for size_mb in sizes_mb:
            result = timing.time_single_line(int(size_mb * MiB), shape, timeout)
            results.linearity.append({**asdict(result), "seconds_per_mib": result.seconds_per_mib})
            print(
                f"  {size_mb:g} MB {shape}: {fmt(result.seconds)} s ({result.outcome})", flush=True
            )
            if result.seconds is None:
                break  # a larger input of the same shape would only time out later


def measure_scale(
    results: Results,
    paths: DataPaths,
    sizes: tuple[int, int],
    workdir: Path,
    env: dict[str, str],
    ingest_args: list[str],
) -> None:
    """Peak memory of the same text mix at two corpus sizes (a prefix of one corpus's shards)."""
    bases = text_inputs(paths) + sorted(paths.htmldev_text.glob("*.txt"))
    started = time.perf_counter()
    corpus = build_corpus(bases, TEXT, max(sizes), workdir / "scale-corpus")
    print(f"  scale corpus: {corpus.documents} documents, {time.perf_counter() - started:.0f} s")
    for size in sizes:
        print(f"  newsclean ingest, {size} documents ...", flush=True)
        output = workdir / f"out-scale-{size}"
        run = run_ingest_cli(corpus.shards_for(size), output, env, ingest_args)
        results.scale.append(run_summary(run))
        print(
            f"    peak tree RSS {mib(run.memory.peak_tree_bytes)}, {run.wall_seconds:.0f} s",
            flush=True,
        )


# --- the report ----------------------------------------------------------------------------------


def verdict(value: float | None, target: float, higher_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    met = value >= target if higher_is_better else value <= target
    return "met" if met else "MISSED"


def steady_rate(run: dict[str, Any], one_document_run: dict[str, Any]) -> float:
    """docs/s once the run's fixed cost is paid: the processing time of a one-document run
    (spawning workers, importing the cleaners there, the first task) is taken off."""
    seconds = run["processing_seconds"] - one_document_run["processing_seconds"]
    return run["documents"] / seconds if seconds > 0 else 0.0


def _ratio_rows(
    label: str, run: dict[str, Any], one: dict[str, Any], baseline: float, baseline_name: str
) -> list[list[str]]:
    """Rows of one end-to-end path: raw processing rate (the target), steady state, wall."""
    rate, steady = run["docs_per_second"], steady_rate(run, one)
    ratio = rate / baseline if baseline else None
    return [
        [f"{label} end to end (processing)", f"{rate:.1f}",
         f"{fmt(ratio, 2)}x bare {baseline_name}", f">= {TARGET_SPEEDUP}x",
         verdict(ratio, TARGET_SPEEDUP)],
        [f"{label} end to end (processing minus one-document run)", f"{steady:.1f}",
         f"{fmt(steady / baseline if baseline else None, 2)}x bare {baseline_name}", "", ""],
        [f"{label} end to end (wall, with start-up)",
         f"{run['docs_per_second_with_startup']:.1f}", "", "", ""],
    ]  # fmt: skip


def _in_processes_rows(results: Results, baseline: float) -> list[list[str]]:
    """The bare loop in as many processes as workers: the ceiling of the HTML ratio."""
    parallel = results.bare_in_processes
    if not parallel:
        return []
    rate = parallel["docs_per_second"]
    label = f"bare trafilatura.extract, {parallel['processes']} processes at once (ceiling)"
    return [[label, f"{rate:.1f}", f"{fmt(rate / baseline if baseline else None, 2)}x", "", ""]]


def throughput_table(results: Results) -> str:
    e2e, bare, one = results.end_to_end, results.bare, results.prefect["one_document_run"]
    cleaners = results.cleaners_alone

    def passes(name: str) -> str:
        return " / ".join(f"{p['docs_per_second']:.1f}" for p in bare[name])

    def rates(label: str) -> str:
        return " / ".join(f"{v:.0f}" for v in cleaners[label])

    best_cleaners = max(cleaners["no detector"])
    target = TARGET_CLEANERS_DOCS_PER_SECOND
    rows = [
        *_ratio_rows("HTML", e2e[HTML], one, best_rate(bare["trafilatura"]), "trafilatura"),
        ["bare trafilatura.extract, 1 core (before / after)", passes("trafilatura"), "", "", ""],
        *_in_processes_rows(results, best_rate(bare["trafilatura"])),
        *_ratio_rows("text", e2e[TEXT], one, best_rate(bare["langdetect"]), "langdetect"),
        ["bare langdetect.detect, 1 core (before / after)", passes("langdetect"), "", "", ""],
        ["cleaners alone, no detector, 1 core (seeds+devset)", rates("no detector"), "",
         f">= {target}", verdict(best_cleaners, target)],
        ["cleaners alone, langdetect, 1 core", rates("langdetect"), "", "", ""],
    ]  # fmt: skip
    return markdown_table(["measure", "docs/s", "ratio", "target", ""], rows)


def breakdown_table(results: Results) -> str:
    """Per-document stage times. The ceiling is the best end-to-end/bare ratio the workers
    could reach with perfect parallelism and no Prefect cost: workers x bare / total."""
    workers = int(results.settings.get("workers", 2))
    rows = []
    for name, b in results.breakdown.items():
        ms = lambda seconds: fmt(None if seconds is None else seconds * 1000, 2)  # noqa: E731
        share = b["share_beside_extraction"]
        rows.append(
            [
                name,
                b["documents"],
                ms(b["extraction"]),
                ms(b["language"]),
                ms(b["cleaners_rest"]),
                ms(b["rows_and_arrow"]),
                ms(b["parquet"]),
                ms(b["total"]),
                f"{share:.0%}" if b["extraction"] is not None else "n/a",
                verdict(share, TARGET_OVERHEAD_SHARE, False) if name == HTML else "",
                f"{b['bare_tool']} {ms(b['bare_seconds'])}",
                f"{b['total'] / b['bare_seconds']:.2f}x",
                f"{workers * b['bare_seconds'] / b['total']:.2f}x",
            ]
        )
    headers = [
        "path",
        "docs",
        "trafilatura ms",
        "language ms",
        "other cleaners ms",
        "rows+Arrow ms",
        "Parquet ms",
        "total ms",
        "beside extraction",
        "<= 15%",
        "bare tool ms, same docs",
        "total / bare",
        f"ceiling on {workers} cores",
    ]
    return markdown_table(headers, rows)


def e2e_table(results: Results) -> str:
    rows = []
    runs = {
        **results.end_to_end,
        **{k: v for k, v in results.prefect.items() if isinstance(v, dict)},
    }
    for name, run in runs.items():
        rows.append(
            [
                name,
                run["documents"],
                run["batches"],
                run["wall_seconds"],
                run["startup_seconds"],
                run["processing_seconds"],
                run["shutdown_seconds"],
                run["clean_task_seconds"],
                run["write_seconds"],
                mib(run["peak_tree_rss"]),
                mib(run["peak_process_rss"]),
                roles_text(run["peak_rss_by_role"]),
            ]
        )
    headers = [
        "run",
        "docs",
        "batches",
        "wall s",
        "start-up s",
        "processing s",
        "shutdown s",
        "clean task s",
        "write s",
        "peak tree RSS",
        "largest process",
        "peak by process role",
    ]
    return markdown_table(headers, rows)


def roles_text(by_role: dict[str, int]) -> str:
    """Peak RSS per kind of process (flow, workers, Prefect server); tiny helpers left out."""
    return ", ".join(f"{role} {mib(v)}" for role, v in sorted(by_role.items()) if v >= MiB)


def scale_table(results: Results) -> str:
    if not results.scale:
        return "(scale runs skipped)"
    rows = [
        [
            r["documents"],
            r["wall_seconds"],
            r["docs_per_second"],
            mib(r["peak_tree_rss"]),
            mib(r["peak_process_rss"]),
            roles_text(r["peak_rss_by_role"]),
        ]
        for r in results.scale
    ]
    small, large = results.scale[0], results.scale[-1]
    growth = large["peak_tree_rss"] / small["peak_tree_rss"] if small["peak_tree_rss"] else None
    process_growth = large["peak_process_rss"] / max(1, small["peak_process_rss"])
    headers = ["docs", "wall s", "docs/s", "peak tree RSS", "largest process", "peak by role"]
    table = markdown_table(headers, rows)
    return (
        f"{table}\n\npeak tree RSS {large['documents']} vs {small['documents']} documents: "
        f"{fmt(growth, 2)}x (largest process {process_growth:.2f}x); target <= "
        f"{TARGET_MEMORY_GROWTH}x: {verdict(growth, TARGET_MEMORY_GROWTH, False)}"
    )


def linearity_table(results: Results) -> str:
    rows = [
        [
            f"{r['size_bytes'] / MiB:.3g} MiB",
            r["shape"],
            fmt(r["seconds"], 3),
            fmt(r["seconds_per_mib"], 3),
            r["outcome"],
        ]
        for r in results.linearity
    ]
    return markdown_table(["single line", "shape", "seconds", "s per MiB", "outcome"], rows)


def scale_report(results: Results) -> str:
    return (
        f"## Memory at scale ({date.today().isoformat()}; load {' -> '.join(results.load)})\n\n"
        + scale_table(results)
    )


def report(results: Results) -> str:
    prefect = results.prefect
    startups = [run["startup_seconds"] for run in results.end_to_end.values()]
    one = prefect["one_document_run"]
    s = results.settings
    return "\n".join(
        [
            f"## Throughput ({date.today().isoformat()}; {s['cpus']} CPUs, --workers "
            f"{s['workers']}, load {' -> '.join(results.load)})",
            "",
            f"Corpora: {results.corpora[HTML]['documents']} HTML pages "
            f"({results.corpora[HTML]['mib']:.0f} MiB), {results.corpora[TEXT]['documents']} "
            f"texts ({results.corpora[TEXT]['mib']:.0f} MiB).",
            "",
            throughput_table(results),
            "",
            "Where one document's time goes (one core, in-process, flow code without Prefect):",
            "",
            breakdown_table(results),
            "",
            "End-to-end runs:",
            "",
            e2e_table(results),
            "",
            f"Prefect: start-up {', '.join(f'{v:.1f}' for v in startups)} s in the corpus runs; "
            f"a one-document run takes {one['wall_seconds']:.1f} s wall (start-up "
            f"{one['startup_seconds']:.1f} s, processing {one['processing_seconds']:.1f} s, "
            f"shutdown {one['shutdown_seconds']:.1f} s); per-batch overhead "
            f"{prefect['per_batch_seconds'] * 1000:.0f} ms (wall, {BATCH_OVERHEAD_DOCS} documents "
            f"in batches of {BATCH_SIZES[0]} vs {BATCH_SIZES[1]}).",
            "",
            "Memory at scale (text corpus):",
            "",
            scale_table(results),
            "",
            "Cleaning time of single-line inputs (cleaners, no detector):",
            "",
            linearity_table(results),
        ]
    )


# --- main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.throughput",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("--data", type=Path, default=DEFAULT_DATA_DIR, help="shared data (default ../shared)")
    add("--html-docs", type=int, default=900, help="HTML corpus size (default 900)")
    add("--text-docs", type=int, default=2000, help="text corpus size (default 2000)")
    add("--workers", type=int, default=2, help="newsclean ingest --workers (default 2)")
    add("--dask-address", help="run the end-to-end ingests on this Dask cluster instead")
    add("--breakdown-docs", type=int, default=150, help="documents in the in-process breakdown")
    add(
        "--scale",
        default=",".join(map(str, DEFAULT_SCALE)),
        metavar="SMALL,LARGE",
        help="text corpus sizes of the memory comparison, multiples of 1000 (default 1000,5000)",
    )
    add("--full", action="store_true", help="memory comparison on 10,000 vs 100,000 documents")
    add("--no-scale", action="store_true", help="skip the memory comparison")
    add("--scale-only", action="store_true", help="run only the memory comparison")
    add("--linearity-mb", default="0.1,1,10", help="single-line input sizes in MB")
    add("--linearity-timeout", type=float, default=300.0, help="seconds before a size gives up")
    add("--json", type=Path, metavar="PATH", help="also write every figure here")
    add("--keep", type=Path, metavar="DIR", help="keep corpora and outputs in DIR")
    return parser.parse_args(argv)


def scale_sizes(args: argparse.Namespace) -> tuple[int, int] | None:
    if args.no_scale:
        return None
    small, large = FULL_SCALE if args.full else tuple(int(v) for v in args.scale.split(","))
    if small % SHARD_SIZE or large % SHARD_SIZE:
        raise SystemExit(f"--scale sizes must be multiples of {SHARD_SIZE}")
    return small, large


def run(args: argparse.Namespace, workdir: Path) -> Results:
    import os

    paths = DataPaths(args.data)
    paths.require(paths.seeds, paths.devset_raw, paths.htmldev_html, paths.htmldev_text)
    env = prefect_environment(workdir / "prefect-home")
    ingest_args = ["--workers", str(args.workers)]
    if args.dask_address:
        ingest_args += ["--dask-address", args.dask_address]
    results = Results(
        settings={**{k: str(v) for k, v in vars(args).items()}, "cpus": os.cpu_count()}
    )
    results.load.append(load_average())
    if args.scale_only:
        measure_scale(results, paths, scale_sizes(args) or FULL_SCALE, workdir, env, ingest_args)
        results.load.append(load_average())
        return results
    print("building corpora ...", flush=True)
    html = build_corpus(
        sorted(paths.htmldev_html.glob("*.html.gz")), HTML, args.html_docs, workdir / "html-corpus"
    )
    text_bases = text_inputs(paths) + sorted(paths.htmldev_text.glob("*.txt"))
    text = build_corpus(text_bases, TEXT, args.text_docs, workdir / "text-corpus")
    for corpus in (html, text):
        results.corpora[corpus.kind] = {"documents": corpus.documents, "mib": corpus.n_bytes / MiB}
    print("one-core baselines and cleaners ...", flush=True)
    measure_cleaners_alone(results, paths)
    measure_bare(results, html, text)
    measure_bare_in_processes(results, html, args.workers)
    print("end to end ...", flush=True)
    measure_end_to_end(results, HTML, html, workdir, env, ingest_args)
    measure_end_to_end(results, TEXT, text, workdir, env, ingest_args)
    print("one-core baselines again ...", flush=True)
    measure_bare(results, html, text)
    print("Prefect overhead ...", flush=True)
    measure_prefect_overhead(results, paths, workdir, env, ingest_args)
    for name, corpus in ((HTML, html), (TEXT, text)):
        measure_breakdown(results, name, corpus, args.breakdown_docs, workdir)
    print("single-line inputs ...", flush=True)
    sizes_mb = [float(v) for v in args.linearity_mb.split(",")]
    measure_linearity(results, sizes_mb, args.linearity_timeout)
    sizes = scale_sizes(args)
    if sizes:
        print("memory at scale ...", flush=True)
        measure_scale(results, paths, sizes, workdir, env, ingest_args)
    results.load.append(load_average())
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsclean-throughput-") as temp:
        workdir = args.keep or Path(temp)
        if args.keep and args.keep.exists() and any(args.keep.iterdir()):
            raise SystemExit(f"--keep {args.keep}: the folder must be new or empty")
        workdir.mkdir(parents=True, exist_ok=True)
        results = run(args, workdir)
    print()
    print(scale_report(results) if args.scale_only else report(results))
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(asdict(results), indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
