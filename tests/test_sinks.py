"""The Parquet sinks: typed files every engine reads, no duplicates, no torn writes.

Rows are built from the real seed pages (no cleaner needed): each seed becomes one article
of its long lines, with its short lines as removed blocks, plus one article per long
paragraph, so the data has real text, real lengths and real Unicode.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq
import pytest

from cleaners.model import RejectReason
from flows import sinks
from flows.schema import ARTICLES, SCHEMA_VERSION
from flows.sinks import (
    BatchRows,
    DatasetRoot,
    DatasetWriter,
    open_dataset,
    row_group_bounds,
    write_json_atomic,
)

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
INGEST_DATE = date(2026, 11, 22)
PUBLISHED = datetime(2025, 10, 16, 9, 30, tzinfo=UTC)


# --- real rows from the seed pages -------------------------------------------------------------


def sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def article_row(text: str, url: str, *, title: str | None = None) -> dict:
    """An articles row as the ingest flow would build it (doc_id = hash of the URL)."""
    raw = f"<html><body><p>{text}</p></body></html>".encode()
    paragraphs = text.split("\n\n")
    return {
        "doc_id": sha256(url)[:32],
        "source": url,
        "url": url,
        "canonical_url": url,
        "title": title or paragraphs[0][:80],
        "authors": ["Yuri Ushakov", "Reuters Staff"],
        "published_at": PUBLISHED,
        "site_name": "news.example",
        "language": "en",
        "language_score": 0.99,
        "text": text,
        "n_words": len(text.split()),
        "n_chars": len(text),
        "n_paragraphs": len(paragraphs),
        "n_removed": 0,
        "input_format": "html",
        "encoding": "utf-8",
        "content_sha256": sha256(text),
        "raw_sha256": sha256(raw),
        "fetched_at": PUBLISHED + timedelta(hours=1),
    }


def raw_row(article: dict) -> dict:
    content = f"<html><body><p>{article['text']}</p></body></html>".encode()
    return {
        "raw_sha256": sha256(content),
        "source": article["source"],
        "url": article["url"],
        "fetched_at": article["fetched_at"],
        "media_type": "text/html",
        "charset": "utf-8",
        "n_bytes": len(content),
        "content": content,
    }


def seed_pages() -> list[tuple[str, list[str]]]:
    return [(path.stem, path.read_text().splitlines()) for path in sorted(SEEDS.glob("*.txt"))]


def corpus_batches(batch_size: int = 6) -> list[BatchRows]:
    """The whole seed corpus as batches: articles, removed blocks, raw pages and rejects."""
    items: list[tuple[dict, list[dict], dict]] = []
    rejects: list[dict] = []
    seen_text: set[str] = set()
    for stem, lines in seed_pages():
        long_lines = [line.strip() for line in lines if len(line.strip()) >= 80]
        short = [
            (pos, line.strip()) for pos, line in enumerate(lines) if 0 < len(line.strip()) < 80
        ]
        page = article_row("\n\n".join(long_lines), f"https://news.example/{stem}")
        page["n_removed"] = len(short)
        removed = [
            {
                "doc_id": page["doc_id"],
                "position": pos,
                "kind": "furniture",
                "rule": "short_line",
                "text": text,
            }
            for pos, text in short
        ]
        items.append((page, removed, raw_row(page)))
        for number, paragraph in enumerate(long_lines):
            if paragraph not in seen_text:
                seen_text.add(paragraph)
                article = article_row(paragraph, f"https://news.example/{stem}/p{number}")
                items.append((article, [], raw_row(article)))
        rejects.append(
            {
                "source": f"https://news.example/{stem}/comments",
                "reason": RejectReason.NO_TEXT.value,
                "detail": short[0][1] if short else "",
                "raw_sha256": sha256(stem),
            }
        )
    batches = []
    for start in range(0, len(items), batch_size):
        chunk = items[start : start + batch_size]
        batches.append(
            BatchRows(
                articles=[article for article, _, _ in chunk],
                removed=[row for _, removed, _ in chunk for row in removed],
                raw=[raw for _, _, raw in chunk],
                rejects=rejects if start == 0 else [],
            )
        )
    return batches


def write_corpus(root: str | Path, run_id: str = "run-1", **writer_options) -> sinks.BatchStats:
    with DatasetWriter(root, run_id, ingest_date=INGEST_DATE, **writer_options) as writer:
        for batch in corpus_batches():
            writer.write_batch(batch)
        return writer.totals


def counts(root: str | Path) -> dict[str, int]:
    return {name: open_dataset(root, name).count_rows() for name in sinks.TABLES}


def assert_no_duplicates(root: str | Path) -> None:
    articles = open_dataset(root, "articles").to_table(columns=["doc_id", "content_sha256"])
    for column in ("doc_id", "content_sha256"):
        repeated = [k for k, n in Counter(articles.column(column).to_pylist()).items() if n > 1]
        assert not repeated, f"duplicate {column}: {repeated}"
    raw = open_dataset(root, "raw").to_table(columns=["raw_sha256"]).column(0).to_pylist()
    assert len(raw) == len(set(raw))
    removed = open_dataset(root, "removed").to_table(columns=["doc_id", "position"]).to_pylist()
    assert len(removed) == len({(r["doc_id"], r["position"]) for r in removed})


@pytest.fixture(scope="module")
def expected_counts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Rows per table after one clean run of the corpus: what every recovery must reach."""
    root = tmp_path_factory.mktemp("reference")
    write_corpus(root)
    return counts(root)


