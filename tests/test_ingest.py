"""The ingest flow end to end (real Prefect, real Parquet read back with DuckDB), plus its
plain helpers (batching, input splitting, per-document and per-batch failure handling).

Flow tests share one session-wide Prefect harness (see conftest.py). The local run uses a
process pool of 2 workers and batches of 4 documents, so good and bad files share batches
and several tasks run in worker processes; the other runs use one worker thread.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from cleaners import CleanResult, RawDocument
from flows import ingest as ingest_module
from flows.ingest import (
    BATCH_BOUNDARY,
    Batch,
    CleanOptions,
    WarmProcessPoolTaskRunner,
    _InFlight,
    clean_documents,
    collect_rows,
    iter_batches,
    make_task_runner,
    run_ingest,
    split_inputs,
    summary_markdown,
)
from flows.records import FailedInput
from flows.sinks import MANIFEST_DIR, data_files, resolve_root
from tests.httpserver import LocalHTTPServer, Reply

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
DEVSET = PROJECT / "tests" / "data" / "devset"

# A complete 1x1 PNG: what a mislabelled download or a stray image looks like.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082"
)
# High bytes in an order no single-byte or multi-byte charset decodes as text.
INVALID_UTF8_BYTES = bytes(range(128, 256)) * 20
FIVE_MB_LINE = b"word " * 1_000_000
STORY_URL = "https://example.com/news/ferry-timetable"
STORY = [
    "Harbour council approves new ferry timetable after months of complaints",
    "The harbour council voted on Tuesday evening to approve a new ferry timetable that adds "
    "two early morning crossings and restores the late service that was cut last winter.",
    "Commuters had complained for months that the first ferry left too late for workers on the "
    "mainland to reach their shifts on time, and a petition collected four thousand signatures.",
    "Council members said the extra crossings would be paid for by a small rise in parking "
    "charges at the terminal, a proposal that passed by seven votes to two after a long debate.",
    "The operator said it would need six weeks to hire and train additional crew before the new "
    "timetable could start, and that it expected the first early crossing to run in the spring.",
    "Residents who spoke at the meeting welcomed the decision but asked the council to publish "
    "passenger numbers every quarter so that the changes could be judged on evidence.",
]


def jsonl_records() -> bytes:
    """Two records of one page (same URL once tracking parameters go), the second updated."""
    update = "A council spokesperson said the timetable would be reviewed again next year."
    records = [
        {"url": STORY_URL, "text": "\n\n".join(STORY)},
        {"url": f"{STORY_URL}?utm_source=rss#top", "text": "\n\n".join([*STORY, update])},
    ]
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def query(sql: str) -> list[tuple[Any, ...]]:
    return duckdb.connect().sql(sql).fetchall()


def table_sql(output: Path, table: str) -> str:
    """How a user reads one table with DuckDB (union_by_name: schemas may differ by version)."""
    pattern = f"{output}/{table}/**/*.parquet"
    return f"read_parquet('{pattern}', hive_partitioning=true, union_by_name=true)"


def column_types(output: Path, table: str) -> dict[str, str]:
    rows = query(f"DESCRIBE SELECT * FROM {table_sql(output, table)}")
    return {name: column_type for name, column_type, *_ in rows}


# --- a local run over seeds, devset copies and bad inputs ------------------------------------


@dataclass
class LocalRun:
    output: Path
    inputs: list[str]
    summary: dict[str, Any]
    good_sources: set[str]
    bad_sources: dict[str, str]  # source -> expected reject reason


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> LocalRun:
    root = tmp_path_factory.mktemp("local")
    mixed = root / "mixed"
    mixed.mkdir()
    # Name order interleaves good and bad files, so they share batches of 4.
    dev_files = sorted(DEVSET.glob("*.txt"))
    for letter, dev_file in zip("bdfg", dev_files, strict=True):
        shutil.copy(dev_file, mixed / f"{letter}_{dev_file.name}")
    (mixed / "a_empty.txt").write_bytes(b"")
    (mixed / "c_invalid_utf8.txt").write_bytes(INVALID_UTF8_BYTES)
    (mixed / "e_one_5mb_line.txt").write_bytes(FIVE_MB_LINE)
    (mixed / "h_records.jsonl").write_bytes(jsonl_records())
    picture = root / "picture.png"
    picture.write_bytes(PNG_BYTES)
    missing = root / "missing.txt"
    inputs = [str(SEEDS), str(mixed), str(picture), str(missing)]
    output = root / "out"
    summary = run_ingest(inputs, output=str(output), workers=2, batch_size=4)
    good = {str(SEEDS / p.name) for p in SEEDS.glob("*.txt")}
    good |= {str(mixed / p.name) for p in mixed.glob("[bdfg]_*.txt")}
    good.add(f"{mixed / 'h_records.jsonl'}:1")  # record 2 is the same page: a duplicate
    bad = {
        str(mixed / "a_empty.txt"): "empty",
        str(mixed / "c_invalid_utf8.txt"): "undecodable",
        str(mixed / "e_one_5mb_line.txt"): "line_too_long",
        str(picture): "binary",
        str(missing): "not_found",
    }
    return LocalRun(output, inputs, summary, good, bad)


def test_every_good_file_becomes_one_article_readable_by_duckdb(local_run: LocalRun) -> None:
    articles = table_sql(local_run.output, "articles")
    rows = query(f"SELECT source, length(text), n_words, language FROM {articles}")
    assert {source for source, *_ in rows} == local_run.good_sources
    assert len(rows) == len(local_run.good_sources) == 10
    assert all(text_length > 200 and n_words > 30 for _, text_length, n_words, _ in rows)
    languages = {source.rsplit("/", 1)[1]: language for source, _, _, language in rows}
    assert languages["b_dev_02_en_newsletter-pivot.txt"] == "en"
    assert languages["d_dev_14_ru_belukhi.txt"] == "ru"
    assert languages["f_dev_19_de_stadtrat-strassenbahn.txt"] == "de"
    assert languages["g_dev_23_es_alquileres-villamar.txt"] == "es"
    assert {languages[name] for name in languages if name[0].isdigit()} == {"en"}
    assert languages["h_records.jsonl:1"] == "en"


def test_records_of_one_page_are_one_article_identified_by_its_url(local_run: LocalRun) -> None:
    articles = table_sql(local_run.output, "articles")
    rows = query(f"SELECT doc_id, url, canonical_url, text FROM {articles} WHERE url IS NOT NULL")
    doc_id = hashlib.sha256(STORY_URL.encode()).hexdigest()[:32]
    assert [row[:3] for row in rows] == [(doc_id, STORY_URL, STORY_URL)]
    assert "spokesperson" not in rows[0][3], "the first record of a page wins"
    assert local_run.summary["duplicates"]["articles"] == 1
    aliases = query(f"SELECT doc_id, source, url FROM {table_sql(local_run.output, 'aliases')}")
    record_2 = f"{local_run.inputs[1]}/h_records.jsonl:2"
    assert aliases == [(doc_id, record_2, f"{STORY_URL}?utm_source=rss#top")]


def test_article_columns_have_the_documented_types(local_run: LocalRun) -> None:
    types = column_types(local_run.output, "articles")
    assert types["published_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["ingested_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["authors"] == "VARCHAR[]"
    assert types["ingest_date"] == "DATE"
    articles = table_sql(local_run.output, "articles")
    authors = query(f"SELECT authors FROM {articles} WHERE source LIKE '%dev_02_en%'")
    assert authors == [(["Theo Marchetti"],)]
    published = query(f"SELECT published_at FROM {articles} WHERE source LIKE '%dev_02_en%'")
    assert published[0][0].utcoffset().total_seconds() == 0
    ids = query(f"SELECT count(DISTINCT doc_id), min(length(doc_id)) FROM {articles}")
    assert ids == [(10, 32)]


def test_removed_blocks_are_stored_with_kinds_for_stored_articles(local_run: LocalRun) -> None:
    removed = table_sql(local_run.output, "removed")
    articles = table_sql(local_run.output, "articles")
    n_removed, n_kinds, orphans = query(
        f"SELECT count(*), count(DISTINCT kind), "
        f"count(*) FILTER (WHERE doc_id NOT IN (SELECT doc_id FROM {articles})) FROM {removed}"
    )[0]
    assert n_removed > 9 and n_kinds >= 3 and orphans == 0
    per_article = query(
        f"SELECT a.n_removed, count(r.doc_id) FROM {articles} a "
        f"LEFT JOIN {removed} r USING (doc_id) GROUP BY a.doc_id, a.n_removed"
    )
    assert all(declared == stored for declared, stored in per_article)
    assert query(f"SELECT count(*) FROM {removed} WHERE kind = '' OR text = ''") == [(0,)]


def test_bad_inputs_become_rejects_with_reasons(local_run: LocalRun) -> None:
    rejects = table_sql(local_run.output, "rejects")
    rows = query(f"SELECT source, reason, detail FROM {rejects}")
    assert {source: reason for source, reason, _ in rows} == local_run.bad_sources
    assert all(detail for *_, detail in rows)
    raw = table_sql(local_run.output, "raw")
    raw_sources = {source for (source,) in query(f"SELECT source FROM {raw}")}
    # Everything that was read keeps its bytes (the duplicate record's too); the missing
    # file had none.
    duplicate_record = local_run.good_sources | {f"{local_run.inputs[1]}/h_records.jsonl:2"}
    missing = local_run.inputs[-1]
    assert raw_sources == duplicate_record | set(local_run.bad_sources) - {missing}


def test_summary_manifest_and_artifact_describe_the_run(local_run: LocalRun) -> None:
    summary = local_run.summary
    assert summary["articles"] == 11
    assert summary["rejects"] == {
        "binary": 1,
        "empty": 1,
        "line_too_long": 1,
        "not_found": 1,
        "undecodable": 1,
    }
    assert summary["inputs"]["documents"] == 15 and summary["inputs"]["failed"] == 1
    assert summary["batches"] == 4
    assert summary["languages"] == {"en": 8, "de": 1, "es": 1, "ru": 1}
    removed = table_sql(local_run.output, "removed")
    stored_removed = query(f"SELECT count(*) FROM {removed}")[0][0]
    # The summary counts what was cleaned; the duplicate record's removals were not stored.
    assert summary["duplicates"]["removed"] >= 1
    assert sum(summary["removed"].values()) == stored_removed + summary["duplicates"]["removed"]
    assert summary["written"]["articles"] == 10
    assert summary["timings"]["processing_seconds"] > 0
    assert summary["task_runner"] == "ProcessPoolTaskRunner(2)"
    manifest = local_run.output / MANIFEST_DIR / f"{summary['run_id']}.json"
    assert json.loads(manifest.read_text()) == json.loads(json.dumps(summary))

    from prefect.artifacts import Artifact

    artifact = Artifact.get("newsclean-ingest-summary")
    assert artifact is not None and summary["run_id"] in str(artifact.data)


def test_rerun_adds_zero_rows_and_cleans_nothing(local_run: LocalRun) -> None:
    root = resolve_root(local_run.output)
    files_before = {name: data_files(root, name) for name in ("articles", "rejects", "raw")}
    summary = run_ingest(local_run.inputs, output=str(local_run.output), workers=1, batch_size=4)
    assert set(summary["written"].values()) == {0}
    assert summary["inputs"]["skipped_known"] == 15
    assert summary["inputs"]["documents"] == 0
    assert summary["articles"] == 0
    assert {name: data_files(root, name) for name in files_before} == files_before
    assert len(list((local_run.output / MANIFEST_DIR).glob("*.json"))) == 2


# --- URLs, a feed and a 404 through the local server -------------------------------------------


def seed_page(index: int) -> Reply:
    # Plain-text pages keep this test about fetching and discovery; the HTML path has its
    # own test below.
    body = sorted(SEEDS.glob("*.txt"))[index].read_bytes()
    return Reply(body=body, content_type="text/plain; charset=utf-8")


def rss_feed(*links: str) -> Reply:
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in links)
    body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    return Reply(body=body.encode(), content_type="application/rss+xml")


def test_urls_feeds_and_404s_become_articles_and_rejects(
    http_server: LocalHTTPServer, prefect_harness: None, tmp_path: Path
) -> None:
    http_server.route("/news/one", seed_page(0))
    http_server.route("/news/two", seed_page(1))
    http_server.route("/news/three", seed_page(2))
    http_server.route("/feed.xml", rss_feed("/news/one", http_server.url("/news/two")))
    url_list = tmp_path / "urls.txt"
    url_list.write_text(f"# one per line\n{http_server.url('/news/three')}\n")
    inputs = [http_server.url("/feed.xml"), http_server.url("/gone")]
    output = tmp_path / "out"
    options = {
        "output": str(output),
        "url_lists": [str(url_list)],
        "workers": 1,
        "allow_private": True,
        "fetch_delay": 0.0,
    }

    summary = run_ingest(inputs, **options)

    articles = table_sql(output, "articles")
    rows = query(f"SELECT source, url, canonical_url, fetched_at FROM {articles} ORDER BY url")
    assert [url for _, url, _, _ in rows] == [
        http_server.url(path) for path in ("/news/one", "/news/three", "/news/two")
    ]
    assert all(source == url == canonical for source, url, canonical, _ in rows)
    assert all(fetched.utcoffset().total_seconds() == 0 for *_, fetched in rows)
    rejects = query(f"SELECT source, reason, http_status FROM {table_sql(output, 'rejects')}")
    assert rejects == [(http_server.url("/gone"), "not_found", 404)]
    assert summary["inputs"]["feeds"] == 1 and summary["inputs"]["discovered_urls"] == 2

    rerun = run_ingest(inputs, **options)

    assert set(rerun["written"].values()) == {0}
    assert rerun["inputs"]["urls_skipped_known"] == 3
    assert [http_server.hits(f"/news/{name}") for name in ("one", "two", "three")] == [1, 1, 1]
    assert http_server.hits("/feed.xml") == 2  # feeds are re-read: they list new articles
    assert http_server.hits("/gone") == 2  # failures are retried; the reject is not repeated


def feed_run_options(output: Path) -> dict[str, Any]:
    return {"output": str(output), "workers": 1, "allow_private": True, "fetch_delay": 0.0}


def feed_with_etag(http_server: LocalHTTPServer, *links: str) -> None:
    feed = rss_feed(*links)
    http_server.route(
        "/feed.xml", Reply(body=feed.body, content_type=feed.content_type, etag='"v1"')
    )


def test_feeds_are_polled_with_conditional_requests(
    http_server: LocalHTTPServer, prefect_harness: None, tmp_path: Path
) -> None:
    http_server.route("/news/one", seed_page(0))
    http_server.route("/news/two", seed_page(1))
    feed_with_etag(http_server, "/news/one", "/news/two")
    feed = http_server.url("/feed.xml")

    first = run_ingest([feed], **feed_run_options(tmp_path))
    second = run_ingest([feed], **feed_run_options(tmp_path))

    assert first["written"]["articles"] == 2 and first["validators_saved"] >= 1
    requests = http_server.requests("/feed.xml")
    assert "if-none-match" not in requests[0].headers
    assert requests[1].headers["if-none-match"] == '"v1"'
    assert second["inputs"]["not_modified"] == 1 and second["inputs"]["feeds"] == 0
    assert set(second["written"].values()) == {0}
    assert (tmp_path / "_index" / "validators.sqlite").exists()


def test_a_feed_whose_pages_failed_is_read_in_full_next_time(
    http_server: LocalHTTPServer, prefect_harness: None, tmp_path: Path
) -> None:
    http_server.route("/news/one", seed_page(0))
    busy = Reply(status=503, headers={"Retry-After": "0"})
    http_server.route("/news/later", [busy, busy, busy, busy, seed_page(1)])
    feed_with_etag(http_server, "/news/one", "/news/later")
    feed = http_server.url("/feed.xml")

    first = run_ingest([feed], **feed_run_options(tmp_path))
    second = run_ingest([feed], **feed_run_options(tmp_path))

    assert first["written"]["articles"] == 1 and first["rejects"] == {"http_error": 1}
    assert "if-none-match" not in http_server.requests("/feed.xml")[1].headers
    assert second["written"]["articles"] == 1, "the page that failed is fetched again"
    assert http_server.hits("/news/one") == 1


def test_a_run_that_dies_before_writing_keeps_no_validators(
    http_server: LocalHTTPServer,
    prefect_harness: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Validators saved before the documents would turn the next poll into a 304 and lose
    the feed's articles: they are only saved once the batches are stored."""
    http_server.route("/news/one", seed_page(0))
    feed_with_etag(http_server, "/news/one")
    feed = http_server.url("/feed.xml")

    def disk_full(self: Any, batch: Any) -> Any:
        raise OSError("No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(ingest_module.DatasetWriter, "write_batch", disk_full)
        with pytest.raises(OSError, match="No space left"):
            run_ingest([feed], **feed_run_options(tmp_path))
    rerun = run_ingest([feed], **feed_run_options(tmp_path))

    assert "if-none-match" not in http_server.requests("/feed.xml")[1].headers
    assert rerun["written"]["articles"] == 1 and rerun["inputs"]["not_modified"] == 0


def test_pages_lost_with_a_failed_batch_task_are_not_hidden_by_a_304(
    http_server: LocalHTTPServer,
    prefect_harness: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A task that dies loses its pages' bytes (they become internal_error rejects): the
    feed that listed them must be read in full again, so they are fetched again."""
    http_server.route("/news/one", seed_page(0))
    feed_with_etag(http_server, "/news/one")
    feed = http_server.url("/feed.xml")

    def worker_died(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError("worker ran out of memory")

    with monkeypatch.context() as patch:
        patch.setattr(ingest_module, "clean_documents", worker_died)
        first = run_ingest([feed], **feed_run_options(tmp_path))
    rerun = run_ingest([feed], **feed_run_options(tmp_path))

    assert first["rejects"] == {"internal_error": 1} and first["written"]["articles"] == 0
    assert first["validators_saved"] == 0
    assert "if-none-match" not in http_server.requests("/feed.xml")[1].headers
    assert rerun["written"]["articles"] == 1 and http_server.hits("/news/one") == 2


def html_article() -> bytes:
    """A small news page: metadata in the head, navigation and a footer around the story."""
    lines = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").splitlines()[5:12]
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    return (
        '<!doctype html><html lang="en"><head><title>Kremlin says Rubio and Lavrov to speak'
        '</title><link rel="canonical" href="https://Example.com/world/kremlin-rubio-lavrov">'
        '<meta name="author" content="Anastasia Lyrchikova"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>Kremlin says Rubio and Lavrov to speak</h1>{paragraphs}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    ).encode()


def test_an_html_page_is_identified_by_its_canonical_url(
    http_server: LocalHTTPServer, prefect_harness: None, tmp_path: Path
) -> None:
    http_server.route("/amp/kremlin", Reply(body=html_article()))
    page_url = http_server.url("/amp/kremlin?utm_source=feed")

    run_ingest([page_url], output=str(tmp_path), workers=1, allow_private=True, fetch_delay=0.0)

    columns = "doc_id, source, canonical_url, input_format, authors, text"
    rows = query(f"SELECT {columns} FROM {table_sql(tmp_path, 'articles')}")
    canonical = "https://example.com/world/kremlin-rubio-lavrov"
    doc_id = hashlib.sha256(canonical.encode()).hexdigest()[:32]
    assert [row[:5] for row in rows] == [
        (doc_id, page_url, canonical, "html", ["Anastasia Lyrchikova"])
    ]
    assert "Ushakov" in rows[0][5]


# --- a Dask cluster -------------------------------------------------------------------------


def test_a_dask_cluster_runs_the_same_flow(prefect_harness: None, tmp_path: Path) -> None:
    from distributed import LocalCluster

    # A real TCP scheduler on 127.0.0.1 with two worker processes, as a remote cluster has.
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        summary = run_ingest(
            [str(DEVSET)], output=str(tmp_path), dask_address=address, batch_size=2
        )

    assert address.startswith("tcp://127.0.0.1:")
    assert summary["task_runner"] == f"dask({address})"
    assert (summary["batches"], summary["articles"], summary["rejects"]) == (2, 4, {})
    languages = query(f"SELECT language FROM {table_sql(tmp_path, 'articles')} ORDER BY 1")
    assert languages == [("de",), ("en",), ("es",), ("ru",)]


# --- plain helpers, no Prefect -------------------------------------------------------------------


def doc(name: str, size: int = 10) -> RawDocument:
    return RawDocument(b"x" * size, source=name)


def test_batches_close_by_count_and_by_bytes_and_carry_failures() -> None:
    failure = FailedInput("gone.txt", "not_found")
    items = [doc("a"), failure, doc("b"), doc("c"), doc("big", 100), doc("d")]
    batches = list(iter_batches(items, batch_size=2, batch_bytes=50))
    assert [[d.source for d in b.documents] for b in batches] == [
        ["a", "b"],
        ["c", "big"],
        ["d"],
    ]
    assert [len(b.failures) for b in batches] == [1, 0, 0]
    assert [b.number for b in batches] == [1, 2, 3]


def test_failures_alone_are_batched_by_count_too() -> None:
    failures = [FailedInput(f"f{i}", "not_found") for i in range(5)]
    batches = list(iter_batches(failures, batch_size=2, batch_bytes=50))
    assert [len(b.failures) for b in batches] == [2, 2, 1]
    assert all(not b.documents for b in batches)


def test_the_last_two_batches_are_recut_so_workers_finish_together() -> None:
    """300 documents in batches of 200 would run as 200 + 100 on two workers."""
    failure = FailedInput("gone.txt", "not_found")
    items = [doc(f"d{i}") for i in range(250)] + [failure] + [doc(f"d{i}") for i in range(250, 700)]
    batches = list(iter_batches(items, batch_size=200, batch_bytes=10**9, tail_pieces=4))
    assert [len(b.documents) for b in batches] == [200, 200, 75, 75, 75, 75]
    assert [b.number for b in batches] == [1, 2, 3, 4, 5, 6]
    sources = [d.source for b in batches for d in b.documents]
    assert sources == [f"d{i}" for i in range(700)]
    assert [len(b.failures) for b in batches] == [0, 1, 0, 0, 0, 0]


def test_the_first_batch_leaves_once_a_third_batch_has_started() -> None:
    """The workers get the first batch as soon as the stream shows that it is not one of
    the last two (which are re-cut): when the first item after the second batch arrives,
    not when a whole third batch has been read."""
    read: list[str] = []

    def stream() -> Iterator[RawDocument]:
        for i in range(700):
            read.append(f"d{i}")
            yield doc(f"d{i}")

    batches = iter_batches(stream(), batch_size=200, batch_bytes=10**9, tail_pieces=4)
    first = next(batches)
    assert [d.source for d in first.documents] == [f"d{i}" for i in range(200)]
    assert len(read) == 401
    assert [len(b.documents) for b in batches] == [200, 75, 75, 75, 75]


def test_a_small_tail_is_not_cut_below_ten_documents_and_boundaries_keep_their_cut() -> None:
    small = list(iter_batches([doc(f"d{i}") for i in range(25)], 200, 10**9, tail_pieces=4))
    assert [len(b.documents) for b in small] == [13, 12]
    stored = [doc("a"), doc("b"), BATCH_BOUNDARY, *(doc(f"d{i}") for i in range(60))]
    kept = list(iter_batches(stored, batch_size=200, batch_bytes=10**9, tail_pieces=4))
    assert [len(b.documents) for b in kept] == [2, 60]


def test_split_inputs_separates_urls_and_reads_url_lists(tmp_path: Path) -> None:
    url_list = tmp_path / "urls.txt"
    url_list.write_text("https://a.example/1\n\n# comment\nhttps://b.example/2\n")
    paths, urls = split_inputs(["seeds/", "https://b.example/2", "file.warc.gz"], [str(url_list)])
    assert paths == ["seeds/", "file.warc.gz"]
    assert urls == ["https://b.example/2", "https://a.example/1"]


def test_a_document_that_crashes_the_cleaner_does_not_stop_its_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_clean = ingest_module.clean

    def flaky_clean(raw: RawDocument, config: Any) -> CleanResult:
        if raw.source == "boom.txt":
            raise RuntimeError("cleaner bug")
        return real_clean(raw, config)

    monkeypatch.setattr(ingest_module, "clean", flaky_clean)
    good = RawDocument(sorted(SEEDS.glob("*.txt"))[0].read_bytes(), source="good.txt")
    batch = clean_documents([good, doc("boom.txt")], CleanOptions(), run_id="r1")
    assert batch.tables["articles"].column("source").to_pylist() == ["good.txt"]
    rejects = batch.tables["rejects"].to_pylist()
    assert [(r["source"], r["reason"], r["detail"]) for r in rejects] == [
        ("boom.txt", "internal_error", "RuntimeError: cleaner bug")
    ]
    assert batch.tables["raw"].num_rows == 2


class _CrashedFuture:
    """Stands in for the future of a task whose worker process died."""

    def add_done_callback(self, callback: Any) -> None:
        callback(self)

    def result(self) -> Any:
        raise OSError("worker process died")


def test_a_crashed_batch_task_becomes_one_reject_per_document() -> None:
    in_flight = _InFlight(
        future=_CrashedFuture(),  # type: ignore[arg-type]
        failures=[FailedInput("gone.txt", "not_found", "no such file")],
        documents=[("a.txt", None, "aa"), ("b.txt", "http://h/b", "bb")],
    )
    rows, _seconds = collect_rows(in_flight, run_id="r1")
    rejects = rows.rejects.to_pylist()
    assert [(r["source"], r["reason"], r["raw_sha256"]) for r in rejects] == [
        ("gone.txt", "not_found", None),
        ("a.txt", "internal_error", "aa"),
        ("b.txt", "internal_error", "bb"),
    ]
    assert "worker process died" in rejects[1]["detail"]
    assert rows.articles.num_rows == 0
    assert in_flight.finished.is_set()


def test_empty_batch_of_failures_needs_no_task() -> None:
    batch = Batch(number=1, failures=[FailedInput("x", "not_found")])
    assert not batch.documents
    rows, seconds = collect_rows(_InFlight(None, batch.failures, []), run_id="r1")
    assert rows.rejects.num_rows == 1 and seconds == 0.0


def test_summary_markdown_lists_counts() -> None:
    summary = {
        "run_id": "R",
        "output": "out",
        "task_runner": "ThreadPoolTaskRunner(1)",
        "inputs": {"documents": 3, "skipped_known": 1, "urls_skipped_known": 0, "failed": 1},
        "articles": 2,
        "written": {"articles": 2},
        "rejects": {"empty": 1},
        "removed": {"navigation": 4, "byline": 1},
        "languages": {},
        "timings": {"startup_seconds": 1.5, "processing_seconds": 0.25},
    }
    markdown = summary_markdown(summary)
    assert "| navigation | 4 |" in markdown and "| empty | 1 |" in markdown
    assert "| articles | 2 |" in markdown and "| - | 0 |" in markdown


def test_task_runner_choice() -> None:
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    assert isinstance(make_task_runner(1), ThreadPoolTaskRunner)
    assert isinstance(make_task_runner(3), ProcessPoolTaskRunner)
    assert isinstance(make_task_runner(3, "tcp://127.0.0.1:8786"), DaskTaskRunner)


def test_workers_start_before_the_run_and_go_to_the_runner_the_engine_enters() -> None:
    """`run_flow_on` starts the workers while Prefect's server starts; the flow engine then
    enters `duplicate()`, which must adopt them, while the runner the flow carries to every
    task stays picklable (a process queue may only reach a worker as it spawns)."""
    runner = make_task_runner(2)
    assert isinstance(runner, WarmProcessPoolTaskRunner)
    runner.start_workers("langdetect")
    entered = runner.duplicate()
    try:
        pickle.dumps(runner)
        assert entered._early is not None and runner._early is None
        pool = entered._early[1]
        started = set(pool._processes)  # spawned at once, before any task
        assert len(started) == 2
        assert {pool.submit(os.getpid).result(timeout=120) for _ in range(4)} <= started
        # Warmed up before the first task: langdetect's profiles, and Prefect's collections
        # (which Prefect would otherwise import inside the first task).
        assert pool.submit(_warmed_up_state).result(timeout=120) == (True, True)
    finally:
        entered.discard_workers()


def _warmed_up_state() -> tuple[bool, bool]:
    """Runs in a pool worker: what its initializer loaded."""
    import sys

    from cleaners import language

    return language._factory is not None, "prefect_dask" in sys.modules


def test_workers_of_a_run_that_never_started_are_stopped() -> None:
    runner = make_task_runner(2)
    assert isinstance(runner, WarmProcessPoolTaskRunner)
    runner.start_workers(None)
    assert runner._early is not None
    processes = list(runner._early[1]._processes.values())
    runner.discard_workers()
    assert runner._early is None
    assert processes and not any(process.is_alive() for process in processes)


def test_credentials_named_by_environment_variables_are_sent_and_stored_redacted(
    http_server: LocalHTTPServer,
    prefect_harness: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A scheduled source names its login (`${VAR}`); the run fills it in from its own
    environment when it fetches, and only the named form is stored."""
    import base64

    monkeypatch.setenv("NEWSCLEAN_TEST_USER", "editor")
    monkeypatch.setenv("NEWSCLEAN_TEST_PASSWORD", "pa:ss@word")
    http_server.route("/private/one", seed_page(0))
    url = http_server.url("/private/one").replace(
        "http://", "http://${NEWSCLEAN_TEST_USER}:${NEWSCLEAN_TEST_PASSWORD}@"
    )
    output = tmp_path / "out"
    summary = run_ingest([url], **feed_run_options(output))

    [request] = http_server.requests("/private/one")
    expected = base64.b64encode(b"editor:pa:ss@word").decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    assert summary["written"]["articles"] == 1
    stored = query(f"SELECT source FROM {table_sql(output, 'articles')}")
    assert "pa:ss@word" not in repr(stored) and "pa%3Ass%40word" not in repr(stored)


@pytest.mark.parametrize(("mode", "expected"), [("adaptive", [True]), ("full", [False])])
def test_the_html_extraction_option_reaches_the_cleaners(
    mode: str, expected: list[bool], extraction_calls: list[bool]
) -> None:
    """`--html-extraction` (CleanOptions) picks the extraction a worker runs: fast first, or
    trafilatura's full extraction on every page."""
    page = gzip.decompress(
        (Path(__file__).parent / "data/html/flowfx.de.tmux.html.gz").read_bytes()
    )
    document = RawDocument(page, source="tmux.html", media_type="text/html")
    options = CleanOptions(language_detector=None, html_extraction=mode)
    tables = clean_documents([document], options, "20000101T000000Z-test0000").tables
    assert tables["articles"].num_rows == 1
    assert extraction_calls == expected
