"""Settling: `clean` cleans its own clean text again until nothing changes (issue 6).

A first pass can keep a block only because of context it then removes; the settling passes
in `cleaners.pipeline.settle` find those, so cleaning `result.article` (the title, a blank
line, the text) gives the same title and paragraphs back. These
tests check the property on the real labelled pages, that it needs the settling pass (with
none, the same pages break it), and that settling removals are reported against the input
blocks like any other removal.
"""

from __future__ import annotations

import pytest

from cleaners import CleanConfig, CleanResult, RawDocument, clean, pipeline
from cleaners.model import Block
from cleaners.pipeline import SETTLE_RULE_PREFIX, _paragraph_owners
from cleaners.segment import split_blocks
from cleaners.text import normalize_text
from tests.cleaning_helpers import DATA, Labelled, assert_accounted, labelled_pages

FAST = CleanConfig(language_detector=None)
# Real page texts (htmldev) whose first pass keeps lines a second pass removes.
UNSETTLED = [Labelled(path.name, path.read_bytes(), {}) for path in sorted(DATA.glob("settle/*"))]
# Real page texts (htmldev) whose article header sits under a menu (tests/test_masthead_pages).
MASTHEAD = [
    Labelled(path.name, path.read_bytes(), {}) for path in sorted(DATA.glob("masthead/*.txt"))
]
PAGES = [
    page
    for page in labelled_pages() + UNSETTLED + MASTHEAD
    if clean(RawDocument(page.raw, "p.txt"), FAST).ok
]
IDS = [page.name.removesuffix(".txt") for page in PAGES]


def plain(text: str) -> RawDocument:
    return RawDocument(text.encode("utf-8"), source="page.txt", media_type="text/plain")


def clean_page(page: Labelled) -> CleanResult:
    return clean(RawDocument(page.raw, source=page.name, media_type="text/plain"), FAST)


def settled_removals(result: CleanResult) -> list:
    return [r for r in result.removed if r.rule.startswith(SETTLE_RULE_PREFIX)]


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_the_clean_text_of_every_labelled_page_is_a_fixed_point(page: Labelled) -> None:
    result = clean_page(page)
    again = clean(plain(result.article), FAST)
    assert again.paragraphs == result.paragraphs
    assert again.metadata.title == result.metadata.title
    assert {r.kind for r in again.removed} <= {"title"}, f"the second clean removed {again.removed}"


@pytest.mark.parametrize("page", UNSETTLED, ids=lambda page: page.name)
def test_without_settling_these_pages_change_when_cleaned_again(
    page: Labelled, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The property above is the settling pass's doing on these pages: with no settling
    pass, cleaning their article again removes more."""
    assert settled_removals(clean_page(page))
    monkeypatch.setattr(pipeline, "MAX_SETTLE_PASSES", 0)
    first = clean_page(page)
    again = clean(plain(first.article), FAST)
    assert len(again.paragraphs) < len(first.paragraphs)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_settling_removals_are_reported_against_the_input_blocks(page: Labelled) -> None:
    result = clean_page(page)
    blocks, _ = split_blocks(normalize_text(page.text))
    texts = {block.position: block.text for block in blocks}
    for item in settled_removals(result):
        assert texts[item.position] == item.text
    assert_accounted(page.text, result)


@pytest.mark.parametrize("page", UNSETTLED, ids=lambda page: page.name)
def test_settling_keeps_the_first_pass_metadata(
    page: Labelled, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bylines and datelines are not in the written-out article, so a settling pass finds
    none: the authors and date the first pass read stay, and so does its title."""
    settled = clean_page(page)
    monkeypatch.setattr(pipeline, "MAX_SETTLE_PASSES", 0)
    first = clean_page(page)
    assert settled.metadata.title == first.metadata.title
    assert settled.metadata.authors == first.metadata.authors
    assert settled.metadata.published_at == first.metadata.published_at
    assert set(settled.paragraphs) < set(first.paragraphs)


def test_paragraph_owners_follow_a_split_and_a_join() -> None:
    paragraphs = ["Alpha beta gamma.", "Delta epsilon zeta eta.", "Theta iota."]
    blocks = [
        Block(0, "Alpha beta gamma."),
        Block(1, "Delta epsilon"),  # the segmenter split paragraph 1
        Block(2, "zeta eta."),
        Block(3, "Theta iota."),
    ]
    assert _paragraph_owners(paragraphs, blocks) == [range(0, 1), range(1, 2), range(1, 2),
                                                     range(2, 3)]  # fmt: skip
    joined = [Block(0, "Alpha beta gamma. Delta epsilon zeta eta."), Block(1, "Theta iota.")]
    assert _paragraph_owners(paragraphs, joined) == [range(0, 2), range(2, 3)]
