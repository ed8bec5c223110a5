"""Photo credits: "Foto: Jens Böttcher", "Ray Odum / Courier", "(Martin Lobo for the Observer)".

Shared by segmentation (a credit ends a block, so a wrapped caption is never joined to the next
paragraph) and by the caption step.
"""

from __future__ import annotations

import re
from functools import cache

from cleaners.lexicons import caption as caption_lexicon

CREDIT_TAIL_CHARS = 70
HEAD_WINDOW = 60
HEAD_STARTS = 4  # a credit at the start opens the text, after at most 3 characters
AGENCY_TAIL_CHARS = 60
NAME_CREDIT_TAIL_CHARS = 160
AGENCY_CAPTION_MAX_CHARS = 160
_CAP = "[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ]"  # a capital letter in the core languages' scripts
# Marks without which no credit pattern can match: a cheap test run before the patterns.
# Spelled "[:/©(|—–]|\bby\b|\b(?:fot|phot)\." (case-insensitive), but opening on one character
# class, which lets the regex engine skip to candidate characters: 4x faster on short lines.
_CREDIT_MARKS_RE = re.compile(
    r"[:/©(|—–bBfFpP](?:(?<=[:/©(|—–])|(?<=[bB])(?<!\w[bB])[yY]\b"
    r"|(?<=[fF])(?<!\w[fF])[oO][tT]\.|(?<=[pP])(?<!\w[pP])[hH][oO][tT]\.)"
)


def _alternation(groups: dict[str, list[str]]) -> str:
    return "|".join(f"(?:{p})" for plist in groups.values() for p in plist)


@cache
def _credit_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    keywords = _alternation(caption_lexicon.CREDIT_KEYWORDS)
    keyword_credit = re.compile(
        rf"(?:^|[\s(|·•.,;—–-])(?:©\s*)?(?:{keywords})\s*(?::|©|/|by\b|—|–)"
        r"|\b(?:fot|phot)\.\s+(?-i:[A-ZÀ-ÞА-ЯЁІЇЄ])",
        re.I,
    )
    agency = re.compile(rf"(?:[/(|:]\s*|^)(?:{caption_lexicon.AGENCIES})\)?\.?\s*$", re.I)
    # "Ray Odum / Courier", "(Matt Stone/Boston Herald)", "(Martin Lobo for the Observer)",
    # "© Lucie Carré",
    # "…Schweiz. © AFP / MARCO BERTORELLO", "(Quelle: Fleischmann/Unsplash/DJV)". A ©
    # credit after a caption has no year (that is a copyright notice); a source of one or
    # two parts ("Quelle: dpa/lnw") may name a news agency, not a photographer.
    name_credit = re.compile(
        rf"(?:{_CAP}[\w'.-]+ ){{1,3}}?{_CAP}[\w'.-]+ ?/ ?[«\"“]?{_CAP}[\w»\"”' .-]*\)?$"
        r"|\((?:[\w'.-]+ ){1,4}for (?:the )?[\w'. -]+\)$"
        r"|©\s*[\w'.-]+(?: [\w'.-]+){0,3}$|(?<=\S)\s*©\s*[^\W\d_][^©\d.!?]{0,60}$"
        rf"|(?i:\(\s*(?:{caption_lexicon.SOURCE_KEYWORDS})\s*:[^()/]{{1,60}}/[^()/]{{1,60}}/[^()]{{1,60}}\)$)"
    )
    return keyword_credit, agency, name_credit


@cache
def _agency_after_sentence_re() -> re.Pattern[str]:
    """ "Un grupo de pingüinos en la Antártida. EFE": an agency name, in capitals, as the
    last word after the caption's last sentence."""
    return re.compile(rf"[.!?]\s+({caption_lexicon.AGENCIES})\.?\s*$", re.I)


def _ends_with_agency_name(text: str) -> bool:
    """Only on a caption-sized text: a paragraph of news may end on its agency's name."""
    if len(text) > AGENCY_CAPTION_MAX_CHARS or not _last_word_may_be_agency(text):
        return False
    match = _agency_after_sentence_re().search(text, max(0, len(text) - AGENCY_TAIL_CHARS))
    return match is not None and (match.group(1).isupper() or match.group(1) == "dpa")


def _last_word_may_be_agency(text: str) -> bool:
    """Cheap test before the agency expression: the last word is in capitals (or "dpa")."""
    last = text.rstrip(" .").rpartition(" ")[2]
    return last.isupper() or last == "dpa"


@cache
def _figure_caption_re() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{caption_lexicon.FIGURE_LABELS})\s?\d{{0,3}}[a-z]?\s?(?::|\.|—|–|-)\s"
        rf"|^\(?(?:{caption_lexicon.CAPTION_OPENERS})\)?\s?[:,)]",
        re.I,
    )


def is_credit(text: str) -> bool:
    """True if the text carries a photo credit near its start or end, ends on an agency
    name in capitals ("… en la Antártida. EFE") or opens the way only captions do
    ("Abbildung 4: …", "Von links nach rechts: …"): each way it belongs to a picture."""
    if _figure_caption_re().match(text) or _ends_with_agency_name(text):
        return True
    if not _has_credit_mark(text):
        return False  # every credit form has one of these marks
    keyword_credit, agency, name_credit = _credit_res()
    # Credits sit at the very start or in the tail, so only those windows are searched.
    if any(keyword_credit.match(text, start, HEAD_WINDOW) for start in range(HEAD_STARTS)):
        return True
    tail_start = max(0, len(text) - CREDIT_TAIL_CHARS - 1)
    if keyword_credit.search(text, tail_start):
        return True
    if agency.search(text, max(0, len(text) - AGENCY_TAIL_CHARS)):
        return True
    name_start = max(0, len(text) - NAME_CREDIT_TAIL_CHARS)
    return _may_be_name_credit(text, name_start) and bool(name_credit.search(text, name_start))


def _may_be_name_credit(text: str, start: int) -> bool:
    """Cheap test before the name-credit expression: each of its forms has a slash or a ©
    after `start`, or a closing parenthesis at the very end."""
    return text.find("/", start) >= 0 or text.find("©", start) >= 0 or text.endswith((")", ")\n"))


# `is_credit`'s patterns read only the head window or the last NAME_CREDIT_TAIL_CHARS (the
# widest tail window, plus the character a lookbehind inspects), so only there can a mark
# matter: a long paragraph's middle is never scanned.
_MARK_TAIL_CHARS = max(CREDIT_TAIL_CHARS + 1, AGENCY_TAIL_CHARS, NAME_CREDIT_TAIL_CHARS) + 1


def _has_credit_mark(text: str) -> bool:
    tail_start = len(text) - _MARK_TAIL_CHARS
    if tail_start <= HEAD_WINDOW:
        return _CREDIT_MARKS_RE.search(text) is not None
    return (
        _CREDIT_MARKS_RE.search(text, 0, HEAD_WINDOW) is not None
        or _CREDIT_MARKS_RE.search(text, tail_start) is not None
    )


def ends_with_credit(text: str) -> bool:
    """True if a credit closes the text (the end of a caption line)."""
    keyword_credit, agency, name_credit = _credit_res()
    match = keyword_credit.search(text[-CREDIT_TAIL_CHARS:])
    return bool(match or agency.search(text) or name_credit.search(text))