# --- reading back with every engine ------------------------------------------------------------


def test_corpus_is_real_and_sizeable() -> None:
    batches = corpus_batches()
    assert sum(len(b.articles) for b in batches) >= 40
    assert any("Kremlin" in a["text"] for b in batches for a in b.articles)


def test_duckdb_reads_typed_columns(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    glob = f"{tmp_path}/articles/**/*.parquet"
    types = duckdb.execute(
        "SELECT typeof(published_at), typeof(authors), typeof(ingest_date), typeof(n_words), "
        f"typeof(language_score) FROM read_parquet('{glob}', hive_partitioning=true) LIMIT 1"
    ).fetchall()
    assert types == [("TIMESTAMP WITH TIME ZONE", "VARCHAR[]", "DATE", "INTEGER", "FLOAT")]
    published, authors, ingest_date, run_id, version = duckdb.execute(
        "SELECT published_at, authors, ingest_date, run_id, schema_version "
        f"FROM read_parquet('{glob}', hive_partitioning=true) LIMIT 1"
    ).fetchall()[0]
    assert published == PUBLISHED and published.utcoffset() == timedelta(0)
    assert authors == ["Yuri Ushakov", "Reuters Staff"]
    assert ingest_date == INGEST_DATE
    assert (run_id, version) == ("run-1", SCHEMA_VERSION)
    texts = duckdb.execute(
        f"SELECT count(*), count(DISTINCT doc_id), sum(n_chars) = sum(length(text)) "
        f"FROM read_parquet('{glob}', hive_partitioning=true)"
    ).fetchall()
    assert texts[0][0] == texts[0][1] > 40 and texts[0][2] is True


def test_pandas_and_polars_read_the_same_rows(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    frame = pd.read_parquet(tmp_path / "articles")
    polars_frame = pl.read_parquet(f"{tmp_path}/articles/**/*.parquet", hive_partitioning=True)
    assert len(frame) == polars_frame.height == open_dataset(tmp_path, "articles").count_rows()
    assert str(frame["published_at"].dt.tz) == "UTC"
    assert polars_frame.schema["published_at"] == pl.Datetime("us", "UTC")
    assert polars_frame.schema["authors"] == pl.List(pl.String)
    assert polars_frame.schema["ingest_date"] == pl.Date
    raw = pl.read_parquet(f"{tmp_path}/raw/**/*.parquet", hive_partitioning=True)
    assert raw.schema["content"] == pl.Binary
    assert (raw["content"].bin.size() == raw["n_bytes"]).all()


def test_open_dataset_types_partition_and_required_columns(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    table = open_dataset(tmp_path, "articles").to_table()
    assert table.schema.field("ingest_date").type == pa.date32()
    assert table.schema.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("authors").type == pa.list_(pa.string())
    assert set(table.column("ingest_date").to_pylist()) == {INGEST_DATE}
    assert not table.schema.field("doc_id").nullable


def test_files_use_zstd_dictionaries_and_statistics(tmp_path: Path) -> None:
    stats = write_corpus(tmp_path)
    article_file = next(f for f in stats.files if f.startswith("articles/"))
    assert article_file.startswith("articles/ingest_date=2026-11-22/run-1-")
    metadata = pq.ParquetFile(tmp_path / article_file).metadata
    columns = {
        metadata.row_group(0).column(i).path_in_schema: metadata.row_group(0).column(i)
        for i in range(metadata.num_columns)
    }
    assert {column.compression for column in columns.values()} == {"ZSTD"}
    assert "RLE_DICTIONARY" in columns["language"].encodings
    assert "RLE_DICTIONARY" not in columns["text"].encodings
    assert columns["doc_id"].is_stats_set and not columns["text"].is_stats_set
    assert metadata.metadata[b"newsclean.table"] == b"articles"


def test_row_groups_are_bounded_by_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = pa.table({"content": [b"x" * 40, b"x" * 40, b"x" * 200, b"x"]})
    assert row_group_bounds(sizes, max_rows=10, max_bytes=150) == [(0, 1), (1, 1), (2, 1), (3, 1)]
    assert row_group_bounds(sizes, max_rows=2, max_bytes=10_000) == [(0, 2), (2, 2)]
    monkeypatch.setattr(sinks, "ROW_GROUP_MAX_BYTES", 4096)
    stats = write_corpus(tmp_path)
    raw_file = next(f for f in stats.files if f.startswith("raw/"))
    metadata = pq.ParquetFile(tmp_path / raw_file).metadata
    assert metadata.num_row_groups > 1
    assert metadata.num_rows == sum(
        metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)
    )


# --- dedup and idempotency ---------------------------------------------------------------------


def test_rerun_adds_zero_rows(tmp_path: Path, expected_counts: dict[str, int]) -> None:
    first = write_corpus(tmp_path, "run-1")
    second = write_corpus(tmp_path, "run-2")
    assert counts(tmp_path) == expected_counts
    assert sum(second.written.values()) == 0 and second.files == []
    assert second.duplicates["articles"] == first.written["articles"]
    assert second.duplicates["raw"] == first.written["raw"]
    assert second.duplicates["rejects"] == first.written["rejects"] == 5
    assert_no_duplicates(tmp_path)


def test_rerun_after_index_loss_rebuilds_from_files(
    tmp_path: Path, expected_counts: dict[str, int]
) -> None:
    write_corpus(tmp_path)
    (tmp_path / "_index" / "index.sqlite").unlink()
    stats = write_corpus(tmp_path, "run-2")
    assert sum(stats.written.values()) == 0
    assert counts(tmp_path) == expected_counts


def test_same_content_under_another_url_becomes_an_alias(tmp_path: Path) -> None:
    text = "\n\n".join(
        line for line in (SEEDS / "000_08f7e95264d34aa8.txt").read_text().splitlines() if line
    )
    original = article_row(text, "https://www.reuters.com/world/kremlin-rubio-lavrov")
    mirror = article_row(text, "https://mirror.example/reuters/kremlin")
    with DatasetWriter(tmp_path, "run-1") as writer:
        writer.write_batch(BatchRows(articles=[original]))
        stats = writer.write_batch(BatchRows(articles=[mirror]))
        again = writer.write_batch(BatchRows(articles=[mirror]))
    assert stats.written["articles"] == 0 and stats.written["aliases"] == 1
    assert again.written["aliases"] == 0 and again.duplicates["aliases"] == 1
    assert open_dataset(tmp_path, "articles").count_rows() == 1
    aliases = open_dataset(tmp_path, "aliases").to_table().to_pylist()
    assert [(a["doc_id"], a["url"]) for a in aliases] == [(original["doc_id"], mirror["url"])]
    assert aliases[0]["content_sha256"] == sha256(text) and aliases[0]["run_id"] == "run-1"


def test_aliases_within_one_batch_and_removed_only_with_their_article(tmp_path: Path) -> None:
    text = (SEEDS / "004_8a69b7fe4b9a2177.txt").read_text().strip()
    first = article_row(text, "https://a.example/story")
    second = article_row(text, "https://b.example/story")
    removed = [
        {"doc_id": doc["doc_id"], "position": 0, "kind": "nav", "rule": "menu", "text": "World"}
        for doc in (first, second)
    ]
    with DatasetWriter(tmp_path, "run-1") as writer:
        stats = writer.write_batch(
            BatchRows(articles=[first, second, first], removed=removed + removed)
        )
    assert stats.written == {"articles": 1, "removed": 1, "rejects": 0, "raw": 0, "aliases": 1}
    assert stats.duplicates["articles"] == 2 and stats.duplicates["removed"] == 3
    assert open_dataset(tmp_path, "removed").to_table().column("doc_id").to_pylist() == [
        first["doc_id"]
    ]


def test_lookups_for_skipping_inputs(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    batch = corpus_batches()[0]
    with DatasetWriter(tmp_path, "run-2") as writer:
        assert writer.has_raw(batch.raw[0]["raw_sha256"]) and not writer.has_raw(sha256("nope"))
        assert writer.has_article(batch.articles[0]["doc_id"])
        wanted = {
            batch.articles[0]["source"],
            batch.rejects[0]["source"],
            "https://unknown.example/",
        }
        assert writer.known_sources(wanted) == wanted - {"https://unknown.example/"}
        assert writer.known_sources(wanted, tables=["articles"]) == {batch.articles[0]["source"]}


def test_rows_are_validated_against_the_schema(tmp_path: Path) -> None:
    row = article_row("Some text long enough to matter.", "https://x.example/1")
    with DatasetWriter(tmp_path, "run-1") as writer:
        with pytest.raises(ValueError, match="unknown columns"):
            writer.write_batch(BatchRows(articles=[{**row, "titel": "typo"}]))
        with pytest.raises(ValueError, match=r"articles\.text is required"):
            writer.write_batch(BatchRows(articles=[{**row, "text": None}]))
        table = pa.Table.from_pylist([row]).drop_columns(["title", "authors"])
        assert writer.write_batch(BatchRows(articles=table)).written["articles"] == 1
    stored = open_dataset(tmp_path, "articles").to_table().to_pylist()[0]
    assert stored["title"] is None and stored["authors"] is None and stored["run_id"] == "run-1"


# --- replace mode (reclean) -----------------------------------------------------------------


def test_replace_mode_supersedes_articles_and_their_removed_rows(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    before = counts(tmp_path)
    page = corpus_batches()[0].articles[0]
    recleaned = {
        **page,
        "text": page["text"].upper(),
        "content_sha256": sha256(page["text"].upper()),
    }
    new_removed = [
        {"doc_id": page["doc_id"], "position": 1, "kind": "nav", "rule": "v2", "text": "World"}
    ]
    with DatasetWriter(tmp_path, "reclean-1", replace=True, ingest_date=date(2030, 1, 1)) as writer:
        stats = writer.write_batch(BatchRows(articles=[recleaned], removed=new_removed))
    assert stats.replaced == 1
    assert counts(tmp_path)["articles"] == before["articles"]
    assert counts(tmp_path)["removed"] == before["removed"] - page["n_removed"] + 1
    articles = open_dataset(tmp_path, "articles").to_table().to_pylist()
    stored = [a for a in articles if a["doc_id"] == page["doc_id"]]
    assert len(stored) == 1 and stored[0]["text"] == recleaned["text"]
    assert stored[0]["run_id"] == "reclean-1" and stored[0]["ingest_date"] == INGEST_DATE
    removed = open_dataset(tmp_path, "removed").to_table().to_pylist()
    assert [r["rule"] for r in removed if r["doc_id"] == page["doc_id"]] == ["v2"]
    assert_no_duplicates(tmp_path)
    # Normal mode afterwards still treats the doc_id as stored.
    assert write_corpus(tmp_path, "run-3").written["articles"] == 0


def reject_of(article: dict, reason: str = "only_boilerplate") -> dict:
    """The reject a stricter cleaner would make of the same input and bytes."""
    return {
        "source": article["source"],
        "url": article["url"],
        "reason": reason,
        "detail": "v2 cleaners",
        "raw_sha256": article["raw_sha256"],
    }


def test_replace_mode_turns_a_rejected_article_into_a_reject(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    before = counts(tmp_path)
    page = corpus_batches()[0].articles[0]
    with DatasetWriter(tmp_path, "reclean-1", replace=True, ingest_date=date(2030, 1, 1)) as writer:
        stats = writer.write_batch(BatchRows(rejects=[reject_of(page)]))
    assert stats.replaced == 1 and stats.retracted["removed"] == page["n_removed"]
    after = counts(tmp_path)
    assert after["articles"] == before["articles"] - 1
    assert after["removed"] == before["removed"] - page["n_removed"]
    assert after["rejects"] == before["rejects"] + 1
    doc_ids = open_dataset(tmp_path, "articles").to_table().column("doc_id").to_pylist()
    assert page["doc_id"] not in doc_ids
    removed = open_dataset(tmp_path, "removed").to_table().column("doc_id").to_pylist()
    assert page["doc_id"] not in removed
    rejects = open_dataset(tmp_path, "rejects").to_table().to_pylist()
    new = [r for r in rejects if r["source"] == page["source"]]
    assert [(r["reason"], r["ingest_date"]) for r in new] == [("only_boilerplate", INGEST_DATE)]

    # ... and back: cleaners that accept it again replace the reject with the article.
    with DatasetWriter(tmp_path, "reclean-2", replace=True) as writer:
        stats = writer.write_batch(BatchRows(articles=[page], removed=[]))
    assert stats.retracted["rejects"] == 1 and stats.written["articles"] == 1
    assert counts(tmp_path)["rejects"] == before["rejects"]
    assert counts(tmp_path)["articles"] == before["articles"]
    assert_no_duplicates(tmp_path)


def test_replace_mode_keeps_the_first_version_within_a_run(tmp_path: Path) -> None:
    """Two inputs with one doc_id: the first stored wins again when both are recleaned."""
    text = (SEEDS / "002_d3626822257a464f.txt").read_text().strip()
    first = article_row(text, "https://news.example/story")
    updated = {
        **first,
        "source": "https://news.example/story?utm_source=feed",
        "text": text + "\n\nAn update.",
        "content_sha256": sha256(text + "\n\nAn update."),
        "raw_sha256": sha256("other bytes"),
    }
    with DatasetWriter(tmp_path, "run-1") as writer:
        writer.write_batch(BatchRows(articles=[first]))
        writer.write_batch(BatchRows(articles=[updated]))
    recleaned = {**first, "title": "v2"}
    with DatasetWriter(tmp_path, "reclean", replace=True) as writer:
        writer.write_batch(BatchRows(articles=[recleaned]))
        stats = writer.write_batch(BatchRows(articles=[{**updated, "title": "v2"}]))
    assert stats.written["articles"] == 0 and stats.duplicates["articles"] == 1
    stored = open_dataset(tmp_path, "articles").to_table().to_pylist()
    assert [(a["source"], a["title"]) for a in stored] == [(first["source"], "v2")]
    aliases = open_dataset(tmp_path, "aliases").to_table().to_pylist()
    assert [(a["doc_id"], a["source"]) for a in aliases] == [(first["doc_id"], updated["source"])]


def test_replace_mode_drops_stale_aliases_of_a_recleaned_source(tmp_path: Path) -> None:
    text = (SEEDS / "003_666c75f02c90fe62.txt").read_text().strip()
    original = article_row(text, "https://a.example/story")
    mirror = article_row(text, "https://mirror.example/story")
    mirror["raw_sha256"] = sha256("mirror bytes")
    with DatasetWriter(tmp_path, "run-1") as writer:
        writer.write_batch(BatchRows(articles=[original, mirror]))
    assert open_dataset(tmp_path, "aliases").count_rows() == 1
    # New cleaners keep the mirror's extra line, so it is no longer the same text.
    changed = {**mirror, "text": text + "\n\nMirror footer.", "content_sha256": sha256("x")}
    with DatasetWriter(tmp_path, "reclean", replace=True) as writer:
        stats = writer.write_batch(BatchRows(articles=[original, changed]))
    assert stats.retracted["aliases"] == 1 and stats.written["articles"] == 2
    assert open_dataset(tmp_path, "aliases").count_rows() == 0
    assert open_dataset(tmp_path, "articles").count_rows() == 2


def test_another_input_of_a_stored_doc_id_is_recorded_as_an_alias(tmp_path: Path) -> None:
    """Identical bytes at a new path (doc_id hashes the bytes), or another URL with the same
    canonical URL: the article is stored once and the other input is an alias row."""
    text = (SEEDS / "001_30c680b742a7914f.txt").read_text().strip()
    local = article_row(text, "unused")
    local.update(source="drop/a.txt", url=None, canonical_url=None, doc_id=sha256(b"bytes")[:32])
    copy = {**local, "source": "drop/copy-of-a.txt"}
    page = article_row(text + " (web)", "https://news.example/a")
    tracked = {**page, "source": "https://news.example/a?utm_medium=social"}
    tracked["url"] = tracked["source"]
    with DatasetWriter(tmp_path, "run-1") as writer:
        writer.write_batch(BatchRows(articles=[local, page]))
        stats = writer.write_batch(BatchRows(articles=[copy, tracked, local, page]))
        again = writer.write_batch(BatchRows(articles=[copy, tracked]))
    assert stats.written["articles"] == 0 and stats.written["aliases"] == 2
    assert sum(again.written.values()) == 0
    aliases = open_dataset(tmp_path, "aliases").to_table().to_pylist()
    assert sorted((a["doc_id"], a["source"], a["url"]) for a in aliases) == sorted(
        [
            (local["doc_id"], "drop/copy-of-a.txt", None),
            (page["doc_id"], tracked["source"], tracked["url"]),
        ]
    )
    with DatasetWriter(tmp_path, "run-2") as writer:
        assert writer.known_sources(["drop/copy-of-a.txt"], ["aliases"])


def test_an_index_of_an_older_format_is_rebuilt(tmp_path: Path, expected_counts: dict) -> None:
    write_corpus(tmp_path)
    index = tmp_path / "_index" / "index.sqlite"
    with sqlite3.connect(index) as db:
        db.execute("DELETE FROM keys WHERE kind = 'derived'")
        db.execute("PRAGMA user_version = 1")
    page = corpus_batches()[0].articles[0]
    with DatasetWriter(tmp_path, "reclean", replace=True) as writer:
        assert writer.write_batch(BatchRows(rejects=[reject_of(page)])).replaced == 1
    assert counts(tmp_path)["articles"] == expected_counts["articles"] - 1


# --- schema evolution and hidden files -------------------------------------------------------


def test_older_schema_partition_stays_readable(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    old_schema = pa.schema([f for f in ARTICLES if f.name not in ("description", "n_removed")])
    old_row = article_row(
        "An article from before the description column existed.", "https://old.example/1"
    )
    old_row.update(pipeline_version="0.0.1", schema_version=0, run_id="old", ingested_at=PUBLISHED)
    old_table = pa.Table.from_pylist(
        [{k: v for k, v in old_row.items() if k in old_schema.names}], schema=old_schema
    )
    old_dir = tmp_path / "articles" / "ingest_date=2020-01-01"
    old_dir.mkdir()
    pq.write_table(old_table, old_dir / "old.parquet", compression="zstd")

    table = open_dataset(tmp_path, "articles").to_table()
    old = [r for r in table.to_pylist() if r["run_id"] == "old"]
    assert len(old) == 1 and old[0]["description"] is None and old[0]["n_removed"] is None
    assert old[0]["ingest_date"] == date(2020, 1, 1)
    assert table.schema.field("n_removed").type == pa.int32()
    rows = duckdb.execute(
        f"SELECT count(*), count(n_removed) FROM read_parquet('{tmp_path}/articles/**/*.parquet', "
        "hive_partitioning=true, union_by_name=true)"
    ).fetchall()
    assert rows == [(table.num_rows, table.num_rows - 1)]
    with DatasetWriter(tmp_path, "run-2") as writer:
        assert writer.has_article(old_row["doc_id"])
        assert (
            writer.write_batch(BatchRows(articles=[old_row | {"run_id": "run-2"}])).written[
                "articles"
            ]
            == 0
        )


def test_stale_temp_files_are_invisible_and_swept(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    partition = tmp_path / "articles" / f"ingest_date={INGEST_DATE}"
    temp = partition / ".run-9-00001-abc.parquet.tmp-0123456789ab"
    temp.write_bytes(b"PAR1 half a file")
    total = counts(tmp_path)["articles"]
    assert open_dataset(tmp_path, "articles").count_rows() == total
    assert (
        ds.dataset(tmp_path / "articles", format="parquet", partitioning="hive").count_rows()
        == total
    )
    glob = f"{tmp_path}/articles/**/*.parquet"
    assert duckdb.execute(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall() == [(total,)]
    assert len(pd.read_parquet(tmp_path / "articles")) == total
    assert pl.scan_parquet(glob, hive_partitioning=True).select(pl.len()).collect().item() == total
    DatasetWriter(tmp_path, "run-2").close()
    assert temp.exists(), "a fresh temporary may belong to a live writer"
    DatasetWriter(tmp_path, "run-3", stale_temp_after=timedelta(0)).close()
    assert not temp.exists()


# --- other roots and the JSON helper -------------------------------------------------------------


def test_file_uri_root(tmp_path: Path, expected_counts: dict[str, int]) -> None:
    write_corpus(f"file://{tmp_path}")
    assert counts(f"file://{tmp_path}") == counts(tmp_path) == expected_counts


def test_non_local_filesystem_uses_an_in_memory_index(
    tmp_path: Path, expected_counts: dict[str, int]
) -> None:
    """A SubTreeFileSystem is not a LocalFileSystem: it takes the remote (S3-like) path."""
    root = DatasetRoot(pafs.SubTreeFileSystem(str(tmp_path), pafs.LocalFileSystem()), "bucket/data")
    assert not root.is_local and root.index_path is None
    write_corpus(root)
    again = write_corpus(root, "run-2")
    assert sum(again.written.values()) == 0
    assert counts(root) == expected_counts
    assert not (tmp_path / "bucket" / "data" / "_index" / "index.sqlite").exists()


def test_write_json_atomic(tmp_path: Path) -> None:
    manifest = {"run_id": "run-1", "started": PUBLISHED, "day": INGEST_DATE, "tables": {"articles"}}
    write_json_atomic(tmp_path, "_manifests/run-1.json", manifest)
    write_json_atomic(f"file://{tmp_path}", "_manifests/run-1.json", {**manifest, "done": True})
    text = (tmp_path / "_manifests" / "run-1.json").read_text()
    assert '"done": true' in text and '"started": "2025-10-16T09:30:00+00:00"' in text
    assert '"tables": [\n    "articles"\n  ]' in text
    assert os.listdir(tmp_path / "_manifests") == ["run-1.json"]


# --- crashes and concurrency -----------------------------------------------------------------

CRASHING_WRITER = r"""
import pathlib, sys, time
from datetime import date
from flows import sinks
from tests.test_sinks import corpus_batches

root, crash_point, marker = sys.argv[1:4]
calls = {"n": 0}

def pause_on(nth):
    calls["n"] += 1
    if calls["n"] == nth:
        pathlib.Path(marker).write_text(crash_point)
        time.sleep(600)

def wrap(name, before=0, after=0):
    original = getattr(sinks, name)
    def wrapper(*args, **kwargs):
        if before and (name != "write_json_atomic" or "journal" in args[1]):
            pause_on(before)
        result = original(*args, **kwargs)
        if after:
            pause_on(after)
        return result
    setattr(sinks, name, wrapper)

if crash_point == "temps_written":
    wrap("write_json_atomic", before=2)
elif crash_point == "journal_written":
    wrap("_apply_journal", before=2)
elif crash_point == "half_renamed":
    wrap("_publish", after=7)  # batch 1: journal + 4 files; batch 2: journal, articles
elif crash_point == "renamed_not_indexed":
    wrap("_apply_journal", after=2)
elif crash_point == "random":
    pathlib.Path(marker).write_text(crash_point)

with sinks.DatasetWriter(root, "crashy", ingest_date=date(2026, 11, 22)) as writer:
    for batch in corpus_batches(int(sys.argv[4])):
        writer.write_batch(batch)
"""


def start_writer(
    root: Path, crash_point: str, marker: Path, batch_size: int = 6
) -> subprocess.Popen:
    arguments = [str(root), crash_point, str(marker), str(batch_size)]
    return subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, *arguments], cwd=PROJECT)


def wait_for(marker: Path, child: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert child.poll() is None, "writer exited before reaching the crash point"
        assert time.monotonic() < deadline, "writer never reached the crash point"
        time.sleep(0.01)


def kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)


def assert_readable(root: Path) -> None:
    for name in sinks.TABLES:
        open_dataset(root, name).to_table()
    glob = f"{root}/articles/**/*.parquet"
    if list((root / "articles").glob("*/*.parquet")):
        duckdb.execute(
            f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning=true)"
        ).fetchall()


def articles_after_batches(tmp_path: Path, n_batches: int) -> int:
    """How many articles are visible once the first `n_batches` batches are published."""
    with DatasetWriter(tmp_path / f"first-{n_batches}", "ref", ingest_date=INGEST_DATE) as writer:
        for batch in corpus_batches()[:n_batches]:
            writer.write_batch(batch)
    return counts(tmp_path / f"first-{n_batches}")["articles"]


# crash point -> (batches whose articles are visible, temporaries left, journal left)
CRASH_POINTS = {
    "temps_written": (1, True, False),
    "journal_written": (1, True, True),
    "half_renamed": (2, True, True),  # batch 2's articles file renamed, its raw file not yet
    "renamed_not_indexed": (2, False, True),
}


@pytest.mark.parametrize("crash_point", list(CRASH_POINTS))
def test_sigkill_mid_write_leaves_a_readable_dataset_and_rerun_completes(
    tmp_path: Path, crash_point: str, expected_counts: dict[str, int]
) -> None:
    root, marker = tmp_path / "out", tmp_path / "marker"
    child = start_writer(root, crash_point, marker)
    wait_for(marker, child)
    kill(child)

    visible_batches, temps_left, journal_left = CRASH_POINTS[crash_point]
    assert_readable(root)
    assert counts(root)["articles"] == articles_after_batches(tmp_path, visible_batches)
    assert_no_duplicates(root)
    assert bool([p for p in root.rglob(".*") if ".tmp-" in p.name]) == temps_left
    assert bool(list((root / "_index" / "journal").glob("*.json"))) == journal_left

    stats = write_corpus(root, "rerun", stale_temp_after=timedelta(0))
    assert counts(root) == expected_counts
    assert_no_duplicates(root)
    assert not list((root / "_index" / "journal").iterdir())
    assert not [p for p in root.rglob(".*") if ".tmp-" in p.name]
    assert stats.written["articles"] == expected_counts["articles"] - articles_after_batches(
        tmp_path, 2 if journal_left else 1
    )


def test_repeated_random_kills_never_corrupt_the_dataset(
    tmp_path: Path, expected_counts: dict[str, int]
) -> None:
    root, chooser = tmp_path / "out", random.Random(20261122)
    for attempt in range(4):
        marker = tmp_path / f"marker-{attempt}"
        child = start_writer(root, "random", marker, batch_size=1)
        wait_for(marker, child)
        time.sleep(chooser.uniform(0.0, 0.25))
        kill(child)
        assert_readable(root)
        assert_no_duplicates(root)
    write_corpus(root, "rerun", stale_temp_after=timedelta(0))
    assert counts(root) == expected_counts
    assert_no_duplicates(root)
    assert not list((root / "_index" / "journal").glob("*.json"))
    assert not [p for p in root.rglob(".*") if ".tmp-" in p.name]


def write_shuffled(root: str, seed: int, start: multiprocessing.synchronize.Event) -> None:
    """One of several concurrent writers: the whole corpus, in its own order, small batches."""
    batches = corpus_batches(batch_size=3)
    random.Random(seed).shuffle(batches)
    with DatasetWriter(root, f"writer-{seed}", ingest_date=INGEST_DATE) as writer:
        start.wait(timeout=30)
        for batch in batches:
            writer.write_batch(batch)


def test_one_writer_shared_by_threads(tmp_path: Path, expected_counts: dict[str, int]) -> None:
    """Prefect may call tasks from worker threads: a shared writer must take turns safely."""
    batches = corpus_batches(batch_size=2)
    with DatasetWriter(tmp_path, "threads", ingest_date=INGEST_DATE) as writer:
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(writer.write_batch, batches + batches))
            list(pool.map(writer.has_raw, [b.raw[0]["raw_sha256"] for b in batches]))
        assert writer.totals.written == expected_counts
    assert counts(tmp_path) == expected_counts


def test_concurrent_writers_do_not_duplicate(
    tmp_path: Path, expected_counts: dict[str, int]
) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    writers = [
        context.Process(target=write_shuffled, args=(str(tmp_path), seed, start))
        for seed in range(3)
    ]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=60)
    assert [writer.exitcode for writer in writers] == [0, 0, 0]
    assert counts(tmp_path) == expected_counts
    assert_no_duplicates(tmp_path)
    for path in tmp_path.rglob("*.parquet"):
        pq.read_table(path)
    run_ids = set(open_dataset(tmp_path, "articles").to_table().column("run_id").to_pylist())
    assert len(run_ids) > 1, "the writers should have interleaved"
