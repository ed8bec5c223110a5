"""Unicode normalisation and the small text predicates every step shares.

Scraped text carries no-break spaces, zero-width joiners, soft hyphens and stray control
characters that make identical sentences compare unequal and break word counts. Normalising
once, up front, lets every later rule assume plain spaces and `\n` line ends.
"""

from __future__ import annotations

import re
import unicodedata

# Spaces that render like a space but are not U+0020: no-break, figure, thin, ideographic...
_ODD_SPACES = dict.fromkeys([0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)], " ")
# Characters that render as nothing and only break word matching.
_INVISIBLE = dict.fromkeys([0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E], None)
# C0/C1 controls other than tab and newline (a CR is handled before this table applies).
_CONTROLS = dict.fromkeys(
    [c for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if c not in (0x09, 0x0A)], None
)
_TRANSLATION = {**_ODD_SPACES, **_INVISIBLE, **_CONTROLS, 0x09: " ", 0x2028: "\n", 0x2029: "\n"}
_NEEDS_TRANSLATION_RE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATION)) + "]"
)

WORD_RE = re.compile(r"\w+", re.UNICODE)
LETTER_RE = re.compile(r"[^\W\d_]", re.UNICODE)
_MULTI_SPACE_RE = re.compile(r" {2,}")

# A sentence can end in . ! ? … possibly followed by closing quotes or brackets.
TERMINAL_PUNCT = frozenset(".!?…。！？．")
# Closing quotes and brackets, including German „…“ and ‚…‘, which close with “ and ‘.
CLOSERS = frozenset("\"'»”’“‘)]›」』）")


# Closed-class words (articles, prepositions, conjunctions) of the core languages: a line
# or a headline that ends on one of them continues on the next line.
_FUNCTION_WORDS_BY_LANGUAGE = {
    "en": "a an the of to in on for and or but with at by from as into over after before "
    "about against between its his her their is are was were be will would that than",
    "de": "der die das den dem des ein eine einen einem und oder für mit von zu zum zur im "
    "in auf an am bei nach über vor aus",
    "fr": "le la les l un une des du de d et ou pour avec dans sur à au aux en par",
    "es": "el la los las un una de del y o con por al que en a",
    "ru": "и в во на с со к ко по за из от до для о об у не что как",
    "uk": "і й та в у з із зі від про що як на до за по для не",
    "it": "il lo la gli di della e su da i in a",
    "pl": "w we z ze od dla po że i na do",
    "pt": "os as um uma do da dos das em no na ao o a e de",
}
_LANGUAGES_OF_WORD: dict[str, frozenset[str]] = {}
for _language, _words in _FUNCTION_WORDS_BY_LANGUAGE.items():
    for _word in _words.split():
        _LANGUAGES_OF_WORD[_word] = _LANGUAGES_OF_WORD.get(_word, frozenset()) | {_language}
FUNCTION_WORDS = frozenset(_LANGUAGES_OF_WORD)


def ends_on_function_word(text: str) -> bool:
    """The line's last word is a function word of the line's own language: "für die" ends a
    German line unfinished, while "... after two dogs die" ends an English one. The language
    is the one whose function words the rest of the line uses most; with none, any counts."""
    parts = text.rsplit(None, 1)
    if not parts or parts[-1].lower() not in _LANGUAGES_OF_WORD:
        return False  # most lines: one look at the last word
    words = text.lower().split()
    votes: dict[str, int] = {}
    for word in words[:-1]:
        for language in _LANGUAGES_OF_WORD.get(word, ()):
            votes[language] = votes.get(language, 0) + 1
    if not votes:
        return True
    most = max(votes.values())
    return any(votes.get(language) == most for language in _LANGUAGES_OF_WORD[words[-1]])


def normalize_text(text: str) -> str:
    """NFC, unified line ends, plain spaces, no invisible or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Invisible characters go before composition: "cafe\u200b\u0301" must compose to "café"
    # in one pass, or cleaning clean text would change it again.
    if _NEEDS_TRANSLATION_RE.search(text):
        text = text.translate(_TRANSLATION)
    return unicodedata.normalize("NFC", text)


def squeeze_spaces(line: str) -> str:
    """Collapse runs of spaces inside a line; keeps wide gaps detectable before this call."""
    return (_MULTI_SPACE_RE.sub(" ", line) if "  " in line else line).strip()


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def contains_any(text: str, needles: tuple[str, ...]) -> bool:
    """True if any needle occurs in `text`: the cheap gate before an expression that needs
    one of them. A plain loop of substring tests: faster than one alternation or any() over
    a generator, which matters on gates that run on every line of a page."""
    for needle in needles:  # noqa: SIM110 (see the docstring)
        if needle in text:
            return True
    return False


def has_letters(text: str) -> bool:
    return LETTER_RE.search(text) is not None


_DIGIT_RE = re.compile(r"\d")


def has_digit(text: str) -> bool:
    return _DIGIT_RE.search(text) is not None


def ends_sentence(text: str) -> bool:
    """True if the text ends like a finished sentence (closing quotes allowed)."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in TERMINAL_PUNCT


def first_letter(text: str) -> str:
    """The first letter of the text, skipping quotes, dashes and digits; '' when none."""
    match = LETTER_RE.search(text)
    return match.group(0) if match else ""


def starts_lowercase(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower()
