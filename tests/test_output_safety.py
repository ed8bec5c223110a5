"""Output safety (issue 6): nothing derived from inputs decides where files go, and secrets
given in inputs do not end up in what a run writes or records.

Output file names come from the run id (generated, then sanitised again by the writer), the
table name and the run date; sources, URLs, titles and doc ids are only ever column values.
The tests try to break that with hostile names everywhere an input can carry one:

- `DatasetWriter` with hostile run ids (`../`, absolute paths, NUL, dots) and rows whose
  `source`, `url` and `doc_id` are traversal strings;
- one real `ingest` flow run (shared Prefect harness) over local files with hostile names,
  a JSONL corpus whose records claim hostile `source`s, a WARC whose target URIs are
  `file:` and `../` strings, and URLs whose paths are `/../../etc/passwd` (plain and
  percent-encoded) or that carry credentials.

After the run, every file created under the sandbox is under the output root (the working
directory, set to an empty folder, stays empty), the dataset reads back with DuckDB, every
hostile source is stored verbatim as data, and the URL credentials appear in no dataset
file, no log line, no manifest and no Prefect flow-run parameter.
"""

from __future__ import annotations

import io
import json
import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.ingest import run_ingest
from flows.sinks import BatchRows, DatasetWriter, data_files, resolve_root
from tests.fuzzing import tally
from tests.httpserver import LocalHTTPServer, Reply

pytestmark = pytest.mark.timeout(300)

SECRET = "Sup3r-s3cret-pw"
PROSE = (
    "The harbour council voted on Tuesday evening to approve a new ferry timetable that adds "
    "two early morning crossings and restores the late service that was cut last winter. "
    "Commuters had complained for months that the first ferry left too late for workers on "
    "the mainland to reach their shifts on time, and a petition collected many signatures."
)


def story(n: int, *, html: bool = False) -> bytes:
    text = f"Ferry timetable story number {n}\n\n{PROSE} Story {n}.\n\n{PROSE} Again {n}.\n"
    if html:
        paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n\n"))
        return f"<html><body><article>{paragraphs}</article></body></html>".encode()
    return text.encode()


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file() or path.is_symlink()}


def assert_plain_data_path(relpath: str) -> None:
    """`<table>/ingest_date=<date>/<file>.parquet`: three plain components, nothing else."""
    parts = relpath.split("/")
    assert len(parts) == 3 and parts[1].startswith("ingest_date="), relpath
    assert all(part not in ("", ".", "..") and "\x00" not in part for part in parts), relpath
    assert parts[2].endswith(".parquet") and not parts[2].startswith("."), relpath


# --------------------------------------------------------------------------- the writer


HOSTILE_RUN_IDS = [
    "../../escaped",
    "/tmp/absolute-run",
    "..",
    ".",
    "...",
    "",
    "run\x00id",
    "run/../../../x",
    "C:\\\\Windows\\\\x",
    "-rf",
]
HOSTILE_VALUES = ["../../../etc/passwd", "/etc/passwd", "a\x00b", "..\\..\\x", "~/.ssh/id_rsa"]


@pytest.mark.parametrize("run_id", HOSTILE_RUN_IDS)
def test_writer_files_stay_under_the_root_whatever_the_run_id(tmp_path: Path, run_id: str) -> None:
    tally.fault("output.run_id")
    sandbox = tmp_path / "sandbox"
    root = sandbox / "out"
    root.mkdir(parents=True)
    before = files_under(tmp_path)
    rejects = [
        {"source": value, "url": value, "reason": "not_found", "detail": value}
        for value in HOSTILE_VALUES
    ]
    with DatasetWriter(str(root), run_id, ingest_date=date(2026, 1, 1)) as writer:
        stats = writer.write_batch(BatchRows(rejects=rejects))
    assert stats.written["rejects"] == len(HOSTILE_VALUES)
    created = files_under(tmp_path) - before
    assert created and all(root in path.parents for path in created), sorted(map(str, created))
    for relpath in data_files(resolve_root(str(root)), "rejects"):
        assert relpath.startswith("rejects/ingest_date=2026-01-01/")
        assert_plain_data_path(relpath)
    rows = duckdb.sql(
        f"SELECT source FROM read_parquet('{root}/rejects/**/*.parquet') ORDER BY source"
    ).fetchall()
    assert sorted(value for (value,) in rows) == sorted(HOSTILE_VALUES)


