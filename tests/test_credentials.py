"""URL credentials are withheld from flow parameters and restored in the flow process."""

from __future__ import annotations

import pytest

from flows import credentials


def test_withheld_url_has_no_credentials_and_restores_to_the_original() -> None:
    url = "https://reader:s3cret@news.example/feed.xml?page=2"
    withheld = credentials.withhold(url)
    assert "s3cret" not in withheld and "reader" not in withheld
    assert withheld.endswith("@news.example/feed.xml?page=2")
    assert credentials.restore(withheld) == url


def test_urls_differing_only_in_credentials_get_distinct_placeholders() -> None:
    first = credentials.withhold("https://alice:one@wire.example/a")
    second = credentials.withhold("https://bob:two@wire.example/a")
    assert first != second
    assert credentials.restore(first) == "https://alice:one@wire.example/a"
    assert credentials.restore(second) == "https://bob:two@wire.example/a"
    assert credentials.withhold("https://alice:one@wire.example/a") == first


def test_paths_and_plain_urls_pass_through() -> None:
    items = ["seeds/", "/data/a@b.txt", "https://news.example/x", "not a url"]
    assert credentials.withhold_all(items) == items
    assert [credentials.restore(item) for item in items] == items


def test_environment_references_are_filled_in_when_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Scheduled runs name their credentials; the flow body reads them from the environment
    (percent-encoded), and an unset variable stays a reference."""
    monkeypatch.setenv("FEED_USER", "reader")
    monkeypatch.setenv("FEED_PASSWORD", "p@ss:w/rd")
    monkeypatch.delenv("MISSING_PASSWORD", raising=False)
    template = "https://${FEED_USER}:${FEED_PASSWORD}@wire.example/feed?x=${KEEP}"
    assert credentials.restore(template) == (
        "https://reader:p%40ss%3Aw%2Frd@wire.example/feed?x=${KEEP}"
    )
    unset = "https://${FEED_USER}:${MISSING_PASSWORD}@wire.example/feed"
    assert credentials.restore(unset) == "https://reader:${MISSING_PASSWORD}@wire.example/feed"


def test_literal_passwords_are_told_from_references() -> None:
    assert credentials.has_literal_password("https://reader:s3cret@wire.example/")
    assert not credentials.has_literal_password("https://reader:${FEED_PASSWORD}@wire.example/")
    assert not credentials.has_literal_password("https://reader@wire.example/")
    assert not credentials.has_literal_password("https://wire.example/a@b")
