"""The schedule config file (TOML): which sources `newsclean serve` polls, how often, and where
the dataset goes. `examples/newsclean.toml` is a documented example; the README explains it.

    output = "data/news"              # dataset root; relative paths are relative to this file
    workers = 2                       # cleaning processes per run
    [fetch]
    delay = 1.0                       # seconds between requests to one host
    [[sources]]
    name = "world-feed"               # the deployment's name: newsclean-ingest/world-feed
    kind = "feed"                     # feed | sitemap | url_list | folder
    url = "https://example.com/world/rss.xml"
    interval = "15m"                  # or: cron = "*/15 * * * *" (timezone = "Europe/Berlin")

Validation is strict, because a typo in a schedule file otherwise shows up weeks later as
data that never arrived: unknown keys, a missing or doubled schedule, a cron expression
Prefect would refuse, a bad interval, a relative URL and a duplicate source name are all
errors, reported together with their place in the file (`sources[2].cron: ...`).
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from cleaners.language import DETECTORS
from flows.credentials import has_literal_password
from flows.defaults import DEFAULT_BATCH_SIZE

SOURCE_KINDS = ("feed", "sitemap", "url_list", "folder")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
MIN_INTERVAL_SECONDS = 1.0


class ConfigError(ValueError):
    """A config file that cannot be used; `problems` lists every reason, one per line."""

    def __init__(self, path: str | os.PathLike[str], problems: list[str]) -> None:
        self.path = os.fspath(path)
        self.problems = problems
        super().__init__(f"{self.path}: " + "; ".join(problems))

    def __str__(self) -> str:
        lines = [f"{self.path}: invalid newsclean config"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


def parse_interval(value: Any) -> timedelta:
    """Seconds (a number) or a duration string: `90s`, `15m`, `1h30m`, `2d`, `1w`."""
    if isinstance(value, bool):
        raise ValueError("an interval is a number of seconds or a string such as '15m'")
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        parts = _INTERVAL_PART.findall(text)
        if not parts or _INTERVAL_PART.sub("", text).strip():
            raise ValueError(
                f"{value!r} is not an interval: use seconds (900) or units s, m, h, d, w ('15m')"
            )
        seconds = sum(float(number) * _UNIT_SECONDS[unit.lower()] for number, unit in parts)
    else:
        raise ValueError("an interval is a number of seconds or a string such as '15m'")
    if seconds < MIN_INTERVAL_SECONDS:
        raise ValueError(f"an interval must be at least {MIN_INTERVAL_SECONDS:g} s, got {value!r}")
    return timedelta(seconds=seconds)


def check_cron(expression: str) -> str:
    """Prefect's own cron check, so what passes here is what the server accepts."""
    from prefect._internal.schemas.validators import validate_cron_string

    return validate_cron_string(expression.strip())


def check_timezone(name: str) -> str:
    from prefect.client.schemas.schedules import is_valid_timezone

    if not is_valid_timezone(name):
        raise ValueError(f"unknown timezone {name!r} (use an IANA name such as 'Europe/Berlin')")
    return name


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FetchSettings(_Strict):
    """`[fetch]`: how sources are downloaded (the same as `newsclean ingest`'s options)."""

    allow_private: bool = False
    respect_robots: bool = True
    delay: float = Field(default=0.5, ge=0, le=3600)
    threads: int = Field(default=8, ge=1, le=64)


class _Source(_Strict):
    """What every `[[sources]]` entry has: a name, one schedule, optional output override."""

    name: str
    cron: str | None = None
    interval: timedelta | None = None
    timezone: str | None = None
    paused: bool = False
    output: str | None = None

    @field_validator("name")
    @classmethod
    def _name_is_a_slug(cls, name: str) -> str:
        if not _NAME.match(name):
            raise ValueError(
                f"{name!r} is not a valid name: use lower-case letters, digits, '-' and '_' "
                "(at most 63, starting with a letter or digit)"
            )
        return name

    @field_validator("cron")
    @classmethod
    def _cron_is_valid(cls, cron: str | None) -> str | None:
        return None if cron is None else check_cron(cron)

    @field_validator("interval", mode="before")
    @classmethod
    def _interval_is_valid(cls, value: Any) -> timedelta | None:
        return None if value is None else parse_interval(value)

    @field_validator("timezone")
    @classmethod
    def _timezone_is_valid(cls, name: str | None) -> str | None:
        return None if name is None else check_timezone(name)

    @model_validator(mode="after")
    def _one_schedule(self) -> _Source:
        if (self.cron is None) == (self.interval is None):
            raise ValueError("give exactly one schedule: `cron` or `interval`")
        return self

    def schedule_text(self) -> str:
        if self.cron is not None:
            zone = f" ({self.timezone})" if self.timezone else ""
            return f"cron {self.cron!r}{zone}"
        assert self.interval is not None
        return f"every {format_interval(self.interval)}"


class _UrlSource(_Source):
    url: str

    @field_validator("url")
    @classmethod
    def _absolute_http_url(cls, url: str) -> str:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{url!r} is not an absolute http(s) URL")
        if has_literal_password(url):
            raise ValueError(
                "a password written in the URL would be stored with the schedule; "
                "name environment variables instead: https://${USER_VAR}:${PASSWORD_VAR}@host/"
            )
        return url.strip()


