"""`newsclean stats`: a summary of a dataset, computed by DuckDB from the Parquet files.

It reads the published files exactly as an analyst would (`hive_partitioning` for
`ingest_date`, `union_by_name` so partitions written by older schema versions, which may
lack columns, read alongside new ones), plus the run manifests in `_manifests/`. It never
imports Prefect and never writes, so it is instant and safe beside a running ingest.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from flows.schema import TABLES
from flows.sinks import MANIFEST_DIR, data_files, resolve_root

# The host of an http(s) URL, lower-cased; rows without a URL (local files) get a label.
_HOST_SQL = (
    "coalesce(lower(nullif(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:@]+)', 1), "
    "'')), '(local file)')"
)
TOP_HOSTS = 20


@dataclass(slots=True)
class DatasetStats:
    """Everything `newsclean stats` prints; `as_dict` is its `--json` form."""

    output: str
    rows: dict[str, int]
    files: dict[str, int]
    languages: dict[str, int] = field(default_factory=dict)
    ingest_dates: dict[str, int] = field(default_factory=dict)
    hosts: dict[str, int] = field(default_factory=dict)
    rejects: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    schema_versions: dict[str, int] = field(default_factory=dict)
    pipeline_versions: dict[str, int] = field(default_factory=dict)
    runs: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


class StatsError(Exception):
    """The output cannot be summarised (not a local dataset, unreadable files)."""


def table_source(root: str, table_name: str) -> str:
    """How DuckDB reads one table: the README's query, schema-version tolerant."""
    pattern = os.path.join(root, table_name, "**", "*.parquet").replace("'", "''")
    return f"read_parquet('{pattern}', hive_partitioning = true, union_by_name = true)"


def collect_stats(output: str) -> DatasetStats:
    """Query every table of the dataset under `output` (a local path or file:// URI)."""
    root = resolve_root(output)
    if not root.is_local:
        raise StatsError(f"{output}: stats reads local datasets only")
    files = {name: len(data_files(root, name)) for name in TABLES}
    present = {name for name, count in files.items() if count}
    connection = duckdb.connect()
    rows = {name: _count(connection, root.base, name) if name in present else 0 for name in TABLES}
    stats = DatasetStats(output=output, rows=rows, files=files)
    stats.runs = _runs(connection, root.base, present)
    if "articles" in present:
        articles = table_source(root.base, "articles")
        stats.languages = _grouped(connection, articles, "language")
        stats.ingest_dates = _grouped(connection, articles, "CAST(ingest_date AS VARCHAR)", True)
        stats.hosts = _grouped(connection, articles, _HOST_SQL, limit=TOP_HOSTS)
        stats.schema_versions = _grouped(connection, articles, "CAST(schema_version AS VARCHAR)")
        stats.pipeline_versions = _grouped(connection, articles, "pipeline_version")
    if "rejects" in present:
        stats.rejects = _grouped(connection, table_source(root.base, "rejects"), "reason")
    if "removed" in present:
        stats.removed = _grouped(connection, table_source(root.base, "removed"), "kind")
    return stats


def _count(connection: duckdb.DuckDBPyConnection, base: str, table_name: str) -> int:
    result = connection.execute(f"SELECT count(*) FROM {table_source(base, table_name)}").fetchone()
    return int(result[0]) if result else 0


def _grouped(
    connection: duckdb.DuckDBPyConnection,
    source: str,
    expression: str,
    by_key: bool = False,
    limit: int | None = None,
) -> dict[str, int]:
    """`expression -> count(*)`, most frequent first (or in key order); NULL as `unknown`."""
    order = "key" if by_key else "n DESC, key"
    query = (
        f"SELECT coalesce({expression}, 'unknown') AS key, count(*) AS n FROM {source} "
        f"GROUP BY key ORDER BY {order}"
    )
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    return {str(key): int(n) for key, n in connection.execute(query).fetchall()}


def _runs(connection: duckdb.DuckDBPyConnection, base: str, present: set[str]) -> dict[str, Any]:
    """Runs that wrote rows (from the data) and runs that reported (from the manifests)."""
    with_rows = [
        f"SELECT DISTINCT run_id FROM {table_source(base, name)}"
        for name in ("articles", "rejects", "raw", "aliases")
        if name in present
    ]
    distinct = 0
    if with_rows:
        result = connection.execute(
            f"SELECT count(DISTINCT run_id) FROM ({' UNION '.join(with_rows)})"
        )
        distinct = int(result.fetchone()[0])
    manifests = _manifests(Path(base) / MANIFEST_DIR)
    by_flow: dict[str, int] = {}
    for manifest in manifests:
        flow_name = str(manifest.get("flow", "ingest"))
        by_flow[flow_name] = by_flow.get(flow_name, 0) + 1
    last = manifests[-1] if manifests else {}
    return {
        "with_rows": distinct,
        "manifests": len(manifests),
        "by_flow": by_flow,
        "last_run_id": last.get("run_id"),
        "last_finished_at": last.get("finished_at"),
    }


def _manifests(folder: Path) -> list[dict[str, Any]]:
    """Run manifests in run-id order (run ids start with their UTC start time)."""
    manifests = []
    for path in sorted(folder.glob("*.json")):
        try:
            manifests.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return manifests


# --- printing --------------------------------------------------------------------------------


def format_stats(stats: DatasetStats) -> str:
    """The summary as aligned text sections, the way a person scans it."""
    lines = [f"dataset {stats.output}", ""]
    lines += _section(
        "rows", {name: f"{stats.rows[name]:,} ({stats.files[name]} files)" for name in TABLES}
    )
    runs = stats.runs
    run_lines = {
        "with rows": runs["with_rows"],
        "manifests": runs["manifests"],
        **{f"  {name}": count for name, count in runs["by_flow"].items()},
        "last run": runs["last_run_id"] or "-",
        "last finished": runs["last_finished_at"] or "-",
    }
    lines += _section("runs", run_lines)
    for title, counts in (
        ("articles per language", stats.languages),
        ("articles per ingest_date", stats.ingest_dates),
        (f"articles per source host (top {TOP_HOSTS})", stats.hosts),
        ("rejects by reason", stats.rejects),
        ("removed blocks by kind", stats.removed),
        ("schema versions (articles)", stats.schema_versions),
        ("pipeline versions (articles)", stats.pipeline_versions),
    ):
        lines += _section(title, {key: f"{value:,}" for key, value in counts.items()})
    return "\n".join(lines).rstrip() + "\n"


def _section(title: str, values: dict[str, Any]) -> list[str]:
    if not values:
        return [f"{title}: -", ""]
    width = max(len(str(key)) for key in values)
    return [f"{title}:", *(f"  {key:<{width}}  {value}" for key, value in values.items()), ""]


def stats_json(stats: DatasetStats) -> str:
    return json.dumps(stats.as_dict(), indent=2, sort_keys=True)
