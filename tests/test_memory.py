"""flows.memory: finished batches are freed at once, and the start-up heap is unfrozen after."""

from __future__ import annotations

import gc
import weakref

import pytest

from flows import memory


class _Node:
    """An object in a reference cycle, like a finished Prefect future and its callbacks."""

    def __init__(self, payload: bytes) -> None:
        self.payload = payload
        self.me = self


def test_a_cyclic_batch_result_is_freed_by_the_release_inside_a_frozen_run() -> None:
    gc.disable()  # only the explicit release may collect here
    try:
        _check_release()
    finally:
        gc.enable()
    assert gc.get_freeze_count() == 0


def _check_release() -> None:
    with memory.frozen_start_up_heap():
        assert gc.get_freeze_count() > 0
        node = _Node(b"x" * 1_000_000)
        alive = weakref.ref(node)
        del node
        assert alive() is not None  # reference counting alone cannot free a cycle
        memory.release_finished_batch()
        assert alive() is None


def test_the_heap_is_unfrozen_when_a_run_fails() -> None:
    with pytest.raises(RuntimeError), memory.frozen_start_up_heap():
        raise RuntimeError("task runner died")
    assert gc.get_freeze_count() == 0
