"""`ends_on_function_word`: a line left unfinished in its own language."""

from __future__ import annotations

import pytest

from cleaners.text import ends_on_function_word


@pytest.mark.parametrize(
    ("line", "unfinished"),
    [
        ("Neue Regeln für die", True),
        ("The council put the plan to the", True),
        ("Les habitants de la commune et les élus de la", True),
        ("Toxic algae warning issued for Lake Tamsin after two dogs die", False),
        ("Nordkorea: Hinweise auf eine gesundheitliche Gefährdung von Kim Jong Un", False),
        ("Comment posted September 22, 2015 at 5:56 am", False),
        ("Ein Haus für", True),  # the other words carry no vote: any language counts
        ("Hello world", False),
        ("", False),
    ],
)
def test_ends_on_function_word(line: str, unfinished: bool) -> None:
    assert ends_on_function_word(line) is unfinished
