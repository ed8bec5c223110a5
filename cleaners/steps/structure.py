"""Where the article is: its main run of prose, its title, its byline and dateline.

The article is one dense run of prose. We weigh every remaining block (prose by its length,
short and link-like lines by a fixed cost), find the run with the highest total that crosses
no boundary (a comment header, a "Most read" list, a share bar), and remove everything before
its title and after its end. Short lines *inside* the run (subheadings, bullet points, "He
declined to comment.") stay: position, not shape, decides for them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from cleaners.features import BlockClass, BlockFeatures
from cleaners.lexicons import quantities
from cleaners.metadata import (
    DATELINE_MAX_WORDS as DATELINE_WORDS,
)
from cleaners.metadata import (
    announces_article,
    find_date,
    is_dateline,
    is_role_line,
    parse_byline,
)
from cleaners.model import Document, Removal
from cleaners.steps.base import (
    ANNOUNCED_WITHIN,
    TEASER_LEADS,
    Wall,
    boundaries,
    features,
    kept_positions,
    removal,
)
from cleaners.steps.lists import INTERNAL_SENTENCE_RE
from cleaners.text import ends_on_function_word

MIN_ARTICLE_SCORE = 100
HEADER_LOOKBACK = 10
TITLE_MIN_WORDS = 2
TITLE_MAX_WORDS = 30
DEK_MIN_WORDS = 10
# Block weights for the main-run search: prose counts by its length, short and bad lines
# cost a fixed amount, so a long stretch of menu items separates two runs of prose while a
# subheading or a bullet list inside an article does not.
NEAR_GOOD_WEIGHT = 0.5
SHORT_COST = 18
HEADLINE_COST = 10
BAD_COST = 60
BAD_COST_MAX = 200
SOFT_WALL_COST = 250
TERMINAL_DISCOUNT = 0.5
# The best run before a comment section is the article when it has this much prose,
# however long the comments after it are.
ARTICLE_BEFORE_COMMENTS_CHARS = 600
# A byline or dateline announces an article: it pulls the run towards itself, if a long
# paragraph follows within ANNOUNCED_WITHIN kept blocks.
ANNOUNCEMENT_BONUS = 150
# An appendix after the article: prose behind this many non-prose lines, shorter than both
# limits (see `_without_appendix`).
APPENDIX_GAP_BLOCKS = 6
APPENDIX_MAX_CHARS = 800
APPENDIX_MAX_SHARE = 0.2
# The removal kind of the headline lines (the settling pass finds a re-extracted title by it).
TITLE_KIND = "title"


@dataclass(frozen=True, slots=True)
class Span:
    first: int
    last: int
    score: float


def block_weight(
    doc: Document, position: int, feat: BlockFeatures, *, prose_follows: bool = True
) -> float:
    """How much a kept block says "article here" (positive) or "not here" (negative).

    A byline or dateline earns its bonus only when prose follows it closely: the dates of
    a teaser list ("22. November 2018" under each headline) announce no article, and a
    bonus for each would make the list outweigh the article.
    """
    if feat.klass is BlockClass.GOOD:
        return feat.n_chars
    if (
        prose_follows
        and feat.n_words <= DATELINE_WORDS
        and announces_article(doc.blocks[position].text, feat.n_words)
    ):
        return ANNOUNCEMENT_BONUS
    if feat.klass is BlockClass.NEAR_GOOD:
        if (
            feat.title_like
            and not feat.list_item
            and not INTERNAL_SENTENCE_RE.search(doc.blocks[position].text)
        ):
            return -HEADLINE_COST  # a line of a headline list looks like this too
        return NEAR_GOOD_WEIGHT * feat.n_chars
    if feat.klass is BlockClass.SHORT:
        return -SHORT_COST
    if looks_like_code(doc.blocks[position].text):
        return 0.0  # a code listing in a technical post: neither prose nor furniture
    return -min(BAD_COST_MAX, max(BAD_COST, feat.n_chars))


# Tokens only source code and shell commands are made of: calls, assignments in code
# style, braces and semicolons, snake_case names, keywords of the common languages.
_CODE_TOKEN_RE = re.compile(
    r"\b[A-Za-z_][\w.]*\([^()\s]*\)|\b\w+_\w+\b|[{};]|==|!=|=>|->|:=|"
    r"\b(?:def|return|import|function|const|elif|lambda|printf?|sudo|pip|npm|apt|echo)\b"
)
CODE_MIN_TOKENS = 3


def looks_like_code(text: str) -> bool:
    """A block of source code or commands ("import ctypes def deref(addr, type_): …")."""
    return "(" in text and len(_CODE_TOKEN_RE.findall(text)) >= CODE_MIN_TOKENS


def _within(kept: list[int], span: Span) -> list[int]:
    """The kept positions inside the span (`kept` is sorted: a slice, not a scan)."""
    return kept[bisect.bisect_left(kept, span.first) : bisect.bisect_right(kept, span.last)]


def _prose_chars(kept: list[int], feats: list[BlockFeatures], span: Span) -> int:
    return sum(
        feats[p].n_chars
        for p in _within(kept, span)
        if feats[p].klass in (BlockClass.GOOD, BlockClass.NEAR_GOOD)
    )


def _has_prose(kept: list[int], feats: list[BlockFeatures], span: Span | None) -> bool:
    return span is not None and _prose_chars(kept, feats, span) >= MIN_ARTICLE_SCORE


def main_span(doc: Document, kept: list[int], feats: list[BlockFeatures]) -> Span | None:
    """The maximum-weight run of kept blocks (Kadane's algorithm, as in body-text extraction
    by maximal text density). Crossing a soft wall costs SOFT_WALL_COST, a hard wall cannot
    be crossed, and prose after a comment section counts for less; the best run before a
    comment section wins outright when it holds ARTICLE_BEFORE_COMMENTS_CHARS of prose."""
    walls = boundaries(doc)
    wall_positions = sorted(walls)
    best: Span | None = None
    before_comments: Span | None = None
    run_start, run_score, previous, discount = None, 0.0, -1, 1.0
    prose_follows = _followed_by_prose(kept, feats)
    for position in kept:
        low = bisect.bisect_right(wall_positions, previous)
        high = bisect.bisect_left(wall_positions, position)
        crossed = [walls[w] for w in wall_positions[low:high]]
        if crossed and max(crossed) >= Wall.HARD:
            run_start, run_score = None, 0.0
        elif crossed:
            run_score -= SOFT_WALL_COST * len(crossed)
        if Wall.TERMINAL in crossed and discount == 1.0 and _has_prose(kept, feats, best):
            discount = TERMINAL_DISCOUNT  # a comment section follows an article
            before_comments = best
        if run_score <= 0:
            run_start, run_score = position, 0.0
        weight = block_weight(
            doc, position, feats[position], prose_follows=position in prose_follows
        )
        run_score += discount * weight
        if run_score > 0 and (best is None or run_score > best.score):
            best = Span(run_start if run_start is not None else position, position, run_score)
        previous = position
    if (
        before_comments is not None
        and _prose_chars(kept, feats, before_comments) >= ARTICLE_BEFORE_COMMENTS_CHARS
    ):
        best = before_comments  # long comments outweigh a short article, but follow it
    if best is None or _prose_chars(kept, feats, best) < MIN_ARTICLE_SCORE:
        return None  # judged without the byline bonus: cleaning clean text must agree
    inside = _within(kept, best)
    inside = _without_appendix(inside, feats)
    good = [p for p in inside if feats[p].klass is BlockClass.GOOD]
    first = _after_headline(doc, kept, feats, good) if good else inside[0]
    return Span(_extend_start(doc, kept, feats, first), inside[-1], best.score)


def _after_headline(
    doc: Document, kept: list[int], feats: list[BlockFeatures], good: list[int]
) -> int:
    """A long or question headline ("Soll die Stadt 6,8 Millionen Euro in ihr Freibad
    stecken?") weighs as prose and may open the run. As in `_extend_start`, a headline-shaped
    first paragraph with no other headline above it is the page's headline: the body starts
    at the next long paragraph, and the headline is left to the title search."""
    first = good[0]
    index = kept.index(first)
    above = kept[max(0, index - HEADER_LOOKBACK) : index]
    if len(good) > 1 and _only_headline(doc, above, feats, first):
        return good[1]
    return first


def _without_appendix(inside: list[int], feats: list[BlockFeatures]) -> list[int]:
    """The run without its appendix: short prose behind a long run of non-prose lines.

    After an article, pages print its author's name and role, a share bar or a tag list, and
    then a paragraph or two of prose again: the author's bio, a "stay informed" box, the
    site's self-description. Each short line costs the run little, so one such paragraph
    can pull the run over them. The run is split into sections at every APPENDIX_GAP_BLOCKS
    non-prose lines in a row; the sections at its end are an appendix when together they
    hold less than APPENDIX_MAX_CHARS of prose and less than APPENDIX_MAX_SHARE of the
    run's, and the section before them holds more: the article's body, not one more item
    of a list of short sections. What is left ends with that large section, so cleaning it
    again finds no appendix.
    """
    sections = _sections(inside, feats)
    total = sum(prose for _, prose in sections)
    limit = min(APPENDIX_MAX_CHARS, APPENDIX_MAX_SHARE * total)
    tail = 0
    for k in range(len(sections) - 1, 0, -1):
        tail += sections[k][1]
        if tail > limit:
            break
        end, prose = sections[k - 1]
        if prose > limit:
            return inside[: end + 1]
    return inside


def _sections(inside: list[int], feats: list[BlockFeatures]) -> list[tuple[int, int]]:
    """(index of the last prose block, prose characters) of each section of the run, the
    sections being separated by APPENDIX_GAP_BLOCKS or more non-prose blocks in a row."""
    sections: list[tuple[int, int]] = []
    gap = prose = 0
    last = -1
    listed = False  # the items under "... please call:" are its list, not a gap in the prose
    for index, position in enumerate(inside):
        feat = feats[position]
        if feat.klass is not BlockClass.GOOD:
            item = feat.list_item or feat.text[:1].isdigit()
            listed = (listed and item) or feat.text.rstrip().endswith(":")
            gap += 0 if listed and item else 1
            continue
        listed = False
        if gap >= APPENDIX_GAP_BLOCKS and last >= 0:
            sections.append((last, prose))
            prose = 0
        gap = 0
        prose += feat.n_chars
        last = index
    if last >= 0:
        sections.append((last, prose))
    return sections


# A quantity line: a number and a unit of measure in the core languages ("125 g", "2 Pck.",
# "1 tablespoon ground cinnamon", "½ TL Salz", "2 łyżki masła", "1 ст. л. сахара").
_QUANTITY_RE = re.compile(
    r"^(?:ca\.\s*|approx\.\s*|je\s+)?(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?"
    rf"\s*(?:{quantities.UNITS})(?=[\s.)]|$)",
    re.IGNORECASE,
)
QUANTITY_LIST_LOOKBACK = 40
QUANTITY_LIST_MIN_LINES = 3
QUANTITY_LIST_MAX_WORDS = 10


def _with_quantity_list(
    doc: Document, kept: list[int], feats: list[BlockFeatures], start: int
) -> int:
    """Move the start up over a list of quantities just above it ("125 g", "Mehl", "2 EL
    Zucker"): an ingredient or parts list is short lines, so the prose run never takes it
    in, but it belongs to the text below it."""
    walls = boundaries(doc)
    floor = max((w for w, wall in walls.items() if wall >= Wall.HARD and w < start), default=-1)
    above = [p for p in kept if floor < p < start][-QUANTITY_LIST_LOOKBACK:]
    quantities = [
        p
        for p in above
        if feats[p].n_words <= QUANTITY_LIST_MAX_WORDS and _QUANTITY_RE.match(doc.blocks[p].text)
    ]
    if len(quantities) < QUANTITY_LIST_MIN_LINES:
        return start
    first = quantities[0]
    index = kept.index(first)
    if index > 0 and doc.blocks[kept[index - 1]].text.rstrip().endswith(":"):
        first = kept[index - 1]  # "Für den Mürbeteig:"
    return first


def _followed_by_prose(kept: list[int], feats: list[BlockFeatures]) -> set[int]:
    """Kept positions with a long paragraph among the next ANNOUNCED_WITHIN kept blocks."""
    found = set()
    next_good = len(kept) + ANNOUNCED_WITHIN  # index of the nearest long paragraph below
    for index in range(len(kept) - 1, -1, -1):
        if next_good - index <= ANNOUNCED_WITHIN:
            found.add(kept[index])
        if feats[kept[index]].klass is BlockClass.GOOD:
            next_good = index
    return found


def _extend_start(doc: Document, kept: list[int], feats: list[BlockFeatures], first: int) -> int:
    """Take in the sentences and list items just above the first long paragraph: a short
    lead sentence or a numbered list opens many posts. Stop at a headline, a byline or a
    dateline: those belong to the header."""
    walls = boundaries(doc)
    start = first
    above = [p for p in kept if p < first]
    for index in range(len(above) - 1, -1, -1):
        position = above[index]
        feat = feats[position]
        text = doc.blocks[position].text
        if any(position < w < start for w in walls) or announces_article(text, feat.n_words):
            break
        if feat.klass is BlockClass.BAD or not (feat.ends_sentence or feat.list_item):
            break
        if _only_headline(doc, above[max(0, index - HEADER_LOOKBACK) : index], feats, position):
            break
        start = position
    return start


def _only_headline(
    doc: Document, above: list[int], feats: list[BlockFeatures], position: int
) -> bool:
    """A headline-shaped sentence ("Was ist Innovation?") with no other headline in the
    header lines `above` it is the page's headline, not the article's first sentence."""
    if not is_title_candidate(feats[position], doc.blocks[position].text):
        return False
    return not any(is_title_candidate(feats[p], doc.blocks[p].text) for p in above)


UNFINISHED_PROSE_MIN_CHARS = 100


def is_sentence_like(feat: BlockFeatures) -> bool:
    """A finished sentence, or prose long enough to be a paragraph cut short."""
    if feat.klass is BlockClass.BAD:
        return False
    return feat.ends_sentence or (
        feat.klass is BlockClass.NEAR_GOOD and feat.n_chars >= UNFINISHED_PROSE_MIN_CHARS
    )


@dataclass(frozen=True, slots=True)
class Title:
    positions: tuple[int, ...]
    text: str


class ArticleSpan:
    """Keep the main run of prose and its header; remove everything around it."""

    name = "article_span"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        kept = kept_positions(doc)
        cluster = main_span(doc, kept, feats)
        if cluster is None:
            return [self._outside(doc, p, feats[p], before=True) for p in kept]
        end = self._extend_end(doc, kept, feats, cluster.last)
        start = _with_quantity_list(doc, kept, feats, cluster.first)
        title = find_title(doc, kept, feats, start)
        removed: list[Removal] = []
        header_start = title.positions[0] if title else start
        if title:
            doc.metadata.title = doc.metadata.title or title.text
            removed.extend(removal(doc, p, TITLE_KIND, "extracted") for p in title.positions)
        removed.extend(self._header(doc, kept, feats, title, start))
        removed.extend(self._bylines_in_body(doc, kept, start, end, removed))
        lead = _lead_above(doc, kept, feats, header_start, deks=title is None)
        for position in kept:
            if position < header_start and position not in lead:
                removed.append(self._outside(doc, position, feats[position], before=True))
            elif position > end:
                removed.append(self._outside(doc, position, feats[position], before=False))
        return removed

    @staticmethod
    def _extend_end(doc: Document, kept: list[int], feats: list[BlockFeatures], last: int) -> int:
        """Take in the short closing lines ("He declined to comment.") after the last prose."""
        walls = boundaries(doc)
        end = last
        for position in kept:
            if position <= last:
                continue
            if any(end < w <= position for w in walls) or not is_sentence_like(feats[position]):
                break
            end = position
        return end

    def _header(
        self,
        doc: Document,
        kept: list[int],
        feats: list[BlockFeatures],
        title: Title | None,
        start: int,
    ) -> list[Removal]:
        """Bylines and datelines become metadata; a dek stays; other header lines go."""
        first = title.positions[-1] if title else -1
        removed = []
        lead = [p for p in kept if first < p < start]
        lead += [p for p in kept if p >= start][:3]
        for position in lead:
            text = doc.blocks[position].text
            feat = feats[position]
            byline = byline_to_metadata(doc, position, allow_bare_name=position < start)
            if byline is not None:
                removed.append(byline)
            elif is_role_line(text):
                removed.append(removal(doc, position, "byline", "role_line"))
            elif is_dateline(text, feat.n_words):
                doc.metadata.published_at = doc.metadata.published_at or find_date(text)
                removed.append(removal(doc, position, "dateline", "dateline"))
            elif position < start and not is_dek(feat):
                removed.append(self._outside(doc, position, feat, before=True))
        return removed

    @staticmethod
    def _bylines_in_body(
        doc: Document, kept: list[int], start: int, end: int, already: list[Removal]
    ) -> list[Removal]:
        """A byline inside the article ("By Victoria Friedman" after the last paragraph) is
        metadata too; were it kept, cleaning the clean text would remove it the second time."""
        done = {r.position for r in already}
        inside = (p for p in kept if p not in done and start <= p <= end)
        return [found for p in inside if (found := byline_to_metadata(doc, p)) is not None]

    @staticmethod
    def _outside(doc: Document, position: int, feat: BlockFeatures, *, before: bool) -> Removal:
        return removal(doc, position, shape_kind(feat, before=before), "outside_article")


LEAD_LOOKBACK = 3


def _lead_above(
    doc: Document, kept: list[int], feats: list[BlockFeatures], header_start: int, *, deks: bool
) -> set[int]:
    """Prose paragraphs just above the chosen headline: pages print a kicker headline and a
    lead above the line we take for the title more often than they print boilerplate prose
    there. With no headline, a standfirst just above the body stays too, as it would under
    a headline: the clean text of a titled article starts with it, and cleaning that text
    again must keep it."""
    walls = boundaries(doc)
    above = [p for p in kept if p < header_start][-LEAD_LOOKBACK:]
    lead: set[int] = set()
    for position in reversed(above):
        feat = feats[position]
        prose = feat.klass is BlockClass.GOOD or (deks and is_dek(feat))
        if not prose or any(position < w < header_start for w in walls):
            break
        lead.add(position)
    return lead


def shape_kind(feat: BlockFeatures, *, before: bool) -> str:
    """Name what a block outside the article most likely is, from its shape alone."""
    if feat.link_only:
        return "link"
    if before:
        if feat.n_words <= 6 and feat.upper_ratio >= 0.8:
            return "masthead"
        if feat.n_words <= 2:
            return "section_label"
        return "navigation" if feat.n_words <= 6 else "page_header"
    if feat.title_like and feat.n_words >= 3:
        return "unrelated_headline"
    return "navigation" if feat.n_words <= 3 else "page_footer"


def is_dek(feat: BlockFeatures) -> bool:
    """A standfirst: a sentence-like summary between the title and the body."""
    return feat.n_words >= DEK_MIN_WORDS and feat.stop_ratio > 0.15


def is_title_candidate(feat: BlockFeatures, text: str) -> bool:
    stripped = text.lstrip("«\"“'‘")
    return (
        TITLE_MIN_WORDS <= feat.n_words <= TITLE_MAX_WORDS
        and _mostly_letters(text)  # "488,90 g", "19.10.19, 12:00 Uhr" are not headlines
        and feat.title_like
        and not feat.list_item
        and not (feat.n_words <= 6 and feat.upper_ratio > 0.8)
        and bool(stripped)
        and (stripped[0].isupper() or stripped[0].isdigit())
        and parse_byline(text, allow_bare_name=False) is None
        and not is_dateline(text, feat.n_words)
        and not text.rstrip().endswith(":")
        and not INTERNAL_SENTENCE_RE.search(text)
        and not is_role_line(text)
    )


TITLE_MIN_LETTER_SHARE = 0.5


def _mostly_letters(text: str) -> bool:
    """More letters than digits, punctuation and symbols together ("Windows 11" is)."""
    visible = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in visible) > TITLE_MIN_LETTER_SHARE * len(visible)


def _continues_title(upper: str, lower: str) -> bool:
    """A headline wrapped over two lines: the upper part ends on a function word or a comma,
    or the lower part starts in lower case."""
    return (
        lower.lstrip()[:1].islower()
        or ends_on_function_word(upper)
        or upper.rstrip().endswith((",", "—", "–"))
    )


SHORT_TITLE_WORDS = 2
MAX_TITLE_CLIMB = 2
MIN_CLIMB_WORDS = 6
CLIMB_LENGTH_SHARE = 0.5


def find_title(
    doc: Document, kept: list[int], feats: list[BlockFeatures], start: int
) -> Title | None:
    """The headline just above the article.

    Start from the title-shaped line nearest the body, then climb over title-shaped lines
    directly above it: a dek sits below its title, and a headline may be wrapped over two
    lines. Names alone ("Анна Лужникова") are bylines, not titles, when anything else fits.
    """
    # A headline the page repeats further down ("previous post: ...") was removed as a
    # repeat; it is still the headline. A title is metadata, so taking it back costs the
    # body nothing.
    teasers = doc.hints.get(TEASER_LEADS, set())
    before = sorted(p for p in {*kept, *teasers} if p < start)[-HEADER_LOOKBACK:]
    candidates = [p for p in before if is_title_candidate(feats[p], doc.blocks[p].text)]
    named = [p for p in candidates if parse_byline(doc.blocks[p].text, allow_bare_name=True)]
    if len(named) < len(candidates):
        candidates = [p for p in candidates if p not in named]
    if not candidates:
        return None
    # A two-word line ("Pin it", "Kontakt aufnehmen") is a label more often than a headline
    # when a longer headline-shaped line stands in the header too.
    longer = [p for p in candidates if feats[p].n_words > SHORT_TITLE_WORDS]
    chosen = longer[-1] if longer else candidates[-1]
    candidate_set = set(candidates)
    for _ in range(MAX_TITLE_CLIMB):
        upper = _candidate_above(doc, feats, candidate_set, chosen)
        if upper is None:
            break
        # A headline wraps onto the next line; a dateline between two lines ends it.
        wrapped = upper == chosen - 1 and _continues_title(
            doc.blocks[upper].text, doc.blocks[chosen].text
        )
        # A dek below its title is long; a strap line above a headline is short.
        title_above_dek = feats[upper].n_words >= max(
            MIN_CLIMB_WORDS, CLIMB_LENGTH_SHARE * feats[chosen].n_words
        )
        if not (wrapped or title_above_dek):
            break
        chosen = upper
    following = chosen + 1
    if (
        following in doc.kept
        and following < start
        and feats[following].title_like
        and parse_byline(doc.blocks[following].text, allow_bare_name=False) is None
        and find_date(doc.blocks[following].text) is None  # "by J. Doe Apr. 26, 2022"
        and _continues_title(doc.blocks[chosen].text, doc.blocks[following].text)
    ):
        return _title(doc, [chosen, following])
    return _title(doc, [chosen])


def _candidate_above(
    doc: Document, feats: list[BlockFeatures], candidates: set[int], position: int
) -> int | None:
    """The title candidate right above `position`, across datelines and bylines only
    ("FINA-WM in Fukuoka verschoben" / "01.02.2022" / its standfirst): once they are
    removed, cleaning the article again finds the two lines adjacent, and must agree."""
    above = position - 1
    teasers = doc.hints.get(TEASER_LEADS, set())
    while (
        above >= 0
        and above not in candidates
        and (above in teasers or _is_meta_line(doc, feats, above))
    ):
        above -= 1  # a removed teaser is gone from the clean text too
    return above if above in candidates else None


def _is_meta_line(doc: Document, feats: list[BlockFeatures], position: int) -> bool:
    """A dateline, a byline or a bare date ("14.03.2025", "01.02.2022 Allgemein")."""
    text, feat = doc.blocks[position].text, feats[position]
    return announces_article(text, feat.n_words) or (
        feat.n_words <= DATELINE_WORDS and find_date(text) is not None
    )


def _title(doc: Document, positions: list[int]) -> Title:
    text = " ".join(doc.blocks[p].text.strip() for p in positions)
    return Title(tuple(positions), " ".join(text.split()))


class TrailingFurniture:
    """For extracted HTML: headings, labels and link lines left at the very end of the text,
    after the article's last sentence ("Mehr Themen:", "Zum Newsletter anmelden")."""

    name = "trailing_furniture"

    def find(self, doc: Document) -> list[Removal]:
        feats = features(doc)
        removed = []
        for position in reversed(kept_positions(doc)):
            feat = feats[position]
            if feat.list_item or (feat.ends_sentence and feat.klass is not BlockClass.SHORT):
                break
            if not (feat.klass in (BlockClass.SHORT, BlockClass.BAD) or feat.title_like):
                break
            removed.append(removal(doc, position, shape_kind(feat, before=False), "trailing"))
        return removed


HTML_HEADER_BLOCKS = 5


def byline_to_metadata(
    doc: Document, position: int, *, allow_bare_name: bool = False
) -> Removal | None:
    """If the block is a byline, its names become the authors (unless the page already
    declared some) and the block is removed as `byline`."""
    authors = parse_byline(doc.blocks[position].text, allow_bare_name=allow_bare_name)
    if not authors:
        return None
    doc.metadata.authors = doc.metadata.authors or authors
    return removal(doc, position, "byline", "byline")


class HtmlBylines:
    """For extracted HTML: a byline line at the top of the text becomes metadata (the
    authors read from the markup by `cleaners.html_metadata` win; the line is used only
    where it declared none). The headline and the dateline stay: on the htmldev pages
    removing them lost more article text, as annotated, than it removed boilerplate."""

    name = "html_bylines"

    def find(self, doc: Document) -> list[Removal]:
        header = kept_positions(doc)[:HTML_HEADER_BLOCKS]
        return [found for p in header if (found := byline_to_metadata(doc, p)) is not None]