# --------------------------------------------------------------------------- a real run

HOSTILE_FILE_NAMES = [
    "a..b...txt",
    "-rf.txt",
    "$(touch pwned).txt",
    "line\nbreak.txt",
    "back\\slash.txt",
    "ünïcödé 記事.txt",
    "x" * 200 + ".txt",
    "; rm -rf ~.html",
]
JSONL_SOURCES = ["../../../../etc/passwd", "/etc/shadow", "..\\..\\boot.ini", "nul\x00byte"]
WARC_TARGETS = ["file:///etc/passwd", "../../../../tmp/warc-escape", "https://example.org/ok"]


def _jsonl(path: Path) -> None:
    lines = [
        json.dumps(
            {"url": f"https://example.org/j{n}", "text": story(100 + n).decode(), "source": s}
        )
        for n, s in enumerate(JSONL_SOURCES)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _warc(path: Path) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, target in enumerate(WARC_TARGETS):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            record = writer.create_warc_record(
                target,
                "response",
                payload=io.BytesIO(story(200 + n, html=True)),
                http_headers=headers,
            )
            writer.write_record(record)


@dataclass
class HostileRun:
    sandbox: Path
    output: Path
    cwd: Path
    created: set[Path]
    summary: dict[str, Any]
    inputs: list[str]
    urls: dict[str, str]
    log_text: str
    flow_parameters: list[dict[str, Any]]


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> HostileRun:
    sandbox = tmp_path_factory.mktemp("sandbox")
    inputs_dir, output, cwd = sandbox / "inputs", sandbox / "output", sandbox / "cwd"
    for folder in (inputs_dir, cwd):
        folder.mkdir()
    for n, name in enumerate(HOSTILE_FILE_NAMES):
        (inputs_dir / name).write_bytes(story(n, html=name.endswith(".html")))
    outside = sandbox / "outside-secret.txt"
    outside.write_bytes(story(99))
    (inputs_dir / "link-out.txt").symlink_to(outside)  # a folder walk must not follow it
    _jsonl(inputs_dir / "corpus.jsonl")
    _warc(inputs_dir / "crawl.warc.gz")
    (sandbox / "extra").mkdir()
    (sandbox / "extra" / "explicit.txt").write_bytes(story(98))
    explicit = str(inputs_dir / ".." / "extra" / "explicit.txt")

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"{record.name} {record.getMessage()} {record.exc_text or ''}")

    handler = Collect(logging.DEBUG)
    watched = [logging.getLogger(), logging.getLogger("prefect"), logging.getLogger("flows")]
    levels = [logger.level for logger in watched]
    for logger in watched:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    before = files_under(sandbox)
    previous_cwd = os.getcwd()
    with LocalHTTPServer() as server:
        server.route("/news/a", Reply(body=story(300, html=True)))
        server.redirect("/jump", "/../../../../etc/passwd")
        urls = {
            "traversal": server.url("/../../etc/passwd"),
            "encoded": server.url("/%2e%2e/%2e%2e/etc/passwd"),
            "encoded_slash": server.url("/..%2f..%2fetc%2fpasswd"),
            "redirect": server.url("/jump"),
            "credentials": server.url("/news/a").replace("http://", f"http://editor:{SECRET}@"),
        }
        inputs = [str(inputs_dir), explicit, *urls.values()]
        try:
            os.chdir(cwd)
            summary = run_ingest(
                inputs,
                output=str(output),
                workers=1,
                batch_size=3,
                allow_private=True,
                fetch_delay=0.0,
                language_detector="langdetect",
            )
        finally:
            os.chdir(previous_cwd)
            for logger, level in zip(watched, levels, strict=True):
                logger.removeHandler(handler)
                logger.setLevel(level)
    tally.fuzzed("output.flow_inputs", len(HOSTILE_FILE_NAMES) + len(JSONL_SOURCES) + 8)
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        parameters = [run.parameters for run in client.read_flow_runs()]
    return HostileRun(
        sandbox=sandbox,
        output=output,
        cwd=cwd,
        created=files_under(sandbox) - before,
        summary=summary,
        inputs=inputs,
        urls=urls,
        log_text="\n".join(records),
        flow_parameters=parameters,
    )


