"""A/B speed of the cleaners: this checkout against another, in alternating processes.

    .venv/bin/python -m benchmarks.cleaners_ab OTHER_ROOT [--rounds 3] [--data ../shared]

OTHER_ROOT is another checkout of newsclean (for instance `git worktree add /tmp/base
HEAD~3`). Each side runs `cleaners.clean` (no language detector) over the seeds + devset
texts and over 300 htmldev text dumps, in a fresh process that imports the cleaners from
its own root, several times in turn: this machine's speed drifts by several percent from
one minute to the next, and alternating the two sides spreads that drift over both. A side
reports the lowest CPU time per document of its passes; the ratio compares those.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.common import DEFAULT_DATA_DIR, DataPaths, text_inputs

HTMLDEV_TEXTS = 300
PASSES = 5


def corpora(data: Path) -> dict[str, list[Path]]:
    paths = DataPaths(data)
    return {
        "devset": text_inputs(paths),
        "htmldev": sorted(paths.htmldev_text.glob("*.txt"))[:HTMLDEV_TEXTS],
    }


# Runs in a fresh interpreter with the side's root first on sys.path, so it imports nothing
# from this checkout: the other root may not have this module at all.
_SIDE_CODE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from cleaners import CleanConfig, RawDocument, clean
config = CleanConfig(language_detector=None)
found = {}
for name, files in json.loads(sys.argv[2]).items():
    documents = [
        RawDocument(open(path, "rb").read(), source=path, media_type="text/plain")
        for path in files
    ]
    for document in documents:  # warm up: lexicons, scanners, stop lists
        clean(document, config)
    best = float("inf")
    for _ in range(int(sys.argv[3])):
        started = time.process_time()
        for document in documents:
            clean(document, config)
        best = min(best, (time.process_time() - started) / len(documents))
    found[name] = 1000 * best
print(json.dumps(found))
"""


def run_side(root: Path, files: dict[str, list[str]]) -> dict[str, float]:
    """Lowest CPU milliseconds per document over PASSES passes, per corpus, for one side."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    output = subprocess.run(
        [sys.executable, "-c", _SIDE_CODE, str(root), json.dumps(files), str(PASSES)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cleaners_ab")
    parser.add_argument("other", type=Path, help="the other checkout's root")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    args = parser.parse_args(argv)
    this = Path(__file__).resolve().parents[1]
    sides = {"this": this, "other": args.other.resolve()}
    files = {name: [str(p.resolve()) for p in paths] for name, paths in corpora(args.data).items()}
    best: dict[str, dict[str, float]] = {side: {} for side in sides}
    for _ in range(args.rounds):
        for side, root in sides.items():
            for corpus, ms in run_side(root, files).items():
                best[side][corpus] = min(ms, best[side].get(corpus, float("inf")))
    print("| corpus | this checkout, ms/doc | other, ms/doc | this / other |")
    print("|---|---|---|---|")
    for corpus, ms in best["this"].items():
        other = best["other"][corpus]
        print(f"| {corpus} | {ms:.3f} | {other:.3f} | {ms / other:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
