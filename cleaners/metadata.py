"""Bylines and datelines in plain text: recognise them, and parse them into metadata.

A byline ("By Dana Whitcombe, Staff Writer", "Von Katrin Albers", "Текст: Михаил Ветров") and
a dateline ("Jan. 14, 2025, 6:05 p.m.", "26 августа 2025, 10:15", "22.05.2025, 06:00 Uhr") are
metadata, not body. We parse dates ourselves for the nine core languages: a general date
parser costs milliseconds per call and would dominate the cleaning time.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from cleaners.text import FUNCTION_WORDS

_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]+"
_PARTICLE = r"(?:van|von|de|da|del|der|den|di|la|le|du|dos|das|y|bin|al|ter|ten)"
_NAMES = rf"{_NAME}(?:[ -](?:{_PARTICLE}[ -]){{0,2}}{_NAME}){{0,3}}"
_JOINERS = r"(?:,| and| und| et| y| e| и| і| та| i)"
# Only the prefix is case-insensitive: names must be capitalised, so "By noon, ..." and
# "By the way" are sentences, not bylines.
BYLINE_PREFIX_RE = re.compile(
    r"^(?i:by|from|words by|text by|story by|interview by|reporting by|written by|von|par|por|"
    r"di|de|przez|autor(?:ka)?|автор|текст|розмовляла|розмовляв|беседовала|беседовал|"
    r"материал подготовил[аи]?|texto|textos|redacción|reportage)\s*[:\s]\s*"
    rf"(?P<names>{_NAMES}(?:{_JOINERS}\s+{_NAMES})*)(?=$|\s*[;|·•(]|,\s+(?-i:[a-z]))"
)
ROLE_WORDS = (
    r"correspondent|reporter|writer|editor|journalist|columnist|contributor|staff|"
    r"корреспондент|журналист|обозреватель|кореспондент|журналіст|оглядач|"
    r"redakteur(?:in)?|korrespondent(?:in)?|journaliste|correspondant|periodista|corresponsal|"
    r"giornalista|dziennikarz|jornalista"
)
NAME_ROLE_RE = re.compile(rf"^(?P<names>{_NAMES}),\s+(?i:(?:[\w ]+ )?(?:{ROLE_WORDS}))\b")
ROLE_LINE_RE = re.compile(rf"^(?:[\w'’-]+ ){{0,3}}(?:{ROLE_WORDS})s?$", re.IGNORECASE)
# A name alone, or up to three joined ("Богдан Петрук, Олена Савчин", "Jane Doe and Raj
# Patel"): co-authors listed under a headline without a "By".
_BARE_NAME = rf"{_NAME}(?: {_NAME}){{1,2}}"
BARE_NAME_RE = re.compile(rf"^(?P<names>{_BARE_NAME}(?:{_JOINERS} {_BARE_NAME}){{0,2}})$")

MONTHS = {
    # en
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
    # de
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # fr
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    # it
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # pt
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    # pl (genitive forms used in dates)
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
    # ru (genitive)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    # uk (genitive)
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
DAY_MONTH_YEAR_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.?(?:\s+de)?\s+(?P<month>{_MONTH_ALT})\.?(?:\s+de)?,?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
MONTH_DAY_YEAR_RE = re.compile(
    rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
# A theme that prints the published and the updated date side by side yields, as page
# text, two dates glued together ("17/11/201917/11/2019"): the year may run into a second date.
NUMERIC_DATE_RE = re.compile(
    r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})"
    r"(?:\b|(?=\d{1,2}[./]\d{1,2}[./]\d{4}\b))"
)
ISO_DATE_RE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
ISO_DATETIME_RE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?![\d:])"
)
# Never the day and month of a date ("19.11.2021"), nor digits inside a longer number.
TIME_RE = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:h.](?P<minute>\d{2}))(?![./]?\d)\s*(?P<ampm>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)
TZ_OFFSETS = {
    "utc": 0, "gmt": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mt": -7, "mst": -7, "mdt": -6, "pst": -8,
    "pdt": -7,
}  # fmt: skip
TZ_RE = re.compile(r"\b(" + "|".join(TZ_OFFSETS) + r")\b", re.IGNORECASE)
DATELINE_MAX_WORDS = 24
MAX_BYLINE_CHARS = 200
MAX_DATELINE_CHARS = 300


def parse_byline(text: str, *, allow_bare_name: bool) -> list[str] | None:
    """Author names if `text` is a byline, else None (memoised: several steps ask)."""
    found = _parse_byline(text, allow_bare_name)
    return list(found) if found is not None else None


@lru_cache(maxsize=4096)
def _parse_byline(text: str, allow_bare_name: bool) -> tuple[str, ...] | None:
    """Author names if `text` is a byline, else None."""
    if len(text) > MAX_BYLINE_CHARS:
        return None  # also keeps the expressions below away from megabyte lines
    stripped = re.split(r"\s+[|·•]\s+|,\s+(?=\S+@)", text.strip())[0].rstrip(".")
    if len(stripped.split()) > 14:
        return None
    bare = False
    match = BYLINE_PREFIX_RE.match(stripped) or NAME_ROLE_RE.match(stripped)
    if match is None and allow_bare_name:
        match, bare = BARE_NAME_RE.match(stripped), True
    if match is None:
        return None
    names = re.split(rf"{_JOINERS}\s+", match.group("names"))
    if bare and (match.group("names").isupper() or _headline_in_title_case(names)):
        return None  # "LINDHAGENER KREISBOTE" is a masthead
    return tuple(n.strip() for n in names if n.strip() and not is_role_line(n.strip()))


def _headline_in_title_case(names: list[str]) -> bool:
    """Joined "names" with a function word in them are a headline: "How To Grow and Care
    For Bougainvillea"."""
    if len(names) < 2:
        return False
    return any(word.lower() in FUNCTION_WORDS for name in names for word in name.split())


