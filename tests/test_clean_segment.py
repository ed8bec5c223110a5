"""Segmentation (raw lines to paragraph blocks) and paragraph repair after the steps.

The wrapped pages are made with `textwrap` from the made-up articles, so the expected
paragraphs are known exactly; the properties checked are the ones a reader would check: the
paragraphs come back whole, nothing is cut or merged that should not be, hyphenation is
undone, and a sentence cut by a page break is one sentence again once the furniture is gone.
"""

from __future__ import annotations

import textwrap

import pytest

from cleaners.repair import is_cut, join_paragraphs
from cleaners.segment import detect_wrap, split_blocks
from cleaners.text import normalize_text
from tests.cleaning_helpers import (
    ARTICLES,
    assert_accounted,
    assert_kept,
    assert_removed,
    clean_lines,
    clean_plain,
    describe,
    labelled,
    norm,
    page,
    paragraph_with,
)

LANGS = sorted(ARTICLES)


def wrapped(paragraphs: list[str] | tuple[str, ...], width: int, *, blank: bool) -> str:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False)
        if blank:
            lines.append("")
    return "\n".join(lines) + "\n"


def texts(text: str) -> list[str]:
    blocks, _ = split_blocks(normalize_text(text))
    return [b.text for b in blocks]


# --- unwrapped text -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("blank", [True, False], ids=["blank-lines", "single-newlines"])
def test_one_paragraph_per_line_or_per_blank_line(lang: str, blank: bool) -> None:
    article = ARTICLES[lang]
    lines = [article.title, *article.paragraphs]
    text = page(*lines, blank=blank)
    blocks, profile = split_blocks(normalize_text(text))
    assert not profile.wrapped
    assert [b.text for b in blocks] == lines
    assert [b.position for b in blocks] == list(range(len(lines)))
    assert all(b.lines == 1 for b in blocks)
    if blank:
        assert all(b.gap_before == 1 for b in blocks[1:])
    else:
        assert all(b.gap_before == 0 for b in blocks)


def test_runs_of_blank_lines_and_trailing_spaces_are_not_paragraphs() -> None:
    text = "First paragraph here.   \n\n\n\n   Second paragraph here.\n \n\t\n"
    blocks, _ = split_blocks(normalize_text(text))
    assert [b.text for b in blocks] == ["First paragraph here.", "Second paragraph here."]
    assert blocks[1].gap_before == 3


def test_wide_gaps_inside_a_line_are_kept_for_the_menu_rules() -> None:
    assert texts("News   Business   Sport   Culture\n") == ["News   Business   Sport   Culture"]


# --- hard-wrapped text ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [72, 80, 88])
def test_hard_wrapped_with_blank_lines_gives_back_the_paragraphs(lang: str, width: int) -> None:
    paragraphs = ARTICLES[lang].paragraphs
    text = wrapped(paragraphs, width, blank=True)
    blocks, profile = split_blocks(normalize_text(text))
    assert profile.wrapped
    assert width - 6 <= profile.width <= width
    assert [b.text for b in blocks] == list(paragraphs)
    assert all(b.lines > 1 for b in blocks)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [72, 80, 88])
def test_hard_wrapped_without_blank_lines_never_cuts_a_paragraph(lang: str, width: int) -> None:
    """Without blank lines a paragraph end is visible only as a line with room to spare.

    Whatever the layout, no paragraph may be cut in two; and every paragraph whose last
    line is clearly short (less than 60% of the width) must end its block. (A paragraph whose
    last line happens to be full cannot be told from a wrapped line: those may merge.)
    """
    paragraphs = list(ARTICLES[lang].paragraphs)
    text = wrapped(paragraphs, width, blank=False)
    blocks = texts(text)
    assert detect_wrap([line for line in text.split("\n")]).wrapped
    # Each block is a run of whole paragraphs, in order.
    remaining = list(paragraphs)
    for block in blocks:
        run = []
        while (
            remaining
            and " ".join([*run, remaining[0]]) != block
            and len(" ".join(run)) < len(block)
        ):
            run.append(remaining.pop(0))
        if " ".join(run) != block:
            assert remaining, f"block is not made of whole paragraphs: {block!r}"
            run.append(remaining.pop(0))
        assert " ".join(run) == block, f"a paragraph was cut: {block!r}"
    assert not remaining
    # Clearly short last lines end their paragraph.
    for i, paragraph in enumerate(paragraphs[:-1]):
        last_line = textwrap.wrap(paragraph, width, break_on_hyphens=False)[-1]
        if len(last_line) < 0.6 * width:
            assert any(b.endswith(paragraph) for b in blocks), f"paragraph {i} not ended"


