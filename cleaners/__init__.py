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

PIPELINE_VERSION = "0.1.0"

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
