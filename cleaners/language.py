"""Language identification of the cleaned body, behind one small interface.

langdetect is the default: it is what the project promised its users. It is random unless
seeded, raises on text without letters, never answers Serbian and confuses Ukrainian with
Russian (and Bulgarian with Macedonian) on short text, so `LangdetectDetector` seeds it,
catches its errors and fixes those confusions (`fix_answer`): Cyrillic answers from letters
that only one of the languages uses, and "hr" answers on Latin-script Serbian from the
ekavian spelling that standard Croatian never uses ("vreme", "mesto", "gde" against
"vrijeme", "mjesto", "gdje"). Faster detectors (py3langid, lingua) plug in through the same
`LanguageDetector` protocol and get the same fixes.
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
# Not ъ: a rare separator in Russian ("объезд"), it is one of Bulgarian's commonest vowels.
_RUSSIAN_ONLY = re.compile(r"[ыэёЫЭЁ]")
_HARD_SIGN = re.compile(r"[ъЪ]")
# Letters of Russian, Ukrainian and Bulgarian that the Macedonian alphabet does not have.
_NOT_MACEDONIAN = re.compile(r"[йщъьюяЙЩЪЬЮЯ]")
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
    if ukrainian == russian == 0 and len(_HARD_SIGN.findall(text)) >= 2:
        return "bg"  # Russian text of this length would show ы, э or ё
    if code == "mk" and _NOT_MACEDONIAN.search(text):
        return "bg"  # Bulgarian is the South Slavic language those letters leave
    return code


def _serbian_or_macedonian(text: str) -> str:
    """ј, љ, њ and џ exclude Russian, Ukrainian, Bulgarian and Belarusian; the commonest
    small words tell Serbian ("је", "су", "у") from Macedonian ("е", "во", "со")."""
    words = _CYRILLIC_WORD_RE.findall(text.lower())
    serbian = sum(w in _SERBIAN_WORDS for w in words)
    macedonian = sum(w in _MACEDONIAN_WORDS for w in words)
    return "mk" if macedonian > serbian else "sr"


# Latin-script Serbian, which langdetect reads as Croatian. The two differ where Proto-Slavic
# jat gives "e" in Serbian (ekavian) and "ije"/"je" in Croatian (ijekavian), and in some
# everyday words (hiljada/tisuća, opština/općina; Bosnian shares the first of each). Only
# forms that the other standard never uses are listed (so not "vremena", Croatian's own
# genitive of "vrijeme"). Bosnian is ijekavian, so it stays "hr", as langdetect (which has
# no "bs") answers.
_EKAVIAN_TEXT = (
    "vreme mesto mesta mestu dete deca dece reka reke mleko pesma pesme uvek gde ovde negde "
    "posle pre deo reč reči rečima rešenje rešiti rešio vest vesti cena cene ceni sreda "
    "nedelja nedelje nedelju predsednik predsednika predsednica lepo lepa belo bela ceo cela "
    "celog hteo htela mesec meseca meseci primer primera primeru verovatno svedok posledica "
    "posledice telo tela mera mere sedište podneo uslovi uslova takođe hiljada hiljade "
    "opština opštine opštini bezbednost bezbednosti saradnja saradnje saradnji tačno tačka "
    "istorija istorije univerzitet fudbal fudbalski voz hleb vazduh"
)
_IJEKAVIAN_TEXT = (
    "vrijeme mjesto mjesta mjestu dijete djeca djece rijeka rijeke mlijeko pjesma pjesme "
    "uvijek gdje ovdje negdje poslije prije dio dijela riječ riječi riječima rješenje "
    "riješiti riješio vijest vijesti cijena cijene cijeni srijeda nedjelja nedjelje "
    "nedjelju predsjednik predsjednika predsjednica lijepo lijepa bijelo bijela cijeli "
    "cijela cijelog htio htjela mjesec mjeseca mjeseci primjer primjera primjeru "
    "vjerojatno svjedok posljedica posljedice tijelo tijela mjera mjere sjedište podnio "
    "uvjeti uvjeta također tisuća tisuće općina općine općini sigurnost sigurnosti suradnja "
    "suradnje suradnji točno točka povijest povijesti sveučilište nogomet nogometni vlak "
    "kruh zrak tijekom tjedan tjedna obitelj obitelji"
)
_EKAVIAN_WORDS = frozenset(_EKAVIAN_TEXT.split())
_IJEKAVIAN_WORDS = frozenset(_IJEKAVIAN_TEXT.split())
_LATIN_WORD_RE = re.compile(r"[a-zčćšđž]+")
_SERBO_CROATIAN_ANSWERS = {"hr", "bs", "sr"}


def fix_serbian_latin(code: str, text: str) -> str:
    """Serbian ("sr") for a Croatian or Bosnian answer on text spelled the ekavian way."""
    if code not in _SERBO_CROATIAN_ANSWERS:
        return code
    words = _LATIN_WORD_RE.findall(text.lower())
    ekavian = sum(word in _EKAVIAN_WORDS for word in words)
    ijekavian = sum(word in _IJEKAVIAN_WORDS for word in words)
    if ekavian >= 2 and ekavian > 2 * ijekavian:
        return "sr"
    return code


def fix_answer(code: str, text: str) -> str:
    """A detector's answer with the known confusions corrected (see the module docstring)."""
    return fix_serbian_latin(fix_cyrillic(code, text), text)


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
        return Detection(fix_answer(code, sample), round(float(best.prob), 4))


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
        return Detection(fix_answer(code, sample), round(float(probability), 4))


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
        return Detection(fix_answer(code, sample), round(float(best.value), 4))


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
