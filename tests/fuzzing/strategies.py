"""Hypothesis strategies for page text and hostile bytes.

`documents()` builds plain-text pages the way scraped news text looks: paragraphs of real
sentences in nine languages and four scripts (Latin, Cyrillic, Arabic and Hebrew RTL,
Japanese), headlines, bylines, datelines, short lines, runs of blank lines, URLs, list
items, boilerplate lines (newsletter, share, donate, cookie, menus), hard-wrapped
paragraphs and words hyphenated across a line break; decorated with the noise real pages
carry: no-break and thin spaces, zero-width characters, soft hyphens, bidi marks, emoji
(including ZWJ sequences and flags), decomposed accents (combining marks), stray control
characters and all four line-end conventions. `arbitrary_text()` and `arbitrary_bytes()`
are the unstructured end of the spectrum.
"""

from __future__ import annotations

import textwrap

from hypothesis import strategies as st

SENTENCES = (
    "The minister said on Thursday that the talks would resume after a long pause.",
    "Officials warned that inflation could rise again before the end of the year.",
    "Markets fell sharply in early trading as investors sought safer assets.",
    "The council voted to extend the tram line to the northern suburbs by 2027.",
    "Residents complained that the new timetable leaves them waiting in the cold.",
    "“We are not going to accept this,” the union leader told reporters outside.",
    "Der Stadtrat hat am Dienstag den Ausbau der Straßenbahn beschlossen.",
    "Die Kosten für das Projekt werden auf rund 40 Millionen Euro geschätzt.",
    "„Das ist ein guter Tag für die Stadt“, sagte die Bürgermeisterin.",
    "Министр заявил в четверг, что переговоры возобновятся после долгой паузы.",
    "Жители жалуются, что новое расписание заставляет их ждать на морозе.",
    "Міністр заявив, що переговори відновляться наступного тижня.",
    "Le ministre a déclaré jeudi que les négociations reprendraient bientôt.",
    "Les loyers ont augmenté de près de 12 % en un an dans la métropole.",
    "El ayuntamiento aprobó el martes un nuevo plan para limitar los alquileres.",
    "Il governo ha annunciato nuove misure per sostenere le famiglie.",
    "Rząd zapowiedział nowe środki wsparcia dla rodzin w przyszłym roku.",
    "وقال الوزير يوم الخميس إن المحادثات ستستأنف بعد توقف طويل.",
    "אמר השר ביום חמישי כי השיחות יתחדשו בשבוע הבא.",
    "政府は木曜日、交渉を来週再開すると発表した。",
)
HEADLINES = (
    "Talks to resume after long pause, minister says",
    "Stadtrat beschließt Ausbau der Straßenbahn",
    "Переговоры возобновятся на следующей неделе",
    "Les loyers flambent dans la métropole",
    "Inflation fears return as markets slide",
)
BYLINES = (
    "By Jane Smith",
    "By Anna Müller and Jean Dupont",
    "Von Max Mustermann",
    "Автор: Иван Петров",
)
DATELINES = ("22 November 2026, 18:50 GMT", "Updated: March 6, 2024 10:15 a.m. ET", "06.03.2024")
BOILERPLATE = (
    "Subscribe to our newsletter",
    "Sign up for our daily briefing, delivered straight to your inbox.",
    "Share on Facebook",
    "Share this article: Twitter | Facebook | WhatsApp | Email",
    "Advertisement",
    "Read more:",
    "Most read",
    "Donate now to support independent journalism.",
    "We use cookies to improve your experience. Accept all cookies",
    "Photo: Reuters",
    "Tags: politics, economy, transport",
    "Home   World   Business   Sport   Culture",
    "Comments (12)",
    "© 2026 Example News. All rights reserved.",
    "Jetzt zum Newsletter anmelden",
    "Подпишитесь на наш канал в Telegram",
)
URLS = (
    "https://example.com/news/2026/11/22/talks-resume?utm_source=rss&id=7",
    "http://t.co/xYz123",
    "www.example.org/a/b",
    "mailto:desk@example.com",
    "https://пример.рф/новости/1",
    "https://user:secret@example.net/path",
)
EMOJI = ("😀", "🇺🇦", "👍🏽", "❤️", "🧑\u200d🚀", "👨\u200d👩\u200d👧")
# Decomposed (NFD) letters: the cleaner composes them (NFC), so word checks must too.
COMBINING = ("e\u0301", "a\u0308", "n\u0303", "o\u0302\u0323", "\u0418\u0306")
ODD_SPACES = ("\u00a0", "\u2009", "\u202f", "\u3000", "\u2002", "\t", "  ", "   ")
INVISIBLES = ("\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u200e", "\u200f")
CONTROLS = ("\x00", "\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c")
LINE_ENDS = ("\n", "\r\n", "\r", "\u2028")
LIST_MARKERS = ("- ", "• ", "1. ", "2) ", "Q: ", "A: ", "— ")


