"""Fast spellings of hot regular expressions find what their readable spellings find.

Some expressions are rewritten so that they open on one character class (the regex engine
then skips to candidate characters instead of retrying the pattern at every position), and
some get a cheap test in front. Each rewrite must answer "is there a match?" exactly as the
readable spelling does: on every line of the labelled pages and seeds, and on random strings
made from the characters the expressions care about.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cleaners import credits
from cleaners.features import SEPARATOR_RE
from cleaners.steps.lists import INTERNAL_SENTENCE_RE
from cleaners.text import normalize_text, squeeze_spaces

ROOT = Path(__file__).resolve().parents[1]

READABLE = {
    "credit marks": (
        re.compile(r"[:/©(|—–]|\bby\b|\b(?:fot|phot)\.", re.IGNORECASE),
        credits._CREDIT_MARKS_RE,
    ),
    "menu separators": (
        re.compile(r" \| |\s[·•›»>/|▸►]\s|\S {2,}\S|\s[—–]\s(?=\S+$)"),
        SEPARATOR_RE,
    ),
    "internal sentence end": (
        re.compile(r"\w{4,}[.!?] +[A-ZА-ЯЁІЇЄ]"),
        INTERNAL_SENTENCE_RE,
    ),
}
# The characters the expressions above turn on, plus letters of both cases and scripts.
ALPHABET = [*"aByYbfFoOtTpPhH.:/©(|—–·•›»>▸►!?АЯяxwW1 \t", "  ", " by ", "Foto. ", "ord"]


def _page_lines() -> list[str]:
    pages = sorted((ROOT / "tests/data/clean/labelled").glob("*.txt"))
    pages += sorted((ROOT / "seeds").glob("*.txt"))
    lines = []
    for page in pages:
        text = normalize_text(page.read_text(encoding="utf-8"))
        lines += [line.strip() for line in text.split("\n") if line.strip()]
    return lines


def _random_strings(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choices(ALPHABET, k=rnd.randint(0, 24))) for _ in range(count)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    lines = _page_lines()
    assert len(lines) > 500
    return lines + _random_strings(40_000, seed=5)


@pytest.mark.parametrize("name", sorted(READABLE))
def test_fast_spelling_finds_what_the_readable_one_finds(name: str, texts: list[str]) -> None:
    readable, fast = READABLE[name]
    differing = [t for t in texts if (readable.search(t) is None) != (fast.search(t) is None)]
    assert differing == []
    assert any(fast.search(t) for t in texts) and not all(fast.search(t) for t in texts)


def test_credit_marks_agree_inside_the_windows_is_credit_searches(texts: list[str]) -> None:
    """`_has_credit_mark` searches a head window and a tail window: a lookbehind may see
    before the window's start, as the readable spelling's word boundary does."""
    readable, fast = READABLE["credit marks"]
    for text in texts[::7]:
        for start, end in ((0, 10), (3, len(text)), (5, 12)):
            assert (readable.search(text, start, end) is None) == (
                fast.search(text, start, end) is None
            ), (text, start, end)


def test_name_credit_gate_never_hides_a_name_credit(texts: list[str]) -> None:
    """The cheap test before the name-credit expression is true wherever it matches."""
    _, _, name_credit = credits._credit_res()
    credit_like = [
        "Ray Odum / Courier",
        "(Martin Lobo for the Observer)",
        "© Lucie Carré",
        "Ein Bild der Ausstellung. © AFP / MARCO BERTORELLO",
        "(Quelle: Fleischmann/Unsplash/DJV)",
        *_random_strings(20_000, seed=6),
    ]
    matched = 0
    for text in [*texts, *credit_like]:
        start = max(0, len(text) - credits.NAME_CREDIT_TAIL_CHARS)
        if name_credit.search(text, start):
            matched += 1
            assert credits._may_be_name_credit(text, start), text
    assert matched >= 5


@pytest.mark.parametrize("line", ["a  b", "  a   b  ", "ab", "", "a \t b", "a\u00a0 b"])
def test_squeeze_spaces_skips_lines_without_a_double_space(line: str) -> None:
    assert squeeze_spaces(line) == re.sub(r" {2,}", " ", line).strip()


def test_every_date_form_needs_a_four_digit_year_and_every_relative_time_a_digit(
    texts: list[str],
) -> None:
    """`find_date` gives up early on a text without four digits in a row, and the comment
    step asks for a relative time only in a text with a digit: no form is lost by that."""
    from cleaners import metadata
    from cleaners.steps.lists import RELATIVE_TIME_RE
    from cleaners.text import has_digit

    dated = [
        "3 de abril de 2025", "June 3, 2025", "2025-06-03", "03.06.2025", "2025-06-03T10:00Z",
        "Rosa M. hace 5 horas", "vor 3 Stunden", "yesterday at 10:15", "Ann — June 3, 2025 at 9:14",
    ]  # fmt: skip
    date_forms = (
        metadata.ISO_DATETIME_RE,
        metadata.DAY_MONTH_YEAR_RE,
        metadata.MONTH_DAY_YEAR_RE,
        metadata.ISO_DATE_RE,
        metadata.NUMERIC_DATE_RE,
    )
    found = 0
    for text in [*texts, *dated]:
        if any(form.search(text) for form in date_forms):
            found += 1
            assert metadata._YEAR_RE.search(text), text
        if RELATIVE_TIME_RE.search(text):
            found += 1
            assert has_digit(text), text
    assert found >= len(dated)


def test_amount_gate_never_hides_an_amount(texts: list[str]) -> None:
    from cleaners.steps.zones import AMOUNT_RE, CURRENCY_NEEDLES
    from cleaners.text import contains_any

    amounts = ["$5", "10 €", "£ 25", "USD 100", "100 UAH", "50 руб.", "20 ГРН", "15 zł", "200 KR"]
    amounts += ["5 \u212ar", "100 uſd", "CHF 1.000,50"]  # what case-insensitive matching takes
    found = 0
    for text in [*texts, *amounts]:
        if AMOUNT_RE.search(text):
            found += 1
            assert contains_any(text.casefold(), CURRENCY_NEEDLES), text
    assert found >= len(amounts)


def test_the_prefilter_spelling_of_a_lookaround_holding_a_bracket_still_matches() -> None:
    """`cues.relax` drops lookarounds for Hyperscan; a ")" inside a character class of the
    lookaround ("(?<=[\\w»)] )") once ended the group early and left an invalid pattern."""
    from cleaners.cues import relax

    exact = r"(?<=[\w»)] )\d{1,3}:\d{1,3}(?= [«(]?\w)"
    relaxed = relax(exact)
    assert "(?" not in relaxed
    for text in ("«нива» 2:1 «поділля»", "bayern (a) 2:1 (b) köln", "no score here"):
        if re.search(exact, text):
            assert re.search(relaxed, text), (relaxed, text)
