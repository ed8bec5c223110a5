"""`newsclean stats`: DuckDB summaries of a dataset, including partitions written by an older
schema version, and a command that never imports Prefect."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.cli import main
from flows.schema import ARTICLES
from flows.sinks import BatchRows, DatasetWriter, write_json_atomic
from flows.stats import collect_stats, format_stats
from tests.test_sinks import article_row, sha256

PROJECT = Path(__file__).resolve().parents[1]
DAY_ONE, DAY_TWO = date(2026, 11, 21), date(2026, 11, 22)


def article(number: int, url: str | None, language: str) -> dict:
    row = article_row(f"Story number {number} about the harbour ferry timetable.", url or "x")
    row["language"] = language
    if url is None:
        row.update(url=None, canonical_url=None, source=f"drop/{number}.txt")
    return row


def removed(doc_id: str, kinds: list[str]) -> list[dict]:
    return [
        {"doc_id": doc_id, "position": n, "kind": kind, "rule": "test", "text": kind}
        for n, kind in enumerate(kinds)
    ]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two days of rows from two runs, plus an articles file from before schema_version."""
    root = tmp_path_factory.mktemp("stats")
    first = [
        article(1, "https://News.Example.com/a", "en"),
        article(2, "https://news.example.com/b", "en"),
        article(3, "http://zeitung.example.de:8080/c", "de"),
    ]
    with DatasetWriter(root, "run-1", ingest_date=DAY_ONE) as writer:
        writer.write_batch(
            BatchRows(
                articles=first,
                removed=removed(first[0]["doc_id"], ["navigation", "navigation", "byline"]),
                rejects=[
                    {"source": "drop/e.txt", "reason": "empty", "raw_sha256": sha256(b"")},
                    {"source": "https://x.example/404", "reason": "not_found"},
                ],
            )
        )
    second = [article(4, None, "es")]
    with DatasetWriter(root, "run-2", ingest_date=DAY_TWO) as writer:
        writer.write_batch(BatchRows(articles=second, removed=removed(second[0]["doc_id"], ["ad"])))
    old_schema = pa.schema([f for f in ARTICLES if f.name not in ("schema_version", "n_removed")])
    old = article(5, "https://old.example.org/x", "en")
    old.update(pipeline_version="0.0.1", run_id="old", ingested_at=datetime(2020, 1, 1, tzinfo=UTC))
    old_dir = root / "articles" / "ingest_date=2020-01-01"
    old_dir.mkdir()
    table = pa.Table.from_pylist([{k: old.get(k) for k in old_schema.names}], schema=old_schema)
    pq.write_table(table, old_dir / "old.parquet")
    for run_id, flow_name in (
        ("20261121T100000Z-aaaa", "ingest"),
        ("20261122T100000Z-bbbb", "reclean"),
    ):
        manifest = {"run_id": run_id, "flow": flow_name, "finished_at": f"{run_id[:8]}T10:01Z"}
        write_json_atomic(root, f"_manifests/{run_id}.json", manifest)
    return root


def test_stats_summarise_every_table_with_duckdb(dataset: Path) -> None:
    stats = collect_stats(str(dataset))

    assert stats.rows == {"articles": 5, "removed": 4, "rejects": 2, "raw": 0, "aliases": 0}
    assert stats.files["articles"] == 3 and stats.files["raw"] == 0
    assert stats.languages == {"en": 3, "de": 1, "es": 1}
    assert stats.ingest_dates == {"2020-01-01": 1, "2026-11-21": 3, "2026-11-22": 1}
    assert stats.hosts == {
        "news.example.com": 2,
        "(local file)": 1,
        "old.example.org": 1,
        "zeitung.example.de": 1,
    }
    assert stats.rejects == {"empty": 1, "not_found": 1}
    assert stats.removed == {"navigation": 2, "ad": 1, "byline": 1}
    assert stats.schema_versions == {"1": 4, "unknown": 1}, "older partitions stay readable"
    assert stats.pipeline_versions == {stats_version(): 4, "0.0.1": 1}
    assert stats.runs["with_rows"] == 3
    assert stats.runs["manifests"] == 2
    assert stats.runs["by_flow"] == {"ingest": 1, "reclean": 1}
    assert stats.runs["last_run_id"] == "20261122T100000Z-bbbb"


def stats_version() -> str:
    from cleaners import PIPELINE_VERSION

    return PIPELINE_VERSION


def test_stats_text_and_json_output(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(dataset)]) == 0
    text = capsys.readouterr().out
    assert text == format_stats(collect_stats(str(dataset)))
    for heading in (
        "articles per language:",
        "articles per ingest_date:",
        "articles per source host (top 20):",
        "rejects by reason:",
        "removed blocks by kind:",
        "schema versions (articles):",
        "runs:",
    ):
        assert heading in text
    assert "  articles  5 (3 files)" in text and "  raw       0 (0 files)" in text

    assert main(["stats", str(dataset), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["languages"] == {"en": 3, "de": 1, "es": 1}
    assert summary["rows"]["rejects"] == 2


def test_stats_of_an_empty_folder_and_a_missing_one(tmp_path: Path) -> None:
    stats = collect_stats(str(tmp_path))
    assert set(stats.rows.values()) == {0} and stats.languages == {}
    assert "articles per language: -" in format_stats(stats)
    with pytest.raises(SystemExit) as usage:
        main(["stats", str(tmp_path / "missing")])
    assert usage.value.code == 2


def test_stats_command_does_not_import_prefect(dataset: Path) -> None:
    code = (
        "import sys; from flows.cli import main; status = main(['stats', sys.argv[1]]); "
        "assert 'prefect' not in sys.modules, 'prefect imported'; sys.exit(status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(dataset)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "articles per language:" in result.stdout
