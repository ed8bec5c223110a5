"""Bylines and datelines: recognising them and parsing them into authors and a UTC datetime.

The unit tables use wording written for these tests in the nine core languages; the last
tests read the header lines of the labelled pages (their `neutral` lines) through the whole
pipeline and compare the metadata with what those lines say.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cleaners.metadata import find_date, is_dateline, is_role_line, is_update_line, parse_byline
from tests.cleaning_helpers import clean_plain, labelled

xfail = pytest.mark.xfail

# --- bylines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Rhona Keillor", ["Rhona Keillor"]),
        ("BY RHONA KEILLOR", ["RHONA KEILLOR"]),
        ("By Rhona Keillor, Transport Correspondent", ["Rhona Keillor"]),
        ("Rhona Keillor, Transport Correspondent", ["Rhona Keillor"]),
        ("By Rhona Keillor | rkeillor@gullhaven.example", ["Rhona Keillor"]),
        ("Story by Rhona Keillor · Photos by Tom Reilly", ["Rhona Keillor"]),
        ("Reporting by Anna Kowalska; editing by Tom Reilly", ["Anna Kowalska"]),
        ("By Anna de la Cruz", ["Anna de la Cruz"]),
        ("Von Jonas Brettschneider", ["Jonas Brettschneider"]),
        ("Von Anna van der Berg", ["Anna van der Berg"]),
        ("Par Élodie Marchal", ["Élodie Marchal"]),
        ("Par Jean-Pierre Dubois", ["Jean-Pierre Dubois"]),
        ("Por Marta Lozano", ["Marta Lozano"]),
        ("Por Marta Lozano y Juan Pérez", ["Marta Lozano", "Juan Pérez"]),
        ("Texto: Marta Lozano", ["Marta Lozano"]),
        ("di Lucia Ferraris", ["Lucia Ferraris"]),
        ("Autor: Tomasz Zieliński", ["Tomasz Zieliński"]),
        ("Текст: Ирина Соколова", ["Ирина Соколова"]),
        ("Автор: Олена Гуменюк", ["Олена Гуменюк"]),
        ("Беседовала Ирина Соколова", ["Ирина Соколова"]),
        ("Розмовляв Олег Гуменюк", ["Олег Гуменюк"]),
        ("Ирина Соколова, корреспондент", ["Ирина Соколова"]),
        pytest.param(
            "By Rhona Keillor and Tom Reilly",
            ["Rhona Keillor", "Tom Reilly"],
            id="en-two-authors",
        ),
        pytest.param(
            "Von Katrin Albers und Jens Maier",
            ["Katrin Albers", "Jens Maier"],
            id="de-two-authors",
        ),
    ],
)
def test_byline_with_a_cue(line: str, names: list[str]) -> None:
    assert parse_byline(line, allow_bare_name=False) == names
    assert parse_byline(line, allow_bare_name=True) == names


@pytest.mark.parametrize(
    "line",
    ["Rhona Keillor", "Ирина Соколова", "Jean-Pierre Dubois", "Олена Гуменюк", "María José Pérez"],
)
def test_bare_name_is_a_byline_only_where_allowed(line: str) -> None:
    assert parse_byline(line, allow_bare_name=True) == [line]
    assert parse_byline(line, allow_bare_name=False) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Богдан Петрук, Олена Савчин", ["Богдан Петрук", "Олена Савчин"]),
        ("Jane Doe and Raj Patel", ["Jane Doe", "Raj Patel"]),
        ("Anna Schmidt, Peter Müller und Lea Roth", ["Anna Schmidt", "Peter Müller", "Lea Roth"]),
    ],
)
def test_co_authors_without_a_cue_are_a_byline_only_where_allowed(
    line: str, names: list[str]
) -> None:
    assert parse_byline(line, allow_bare_name=True) == names
    assert parse_byline(line, allow_bare_name=False) is None


def test_a_title_case_headline_with_and_is_not_two_names() -> None:
    assert parse_byline("How To Grow and Care For Bougainvillea", allow_bare_name=True) is None


@pytest.mark.parametrize(
    "line",
    [
        "Harbour ferry returns to service",
        "The council voted on Tuesday to postpone the budget.",
        "By the time the last ferry left, the queue at the slipway stretched back to the harbour "
        "office and beyond the fish market.",
        "Organizers say the pantry network has served more than 4,100 households",
        "Tribune Staff Writer",
        "",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert not parse_byline(line, allow_bare_name=True)  # None, or no names at all


@pytest.mark.parametrize(
    "line", ["By the way, nothing happened.", "By noon, both crossings were full."]
)
def test_short_sentence_starting_with_by_is_not_a_byline(line: str) -> None:
    assert parse_byline(line, allow_bare_name=False) is None


@pytest.mark.parametrize(
    ("line", "is_role"),
    [
        ("Tribune Staff Writer", True),
        ("Transport Correspondent", True),
        ("Senior Political Reporter", True),
        ("Специальный корреспондент", True),
        ("Harbour ferry returns to service", False),
        ("The correspondent said the ferry was late.", False),
    ],
)
def test_role_line(line: str, is_role: bool) -> None:
    assert is_role_line(line) is is_role


# --- dates ------------------------------------------------------------------------------------


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English, with and without time, 12-hour clock and named zones
        ("March 4, 2025", utc(2025, 3, 4)),
        ("Tuesday, March 4th, 2025", utc(2025, 3, 4)),
        ("4 March 2025", utc(2025, 3, 4)),
        ("Mar. 4, 2025, 7:45 a.m.", utc(2025, 3, 4, 7, 45)),
        ("Mar. 4, 2025, 7:45 p.m.", utc(2025, 3, 4, 19, 45)),
        ("Mar. 4, 2025 at 12:30 a.m. EST", utc(2025, 3, 4, 5, 30)),
        ("Mar. 4, 2025 at 12:10 p.m.", utc(2025, 3, 4, 12, 10)),
        ("Nov. 26, 2025 at 5:48 p.m. PST", utc(2025, 11, 27, 1, 48)),
        ("Tuesday 4 March 2025, 9:15pm GMT", utc(2025, 3, 4, 21, 15)),
        ("Sunday 18 May 2025 20:31 BST", utc(2025, 5, 18, 19, 31)),
        ("Updated 9:05 AM EDT, Thu June 5, 2025", utc(2025, 6, 5, 13, 5)),
        # Other languages
        ("04.03.2025, 14:30 Uhr", utc(2025, 3, 4, 14, 30)),
        ("Dienstag, 4. März 2025, 14:30 Uhr CET", utc(2025, 3, 4, 13, 30)),
        ("12 juin 2025 à 08h15", utc(2025, 6, 12, 8, 15)),
        ("Le 3 février 2025 à 17h05, modifié à 18h00", utc(2025, 2, 3, 17, 5)),
        ("Montealto, 3 de abril de 2025 - 10:05", utc(2025, 4, 3, 10, 5)),
        ("14 maggio 2025 ore 9:30", utc(2025, 5, 14, 9, 30)),
        ("3 czerwca 2025, 12:10", utc(2025, 6, 3, 12, 10)),
        ("2 de junho de 2025, 17:45", utc(2025, 6, 2, 17, 45)),
        ("5 марта 2025, 09:40", utc(2025, 3, 5, 9, 40)),
        ("5 марта 2025, 09:40 MSK", utc(2025, 3, 5, 6, 40)),
        ("3 лютого 2025 о 14:20", utc(2025, 2, 3, 14, 20)),
        # Numeric
        ("2025-03-04", utc(2025, 3, 4)),
        ("12/06/2025", utc(2025, 6, 12)),
        ("14.08.2025", utc(2025, 8, 14)),
        # A theme's published and updated dates, glued together in the page text: the
        # first is the date, and no time is read from the second's digits.
        pytest.param("17/11/201917/11/2019 ~ Cem Basman", utc(2019, 11, 17), id="glued-dates"),
        pytest.param("19.11.202119.11.2021", utc(2021, 11, 19), id="glued-dates-dotted"),
        pytest.param("19.11.2021 20.11.2021", utc(2021, 11, 19), id="date-then-date"),
        pytest.param(
            "2025-03-04T10:05:00Z",
            utc(2025, 3, 4, 10, 5),
            id="iso-timestamp",
        ),
        pytest.param(
            "Published 7:12 a.m. MT Oct. 2, 2025 | Updated 11:40 a.m. MT Oct. 2, 2025",
            utc(2025, 10, 2, 14, 12),
            id="published-and-updated",
        ),
    ],
)
def test_find_date(text: str, expected: datetime) -> None:
    found = find_date(text)
    assert found is not None
    assert found.utcoffset() is not None and found.utcoffset().total_seconds() == 0
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "31 февраля 2025",
        "30 February 2025",
        "no date in this line",
        "Call 555-0142 today",
        "2025",
        "13/13/2025",
        "Ref. 12.3.20241",  # a year never runs on into more digits
    ],
)
def test_no_date(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("4 March 2025, 18:20 GMT", True),
        ("Villamar, 4 de marzo de 2025 - 19:21 h", True),
        ("22.05.2025, 06:00 Uhr", True),
        ("Opublikowano 3 czerwca 2025, 12:10", True),
        ("The council met on March 4, 2025 to vote on the budget.", False),
        ("Harbour ferry returns to service", False),
        ("17/11/201917/11/2019 ~ Cem Basman", True),
        pytest.param(
            "Jan. 14, 2025, 6:05 p.m.",
            True,
            id="ends-with-pm",
        ),
    ],
)
def test_is_dateline(text: str, dateline: bool) -> None:
    assert is_dateline(text, len(text.split())) is dateline


@pytest.mark.parametrize(
    ("text", "update"),
    [
        ("Last updated: 14.03.2025", True),
        ("Aktualisiert am 17.01.2025, 10:12 Uhr", True),
        ("Mis à jour le 3 février 2025", True),
        ("Actualizado el 3 de abril de 2025", True),
        ("Обновлено 5 марта 2025", True),
        ("Оновлено о 15:48", True),
        ("Updated 10:17", True),
        ("Updated at the 10th meeting of the board", False),
        ("Updated figures show a four per cent rise in fares", False),
        ("Last updated by the harbour master", False),
    ],
)
def test_update_line(text: str, update: bool) -> None:
    assert is_update_line(text) is update


# --- the labelled pages' headers through the pipeline -----------------------------------------

# What the byline of each labelled page says (its `neutral` lines), read by hand.
AUTHORS = [
    ("dev_01", ["Dana Whitcombe"]),
    ("dev_02", ["Theo Marchetti"]),
    ("dev_03", ["ELLEN MARSH"]),
    ("dev_04", ["Priya Sandoval"]),
    ("dev_05", ["Elena Voss"]),
    ("dev_07", ["Rafael Quintero"]),
    ("dev_10", ["Luis Armendáriz"]),
    ("dev_12", ["Ingrid Halvorsen"]),
    ("dev_13", ["Анна Лужникова"]),
    ("dev_14", ["Михаил Ветров"]),
    ("dev_15", ["Денис Гаврилов"]),
    ("dev_16", ["Ярослава Кравець"]),
    ("dev_17", ["Марта Дзюба"]),
    ("dev_18", ["Поліна Сидоренко"]),
    ("dev_20", ["Jonas Petersen"]),
    ("dev_21", ["Hélène Marchetti"]),
    ("dev_22", ["Antoine Leroux-Baptiste"]),
    ("dev_23", ["Lucía Ferrándiz"]),
    ("dev_24", ["Sergio Almazán"]),
    pytest.param(
        "dev_09",
        ["Clara Osei-Bonsu"],
        id="dev_09-words-by",
    ),
    pytest.param(
        "dev_11",
        ["Marisa Lindgren", "Paul Beaumont"],
        id="dev_11-two-authors",
    ),
    pytest.param(
        "dev_19",
        ["Katrin Albers"],
        id="dev_19-wrapped-byline",
    ),
]


@pytest.mark.parametrize(("prefix", "authors"), AUTHORS)
def test_labelled_page_authors(prefix: str, authors: list[str]) -> None:
    result = clean_plain(labelled(prefix).text)
    assert result.metadata.authors == authors


# What the dateline of each labelled page says: a date, or a date and a UTC time.
DATES = [
    ("dev_02", "2025-05-06"),
    ("dev_04", "2025-08-29"),
    ("dev_05", "2025-11-12"),
    ("dev_08", "2025-05-18T19:31"),
    ("dev_09", "2025-04-12"),
    ("dev_10", "2025-06-03"),
    ("dev_11", "2025-11-26T22:48"),
    ("dev_12", "2025-07-09"),
    ("dev_13", "2025-08-26T10:15"),
    ("dev_15", "2025-03-21T22:47"),
    ("dev_16", "2025-10-15T09:30"),
    ("dev_17", "2025-11-03"),
    ("dev_18", "2025-07-07T16:05"),
    ("dev_20", "2025-05-22T06:00"),
    ("dev_22", "2025-01-27T08:00"),
    ("dev_23", "2025-03-04T19:21"),
    pytest.param(
        "dev_01",
        "2025-01-14T18:05",
        id="dev_01-pm",
    ),
    pytest.param(
        "dev_07",
        "2025-10-02T14:12",
        id="dev_07-published-vs-updated",
    ),
    pytest.param(
        "dev_14",
        "2025-08-14",
        id="dev_14-numeric",
    ),
    pytest.param(
        "dev_21",
        "2025-01-18T17:32",
        id="dev_21-publie-le",
    ),
    pytest.param(
        "dev_24",
        "2025-06-12",
        id="dev_24-numeric",
    ),
]


@pytest.mark.parametrize(("prefix", "expected"), DATES)
def test_labelled_page_published_at(prefix: str, expected: str) -> None:
    published = clean_plain(labelled(prefix).text).metadata.published_at
    assert published is not None
    assert published.utcoffset() is not None and published.utcoffset().total_seconds() == 0
    shown = published.strftime("%Y-%m-%dT%H:%M" if "T" in expected else "%Y-%m-%d")
    assert shown == expected


def test_a_masthead_in_capitals_is_not_a_bare_name() -> None:
    assert parse_byline("LINDHAGENER KREISBOTE", allow_bare_name=True) is None
