"""How every hostile-input test searches: the shared hypothesis settings.

Random (not derandomized): a new counterexample is a real bug, and `print_blob` prints how
to reproduce it. No example database: the suite writes no files. No deadline: timing is
tested separately (`timing.py`), and a slow CI machine must not turn into failures. Large
generated pages are the point, so the too-slow and data-too-large health checks are off.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def search(max_examples: int) -> settings:
    """The shared settings with this many examples per test."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
