"""The cleaning steps, in the order they run.

Adding or reordering a step is a one-line change to `DEFAULT_STEPS`. Cheap, precise line
rules run first; zones next (they need neighbours); structure last, because it reads what the
others left.
"""

from cleaners.steps.base import Step, run_steps
from cleaners.steps.duplicates import DuplicateLead
from cleaners.steps.lines import (
    Advertisements,
    Captions,
    DomBoilerplate,
    JumpHeads,
    LineCueStep,
    LoneLinks,
    Menus,
    NoLetters,
    PollOptions,
    RelatedLinks,
    Tags,
    UpdateLines,
    WebArchiveBanner,
)
from cleaners.steps.lists import CommentThreads, HeadlineBlurbPairs, ListHeaders
from cleaners.steps.structure import ArticleSpan, HtmlBylines
from cleaners.steps.zones import COOKIE_NOTICE, DONATION_APPEAL, NEWSLETTER_PROMPT, PAYWALL

DEFAULT_STEPS: list[Step] = [
    COOKIE_NOTICE,
    PAYWALL,
    NEWSLETTER_PROMPT,
    DONATION_APPEAL,
    WebArchiveBanner(),
    NoLetters(),
    LoneLinks(),
    CommentThreads(),
    LineCueStep("social_share", boundary=True),
    LineCueStep("widget", phrase_max_words=40),
    PollOptions(),
    Advertisements(),
    LineCueStep("publisher_promo", phrase_max_words=40),
    RelatedLinks(),
    Tags(),
    Captions(),
    LineCueStep("author_bio", phrase_max_words=60, boundary=True),
    Menus(),
    LineCueStep("navigation"),
    JumpHeads(),
    LineCueStep("page_furniture"),
    UpdateLines(),
    LineCueStep("legal", phrase_max_words=40, boundary=True),
    ListHeaders(),
    HeadlineBlurbPairs(),
    DuplicateLead(),
    ArticleSpan(),
]

# trafilatura has already chosen the article's main run in the DOM; re-cutting it by text
# density would only lose paragraphs it rightly kept, so HTML gets every step but that one.
HTML_STEPS: list[Step] = [
    DomBoilerplate(),
    *(s for s in DEFAULT_STEPS if not isinstance(s, ArticleSpan | HeadlineBlurbPairs)),
    HtmlBylines(),
]

__all__ = ["DEFAULT_STEPS", "HTML_STEPS", "Step", "run_steps"]
