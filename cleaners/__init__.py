"""newsclean's pure cleaning library: raw page bytes in, article text and removals out.

No I/O and no Prefect here: `clean(raw)` is deterministic and safe to call from any process.
"""

from cleaners.model import (
    Block,
    CleanResult,
    Document,
    Metadata,
    RawDocument,
    Reject,
    RejectReason,
    Removal,
)

# The cleaning code's version, written into every row. Bump it with any change that alters
# what `clean` returns for some input, so that rows cleaned by older code can be found and
# re-cleaned from the stored raw pages (`newsclean reclean`). 0.2.0: trafilatura's fast
# extraction first, the full one only for fragments (changes the text of ~5% of HTML pages),
# and the rule changes of 2026-11-23 (skip links, glued dates, masthead list headers).
# 0.2.1: Bulgarian no longer tagged "ru" for its ъ; Latin-script Serbian tagged "sr".
# 0.3.0: the rules found by the authored pages (benchmarks/data/authored): consent walls,
# sign-up forms, ad breaks, polls, teaser leads under datelines, co-author bylines, titles.
PIPELINE_VERSION = "0.3.0"

from cleaners.pipeline import CleanConfig, clean  # noqa: E402

__all__ = [
    "PIPELINE_VERSION",
    "Block",
    "CleanConfig",
    "CleanResult",
    "Document",
    "Metadata",
    "RawDocument",
    "Reject",
    "RejectReason",
    "Removal",
    "clean",
]
