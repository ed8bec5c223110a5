"""The `newsclean` command: `clean --explain` output, exit codes, no Prefect import on the
`clean` path, and an `ingest` run through the real flow (shared Prefect harness)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners import RawDocument, clean
from flows.cli import format_summary, main

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
DEVSET = PROJECT / "tests" / "data" / "devset"
SEED = sorted(SEEDS.glob("*.txt"))[1]


def test_clean_explain_prints_article_and_every_removed_block(
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = clean(RawDocument(SEED.read_bytes(), source=str(SEED), media_type="text/plain"))
    assert expected.ok and expected.metadata.title and expected.removed

    status = main(["clean", str(SEED), "--explain"])

    out = capsys.readouterr().out
    assert status == 0
    lines = out.splitlines()
    assert f"title:    {expected.metadata.title}" in lines
    assert f"language: {expected.language} ({expected.language_score:.2f})" in lines
    assert expected.paragraphs[0] in lines
    header = lines.index(f"removed blocks: {len(expected.removed)}")
    removal_lines = lines[header + 1 :]
    assert len(removal_lines) == len(expected.removed)
    for line, removal in zip(removal_lines, expected.removed, strict=True):
        position, kind, rule, *text = line.split()
        assert (int(position), kind, rule) == (removal.position, removal.kind, removal.rule)
        assert text, "each removed block shows the start of its text"
        assert len(line) < 160, "long block text is truncated"


def test_clean_without_explain_lists_no_removals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"source:   {SEED}\ntitle:    ")
    assert "removed blocks" not in out


def test_clean_rejected_file_prints_reason_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["clean", str(empty)]) == 1
    assert "rejected: empty: " in capsys.readouterr().out


def test_clean_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path / "nope.txt")]) == 1
    assert "rejected: not_found" in capsys.readouterr().out


def test_clean_never_imports_prefect() -> None:
    """`clean` must print at once: importing Prefect alone costs about a second."""
    script = (
        "import sys; from flows.cli import main; status = main(['clean', sys.argv[1]]); "
        "print('PREFECT_LOADED' if 'prefect' in sys.modules else 'NO_PREFECT'); "
        "sys.exit(status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(SEED)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "NO_PREFECT"
    assert "title:" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest"],
        ["ingest", "seeds/", "--urls", "/no/such/list.txt"],
        ["ingest", "seeds/", "--workers", "0"],
        ["ingest", "seeds/", "--language-detector", "nope"],
        ["ingest", "seeds/", "--html-extraction", "fastest"],
        ["reclean", "--html-extraction", "fast"],
        ["clean", str(SEEDS)],
        [],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_ingest_prints_a_short_summary(
    prefect_harness: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out"
    argv = ["ingest", str(DEVSET), str(tmp_path / "gone.txt"), "--output", str(output)]
    status = main([*argv, "--workers", "1"])
    out = capsys.readouterr().out
    assert status == 0
    assert "  articles:  4 (4 new rows)" in out
    assert "  rejects:   1: not_found 1" in out
    assert "  languages: de 1, en 1, es 1, ru 1" in out
    assert "startup" in out and "processing" in out
    manifest = next(line for line in out.splitlines() if "manifest:" in line).split()[-1]
    assert Path(manifest).is_file()


def test_format_summary_keeps_top_removed_kinds() -> None:
    summary = {
        "run_id": "R1",
        "output": "out/",
        "inputs": {"documents": 3, "skipped_known": 2, "urls_skipped_known": 1, "failed": 0},
        "articles": 3,
        "written": {"articles": 1},
        "rejects": {},
        "removed": {f"kind{i}": 20 - i for i in range(10)},
        "languages": {"en": 3},
        "timings": {"startup_seconds": None, "processing_seconds": 1.25},
    }
    text = format_summary(summary, elapsed=3.0)
    assert "3 documents read, 3 skipped as already stored" in text
    assert "removed:   155 blocks: kind0 20, kind1 19" in text
    assert "kind7 13, +2 more" in text and "kind8" not in text
    assert "rejects:   0\n" in text
    assert "startup ?, processing 1.2 s" in text


def test_manifest_location_for_local_paths_and_uris() -> None:
    """A URI's query (endpoint_override=...) must not end up inside the printed path."""
    from flows.cli import manifest_location

    assert manifest_location("output", "r1") == os.path.join("output", "_manifests", "r1.json")
    assert manifest_location("file:///tmp/x", "r1") == "file:///tmp/x/_manifests/r1.json"
    uri = "s3://bucket/news?endpoint_override=127.0.0.1:5555&scheme=http&region=us-east-1"
    assert manifest_location(uri, "r1") == "s3://bucket/news/_manifests/r1.json"
