"""langdetect's own `Detector`, with its hot loops written for CPython.

langdetect spends most of a call in Python loops: preparing the text (`append` and
`cleaning_text` walk it character by character), cutting it into n-grams (one `NGram`
method call and one Unicode-block binary search per character) and updating 55 language
probabilities per sampled n-gram (an indexed `for` loop). `LoopDetector` keeps the rest of
langdetect (its profiles, its seeded random draws, its convergence test), prepares the same
text with regular expressions, and performs the same floating-point operations in the same
order, so its probabilities are bit-for-bit those of `langdetect.detector.Detector`
(`tests/test_clean_language.py` checks that on every labelled page and on mixed-script
texts). It takes half the time (0.9 against 1.8 ms on 600-character htmldev samples).
"""

from __future__ import annotations

import re

import numpy
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

# NGram.normalize depends on the character alone; a page uses a few hundred distinct ones, and
# Unicode bounds the cache.
_NORMALIZED: dict[str, str] = {}


def _normalized(ch: str) -> str:
    found = _NORMALIZED.get(ch)
    if found is None:
        found = _NORMALIZED[ch] = NGram.normalize(ch)
    return found


# Detector.append keeps one space of each run of spaces. cleaning_text counts "Latin" as
# "A" to "z" (brackets and underscore included, as langdetect compares) against every
# character from U+0300 up, and drops the Latin ones when the others are over twice as many.
# langdetect means to exempt Latin Extended Additional there, but compares the block's
# number with its name, which never match: so every character from U+0300 counts.
_SPACE_RUN_RE = re.compile(" {2,}")
_LATIN_RE = re.compile("[A-z]")
_NON_LATIN_RE = re.compile("[\u0300-\U0010ffff]")


class LoopDetector(Detector):
    """A `Detector` whose text preparation, n-gram extraction and probability updates avoid
    per-character and per-item method calls. Build it with `LoopDetector(factory)`, as
    `DetectorFactory.create` builds its own."""

    def append(self, text: str) -> None:
        """`Detector.append`: URLs and e-mail addresses blanked, Vietnamese normalised, runs
        of spaces kept as one, at most `max_text_length` characters per call."""
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACE_RUN_RE.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        """`Detector.cleaning_text`: a text mostly in another script loses its Latin letters."""
        latin = len(_LATIN_RE.findall(self.text))
        if latin * 2 < len(_NON_LATIN_RE.findall(self.text)):
            self.text = _LATIN_RE.sub("", self.text)

    def _detect_block(self) -> None:
        """`Detector._detect_block` over rows of one probability matrix (`ProfileRows`).

        The random draws are langdetect's: one Gaussian per trial, then one `choice` per
        update. Convergence is tested after the first update and after every fifth one
        after that, so the draws between two tests can be taken together and applied as
        row products, one row after another. Every probability is still `p * (weight + q)`
        and `p / sum`, with `sum` the same left-to-right float sum."""
        self.cleaning_text()
        profile = profile_rows(self.word_lang_prob_map)
        found = ngram_rows(self.text, profile.row_of)
        if not found:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        draw, matrix = self.random.choice, profile.matrix
        trials = self.n_trial
        langprob = numpy.zeros(len(self.langlist))
        # Row 0 holds the probabilities, rows 1.. the factors of the updates up to the next
        # test; multiply.reduce over axis 0 multiplies row after row, as langdetect does.
        work = numpy.empty((_UPDATES_BETWEEN_TESTS + 1, len(self.langlist)))
        self.random.seed(self.seed)
        for _ in range(trials):
            work[0] = self._init_probability()
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            updates = 0
            while True:
                block = 1 if updates == 0 else _UPDATES_BETWEEN_TESTS
                factors = work[1 : block + 1]
                matrix.take([draw(found) for _ in range(block)], axis=0, out=factors)
                factors += weight
                prob = numpy.multiply.reduce(work[: block + 1], axis=0)
                updates += block
                prob /= sum(prob.tolist())
                work[0] = prob
                if prob.max() > self.CONV_THRESHOLD or updates > self.ITERATION_LIMIT:
                    break
            langprob += prob / trials
        self.langprob = langprob.tolist()


# langdetect tests convergence when its update counter i (from 0) is a multiple of 5.
_UPDATES_BETWEEN_TESTS = 5


class ProfileRows:
    """langdetect's n-gram profiles as one float64 matrix (about 39 MB for its 87,598
    n-grams in 55 languages), with the row of each n-gram."""

    def __init__(self, word_lang_prob_map: dict[str, list[float]]) -> None:
        self.profiles = word_lang_prob_map  # held, so that its id() is never reused
        self.row_of = {word: row for row, word in enumerate(word_lang_prob_map)}
        self.matrix = numpy.array(list(word_lang_prob_map.values()), dtype=numpy.float64)


_PROFILE_ROWS: dict[int, ProfileRows] = {}


def profile_rows(word_lang_prob_map: dict[str, list[float]]) -> ProfileRows:
    """The matrix of one loaded profile set, built on first use (0.2 s) and kept."""
    key = id(word_lang_prob_map)
    found = _PROFILE_ROWS.get(key)
    if found is None:
        found = _PROFILE_ROWS[key] = ProfileRows(word_lang_prob_map)
    return found


def ngram_rows(text: str, row_of: dict[str, int]) -> list[int]:
    """`Detector._extract_ngrams` with `NGram.add_char` inlined, giving profile rows
    instead of n-grams: a run of capitals is skipped, a space resets the buffer, and every
    1-, 2- and 3-gram the profiles know is kept (a lone space is not a 1-gram)."""
    found: list[int] = []
    grams, capital_run = " ", False
    for raw in text:
        ch = _NORMALIZED.get(raw) or _normalized(raw)
        last = grams[-1]
        if last == " ":
            grams, capital_run = " ", False
            if ch == " ":
                continue
        elif len(grams) >= NGram.N_GRAM:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital_run = True
        else:
            capital_run = False
        if capital_run:
            continue
        if ch != " " and (row := row_of.get(ch)) is not None:
            found.append(row)
        if len(grams) >= 2:
            if (row := row_of.get(grams[-2:])) is not None:
                found.append(row)
            if len(grams) >= 3 and (row := row_of.get(grams)) is not None:
                found.append(row)
    return found
