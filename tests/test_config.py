"""The schedule config: the documented example is valid, and every kind of mistake is
reported with its place in the file and a message a person can act on."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from flows.config import ConfigError, format_interval, load_config, parse_interval
from flows.defaults import DEFAULT_BATCH_SIZE

PROJECT = Path(__file__).resolve().parents[1]
EXAMPLE = PROJECT / "examples" / "newsclean.toml"

VALID = """
output = "data"
[[sources]]
name = "world"
kind = "feed"
url = "https://example.com/rss.xml"
interval = "15m"
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "newsclean.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}: invalid newsclean config\n  - ")
    return caught.value.problems


def test_the_documented_example_is_valid() -> None:
    config = load_config(EXAMPLE)
    assert [source.name for source in config.sources] == [
        "world-feed",
        "news-sitemap",
        "partner-urls",
        "drop-folder",
    ]
    assert [source.kind for source in config.sources] == ["feed", "sitemap", "url_list", "folder"]
    feed, sitemap, url_list, folder = config.sources
    assert feed.interval == timedelta(minutes=15) and feed.cron is None
    assert (sitemap.cron, sitemap.timezone) == ("5 * * * *", "Europe/Berlin")
    assert url_list.path == str(PROJECT / "examples" / "partner-urls.txt")
    assert folder.paused and folder.interval == timedelta(hours=1)
    assert config.output == str(PROJECT / "output")
    assert (config.workers, config.fetch.delay, config.fetch.threads) == (2, 1.0, 8)


def test_defaults_and_paths_relative_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "newsclean.toml"
    path.parent.mkdir()
    path.write_text(
        VALID + '[[sources]]\nname = "drop"\nkind = "folder"\npath = "in"\ncron = "0 * * * *"\n'
    )
    config = load_config(path)
    assert config.output == str(tmp_path / "conf" / "data")
    assert config.sources[1].path == str(tmp_path / "conf" / "in")
    assert (config.workers, config.batch_size, config.keep_raw) == (1, DEFAULT_BATCH_SIZE, True)
    assert config.html_extraction == "adaptive"
    assert (config.fetch.allow_private, config.fetch.respect_robots) == (False, True)


def test_unknown_keys_are_named_with_a_suggestion(tmp_path: Path) -> None:
    text = "workerz = 2\n" + VALID.replace('interval = "15m"', 'interval = "15m"\nurll = "x"')
    assert problems(tmp_path, text) == [
        "sources[0] ('world').urll: unknown key (did you mean 'url'?)",
        "workerz: unknown key (did you mean 'workers'?)",
    ]


def test_bad_schedules_are_reported(tmp_path: Path) -> None:
    text = (
        'output = "data"\n'
        '[[sources]]\nname = "a"\nkind = "feed"\nurl = "https://x.example/f"\ncron = "61 * * * *"\n'
        '[[sources]]\nname = "b"\nkind = "feed"\nurl = "https://x.example/f"\ninterval = "soon"\n'
        '[[sources]]\nname = "c"\nkind = "feed"\nurl = "https://x.example/f"\ninterval = 0\n'
        '[[sources]]\nname = "d"\nkind = "feed"\nurl = "https://x.example/f"\n'
        'interval = 60\ncron = "* * * * *"\n'
        '[[sources]]\nname = "e"\nkind = "feed"\nurl = "https://x.example/f"\n'
        'cron = "0 6 * * *"\ntimezone = "Mars/Olympus"\n'
    )
    assert problems(tmp_path, text) == [
        "sources[0] ('a').cron: Invalid cron string: \"61 * * * *\"",
        "sources[1] ('b').interval: 'soon' is not an interval: use seconds (900) or units "
        "s, m, h, d, w ('15m')",
        "sources[2] ('c').interval: an interval must be at least 1 s, got 0",
        "sources[3] ('d'): give exactly one schedule: `cron` or `interval`",
        "sources[4] ('e').timezone: unknown timezone 'Mars/Olympus' (use an IANA name such "
        "as 'Europe/Berlin')",
    ]


def test_missing_and_wrong_fields_are_reported(tmp_path: Path) -> None:
    text = (
        '[[sources]]\nkind = "folder"\ninterval = 60\n'
        '[[sources]]\nname = "Bad Name"\nkind = "rss"\ninterval = 60\n'
        '[[sources]]\nname = "no-kind"\npath = "x"\ninterval = 60\n'
        '[[sources]]\nname = "rel"\nkind = "sitemap"\nurl = "/sitemap.xml"\ninterval = 60\n'
    )
    assert problems(tmp_path, text) == [
        "output: required key is missing",
        "sources[0].name: required key is missing",
        "sources[0].path: required key is missing",
        "sources[1] ('Bad Name').kind: unknown kind 'rss' (one of feed, sitemap, url_list, folder)",
        "sources[2] ('no-kind'): missing `kind` (one of feed, sitemap, url_list, folder)",
        "sources[3] ('rel').url: '/sitemap.xml' is not an absolute http(s) URL",
    ]


def test_duplicate_names_no_sources_and_bad_options(tmp_path: Path) -> None:
    second_world = VALID.split("\n", 2)[2]
    assert problems(tmp_path, VALID + second_world) == [
        "(top level): source names must be unique; repeated: world"
    ]
    assert problems(tmp_path, 'output = "x"\nsources = []\n') == [
        "sources: List should have at least 1 item after validation, not 0"
    ]
    text = 'workers = 0\nlanguage_detector = "magic"\nhtml_extraction = "fastest"\n' + VALID
    assert problems(tmp_path, text) == [
        "workers: Input should be greater than or equal to 1",
        "language_detector: unknown language detector 'magic' (one of ['langdetect', "
        "'lingua', 'py3langid'])",
        "html_extraction: Input should be 'adaptive' or 'full'",
    ]


def test_unreadable_files_are_config_errors(tmp_path: Path) -> None:
    assert problems(tmp_path, "output = \n")[0].startswith("not valid TOML: ")
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [(900, 900), (2.5, 2.5), ("90s", 90), ("15m", 900), ("1h30m", 5400), ("2d", 172800),
     ("1w", 604800), (" 10 S ", 10)],
)  # fmt: skip
def test_intervals(text: object, seconds: float) -> None:
    assert parse_interval(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "15 minutes", "m", "-5", True, None, 0.5])
def test_bad_intervals(text: object) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


def test_format_interval() -> None:
    assert [format_interval(timedelta(seconds=s)) for s in (10, 90, 900, 3600, 86400)] == [
        "10s",
        "90s",
        "15m",
        "1h",
        "1d",
    ]


def test_passwords_in_source_urls_must_be_environment_references(tmp_path: Path) -> None:
    """A schedule's parameters are stored in Prefect: a written-out password would be too."""
    literal = VALID.replace("https://example.com", "https://reader:s3cret@example.com")
    [problem] = problems(tmp_path, literal)
    assert problem.startswith("sources[0] ('world').url: a password written in the URL")
    assert "s3cret" not in problem
    named = VALID.replace(
        "https://example.com", "https://${FEED_USER}:${FEED_PASSWORD}@example.com"
    )
    path = tmp_path / "named.toml"
    path.write_text(named, encoding="utf-8")
    [source] = load_config(path).sources
    assert source.url == "https://${FEED_USER}:${FEED_PASSWORD}@example.com/rss.xml"
