"""Language detectors side by side: accuracy on labelled samples, and speed. All offline.

    .venv/bin/python -m benchmarks.detectors [--data ../shared] [--json out.json]

Samples:
- the gold bodies of the seeds and the devset, with their gold `language` (the only real
  labels we have), whole and cut to their first sentence: short text is where detectors
  differ, and where langdetect takes Ukrainian for Russian;
- the htmldev pages' annotated article snippets ("with"), against the page's declared
  `<html lang>`. A declaration is not gold (CMS defaults are often wrong), so this is shown
  as agreement, apart from accuracy.

Detectors are newsclean's own wrappers (`cleaners.language.get_detector`: sample capped,
letterless text gives `und`, Cyrillic fixed from unique letters), plus bare langdetect
without the Cyrillic fix, to show what the fix is for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.common import DEFAULT_DATA_DIR, DataPaths, fmt, gold_files, markdown_table

DETECTOR_NAMES = ("langdetect", "py3langid", "lingua")
BARE_LANGDETECT = "langdetect, no Cyrillic fix"
SHORT_WORDS = 5
BODY, FIRST_SENTENCE, SNIPPETS = "body", "first sentence", "htmldev snippets"
FIRST_WORDS = f"first {SHORT_WORDS} words"
GOLD_KINDS = (BODY, FIRST_SENTENCE, FIRST_WORDS)
MIN_SPEED_SECONDS = 2.0
MIN_SENTENCE_WORDS = 6

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”“»’)]*\s+(?=[\"'„“«(]?[A-ZА-ЯЁІЇЄҐ0-9])")
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sample:
    name: str
    language: str
    text: str
    kind: str


def first_sentence(text: str, min_words: int = MIN_SENTENCE_WORDS) -> str:
    """The first sentence of a paragraph: pieces up to a sentence end, joined until the
    sentence has `min_words` (so a dateline "MOSCOW." or an abbreviation "U.S." does not end
    it)."""
    sentence = ""
    for piece in _SENTENCE_END.split(text.strip()):
        sentence = f"{sentence} {piece}".strip()
        if len(sentence.split()) >= min_words:
            break
    return sentence


def gold_samples(paths: DataPaths) -> list[Sample]:
    """Each gold body whole, its first sentence and that sentence's first words (documents
    with an empty body skipped): the shorter the text, the more detectors disagree."""
    samples = []
    for path in gold_files(paths):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not gold.get("body"):
            continue
        body = "\n\n".join(gold["body"])
        samples.append(Sample(gold["file"], gold["language"], body, BODY))
        sentence = first_sentence(gold["body"][0])
        samples.append(Sample(gold["file"], gold["language"], sentence, FIRST_SENTENCE))
        words = " ".join(sentence.split()[:SHORT_WORDS])
        samples.append(Sample(gold["file"], gold["language"], words, FIRST_WORDS))
    return samples


def declared_language(html_head: bytes) -> str | None:
    match = _HTML_LANG.search(html_head)
    return match.group(1).decode().lower() if match else None


def htmldev_samples(paths: DataPaths) -> list[Sample]:
    """Annotated article snippets of pages that declare a language."""
    evaldata = json.loads(paths.evaldata.read_text(encoding="utf-8"))
    samples = []
    for item in evaldata.values():
        stem = item["file"].removesuffix(".html")
        page = paths.htmldev_html / f"{stem}.html.gz"
        if not page.exists() or not item.get("with"):
            continue
        with gzip.open(page) as source:
            language = declared_language(source.read(16384))
        if language:
            samples.append(Sample(item["file"], language, " ".join(item["with"]), SNIPPETS))
    return samples


# --- running a detector ------------------------------------------------------------------------


def bare_langdetect() -> Callable[[str], str]:
    """Seeded langdetect with only the error handling, no Cyrillic correction."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return detect(text[:3000]).split("-")[0]
        except LangDetectException:
            return "und"

    return run


def load_detector(name: str) -> tuple[Callable[[str], str], float, int]:
    """A text -> language function, the seconds its model took to load, and the memory it
    added to this process (RSS growth; a first-loaded detector also pays shared imports)."""
    import psutil

    process = psutil.Process()
    rss_before = process.memory_info().rss
    started = time.perf_counter()
    if name == BARE_LANGDETECT:
        detect = bare_langdetect()
        detect("warm up the profiles")
    else:
        from cleaners.language import get_detector

        detector = get_detector(name)
        detector.detect("warm up the model with a sentence of ordinary text.")

        def detect(text: str) -> str:
            return detector.detect(text).language

    return detect, time.perf_counter() - started, process.memory_info().rss - rss_before