def test_short_ragged_lines_are_not_taken_for_hard_wrapping() -> None:
    lines = [
        "Ferry back in service",
        "By Rhona Keillor",
        "The ferry carried its first passengers on Monday.",
        "Mechanics replaced both engines over the winter months.",
        "About 1,300 people a day used the crossing.",
        "The repairs cost about 2.4 million pounds, twice the estimate.",
        "Full service resumes in April.",
    ]
    blocks, profile = split_blocks("\n".join(lines))
    assert not profile.wrapped
    assert [b.text for b in blocks] == lines


def test_list_items_and_qa_turns_start_new_blocks_inside_a_wrapped_run() -> None:
    intro = (
        "The harbour board published the terms of the new ferry contract on Tuesday, and the "
        "operator will have to meet three conditions before the summer timetable starts:"
    )
    items = ["- a first crossing at 6.10 a.m. on weekdays", "- a late sailing on Fridays"]
    question = "Q: Will fares rise again next year?"
    answer = (
        "A: Not before the contract is reviewed in the spring, the chair of the board said, "
        "and any rise would have to be approved by the council's transport committee first."
    )
    lines = [*textwrap.wrap(intro, 80), *items, question, *textwrap.wrap(answer, 80)]
    lines += textwrap.wrap(ARTICLES["en"].paragraphs[0], 80)
    blocks = texts("\n".join(lines))
    assert blocks[0] == intro
    assert blocks[1:3] == items
    assert blocks[3] == question
    assert blocks[4] == answer


def test_table_rows_and_running_heads_with_wide_gaps_are_not_joined() -> None:
    paragraph = ARTICLES["en"].paragraphs[1]
    lines = [
        *textwrap.wrap(ARTICLES["en"].paragraphs[0], 80),
        "A6   GULLHAVEN GAZETTE   MONDAY, MARCH 3, 2025   www.gullhaven-gazette.example",
        *textwrap.wrap(paragraph, 80),
    ]
    blocks = texts("\n".join(lines))
    assert (
        "A6   GULLHAVEN GAZETTE   MONDAY, MARCH 3, 2025   www.gullhaven-gazette.example" in blocks
    )
    assert paragraph in blocks


def test_a_wrapped_caption_ending_in_a_credit_is_not_joined_to_the_next_paragraph() -> None:
    caption = (
        "Passengers queue at the north slipway for the first crossing since November on "
        "Monday morning. Photo: Alison Greer"
    )
    paragraphs = ARTICLES["en"].paragraphs
    lines = [*textwrap.wrap(paragraphs[0], 84), *textwrap.wrap(caption, 84)]
    lines += [line for p in paragraphs[1:] for line in textwrap.wrap(p, 84)]
    blocks = texts("\n".join(lines))
    assert caption in blocks


# --- hyphenation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "word"),
    [
        (
            "carried its first passengers since the infra-",
            "structure works began in",
            "infrastructure",
        ),
        ("Die Stadtwerke senken den Gaspreis für die Haus-", "halte in der Region", "Haushalte"),
        ("В микрорайоне открыли новую поли-", "клинику для детей и подростков", "поликлинику"),
        ("La piscine municipale a rouvert ses por-", "tes samedi matin", "portes"),
    ],
)
def test_end_of_line_hyphenation_is_undone(first: str, second: str, word: str) -> None:
    blocks = texts(f"{first}\n{second}\n")
    assert len(blocks) == 1
    assert word in blocks[0].split()
    assert "- " not in blocks[0]


