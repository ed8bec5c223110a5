"""Multilingual cue lexicons, one module per kind of boilerplate.

Each kind module defines three pattern groups, every one a dict from ISO 639-1 language to
a list of regular expressions written in lower case:

- `LABELS`: what a whole short line says when it *is* the element: a button, a header, a
  field placeholder ("Subscribe now", "Читайте также", "Adresse e-mail"). Matched in full
  against the line's *label form* (letters only, lower case, single spaces; see
  `label_form`), so "Comments (12)" and "14 comments" both read "comments".
- `PHRASES`: wording that names the element inside a sentence of any length ("sign up for
  our newsletter", "нам нужна ваша помощь"). Written to address the reader or to speak as
  the publisher, because articles *about* donations or newsletters use the topic words too.
- `WEAK`: wording that supports a block already next to a strong cue (a donation letter's
  middle paragraphs); never enough on its own.
- `CONTEXT`: short lines that belong to the element only when it is already there
  ("Monthly", "Once" between a donation letter and its amount buttons).

Patterns are grouped by language only for maintenance: all languages are matched at once,
since pages mix languages (an English share widget on a Russian page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module

KINDS = (
    "cookie_notice",
    "paywall",
    "newsletter_prompt",
    "donation_appeal",
    "comments",
    "social_share",
    "widget",
    "advertisement",
    "publisher_promo",
    "related_link",
    "list_header",
    "tags",
    "caption",
    "navigation",
    "page_furniture",
    "legal",
    "author_bio",
)

_LETTER_RUN_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_HYPHENATED_RUN_RE = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def label_form(text: str) -> str:
    """Lower-case letters-only form of a short line: 'Comments (12)' -> 'comments'."""
    return " ".join(_LETTER_RUN_RE.findall(text.lower()))


def hyphen_label_form(text: str) -> str:
    """Like `label_form`, but keeping hyphens inside words: 'Abonnez-vous' -> 'abonnez-vous'.
    Lexicons write some labels with their hyphen; both forms are tried."""
    return " ".join(_HYPHENATED_RUN_RE.findall(text.lower()))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled cues of one kind."""

    kind: str
    labels: re.Pattern[str] | None
    phrases: re.Pattern[str] | None
    weak: re.Pattern[str] | None
    context: re.Pattern[str] | None

    def label(self, label_text: str) -> bool:
        return bool(self.labels and self.labels.fullmatch(label_text))

    def phrase(self, lower_text: str) -> str | None:
        if not self.phrases:
            return None
        match = self.phrases.search(lower_text)
        return match.group(0) if match else None

    def weak_hit(self, lower_text: str) -> bool:
        return bool(self.weak and self.weak.search(lower_text))

    def context_label(self, label_text: str) -> bool:
        return bool(self.context and self.context.fullmatch(label_text))


def _compile(groups: dict[str, list[str]] | None, *, full: bool) -> re.Pattern[str] | None:
    patterns = [p for plist in (groups or {}).values() for p in plist]
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(body if full else rf"(?<!\w)(?:{body})", re.UNICODE)


@cache
def lexicon(kind: str) -> Lexicon:
    """The compiled lexicon of one kind, loaded once per process."""
    module = import_module(f"cleaners.lexicons.{kind}")
    return Lexicon(
        kind=kind,
        labels=_compile(getattr(module, "LABELS", None), full=True),
        phrases=_compile(getattr(module, "PHRASES", None), full=False),
        weak=_compile(getattr(module, "WEAK", None), full=False),
        context=_compile(getattr(module, "CONTEXT", None), full=True),
    )
