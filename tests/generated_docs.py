"""Many small, distinct news stories for crash and concurrency tests.

Each story is built from templates around its own number, so every cleaned text is
different (no two inputs collapse into one article or an alias) and each is long enough,
with enough prose, to be an article rather than a reject.
"""

from __future__ import annotations

from pathlib import Path

TOWNS = ["Harbourside", "Millbrook", "Eastwick", "Longford", "Ashby", "Kelso", "Dunmore"]
TOPICS = ["ferry timetable", "library hours", "bus depot", "school roof", "river path"]


def story(number: int) -> str:
    town = TOWNS[number % len(TOWNS)]
    topic = TOPICS[number % len(TOPICS)]
    paragraphs = [
        f"{town} council approves plan number {number} for the {topic}",
        f"The {town} council voted on Tuesday evening to approve plan number {number}, which "
        f"changes the {topic} after months of complaints from residents about delays.",
        f"Residents had asked for the change since spring, and a petition about the {topic} "
        f"collected {number * 13 + 400} signatures before the meeting began at seven.",
        f"Council members said the work on plan {number} would be paid for from the reserve "
        f"fund, a proposal that passed by {number % 5 + 5} votes to {number % 3} after debate.",
        f"Officials expect the first results of plan {number} within {number % 9 + 2} weeks, "
        f"and promised to publish figures every quarter so residents can judge the {topic}.",
    ]
    return "\n\n".join(paragraphs) + "\n"


def write_stories(folder: Path, numbers: range) -> list[Path]:
    """One `.txt` file per story number; returns their paths in walk (name) order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        path = folder / f"story-{number:04d}.txt"
        path.write_text(story(number), encoding="utf-8")
        paths.append(path)
    return paths