def test_hyphenation_is_undone_inside_hard_wrapped_text() -> None:
    paragraph = ARTICLES["de"].paragraphs[0]
    lines = textwrap.wrap(paragraph, 70)
    # Break "Aufsichtsrats" over two lines the way a typesetter would.
    target = next(i for i, line in enumerate(lines) if "Aufsichtsrats" in line)
    assert lines[target].endswith("Aufsichtsrats") and target + 1 < len(lines)
    lines[target] = lines[target].removesuffix("rats") + "-"
    lines[target + 1] = "rats " + lines[target + 1]
    other = [line for p in ARTICLES["de"].paragraphs[1:] for line in [*textwrap.wrap(p, 70), ""]]
    blocks = texts("\n".join([*lines, "", *other]))
    assert blocks[0] == paragraph


def test_a_hyphen_before_a_list_item_is_not_a_hyphenated_break() -> None:
    blocks = texts("The measures announced on Tuesday include these -\n- a new timetable\n")
    assert blocks == ["The measures announced on Tuesday include these -", "- a new timetable"]


def test_capitalised_compound_split_at_its_hyphen_keeps_the_hyphen() -> None:
    text = (
        "Die Landesregierung will die Förderung für kommunale Wärmenetze im kommenden Jahr\n"
        "verdoppeln. Die Opposition im Landtag von Baden-\n"
        "Württemberg kritisierte die Pläne am Mittwoch als zu zaghaft und forderte mehr Geld.\n"
    )
    assert "Baden-Württemberg" in " ".join(texts(text))


# --- text normalisation -----------------------------------------------------------------------


def test_invisible_and_odd_characters_are_normalised() -> None:
    raw = (
        "Soft\u00adhyphen, no\u00a0break, zero\u200bwidth, tab\there,\r\nCRLF line\rCR line\u2028LS"
    )
    text = normalize_text(raw)
    assert text == "Softhyphen, no break, zerowidth, tab here,\nCRLF line\nCR line\nLS"


def test_decomposed_accents_are_composed() -> None:
    assert normalize_text("cafe\u0301 Mu\u0308nchen") == "café München"


# --- paragraph repair -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "cut"),
    [
        (
            "After four hours of testimony the council directed staff to",
            "Return with two options.",
            True,
        ),
        (
            "After four hours of testimony the council voted to postpone",
            "the final vote until March.",
            True,
        ),
        (
            "After four hours of testimony, the council, by five votes to four,",
            "Postponed the vote.",
            True,
        ),
        (
            "After four hours of testimony the council postponed the vote.",
            "the final vote is in March.",
            False,
        ),
        (
            "The pricing announced by the operator on Tuesday is as follows:",
            "$8 a month for access",
            False,
        ),
        (
            "After four hours of testimony the council directed staff to",
            "- return with two options",
            False,
        ),
        (
            "Directed staff to",
            "return with two options.",
            False,
        ),  # too short to be a cut prose line
        (
            "Der Stadtrat hat nach langer Debatte am Mittwochabend beschlossen, die",
            "Linie zu verlängern.",
            True,
        ),
        ("Городской совет после долгого обсуждения решил перенести голосование на", "март.", True),
    ],
)
def test_is_cut(first: str, second: str, cut: bool) -> None:
    assert is_cut(first, second) is cut


def test_join_paragraphs_rejoins_cut_sentences_and_squeezes_spaces() -> None:
    joined = join_paragraphs(
        [
            "News   Business   Sport",
            "After four hours of testimony the council voted to postpone",
            "the final vote until March 18.",
            "",
            "A separate paragraph.",
        ]
    )
    assert joined == [
        "News Business Sport",
        "After four hours of testimony the council voted to postpone the final vote until "
        "March 18.",
        "A separate paragraph.",
    ]


