"""The one shape every cleaning step shares, and helpers for reading a document.

A step is any object with a `name` and a `find(doc)` method that returns the blocks it
removes, each as a `Removal` carrying the kind of boilerplate and the rule that fired. Steps
never mutate the document: `run_steps` applies their removals in order, so each step sees the
blocks its predecessors left, and the full list of removals is the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import IntEnum
from typing import Protocol

from cleaners.cues import Cues
from cleaners.features import BlockFeatures, document_features
from cleaners.model import Document, Removal

BOUNDARIES = "boundaries"
# Positions of teaser copies of the lead (`DuplicateLead`): the title search looks past them.
TEASER_LEADS = "teaser_leads"
# A byline or dateline announces an article only when a long paragraph follows it within
# this many kept blocks (past a title, a dek, a photo credit): the dates of a teaser list
# announce nothing.
ANNOUNCED_WITHIN = 3


class Step(Protocol):
    name: str

    def find(self, doc: Document) -> list[Removal]: ...


def removal(doc: Document, position: int, kind: str, rule: str) -> Removal:
    return Removal(position=position, kind=kind, rule=rule, text=doc.blocks[position].text)


KEPT_POSITIONS = "kept_positions"


def kept_positions(doc: Document) -> list[int]:
    """Kept positions in reading order (positions grow along the page). Shared by the steps
    until `run_steps` removes a block (most steps ask for it): read it, do not change it."""
    found = doc.hints.get(KEPT_POSITIONS)
    if found is None:
        found = doc.hints[KEPT_POSITIONS] = sorted(doc.kept)
    return found  # type: ignore[return-value]


def features(doc: Document) -> list[BlockFeatures]:
    return document_features(doc)


def cues(doc: Document) -> Cues:
    """The document's cue index, built once (see `cleaners.cues`)."""
    found = doc.hints.get("cues")
    if found is None:
        found = Cues(features(doc))
        doc.hints["cues"] = found
    assert isinstance(found, Cues)
    return found


def candidate_positions(doc: Document, kind: str) -> list[int]:
    """Kept positions that may carry a cue of `kind`, in document order."""
    found = cues(doc).candidates(kind)
    if found is None:
        return kept_positions(doc)
    return sorted(p for p in found if p in doc.kept)


class Wall(IntEnum):
    """How strongly a removed block separates the prose before it from the prose after it.

    SOFT: a share bar, a "Most read" list, a tag line: usually the article's end, but pages
    also put them between the lead and the rest. HARD: a paywall or a donation letter: the
    article does not continue across it. TERMINAL: a comment section: hard, and whatever
    follows it is comments or sidebar, never the article.
    """

    SOFT = 1
    HARD = 2
    TERMINAL = 3


def mark_boundary(doc: Document, position: int, wall: Wall = Wall.SOFT) -> None:
    """Record that the article's main run of prose should not continue across this block."""
    walls = doc.hints.setdefault(BOUNDARIES, {})
    assert isinstance(walls, dict)
    walls[position] = max(wall, walls.get(position, wall))


def boundaries(doc: Document) -> dict[int, Wall]:
    found = doc.hints.get(BOUNDARIES, {})
    assert isinstance(found, dict)
    return found


def neighbours(kept: list[int], index: int, step: int) -> Iterator[int]:
    """Kept positions walking away from `kept[index]` in direction `step` (+1 or -1)."""
    i = index + step
    while 0 <= i < len(kept):
        yield kept[i]
        i += step


def run_steps(doc: Document, steps: list[Step]) -> list[Removal]:
    """Apply the steps in order; return every removal, in the order the steps made them."""
    removed: list[Removal] = []
    for step in steps:
        for item in step.find(doc):
            if item.position in doc.kept:
                doc.kept.discard(item.position)
                doc.hints.pop(KEPT_POSITIONS, None)
                removed.append(item)
    return removed
