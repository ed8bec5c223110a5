"""Stop-word lists and a cheap stop-word language guess.

Prose is dense in function words ("the", "и", "der"); menus, headline lists and buttons are
not. That density is the most language-independent signal we have, as jusText showed, so we
reuse jusText's 100 Wikipedia-derived stop lists. Guessing which list applies by counting hits
costs microseconds, whereas a real language detector costs milliseconds and is only run once,
on the cleaned body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

import justext

# jusText list names for the ISO 639-1 codes we report; other lists still take part in the
# guess and are reported by their jusText name.
ISO_TO_JUSTEXT = {
    "en": "English",
    "ru": "Russian",
    "uk": "Ukrainian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pl": "Polish",
    "pt": "Portuguese",
    "nl": "Dutch",
    "cs": "Czech",
    "sk": "Slovak",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian_Bokmal",
    "fi": "Finnish",
    "hu": "Hungarian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "hr": "Croatian",
    "sl": "Slovenian",
    "el": "Greek",
    "tr": "Turkish",
    "ca": "Catalan",
    "be": "Belarusian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "et": "Estonian",
    "id": "Indonesian",
}
JUSTEXT_TO_ISO = {name: code for code, name in ISO_TO_JUSTEXT.items()}


@cache
def stoplist(language: str) -> frozenset[str]:
    """Lower-case, purely alphabetic stop words of a jusText language name."""
    return frozenset(w for w in justext.get_stoplist(language) if w.isalpha())


MAX_LISTS_PER_INFORMATIVE_WORD = 8


@cache
def _word_languages() -> dict[str, tuple[str, ...]]:
    """word -> the stop lists that contain it, built once per process, over all of jusText's
    100 languages: a page in Arabic or Greek needs its own list to tell prose from menus."""
    index: dict[str, list[str]] = {}
    for name in sorted(justext.get_stoplists()):
        for word in stoplist(name):
            index.setdefault(word, []).append(name)
    # Words in many lists ("a", "de", "la") say little about the language and cost the most.
    return {
        word: tuple(names)
        for word, names in index.items()
        if len(names) <= MAX_LISTS_PER_INFORMATIVE_WORD
    }


def guess_stoplist_language(lowercase_words: Iterable[str]) -> str:
    """The jusText language whose stop list covers most of the words (English if none do).

    Each hit is weighted by 1/len(lists containing the word) so that words shared by several
    languages count less than distinctive ones (words in more than a handful of lists are
    ignored); large lists (Russian has ~4,700 entries) would otherwise win on sheer size.
    """
    index = _word_languages()
    scores: Counter[str] = Counter()
    for word in set(lowercase_words):  # which words occur matters; how often, little
        names = index.get(word)
        if names:
            share = 1.0 / len(names)
            for name in names:
                scores[name] += share
    if not scores:
        return "English"
    return max(sorted(scores), key=scores.__getitem__)
