"""Keep the flow process's memory flat over a long run.

A batch's result reaches the flow process as a Prefect future whose chain of wrapped
futures, states and callbacks forms reference cycles. Reference counting therefore never
frees a finished batch: its pickled bytes and its unpickled Arrow tables wait for a
full (generation 2) garbage collection, which CPython runs rarely once the heap holds the
~300k long-lived objects that Prefect, pydantic and pyarrow create at start-up. Measured on
6,000 text documents in 30 batches: the flow process grew from 400 to 870 MiB without
collections, and stayed at 400-440 MiB with one after each written batch.

A full collection walks every tracked object (about 230 ms here), so the run first moves
the objects alive at its start into the permanent generation (`gc.freeze`); each later
collection then walks only what the run itself created (about 2 ms). The objects are
unfrozen when the run ends, so a long-lived process (`newsclean serve`) can still collect
what one run leaves behind.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_start_up_heap() -> Iterator[None]:
    """Freeze the objects alive now, so per-batch collections stay cheap; unfreeze at exit."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def release_finished_batch() -> None:
    """Free a written batch's results now rather than at the next rare full collection."""
    gc.collect()