def _print_page(jump_headline: str | None) -> tuple[str, str, str]:
    """A print replica whose fourth paragraph is cut by a page break, with a jump line, an
    ad, a running head (and optionally a jump headline) between the two halves."""
    article = ARTICLES["en"]
    paragraphs = article.paragraphs
    head, tail = paragraphs[3].split(" the replacement engines")
    first, second = f"{head} the replacement", f"engines{tail}"
    lines = [
        "GULLHAVEN GAZETTE   MONDAY, MARCH 3, 2025   A1",
        "",
        *textwrap.wrap(article.title, 60),
    ]
    lines += ["By Rhona Keillor", ""]
    for paragraph in paragraphs[:3]:
        lines += [*textwrap.wrap(paragraph, 80), ""]
    lines += [*textwrap.wrap(first, 80), "", ""]
    lines += [
        "Please see FERRY, Page A6",
        "ADVERTISEMENT",
        "HARBOUR MARINE SUPPLIES: ROPES, PAINT AND CHANDLERY",
        "A6   GULLHAVEN GAZETTE   MONDAY, MARCH 3, 2025",
    ]
    if jump_headline:
        lines.append(jump_headline)
    lines += ["Continued from Page A1", ""]
    lines += [*textwrap.wrap(second, 80), ""]
    lines += [*textwrap.wrap(paragraphs[4], 80), ""]
    return "\n".join(lines), paragraphs[3], article.title


def test_sentence_cut_by_a_page_break_is_rejoined_once_the_furniture_is_removed() -> None:
    text, cut_paragraph, title = _print_page(jump_headline=None)
    result = clean_plain(text)
    assert cut_paragraph in result.paragraphs, describe(result)
    assert result.metadata.title == title
    assert result.metadata.authors == ["Rhona Keillor"]
    for furniture in ("Please see FERRY, Page A6", "ADVERTISEMENT", "Continued from Page A1"):
        assert_removed(result, furniture)
    assert_removed(result, "HARBOUR MARINE SUPPLIES", "advertisement")
    assert_kept(result, *ARTICLES["en"].paragraphs)
    assert len(result.paragraphs) == len(ARTICLES["en"].paragraphs)
    assert_accounted(text, result)


def test_jump_headline_inside_a_page_break_is_not_glued_into_the_sentence() -> None:
    text, cut_paragraph, _ = _print_page(jump_headline="FERRY: New engines at last")
    result = clean_plain(text)
    assert cut_paragraph in result.paragraphs, describe(result)


def test_labelled_print_replica_page_break_rejoins_the_sentence() -> None:
    result = clean_plain(labelled("dev_03").text)
    assert paragraph_with(result, "directed staff to return with at least two alternatives")
    assert not in_body_text(result.text, "Library hours at stake")


def in_body_text(text: str, snippet: str) -> bool:
    return norm(snippet) in norm(text)


# --- wrapped titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("Harbour ferry returns to service after a long winter for the", "Crews Who Rebuilt It"),
        (
            "Harbour ferry returns to service after a winter of",
            "engine repairs and a long wait for parts",
        ),
        ("Stadtwerke Lindenau senken den Gaspreis für die", "Haushalte der Region"),
        ("Harbour ferry returns to service,", "Crews Back at Work"),
    ],
)
def test_title_wrapped_over_two_lines_is_joined(upper: str, lower: str) -> None:
    lang = "de" if "Stadtwerke" in upper else "en"
    article = ARTICLES[lang]
    result = clean_lines(upper, lower, *article.paragraphs, blank=False)
    assert result.metadata.title == f"{upper} {lower}"
    assert not in_body_text(result.text, lower)
    assert_kept(result, *article.paragraphs)


def test_wrapped_title_of_a_hard_wrapped_print_page() -> None:
    page_ = labelled("dev_19")
    result = clean_plain(page_.text)
    assert result.metadata.title == page_.gold["title"]


def test_title_lines_that_do_not_continue_each_other_are_not_joined() -> None:
    article = ARTICLES["en"]
    result = clean_lines("Local News", article.title, *article.paragraphs)
    assert result.metadata.title == article.title
