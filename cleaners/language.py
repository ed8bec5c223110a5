"""Language identification of the cleaned body, behind one small interface.

langdetect is the default: it is what the project promised its users. It is random unless
seeded, raises on text without letters, never answers Serbian and confuses Ukrainian with
Russian on short text, so `LangdetectDetector` seeds it, catches its errors and fixes those
confusions from letters that only one of the languages uses. Faster detectors (py3langid,
lingua) plug in through the same `LanguageDetector` protocol.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from cleaners.text import LETTER_RE

UNDETERMINED = "und"
MIN_LETTERS = 20
# Only as much text as a detector needs; long bodies cost time and add nothing. langdetect's
# time grows with the sample (stock: 2.5 ms at 1,000 characters, 1.8 ms at 600) and its
# answers on 600 htmldev bodies were the same at 600 characters as at 1,000 (at 400: 1 in
# 500 differs).
MAX_SAMPLE_CHARS = 600

_UKRAINIAN_ONLY = re.compile(r"[ієїґІЄЇҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
# ђ and ћ are Serbian only; ѓ, ќ and ѕ Macedonian only (ј, љ, њ, џ are in both).
_SERBIAN_ONLY = re.compile(r"[ђћЂЋ]")
_MACEDONIAN_ONLY = re.compile(r"[ѓќѕЃЌЅ]")
_BELARUSIAN_ONLY = re.compile(r"[ўЎ]")
_CYRILLIC_CODES = {"ru", "uk", "bg", "mk", "sr", "be"}
_SERBIAN_OR_MACEDONIAN = re.compile(r"[јљњџЈЉЊЏ]")
_CYRILLIC_WORD_RE = re.compile(r"[а-яёђћјљњџѓќѕіїєґ]+")
_SERBIAN_WORDS = frozenset({"је", "су", "у", "који", "која", "које", "из", "биће", "били"})
_MACEDONIAN_WORDS = frozenset({"е", "во", "со", "кој", "која", "кое", "ќе", "беа", "од"})


@dataclass(frozen=True, slots=True)
class Detection:
    language: str
    probability: float


class LanguageDetector(Protocol):
    name: str

    def detect(self, text: str) -> Detection: ...


def fix_cyrillic(code: str, text: str) -> str:
    """Correct detector answers among Cyrillic languages from letters unique to one of them."""
    if code not in _CYRILLIC_CODES:
        return code
    if _MACEDONIAN_ONLY.search(text):
        return "mk"
    if _SERBIAN_ONLY.search(text):
        return "sr"
    if _SERBIAN_OR_MACEDONIAN.search(text):
        return _serbian_or_macedonian(text)
    if _BELARUSIAN_ONLY.search(text):
        return "be"
    ukrainian = len(_UKRAINIAN_ONLY.findall(text))
    russian = len(_RUSSIAN_ONLY.findall(text))
    if ukrainian > 2 * russian and ukrainian >= 2:
        return "uk"
    if russian > 2 * ukrainian and russian >= 2:
        return "ru"
    return code


def _serbian_or_macedonian(text: str) -> str:
    """ј, љ, њ and џ exclude Russian, Ukrainian, Bulgarian and Belarusian; the commonest
    small words tell Serbian ("је", "су", "у") from Macedonian ("е", "во", "со")."""
    words = _CYRILLIC_WORD_RE.findall(text.lower())
    serbian = sum(w in _SERBIAN_WORDS for w in words)
    macedonian = sum(w in _MACEDONIAN_WORDS for w in words)
    return "mk" if macedonian > serbian else "sr"


def enough_letters(text: str) -> bool:
    return len(LETTER_RE.findall(text[:MAX_SAMPLE_CHARS])) >= MIN_LETTERS


_FACTORY_LOCK = threading.Lock()
_factory = None


def _langdetect_factory():
    """Our own langdetect factory, loaded once per process, under a lock: threads (Dask
    workers) must never see a factory whose profiles are still loading."""
    global _factory
    if _factory is None:
        with _FACTORY_LOCK:
            if _factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                from cleaners.langdetect_loops import profile_rows

                factory = DetectorFactory()
                factory.load_profile(PROFILES_DIRECTORY)
                factory.set_seed(0)
                profile_rows(factory.word_lang_prob_map)
                _factory = factory
    return _factory


class LangdetectDetector:
    """langdetect, seeded for determinism, with errors mapped to 'und'. Its detector is
    `LoopDetector`: langdetect's own, with the same answers in about half the time."""

    name = "langdetect"

    def detect(self, text: str) -> Detection:
        sample = text[:MAX_SAMPLE_CHARS]
        if not enough_letters(sample):
            return Detection(UNDETERMINED, 0.0)
        from langdetect.lang_detect_exception import LangDetectException

        from cleaners.langdetect_loops import LoopDetector

        detector = LoopDetector(_langdetect_factory())
        detector.append(sample)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return Detection(UNDETERMINED, 0.0)
        code = best.lang.split("-")[0]
        return Detection(fix_cyrillic(code, sample), round(float(best.prob), 4))


class Py3LangidDetector:
    """py3langid: a fast naive-Bayes detector with its model inside the package."""

    name = "py3langid"

    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(self, text: str) -> Detection:
        sample = text[:MAX_SAMPLE_CHARS]
        if not enough_letters(sample):
            return Detection(UNDETERMINED, 0.0)
        code, probability = self._identifier.classify(sample)
        return Detection(fix_cyrillic(code, sample), round(float(probability), 4))


class LinguaDetector:
    """lingua: slower to load, most accurate on short text; models ship in the wheel."""

    name = "lingua"

    def __init__(self) -> None:
        from lingua import LanguageDetectorBuilder

        self._detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(self, text: str) -> Detection:
        sample = text[:MAX_SAMPLE_CHARS]
        if not enough_letters(sample):
            return Detection(UNDETERMINED, 0.0)
        values = self._detector.compute_language_confidence_values(sample)
        if not values:
            return Detection(UNDETERMINED, 0.0)
        best = values[0]
        code = best.language.iso_code_639_1.name.lower()
        return Detection(fix_cyrillic(code, sample), round(float(best.value), 4))


DETECTORS = {
    "langdetect": LangdetectDetector,
    "py3langid": Py3LangidDetector,
    "lingua": LinguaDetector,
}


@cache
def get_detector(name: str = "langdetect") -> LanguageDetector:
    """A process-wide detector instance by name (models load once per process)."""
    try:
        return DETECTORS[name]()
    except KeyError:
        raise ValueError(
            f"unknown language detector {name!r}; choose from {sorted(DETECTORS)}"
        ) from None