_YEAR_RE = re.compile(r"\d{4}")


def find_date(text: str) -> datetime | None:
    """The first date in `text` (with its time and zone when given), as UTC; else None.

    Without a zone the time is taken as UTC: wrong by a few hours at worst, and stated in the
    schema documentation.
    """
    if _YEAR_RE.search(text) is None:
        return None  # every date format we read has a four-digit year
    iso = ISO_DATETIME_RE.search(text)
    if iso:
        parsed = _iso(iso.group(0))
        if parsed:
            return parsed
    for pattern in (DAY_MONTH_YEAR_RE, MONTH_DAY_YEAR_RE, ISO_DATE_RE, NUMERIC_DATE_RE):
        match = pattern.search(text)
        if match:
            parsed = _build(match, text)
            if parsed:
                return parsed
    return None


def _iso(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _build(match: re.Match[str], text: str) -> datetime | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    try:
        day, year = int(match.group("day")), int(match.group("year"))
        date = datetime(year, month or 0, day, tzinfo=UTC)
    except ValueError:
        return None
    time = _nearest_time(text, match)
    if time:
        hour, minute = int(time.group("hour")), int(time.group("minute") or 0)
        ampm = (time.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            date = date.replace(hour=hour, minute=minute)
    zone = TZ_RE.search(text)
    if zone:
        offset = timezone(timedelta(hours=TZ_OFFSETS[zone.group(1).lower()]))
        date = date.replace(tzinfo=offset).astimezone(UTC)
    return date


def _nearest_time(text: str, date: re.Match[str]) -> re.Match[str] | None:
    """The time written with this date: in the same "|"-separated segment, after the date
    or else before it ("Published 7:12 a.m. Oct. 2 | Updated 11:40 a.m. Oct. 2")."""
    start = text.rfind("|", 0, date.start()) + 1
    end = text.find("|", date.end())
    end = len(text) if end < 0 else end
    return TIME_RE.search(text, date.end(), end) or TIME_RE.search(text, start, date.start())


UPDATE_LINE_RE = re.compile(
    r"^(?:last (?:modified|updated)|updated(?: on)?|letzte änderung|zuletzt aktualisiert|"
    r"aktualisiert(?: am)?|stand|mis à jour(?: le)?|actualizado(?: el)?|aggiornato(?: il)?|"
    r"обновлено|оновлено|zaktualizowano|atualizado(?: em)?)\b",
    re.IGNORECASE,
)


def is_update_line(text: str) -> bool:
    """ "Last modified 14.02.2019", "Оновлено о 15:48": page furniture wherever it sits."""
    return (
        UPDATE_LINE_RE.match(text.lstrip()) is not None  # first: it fails at once on prose
        and len(text.split()) <= 12
        and (find_date(text) is not None or TIME_RE.search(text) is not None)
    )


_ABBREVIATION_END_RE = re.compile(
    r"(?:\b[ap]\.\s?m|\buhr|\bh|\bhs|\b[A-Za-z]{1,4})\.$", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def is_dateline(text: str, n_words: int) -> bool:
    """A short line whose main content is a date (with optional time, place, "Updated").

    A full stop at the end means a sentence ("The vote is on 4 May 2025."), unless it closes
    an abbreviation such as "p.m.".
    """
    if len(text) > MAX_DATELINE_CHARS or n_words > DATELINE_MAX_WORDS:
        return False
    stripped = text.rstrip()
    if stripped.endswith(".") and not _ABBREVIATION_END_RE.search(stripped):
        return False
    return find_date(text) is not None


def announces_article(text: str, n_words: int) -> bool:
    """A dateline, or a byline with its cue ("By Jane Doe", not a bare name): the lines that
    stand between an article's headline and its body."""
    return is_dateline(text, n_words) or parse_byline(text, allow_bare_name=False) is not None


def is_role_line(text: str) -> bool:
    """A byline's second line that names only the role: "Tribune Staff Writer"."""
    return bool(ROLE_LINE_RE.match(text.strip()))
