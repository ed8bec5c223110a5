"""Backfills from stored raw pages, `reclean` in replace mode, progress reporting and the
input estimates behind the progress bar's ETA.

Flows run in-process on the session's Prefect harness with one worker thread, so a test can
swap the cleaner (`flows.ingest.clean`) for a stricter one, as a new cleaner version would.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from rich.console import Console

from cleaners.model import CleanResult, RawDocument, Reject, RejectReason
from flows import ingest as ingest_module
from flows.backfill import count_local_documents, estimate_total, run_reclean
from flows.ingest import run_ingest
from flows.progress import RichProgress, advance, progress_bar, reporting
from tests.generated_docs import write_stories

PROJECT = Path(__file__).resolve().parents[1]
N_STORIES = 30
REJECTED_STORY = "story-0003.txt"


def table(output: Path, name: str) -> str:
    pattern = f"{output}/{name}/**/*.parquet"
    return f"read_parquet('{pattern}', hive_partitioning = true, union_by_name = true)"


def query(sql: str) -> list[tuple[Any, ...]]:
    return duckdb.connect().execute(sql).fetchall()


def snapshot(output: Path) -> dict[str, Any]:
    """What a reclean must preserve: the rows per table, the articles, their partitions."""
    articles = query(
        f"SELECT source, doc_id, text, ingest_date FROM {table(output, 'articles')} ORDER BY 1"
    )
    return {
        "articles": articles,
        "removed": query(f"SELECT count(*) FROM {table(output, 'removed')}")[0][0],
        "rejects": query(f"SELECT source, reason FROM {table(output, 'rejects')} ORDER BY 1"),
        "raw": query(f"SELECT count(*) FROM {table(output, 'raw')}")[0][0],
    }


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    """An output holding 30 articles and one reject, all with their raw pages."""
    root = tmp_path_factory.mktemp("ingested")
    docs = root / "docs"
    write_stories(docs, range(N_STORIES))
    (docs / "zz-empty.txt").write_bytes(b"")
    output = root / "out"
    summary = run_ingest([str(docs)], output=str(output), workers=1, batch_size=8)
    assert summary["written"]["articles"] == N_STORIES
    return output


@pytest.fixture
def copy_of_ingested(ingested: Path, tmp_path: Path) -> Path:
    output = tmp_path / "out"
    shutil.copytree(ingested, output)
    return output


def today() -> str:
    return datetime.now(UTC).date().isoformat()


# --- backfill from stored raw pages -----------------------------------------------------------


def test_backfill_from_stored_raw_pages_builds_the_same_dataset_once(
    ingested: Path, tmp_path: Path
) -> None:
    target = tmp_path / "rebuilt"
    options = {"output": str(target), "raw_root": str(ingested), "workers": 1}

    summary = run_ingest([], raw_dates=[today(), today()], **options)
    rerun = run_ingest([], raw_dates=[None, today()], **options)
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    before = run_ingest([], raw_dates=[None, yesterday], **options)

    assert summary["inputs"]["stored_raw"] == N_STORIES + 1
    # Raw rows keep their original source, so the rebuilt articles are the same rows.
    assert snapshot(target)["articles"] == snapshot(ingested)["articles"]
    assert snapshot(target)["rejects"] == snapshot(ingested)["rejects"]
    assert set(rerun["written"].values()) == {0}
    assert rerun["inputs"]["skipped_known"] == N_STORIES + 1
    assert before["inputs"]["stored_raw"] == 0


def test_backfill_over_its_own_raw_pages_rederives_what_is_missing(
    copy_of_ingested: Path,
) -> None:
    output = copy_of_ingested
    before = snapshot(output)
    shutil.rmtree(output / "articles")
    shutil.rmtree(output / "removed")

    summary = run_ingest([], output=str(output), raw_dates=[None, None], workers=1)

    assert summary["written"]["articles"] == N_STORIES
    assert summary["inputs"]["skipped_known"] == 1, "the stored reject is not redone"
    assert snapshot(output) == before


def test_backfill_command_is_quiet_when_not_interactive(
    ingested: Path, tmp_path: Path, prefect_api_url: str
) -> None:
    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    command = [
        sys.executable, "-m", "flows.cli", "backfill", "--output", str(tmp_path / "out"),
        "--raw-from", str(ingested), "--from", today(), "--workers", "1",
    ]  # fmt: skip
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=PROJECT, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert f"{N_STORIES} (30 new rows)" in result.stdout
    assert "docs/s" not in result.stderr, "no progress bar without a terminal"
    assert "INFO" not in result.stderr, "no Prefect log lines on the console"


# --- reclean ------------------------------------------------------------------------------------


def test_reclean_replaces_every_row_in_place_and_adds_none(copy_of_ingested: Path) -> None:
    before = snapshot(copy_of_ingested)

    summary = run_reclean(str(copy_of_ingested), workers=1, batch_size=8)
    again = run_reclean(str(copy_of_ingested), workers=1)

    assert summary["flow"] == "reclean" and summary["replaced"] == N_STORIES
    assert summary["retracted"]["rejects"] == 1 and summary["written"]["rejects"] == 1
    assert snapshot(copy_of_ingested) == before
    run_ids = query(f"SELECT DISTINCT run_id FROM {table(copy_of_ingested, 'articles')}")
    assert run_ids == [(again["run_id"],)]
    removed_runs = query(f"SELECT DISTINCT run_id FROM {table(copy_of_ingested, 'removed')}")
    assert removed_runs == [(again["run_id"],)], "removed rows are replaced with their article"
    assert again["replaced"] == N_STORIES and snapshot(copy_of_ingested) == before
    manifest = copy_of_ingested / "_manifests" / f"{summary['run_id']}.json"
    assert json.loads(manifest.read_text())["replaced"] == N_STORIES


def stricter_clean(real_clean: Any) -> Any:
    """A cleaner that now rejects one page, as a stricter cleaner version would."""

    def clean(raw: RawDocument, config: Any) -> CleanResult:
        result = real_clean(raw, config)
        if raw.source.endswith(REJECTED_STORY):
            reject = Reject(RejectReason.ONLY_BOILERPLATE, "rejected by the new cleaners")
            return dataclasses.replace(result, paragraphs=[], removed=[], reject=reject)
        return result

    return clean


def test_reclean_turns_an_article_the_new_cleaners_reject_into_a_reject(
    copy_of_ingested: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = copy_of_ingested
    before = snapshot(output)
    articles, removed = table(output, "articles"), table(output, "removed")
    doc_id = query(f"SELECT doc_id FROM {articles} WHERE source LIKE '%{REJECTED_STORY}'")[0][0]
    n_removed = query(f"SELECT count(*) FROM {removed} WHERE doc_id = '{doc_id}'")[0][0]
    assert n_removed >= 1

    with monkeypatch.context() as patch:
        patch.setattr(ingest_module, "clean", stricter_clean(ingest_module.clean))
        summary = run_reclean(str(output), workers=1)

    assert summary["written"]["articles"] == N_STORIES - 1
    assert query(f"SELECT count(*) FROM {articles} WHERE doc_id = '{doc_id}'") == [(0,)]
    assert query(f"SELECT count(*) FROM {removed} WHERE doc_id = '{doc_id}'") == [(0,)]
    assert snapshot(output)["removed"] == before["removed"] - n_removed
    rejects = snapshot(output)["rejects"]
    assert [reason for source, reason in rejects if source.endswith(REJECTED_STORY)] == [
        "only_boilerplate"
    ]
    assert len(rejects) == 2 and query(f"SELECT count(*) FROM {articles}") == [(N_STORIES - 1,)]

    # The next cleaner version accepts it again: the reject goes, the article is back.
    run_reclean(str(output), workers=1)
    assert snapshot(output) == before


# --- progress and estimates ---------------------------------------------------------------------


class Counter:
    def __init__(self) -> None:
        self.done = 0
        self.extra = 0

    def advance(self, count: int = 1) -> None:
        self.done += count

    def grow(self, count: int) -> None:
        self.extra += count


def test_the_flow_reports_every_input_it_consumes(ingested: Path, tmp_path: Path) -> None:
    docs = ingested.parent / "docs"
    counter = Counter()
    with reporting(counter):
        run_ingest([str(docs)], output=str(tmp_path / "out"), workers=1)
        run_ingest([str(docs)], output=str(tmp_path / "out"), workers=1)
    expected = count_local_documents(str(docs))
    assert expected == N_STORIES + 1
    assert counter.done == 2 * expected, "read and skipped inputs both count"
    advance()  # outside `reporting`: a no-op, not an error
    assert counter.done == 2 * expected


def test_progress_bar_shows_count_rate_and_eta_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with progress_bar("backfill", 10, enabled=True, console=console) as bar:
        assert isinstance(bar, RichProgress)
        for _ in range(4):
            advance()
        bar.grow(5)
    text = screen.getvalue()
    assert "backfill" in text and "4/15" in text and "docs/s" in text and "eta" in text
    with progress_bar("backfill", 10, enabled=False) as nothing:
        assert nothing is None


def write_warc(path: Path, n_responses: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number in range(n_responses):
            url = f"https://news.example/{number}"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            body = io.BytesIO(b"<html><body><p>story</p></body></html>")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=body, http_headers=headers)
            )
            metadata = io.BytesIO(b"via: test\r\n")
            writer.write_record(
                writer.create_warc_record(
                    url, "metadata", payload=metadata, warc_content_type="application/warc-fields"
                )
            )


def test_estimates_count_documents_records_lines_urls_and_stored_rows(
    ingested: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "inputs"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.html", "sub/c.txt", "notes"):
        (folder / name).write_text("text")
    (folder / ".hidden.txt").write_text("skipped")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "records.jsonl").write_text('{"url": "u1"}\n\n{"url": "u2"}\n{"url": "u3"}')
    write_warc(folder / "crawl.warc.gz", n_responses=3)
    url_list = tmp_path / "urls.txt"
    url_list.write_text("# list\nhttps://a.example/1\nhttps://a.example/2\n\n")

    assert count_local_documents(str(folder)) == 4 + 3 + 3
    inputs = [str(folder), "https://a.example/feed.xml"]
    assert estimate_total(inputs, [str(url_list)]) == 10 + 1 + 2
    stored = estimate_total([], [], str(ingested), (None, None))
    assert stored == N_STORIES + 1


# --- command-line checks that need no Prefect ---------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["backfill", "--output", "{tmp}/out"], "backfill needs PATH_OR_URL, --urls FILE"),
        (["backfill", "--from", "2026-02-01", "--to", "2026-01-01"], "is after --to"),
        (["backfill", "--from", "yesterday"], "not a date (YYYY-MM-DD): 'yesterday'"),
        (["backfill", "--raw-from", "{tmp}/nothing"], "no raw/ folder to backfill from"),
        (["backfill", "docs/", "--urls", "{tmp}/missing.txt"], "no such file"),
        (["reclean", "{tmp}"], "no raw/ folder (was it written with --no-raw?)"),
        (["reclean", "{tmp}", "--to", "2026-13-01"], "not a date"),
    ],
)
def test_usage_errors_exit_2_before_starting_prefect(
    arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.cli import main

    with pytest.raises(SystemExit) as usage:
        main([argument.format(tmp=tmp_path) for argument in arguments])
    assert usage.value.code == 2
    assert message in capsys.readouterr().err
