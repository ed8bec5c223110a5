"""URL credentials are withheld from flow parameters and restored in the flow process."""

from __future__ import annotations

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