@st.composite
def noisy(draw: st.DrawFn, text: str) -> str:
    """`text` with some of its spaces and word ends replaced by the noise real pages carry."""
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        kind = draw(st.integers(0, 19))
        if kind == 0:
            word += draw(st.sampled_from(INVISIBLES))
        elif kind == 1:
            word = draw(st.sampled_from(EMOJI)) + word
        elif kind == 2:
            word += draw(st.sampled_from(COMBINING))
        elif kind == 3:
            word = draw(st.sampled_from(URLS))
        elif kind == 4:
            word += draw(st.sampled_from(CONTROLS))
        out.append(word)
        out.append(draw(st.sampled_from(ODD_SPACES)) if draw(st.integers(0, 4)) == 0 else " ")
    return "".join(out[:-1])


sentence = st.sampled_from(SENTENCES)


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    text = " ".join(draw(st.lists(sentence, min_size=1, max_size=5)))
    return draw(noisy(text)) if draw(st.booleans()) else text


@st.composite
def wrapped_paragraph(draw: st.DrawFn) -> list[str]:
    """A paragraph hard-wrapped at a print width, as PDF and print replicas are."""
    text = " ".join(draw(st.lists(sentence, min_size=2, max_size=6)))
    width = draw(st.integers(45, 90))
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


@st.composite
def hyphenated_paragraph(draw: st.DrawFn) -> list[str]:
    """A paragraph with a word split across a line end: "infra-" / "structure ..."."""
    text = " ".join(draw(st.lists(sentence, min_size=1, max_size=3)))
    words = text.split(" ")
    candidates = [
        i for i, w in enumerate(words) if len(w) >= 6 and w[:3].isalpha() and w[0].islower()
    ]
    if not candidates:
        return [text]
    i = draw(st.sampled_from(candidates))
    cut = draw(st.integers(2, len(words[i]) - 3))
    first = " ".join([*words[:i], words[i][:cut]]) + "-"
    second = " ".join([words[i][cut:], *words[i + 1 :]])
    return [first, second]


def _one(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return strategy.map(lambda line: [line])


line_group = st.one_of(
    _one(paragraph()),
    _one(paragraph()),
    _one(paragraph()),
    wrapped_paragraph(),
    hyphenated_paragraph(),
    _one(st.sampled_from(HEADLINES)),
    _one(st.sampled_from(BYLINES)),
    _one(st.sampled_from(DATELINES)),
    _one(st.sampled_from(BOILERPLATE)),
    _one(st.sampled_from(URLS)),
    _one(st.sampled_from(EMOJI)),
    _one(st.builds(lambda m, s: m + s, st.sampled_from(LIST_MARKERS), sentence)),
    _one(st.just("")),
    _one(st.just("")),
    _one(st.text(max_size=30)),
)


@st.composite
def documents(draw: st.DrawFn, max_groups: int = 30) -> str:
    """A plain-text page: line groups, usually separated by blank lines, one line-end style."""
    groups = draw(st.lists(line_group, min_size=1, max_size=max_groups))
    eol = draw(st.sampled_from(LINE_ENDS))
    gap = draw(st.sampled_from([eol, eol * 2, eol * 3]))
    return gap.join(eol.join(group) for group in groups)


def arbitrary_text() -> st.SearchStrategy[str]:
    """Any Unicode text (surrogates excluded: they cannot be encoded as UTF-8)."""
    return st.text(st.characters(exclude_categories=["Cs"]), max_size=2000)


def arbitrary_bytes() -> st.SearchStrategy[bytes]:
    """Random bytes, plus byte strings that start like the formats sniffers look for."""
    prefixes = st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\x1f\x8b\x08\x00",
            b"<!DOCTYPE html><html><body>",
            b"<html>",
            b"WARC/1.1\r\n",
            b"%PDF-1.7\n",
            b"\x89PNG\r\n\x1a\n",
            b'<?xml version="1.0"?>',
        ]
    )
    return st.builds(lambda p, b: p + b, prefixes, st.binary(max_size=4000))
