"""Language identification of the cleaned body: the core languages, determinism, 'und' for
text without enough letters, and the fixes of known confusions (uk vs ru, bg vs mk and ru,
Cyrillic and Latin Serbian, be)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners import CleanConfig
from cleaners.language import (
    UNDETERMINED,
    fix_answer,
    fix_cyrillic,
    fix_serbian_latin,
    get_detector,
)
from tests.cleaning_helpers import ARTICLES, clean_lines

ROOT = Path(__file__).resolve().parents[1]

# Short, ambiguous samples: where an unseeded langdetect flips between answers.
AMBIGUOUS = [
    "La piscine municipale a rouvert samedi.",
    "Die Stadt baut eine neue Brücke.",
    "Ferry back in service",
    "Nova escola abre em março.",
    "abc def ghi jkl mno pqr stu",
    "Мост открыли в неделю.",
]

UKRAINIAN = "Мешканці громади отримали нову школу і дитячий садок, які будували чотири роки."
RUSSIAN = "Жители района получили новую школу и детский сад, которые строили четыре года."
SERBIAN = "Влада Србије је најавила нове мере за подршку пољопривредницима у јужним општинама."
BELARUSIAN = "Урад абвясціў новыя меры падтрымкі сялянаў у паўднёвых раёнах краіны."
BULGARIAN = (
    "Правителството обяви нови мерки в подкрепа на земеделските производители в южните общини."
)
# ъ is Bulgarian's commonest vowel letter, and rare in Russian.
BULGARIAN_BUDGET = (
    "Министърът на финансите заяви, че бюджетът на България за следващата година ще бъде "
    "приет в началото на декември. Според него държавата ще продължи да подкрепя малкия и "
    "средния бизнес във всички региони на страната."
)
MACEDONIAN_BUDGET = (
    "Министерот за финансии изјави дека буџетот на Македонија за следната година ќе биде "
    "донесен на почетокот на декември."
)
RUSSIAN_BUDGET = (
    "Министр финансов заявил, что бюджет на следующий год будет принят в начале декабря. По "
    "его словам, государство поддержит малый и средний бизнес, а налоги не вырастут."
)
# The same news in Latin-script Serbian (ekavian), Croatian and Bosnian (both ijekavian).
SERBIAN_LATIN = (
    "Vlada Srbije je danas usvojila predlog zakona o budžetu za narednu godinu. Ministar "
    "finansija rekao je da će plate u javnom sektoru biti povećane, a penzije usklađene sa "
    "inflacijom. Opozicija tvrdi da je budžet nerealan i da neće rešiti probleme građana, "
    "posebno u manjim opštinama gde je nezaposlenost i dalje visoka."
)
CROATIAN = (
    "Vlada Republike Hrvatske danas je usvojila prijedlog zakona o proračunu za iduću godinu. "
    "Ministar financija rekao je da će plaće u javnom sektoru biti povećane, a mirovine "
    "usklađene s inflacijom. Oporba tvrdi da je proračun nerealan i da neće riješiti probleme "
    "građana, osobito u manjim općinama gdje je nezaposlenost i dalje visoka."
)
BOSNIAN = (
    "Vijeće ministara Bosne i Hercegovine danas je usvojilo prijedlog budžeta za narednu "
    "godinu. Ministar finansija kazao je da će plate u javnom sektoru biti povećane. "
    "Opozicija tvrdi da budžet neće riješiti probleme građana, posebno u manjim opštinama "
    "gdje je nezaposlenost i dalje visoka."
)


@pytest.fixture(scope="module")
def langdetect():
    return get_detector("langdetect")


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_core_languages_of_a_cleaned_article(lang: str) -> None:
    article = ARTICLES[lang]
    result = clean_lines(article.title, *article.paragraphs)
    assert result.language == lang
    assert 0.5 < result.language_score <= 1.0


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_one_sentence_is_enough(langdetect, lang: str) -> None:
    first_sentence = ARTICLES[lang].paragraphs[1]
    assert langdetect.detect(first_sentence).language == lang


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_same_text_same_answer_across_calls(langdetect, text: str) -> None:
    answers = {langdetect.detect(text) for _ in range(8)}
    assert len(answers) == 1


def test_same_answers_in_a_fresh_process(langdetect) -> None:
    """The seed is fixed per process: a new worker must answer exactly as this one does."""
    script = (
        "import json, sys\n"
        "from cleaners.language import get_detector\n"
        "d = get_detector('langdetect')\n"
        "found = [d.detect(text) for text in json.load(sys.stdin)]\n"
        "print(json.dumps([[r.language, r.probability] for r in found]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(AMBIGUOUS),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=60,
    ).stdout
    here = [[r.language, r.probability] for r in map(langdetect.detect, AMBIGUOUS)]
    assert json.loads(out) == here


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "12345 67890 2025",
        "!!! ??? ... — ///",
        "ok",
        "Привет",
        "👍👍👍 🎉",
        "$5 $10 $25",
        "https://x.io/1",
    ],
)
def test_too_little_text_is_undetermined_without_raising(langdetect, text: str) -> None:
    detection = langdetect.detect(text)
    assert detection.language == UNDETERMINED
    assert detection.probability == 0.0


def test_only_a_sample_of_a_long_body_is_read(langdetect) -> None:
    """A long body must not cost more than a short one: the detector reads a prefix."""
    german = " ".join(ARTICLES["de"].paragraphs)
    english_tail = " ".join(ARTICLES["en"].paragraphs) * 40
    assert langdetect.detect(german * 3 + " " + english_tail).language == "de"


# --- Cyrillic fixes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("detected", "text", "fixed"),
    [
        ("ru", UKRAINIAN, "uk"),
        ("bg", UKRAINIAN, "uk"),
        ("uk", RUSSIAN, "ru"),
        ("mk", RUSSIAN, "ru"),
        ("ru", SERBIAN, "sr"),
        ("bg", SERBIAN, "sr"),
        ("ru", BELARUSIAN, "be"),
        ("uk", BELARUSIAN, "be"),
        ("bg", BULGARIAN, "bg"),  # no letter unique to another language: keep the answer
        ("bg", BULGARIAN_BUDGET, "bg"),  # its ъ is no evidence for Russian
        ("ru", BULGARIAN_BUDGET, "bg"),  # ъ, and none of Russian's ы, э, ё
        ("mk", BULGARIAN_BUDGET, "bg"),
        ("mk", "Мостът беше открит в неделя", "bg"),  # ъ and я: not Macedonian letters
        ("bg", MACEDONIAN_BUDGET, "mk"),
        ("bg", RUSSIAN_BUDGET, "ru"),
        ("en", UKRAINIAN, "en"),  # only answers among Cyrillic languages are corrected
        ("ru", "Мост открыли", "ru"),  # too little evidence either way
    ],
)
def test_fix_cyrillic(detected: str, text: str, fixed: str) -> None:
    assert fix_cyrillic(detected, text) == fixed


@pytest.mark.parametrize(("text", "lang"), [(UKRAINIAN, "uk"), (RUSSIAN, "ru"), (SERBIAN, "sr")])
def test_cyrillic_languages_end_to_end(langdetect, text: str, lang: str) -> None:
    assert langdetect.detect(text).language == lang


def test_ukrainian_text_quoting_russian_words_is_still_ukrainian(langdetect) -> None:
    text = " ".join(ARTICLES["uk"].paragraphs) + " Напис на табличці: «Объезд»."
    assert langdetect.detect(text).language == "uk"


@pytest.mark.parametrize(
    ("text", "lang"),
    [(BULGARIAN_BUDGET, "bg"), (MACEDONIAN_BUDGET, "mk"), (RUSSIAN_BUDGET, "ru")],
)
def test_bulgarian_macedonian_and_russian_end_to_end(langdetect, text: str, lang: str) -> None:
    assert langdetect.detect(text).language == lang


@pytest.mark.parametrize(
    ("detected", "text", "fixed"),
    [
        ("hr", SERBIAN_LATIN, "sr"),
        ("bs", SERBIAN_LATIN, "sr"),
        ("hr", CROATIAN, "hr"),
        ("hr", BOSNIAN, "hr"),  # ijekavian like Croatian: langdetect has no "bs" to give
        ("sl", SERBIAN_LATIN, "sl"),  # only Serbo-Croatian answers are corrected
        ("hr", "Vreme je lepo.", "sr"),
        ("hr", "Vreme je lijepo, gdje si?", "hr"),  # mixed: keep the answer
        ("hr", "Danas pada kiša.", "hr"),  # no spelling that tells them apart
    ],
)
def test_fix_serbian_latin(detected: str, text: str, fixed: str) -> None:
    assert fix_serbian_latin(detected, text) == fixed


@pytest.mark.parametrize(
    ("text", "lang"), [(SERBIAN_LATIN, "sr"), (CROATIAN, "hr"), (BOSNIAN, "hr")]
)
def test_latin_serbian_end_to_end(langdetect, text: str, lang: str) -> None:
    """langdetect has no Serbian profile and answers "hr" for all three."""
    assert langdetect.detect(text).language == lang


def test_fix_answer_leaves_other_languages_alone() -> None:
    assert fix_answer("de", SERBIAN_LATIN) == "de"
    assert fix_answer("en", BULGARIAN_BUDGET) == "en"


def test_macedonian_is_not_rewritten_to_serbian() -> None:
    macedonian = (
        "Владата најави нови мерки за поддршка на земјоделците во јужните општини, "
        "ќе има и ѓубриво."
    )
    assert fix_cyrillic("mk", macedonian) == "mk"


# --- configuration ------------------------------------------------------------------------------


def test_detector_instances_are_shared_and_unknown_names_fail_clearly() -> None:
    assert get_detector("langdetect") is get_detector("langdetect")
    with pytest.raises(ValueError, match="unknown language detector"):
        get_detector("no-such-detector")


def test_detection_can_be_switched_off() -> None:
    from cleaners import RawDocument, clean

    article = ARTICLES["pl"]
    text = "\n\n".join([article.title, *article.paragraphs]).encode()
    result = clean(RawDocument(text, source="x.txt"), CleanConfig(language_detector=None))
    assert result.ok
    assert result.language == UNDETERMINED


def test_py3langid_agrees_on_the_core_languages() -> None:
    pytest.importorskip("py3langid")
    detector = get_detector("py3langid")
    for lang, article in ARTICLES.items():
        assert detector.detect(" ".join(article.paragraphs)).language == lang
    assert detector.detect("12345").language == UNDETERMINED


# --- langdetect's loops ---------------------------------------------------------------------------


def _page_windows() -> list[str]:
    """Windows of every labelled page and seed, at the sizes the detector reads and beyond
    (its own limit is 10,000 characters), plus the short texts above."""
    pages = sorted((ROOT / "tests/data/clean/labelled").glob("*.txt"))
    pages += sorted((ROOT / "seeds").glob("*.txt"))
    windows = [*AMBIGUOUS, UKRAINIAN, SERBIAN, BELARUSIAN, BULGARIAN, "12345 ÄÖÜ", "ＡＢＣ ｘｙｚ"]
    # Mixed scripts (Latin letters dropped or kept), runs of spaces, an address, Vietnamese
    # written with combining marks, letters from beyond the Basic Multilingual Plane.
    windows += [
        f"{RUSSIAN}   Moscow  Kyiv   {UKRAINIAN} https://example.org/x see@example.org",
        "Tie\u0302\u0301ng Vie\u0323\u0302t co\u0301 da\u0302\u0301u  ",
        "東京で新しい橋が開通した   Tokyo bridge 𠮷野家",
        f"{RUSSIAN} файл_отчёта [сводка] ^новое^ `код` A_b",
        "ab cd ếệềểễ ộờởỡợ ắằẳẵặ ứừửữự",  # langdetect counts these as another script
    ]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        windows += [text[:80], text[:600], text[len(text) // 2 :][:600], text[:12_000]]
    return windows


def test_loop_detector_gives_langdetect_probabilities_bit_for_bit() -> None:
    """`LoopDetector` rewrites langdetect's hot loops; every probability it gives must be the
    float langdetect's own `Detector` gives, and it must fail where that one fails."""
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import LangDetectException

    from cleaners.langdetect_loops import LoopDetector
    from cleaners.language import _langdetect_factory

    def answers(detector_class: type[Detector], text: str) -> object:
        detector = detector_class(_langdetect_factory())
        detector.append(text)
        try:
            ranked = [(found.lang, found.prob) for found in detector.get_probabilities()]
        except LangDetectException as error:
            return f"raised {error}"
        return ranked, detector.langprob

    windows = _page_windows()
    assert len(windows) > 100
    differing = [w[:60] for w in windows if answers(LoopDetector, w) != answers(Detector, w)]
    assert differing == []
