"""The compiled cue scanners travel between processes through a file cache.

Scanners are per-process state, so each check runs in a fresh interpreter, with the cache
folder pointed at a temporary directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("hyperscan")

ROOT = Path(__file__).resolve().parents[1]

# Cleans one page and reports whether this process compiled a Hyperscan database.
PROBE = """
import hyperscan, json
from cleaners import cues
compiled = []
real = hyperscan.Database
class Counting(real):
    def compile(self, *args, **kwargs):
        compiled.append(1)
        return super().compile(*args, **kwargs)
cues.hyperscan.Database = Counting
from flows import scanner_cache
scanner_cache.prepare()
from cleaners import CleanConfig, clean
from cleaners.model import RawDocument
page = open({page!r}, "rb").read()
result = clean(RawDocument(content=page, source="p.txt", media_type="text/plain"),
               CleanConfig(language_detector=None))
print(json.dumps({{"compiled": len(compiled), "text": result.text,
                   "removed": [[r.position, r.kind, r.rule] for r in result.removed]}}))
"""


def run_probe(cache: Path) -> dict:
    import json

    page = next((ROOT / "seeds").glob("*.txt"))
    env = {**os.environ, "NEWSCLEAN_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(page=str(page))],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_second_process_loads_the_scanners_the_first_compiled(tmp_path: Path) -> None:
    first = run_probe(tmp_path)
    assert first["compiled"] == 2 and len(list(tmp_path.glob("hyperscan-*.bin"))) == 1
    second = run_probe(tmp_path)
    assert second["compiled"] == 0
    assert second["text"] == first["text"] and second["removed"] == first["removed"]


def test_a_damaged_cache_file_is_compiled_again_not_trusted(tmp_path: Path) -> None:
    reference = run_probe(tmp_path)
    (cached,) = tmp_path.glob("hyperscan-*.bin")
    data = bytearray(cached.read_bytes())
    data[len(data) // 2] ^= 0xFF
    cached.write_bytes(bytes(data))
    again = run_probe(tmp_path)
    assert again["compiled"] == 2
    assert again["text"] == reference["text"] and again["removed"] == reference["removed"]
    assert run_probe(tmp_path)["compiled"] == 0  # the damaged file was replaced


def test_an_unwritable_cache_folder_only_costs_the_compile(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    result = run_probe(blocker / "cache")
    assert result["compiled"] == 2 and result["text"]


def test_a_process_with_scanners_leaves_the_cache_file_alone(tmp_path: Path) -> None:
    """A second warm-up in one process (another language detector) must not rewrite the
    file every other process is reading."""
    run_probe(tmp_path)
    (cached,) = tmp_path.glob("hyperscan-*.bin")
    before = cached.stat().st_mtime_ns
    env = {**os.environ, "NEWSCLEAN_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    script = "from flows import scanner_cache; scanner_cache.prepare(); scanner_cache.prepare()"
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, timeout=120, check=True)
    assert cached.stat().st_mtime_ns == before
