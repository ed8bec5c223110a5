"""Is cleaning idempotent on real pages? And what does the settling pass do to get there?

    .venv/bin/python -m benchmarks.idempotence [--data ../shared] [--json out.json]

For every plain-text page of the seeds, the devset and the htmldev text dumps it cleans the
page, then cleans the written-out article (`CleanResult.article`: title, blank line, text)
again and compares titles and paragraphs. It does so twice: as shipped, and with the settling
pass switched off (`cleaners.pipeline.MAX_SETTLE_PASSES = 0`), which shows how often a single
pass is not a fixed point and how much text settling removes. The property tests
(`tests/test_properties_cleaners.py`, `tests/test_settle.py`) check the same on generated
pages; this is the real-page figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from benchmarks.common import DEFAULT_DATA_DIR, DataPaths, markdown_table, text_inputs
from cleaners.pipeline import MAX_SETTLE_PASSES

WORKERS = 2


@dataclass(frozen=True, slots=True)
class PageCheck:
    articles: int = 0  # 1 when the page gave an article
    changed: int = 0  # 1 when cleaning its article again changed title or paragraphs
    settled: int = 0  # 1 when the settling pass removed something
    settled_chars: int = 0
    kept_chars: int = 0


def check_page(job: tuple[Path, int]) -> PageCheck:
    """One page, with `settle_passes` settling passes."""
    from cleaners import CleanConfig, RawDocument, clean, pipeline
    from cleaners.pipeline import SETTLE_RULE_PREFIX

    path, settle_passes = job
    config = CleanConfig(language_detector=None)
    shipped, pipeline.MAX_SETTLE_PASSES = pipeline.MAX_SETTLE_PASSES, settle_passes
    try:
        result = clean(RawDocument(path.read_bytes(), str(path), media_type="text/plain"), config)
        if not result.ok:
            return PageCheck()
        article = RawDocument(result.article.encode(), str(path), media_type="text/plain")
        again = clean(article, config)
    finally:
        pipeline.MAX_SETTLE_PASSES = shipped
    changed = (again.paragraphs, again.metadata.title) != (result.paragraphs, result.metadata.title)
    settled = [r for r in result.removed if r.rule.startswith(SETTLE_RULE_PREFIX)]
    return PageCheck(
        articles=1,
        changed=int(changed),
        settled=int(bool(settled)),
        settled_chars=sum(len(r.text) for r in settled),
        kept_chars=len(result.text),
    )


def total(checks: list[PageCheck]) -> PageCheck:
    return PageCheck(*(sum(getattr(c, name) for c in checks) for name in PageCheck.__slots__))


def measure(pages: list[Path], settle_passes: int) -> PageCheck:
    with ProcessPoolExecutor(WORKERS) as pool:
        jobs = [(page, settle_passes) for page in pages]
        return total(list(pool.map(check_page, jobs, chunksize=16)))


def report(pages: int, shipped: PageCheck, single: PageCheck) -> str:
    def row(label: str, found: PageCheck) -> list[object]:
        share = found.changed / found.articles if found.articles else 0.0
        return [label, found.articles, found.changed, f"{share:.1%}", found.settled,
                found.settled_chars, found.kept_chars]  # fmt: skip

    headers = ["cleaning", "articles", "changed when cleaned again", "share", "pages settled",
               "chars removed by settling", "chars kept"]  # fmt: skip
    rows = [row("as shipped (settling on)", shipped), row("one pass (settling off)", single)]
    table = markdown_table(headers, rows)
    return f"## Idempotence on real pages ({date.today()}, {pages} plain-text pages)\n\n{table}\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    paths = DataPaths(args.data)
    paths.require(paths.seeds, paths.devset_raw, paths.htmldev_text)
    pages = text_inputs(paths) + sorted(paths.htmldev_text.glob("*.txt"))
    shipped, single = measure(pages, MAX_SETTLE_PASSES), measure(pages, 0)
    print(report(len(pages), shipped, single))
    if args.json:
        figures = {"pages": len(pages), "shipped": asdict(shipped), "one_pass": asdict(single)}
        args.json.write_text(json.dumps(figures, indent=2))
    return 0 if shipped.changed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