def sql(run: HostileRun, table: str, query: str) -> list[tuple]:
    pattern = f"{run.output}/{table}/**/*.parquet"
    relation = f"read_parquet('{pattern}', hive_partitioning = true, union_by_name = true)"
    return duckdb.sql(query.format(t=relation)).fetchall()


def test_every_created_file_is_under_the_output_root(hostile_run: HostileRun) -> None:
    assert hostile_run.created, "the run wrote nothing"
    stray = [p for p in hostile_run.created if hostile_run.output not in p.parents]
    assert stray == [], sorted(map(str, stray))
    assert list(hostile_run.cwd.iterdir()) == []
    assert not (hostile_run.sandbox / "pwned").exists()
    for table in ("articles", "rejects", "raw"):
        for relpath in data_files(resolve_root(str(hostile_run.output)), table):
            assert_plain_data_path(relpath)


def test_hostile_sources_are_stored_verbatim_as_data(hostile_run: HostileRun) -> None:
    sources = {s for (s,) in sql(hostile_run, "articles", "SELECT source FROM {t}")}
    sources |= {s for (s,) in sql(hostile_run, "rejects", "SELECT source FROM {t}")}
    sources |= {s for (s,) in sql(hostile_run, "raw", "SELECT source FROM {t}")}
    inputs_dir = hostile_run.sandbox / "inputs"
    for name in HOSTILE_FILE_NAMES:
        assert str(inputs_dir / name) in sources, name
    for claimed in JSONL_SOURCES:
        assert claimed in sources, claimed
    assert hostile_run.inputs[1] in sources  # the explicit "inputs/../extra/..." path
    assert str(inputs_dir / "link-out.txt") not in sources  # the outside symlink was skipped
    # WARC responses whose target is not http(s) are not pages: skipped, never opened.
    warc_urls = {u for (u,) in sql(hostile_run, "raw", "SELECT url FROM {t}") if u}
    assert "https://example.org/ok" in warc_urls
    assert not warc_urls & {"file:///etc/passwd", "../../../../tmp/warc-escape"}


def test_traversal_urls_never_read_local_files(hostile_run: HostileRun) -> None:
    """Fetched URLs are requested from the server (404 here), never opened locally."""
    rejects = dict(sql(hostile_run, "rejects", "SELECT source, reason FROM {t}"))
    for name in ("traversal", "encoded", "encoded_slash", "redirect"):
        assert rejects.get(hostile_run.urls[name]) == "not_found", (name, rejects)
    contents = sql(hostile_run, "raw", "SELECT content FROM {t}")
    assert not any(b"root:" in content for (content,) in contents)


def test_url_credentials_are_not_in_the_dataset_or_the_logs(hostile_run: HostileRun) -> None:
    for table in ("articles", "rejects", "raw", "aliases", "removed"):
        for relpath in data_files(resolve_root(str(hostile_run.output)), table):
            assert SECRET.encode() not in (hostile_run.output / relpath).read_bytes(), relpath
    assert SECRET not in hostile_run.log_text
    stored = {s for (s,) in sql(hostile_run, "raw", "SELECT source FROM {t}")}
    redacted = hostile_run.urls["credentials"].replace(f"editor:{SECRET}@", "***@")
    assert redacted in stored


def test_url_credentials_are_not_in_the_manifest(hostile_run: HostileRun) -> None:
    manifests = list((hostile_run.output / "_manifests").glob("*.json"))
    assert manifests
    for manifest in manifests:
        assert SECRET not in manifest.read_text(encoding="utf-8")
    assert SECRET not in json.dumps(hostile_run.summary)


def test_url_credentials_are_not_in_prefect_flow_parameters(hostile_run: HostileRun) -> None:
    """Prefect stores flow parameters verbatim; the URL still reaches the server with them."""
    assert hostile_run.flow_parameters
    assert not any(SECRET in json.dumps(p, default=str) for p in hostile_run.flow_parameters)
    articles = {s for (s,) in sql(hostile_run, "articles", "SELECT source FROM {t}")}
    assert hostile_run.urls["credentials"].replace(f"editor:{SECRET}@", "***@") in articles