class FeedSource(_UrlSource):
    """An RSS or Atom feed: its articles are fetched, the feed polled conditionally."""

    kind: Literal["feed"]


class SitemapSource(_UrlSource):
    """A sitemap or sitemap index (XML, gzip or text)."""

    kind: Literal["sitemap"]


class UrlListSource(_Source):
    """A file of URLs, one a line, re-read at every run (new lines are new inputs)."""

    kind: Literal["url_list"]
    path: str


class FolderSource(_Source):
    """A folder walked recursively (text, HTML, WARC, JSON Lines); new files are ingested."""

    kind: Literal["folder"]
    path: str


Source = Annotated[
    FeedSource | SitemapSource | UrlListSource | FolderSource, Field(discriminator="kind")
]


class NewscleanConfig(_Strict):
    """The whole file: where the dataset goes, run options, fetch options, the sources."""

    output: str
    workers: int = Field(default=1, ge=1, le=256)
    batch_size: int = Field(default=DEFAULT_BATCH_SIZE, ge=1, le=100_000)
    language_detector: str = "langdetect"
    html_extraction: Literal["adaptive", "full"] = "adaptive"
    keep_raw: bool = True
    fetch: FetchSettings = FetchSettings()
    sources: list[Source] = Field(min_length=1)

    @field_validator("language_detector")
    @classmethod
    def _known_detector(cls, name: str) -> str:
        if name not in DETECTORS:
            raise ValueError(f"unknown language detector {name!r} (one of {sorted(DETECTORS)})")
        return name

    @model_validator(mode="after")
    def _unique_names(self) -> NewscleanConfig:
        names = [source.name for source in self.sources]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValueError(f"source names must be unique; repeated: {', '.join(repeated)}")
        return self

    def with_paths_resolved(self, base: Path) -> NewscleanConfig:
        """Relative `output` and source paths, made absolute against the config's folder.

        A deployment runs in another process, maybe another working directory: paths
        relative to where the file lives are the only reading that stays true.
        """
        sources = [
            source.model_copy(
                update={
                    key: _resolve(base, getattr(source, key))
                    for key in ("path", "output")
                    if getattr(source, key, None) is not None
                }
            )
            for source in self.sources
        ]
        return self.model_copy(update={"output": _resolve(base, self.output), "sources": sources})


def _resolve(base: Path, location: str) -> str:
    if "://" in location:
        return location
    return str((base / os.path.expanduser(location)).resolve())


def format_interval(interval: timedelta) -> str:
    seconds = interval.total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


# --- loading ---------------------------------------------------------------------------------


def load_config(path: str | os.PathLike[str]) -> NewscleanConfig:
    """Read and validate a config file; raise `ConfigError` listing every problem."""
    config_path = Path(path)
    try:
        data = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(config_path, ["no such file"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(config_path, [f"cannot read: {error}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(config_path, [f"not valid TOML: {error}"]) from None
    try:
        config = NewscleanConfig.model_validate(data)
    except ValidationError as error:
        raise ConfigError(config_path, describe_errors(error, data)) from None
    return config.with_paths_resolved(config_path.resolve().parent)


_KNOWN_KEYS = sorted(
    {
        name
        for model in (NewscleanConfig, FetchSettings, FeedSource, UrlListSource, FolderSource)
        for name in model.model_fields
    }
)


def describe_errors(error: ValidationError, data: Any) -> list[str]:
    """pydantic's errors as `place: message` lines a person can act on."""
    return [_describe(detail, data) for detail in error.errors(include_url=False)]


def _describe(detail: Any, data: Any) -> str:
    loc = _clean_loc(detail["loc"])
    place = _place(loc, data)
    kind = detail["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        guess = difflib.get_close_matches(key, _KNOWN_KEYS, n=1)
        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
        return f"{place}: unknown key{hint}"
    if kind == "missing":
        return f"{place}: required key is missing"
    if kind == "union_tag_not_found":
        return f"{place}: missing `kind` (one of {', '.join(SOURCE_KINDS)})"
    if kind == "union_tag_invalid":
        found = detail.get("ctx", {}).get("tag")
        return f"{place}.kind: unknown kind {found!r} (one of {', '.join(SOURCE_KINDS)})"
    message = str(detail["msg"]).removeprefix("Value error, ")
    return f"{place}: {message}"


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the discriminator value pydantic inserts after a list index (`sources.0.feed`)."""
    cleaned: list[Any] = []
    for part in loc:
        if part in SOURCE_KINDS and cleaned and isinstance(cleaned[-1], int):
            continue
        cleaned.append(part)
    return tuple(cleaned)


def _place(loc: tuple[Any, ...], data: Any) -> str:
    """`sources[2] ('world-feed').cron`: an index, and the source's name when it has one."""
    text = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("name"), str):
                text += f" ({node['name']!r})"
        else:
            text += f".{part}" if text else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text or "(top level)"
