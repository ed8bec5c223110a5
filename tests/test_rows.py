"""flows.rows: identity (doc_id, URL normalisation) and the mapping from results to rows.

Rows built here must be accepted by the sinks' typed tables, so several tests push them
through `flows.sinks.to_table` with the run columns the flow adds.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pyarrow as pa
import pytest

from cleaners import CleanResult, Metadata, RawDocument, Reject, RejectReason, Removal
from flows.records import FailedInput
from flows.rows import (
    DOC_ID_HEX_CHARS,
    article_row,
    count_words,
    document_rows,
    failed_input_row,
    identity_url,
    make_doc_id,
    normalize_url,
    raw_row,
    removed_rows,
    result_rows,
)
from flows.sinks import to_table

RUN_COLUMNS = {
    "run_id": "test-run",
    "pipeline_version": "0.0.0",
    "schema_version": 1,
    "ingested_at": datetime(2026, 11, 22, tzinfo=UTC),
    "at": datetime(2026, 11, 22, tzinfo=UTC),
}


def sha(text: str | bytes) -> str:
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def article_result(**metadata: object) -> CleanResult:
    return CleanResult(
        paragraphs=["Первый абзац статьи.", "Second paragraph, with 3 words-ish."],
        metadata=Metadata(**metadata),
        removed=[
            Removal(0, "navigation", "nav_run", "Home | World"),
            Removal(4, "newsletter_prompt", "cue:newsletter", "Sign up for our newsletter"),
        ],
        language="ru",
        language_score=0.93,
        input_format="text",
        encoding="utf-8",
    )


# --- URL normalisation and doc ids ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM/News/A?id=7#comments", "https://example.com/News/A?id=7"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        (
            "https://example.com/a?utm_source=x&id=3&UTM_Medium=y&fbclid=z&gclid=q&b=%20c",
            "https://example.com/a?id=3&b=%20c",
        ),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
    ],
)
def test_normalize_url_canonicalises_identity_parts_only(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


@pytest.mark.parametrize(
    "url", [None, "", "  ", "ftp://example.com/a", "mailto:a@b.c", "/relative/path", "http://:80"]
)
def test_normalize_url_refuses_non_http_addresses(url: str | None) -> None:
    assert normalize_url(url) is None


def test_normalize_url_refuses_bad_port() -> None:
    assert normalize_url("http://example.com:99999/a") is None


def test_doc_id_hashes_the_normalised_url_when_known() -> None:
    raw = RawDocument(b"page", source="list.txt", url="https://Example.com/a?utm_campaign=x#top")
    assert make_doc_id(raw) == sha("https://example.com/a")[:DOC_ID_HEX_CHARS]
    same_page = RawDocument(b"other bytes", source="x", url="https://example.com/a")
    assert make_doc_id(same_page) == make_doc_id(raw)


def test_doc_id_prefers_the_declared_canonical_url_resolved_against_the_page() -> None:
    raw = RawDocument(b"page", source="s", url="https://example.com/amp/a?output=amp")
    result = article_result(canonical_url="/news/a")
    assert identity_url(raw, result) == "https://example.com/news/a"
    assert make_doc_id(raw, result) == sha("https://example.com/news/a")[:32]


def test_doc_id_ignores_an_unusable_canonical_url() -> None:
    raw = RawDocument(b"page", source="s", url="https://example.com/a")
    result = article_result(canonical_url="javascript:void(0)")
    assert make_doc_id(raw, result) == sha("https://example.com/a")[:32]


def test_doc_id_without_any_url_hashes_the_raw_bytes() -> None:
    raw = RawDocument(b"plain text page\n", source="seeds/a.txt")
    doc_id = make_doc_id(raw, article_result())
    assert doc_id == sha(b"plain text page\n")[:32]
    assert len(doc_id) == DOC_ID_HEX_CHARS
    assert make_doc_id(RawDocument(b"plain text page!\n", source="seeds/a.txt")) != doc_id


def test_count_words_counts_unicode_word_tokens() -> None:
    assert count_words("Привет, мир! It's 2025 — ok.") == 6
    assert count_words("") == 0


# --- rows ------------------------------------------------------------------------------------


def test_article_row_maps_result_metadata_and_hashes() -> None:
    fetched = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    raw = RawDocument(
        b"raw bytes", source="https://e.com/a", url="https://e.com/a", fetched_at=fetched
    )
    result = article_result(
        title="A title",
        authors=["Ann Author", "Bo Writer"],
        published_at=datetime(2025, 5, 6, 7, 8),  # naive: taken as UTC
        site_name="Example",
        description="Summary",
    )
    row = article_row(raw, result)
    assert row["doc_id"] == make_doc_id(raw, result)
    assert row["source"] == "https://e.com/a"
    assert row["canonical_url"] == "https://e.com/a"
    assert row["title"] == "A title"
    assert row["authors"] == ["Ann Author", "Bo Writer"]
    assert row["published_at"] == datetime(2025, 5, 6, 7, 8, tzinfo=UTC)
    assert row["fetched_at"] == datetime(2026, 1, 2, 1, 4, 5, tzinfo=UTC)
    assert row["fetched_at"].tzinfo == UTC
    assert row["text"] == "Первый абзац статьи.\n\nSecond paragraph, with 3 words-ish."
    assert row["n_words"] == 3 + 6
    assert row["n_chars"] == len(row["text"])
    assert row["n_paragraphs"] == 2
    assert row["n_removed"] == 2
    assert row["content_sha256"] == sha(row["text"])
    assert row["raw_sha256"] == sha(b"raw bytes")
    assert (row["language"], row["language_score"]) == ("ru", 0.93)


def test_article_without_url_has_no_canonical_url() -> None:
    row = article_row(RawDocument(b"x", source="a.txt"), article_result())
    assert row["url"] is None and row["canonical_url"] is None


def test_removed_rows_keep_position_kind_rule_and_text() -> None:
    rows = removed_rows("d1", article_result())
    assert [(r["doc_id"], r["position"], r["kind"], r["rule"]) for r in rows] == [
        ("d1", 0, "navigation", "nav_run"),
        ("d1", 4, "newsletter_prompt", "cue:newsletter"),
    ]
    assert rows[1]["text"] == "Sign up for our newsletter"


def test_result_rows_for_a_reject_have_reason_detail_and_bytes_hash() -> None:
    raw = RawDocument(b"\x89PNG\r\n", source="img.txt")
    result = CleanResult([], Metadata(), [], reject=Reject(RejectReason.BINARY, "NUL bytes"))
    rows = result_rows(raw, result)
    assert rows.articles == [] and rows.removed == []
    assert rows.rejects == [
        {
            "source": "img.txt",
            "url": None,
            "reason": "binary",
            "detail": "NUL bytes",
            "raw_sha256": sha(b"\x89PNG\r\n"),
        }
    ]


def test_failed_input_row_keeps_http_status() -> None:
    failed = FailedInput("http://h/x", "not_found", "HTTP 404", url="http://h/x", http_status=404)
    row = failed_input_row(failed)
    assert (row["reason"], row["http_status"], row["url"]) == ("not_found", 404, "http://h/x")
    table = to_table("rejects", [row], RUN_COLUMNS)
    assert table.column("http_status").type == pa.int16()


def test_raw_row_keeps_bytes_and_transport_facts() -> None:
    raw = RawDocument(b"<p>hi</p>", source="s", media_type="text/html", charset="latin-1")
    row = raw_row(raw)
    assert row["content"] == b"<p>hi</p>" and row["n_bytes"] == 9
    assert (row["media_type"], row["charset"]) == ("text/html", "latin-1")


def test_document_rows_turns_a_crash_into_an_internal_error_reject() -> None:
    def crashing_clean(_raw: RawDocument) -> CleanResult:
        raise ZeroDivisionError("boom")

    raw = RawDocument(b"text", source="bad.txt")
    rows = document_rows(raw, crashing_clean)
    assert rows.articles == []
    assert [(r["reason"], r["detail"]) for r in rows.rejects] == [
        ("internal_error", "ZeroDivisionError: boom")
    ]
    assert [r["raw_sha256"] for r in rows.raw] == [sha(b"text")]


def test_document_rows_can_leave_raw_out() -> None:
    rows = document_rows(
        RawDocument(b"t", source="a"), lambda _raw: article_result(), keep_raw=False
    )
    assert len(rows.articles) == 1 and rows.raw == []


def test_rows_fit_the_dataset_schema() -> None:
    raw = RawDocument(b"bytes", source="a.txt", fetched_at=datetime(2026, 1, 1))
    rows = document_rows(raw, lambda _raw: article_result(authors=["A"]))
    for name in ("articles", "removed", "rejects", "raw"):
        table = to_table(name, getattr(rows, name), RUN_COLUMNS)
        assert table.num_rows == len(getattr(rows, name))
    articles = to_table("articles", rows.articles, RUN_COLUMNS)
    assert articles.column("authors").to_pylist() == [["A"]]
    assert articles.schema.field("published_at").type == pa.timestamp("us", tz="UTC")