@dataclass(slots=True)
class Scores:
    """Per kind of sample: right answers, total, errors, and speed."""

    load_seconds: float
    load_bytes: int
    correct: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    docs_per_second: dict[str, float] = field(default_factory=dict)

    def accuracy(self, kind: str) -> float | None:
        total = self.total.get(kind, 0)
        return self.correct.get(kind, 0) / total if total else None


def speed(detect: Callable[[str], str], texts: list[str]) -> float:
    """docs/s over the texts, repeated for at least MIN_SPEED_SECONDS."""
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < MIN_SPEED_SECONDS:
        for text in texts:
            detect(text)
        count += len(texts)
    return count / (time.perf_counter() - started)


def evaluate(name: str, samples: list[Sample]) -> Scores:
    detect, load_seconds, load_bytes = load_detector(name)
    scores = Scores(load_seconds, load_bytes)
    for sample in samples:
        answer = detect(sample.text)
        scores.total[sample.kind] = scores.total.get(sample.kind, 0) + 1
        if answer == sample.language:
            scores.correct[sample.kind] = scores.correct.get(sample.kind, 0) + 1
        else:
            error = f"{sample.name}: {sample.language} -> {answer}"
            scores.errors.setdefault(sample.kind, []).append(error)
    for kind in (BODY, FIRST_SENTENCE):
        scores.docs_per_second[kind] = speed(detect, [s.text for s in samples if s.kind == kind])
    return scores


# --- report ---------------------------------------------------------------------------------------


def report(results: dict[str, Scores], samples: list[Sample]) -> str:
    counts = {kind: sum(s.kind == kind for s in samples) for kind in GOLD_KINDS}
    snippets = sum(s.kind == SNIPPETS for s in samples)
    headers = [
        "detector",
        "load s",
        "load MiB",
        f"accuracy, gold bodies (n={counts[BODY]})",
        f"accuracy, first sentence (n={counts[FIRST_SENTENCE]})",
        f"accuracy, {FIRST_WORDS} (n={counts[FIRST_WORDS]})",
        f"agreement with <html lang>, snippets (n={snippets})",
        "docs/s, bodies",
        "docs/s, first sentences",
    ]
    rows = [
        [
            name,
            fmt(scores.load_seconds, 2),
            f"{scores.load_bytes / 2**20:.0f}",
            fmt(scores.accuracy(BODY)),
            fmt(scores.accuracy(FIRST_SENTENCE)),
            fmt(scores.accuracy(FIRST_WORDS)),
            fmt(scores.accuracy(SNIPPETS)),
            f"{scores.docs_per_second[BODY]:.0f}",
            f"{scores.docs_per_second[FIRST_SENTENCE]:.0f}",
        ]
        for name, scores in results.items()
    ]
    lines = [
        f"## Language detectors ({date.today().isoformat()})",
        "",
        markdown_table(headers, rows),
    ]
    lines += ["", "Errors on gold samples:"]
    for name, scores in results.items():
        for kind in GOLD_KINDS:
            errors = scores.errors.get(kind, [])
            lines.append(f"- {name}, {kind}: {'; '.join(errors) if errors else 'none'}")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.detectors",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    paths = DataPaths(args.data)
    paths.require(paths.seeds_gold, paths.devset_gold, paths.evaldata, paths.htmldev_html)
    samples = gold_samples(paths) + htmldev_samples(paths)
    results: dict[str, Scores] = {}
    for name in (*DETECTOR_NAMES, BARE_LANGDETECT):
        print(f"{name} ...", flush=True)
        results[name] = evaluate(name, samples)
    print()
    print(report(results, samples))
    if args.json:
        dump: dict[str, Any] = {name: vars_of(scores) for name, scores in results.items()}
        args.json.write_text(json.dumps(dump, indent=2, ensure_ascii=False) + "\n")
    return 0


def vars_of(scores: Scores) -> dict[str, Any]:
    return {
        "load_seconds": scores.load_seconds,
        "load_bytes": scores.load_bytes,
        "accuracy": {kind: scores.accuracy(kind) for kind in scores.total},
        "errors": scores.errors,
        "docs_per_second": scores.docs_per_second,
    }


if __name__ == "__main__":
    sys.exit(main())
