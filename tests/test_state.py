"""The fetch validator store: persistent across runs and processes, and held back until the
documents it describes are stored."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from flows.state import PendingValidators, SqliteValidatorStore


def test_validators_persist_across_store_instances(tmp_path: Path) -> None:
    path = tmp_path / "_index" / "validators.sqlite"
    store = SqliteValidatorStore(path)
    store.put("https://a.example/feed", '"v1"', None)
    store.put("https://a.example/feed", '"v2"', "Wed, 21 Oct 2026 07:28:00 GMT")
    store.close()

    reopened = SqliteValidatorStore(path)
    assert reopened.get("https://a.example/feed") == ('"v2"', "Wed, 21 Oct 2026 07:28:00 GMT")
    assert reopened.get("https://b.example/feed") is None
    reopened.close()


def test_store_is_safe_to_share_between_fetch_threads(tmp_path: Path) -> None:
    store = SqliteValidatorStore(tmp_path / "validators.sqlite")
    urls = [f"https://a.example/{n}" for n in range(200)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda url: store.put(url, f'"{url}"', None), urls))
        found = list(pool.map(store.get, urls))
    assert found == [(f'"{url}"', None) for url in urls]
    store.close()


def test_pending_validators_reach_the_store_only_on_commit(tmp_path: Path) -> None:
    store = SqliteValidatorStore(tmp_path / "validators.sqlite")
    store.put("https://a.example/old", '"old"', None)
    pending = PendingValidators(store)
    pending.put("https://a.example/feed", '"v1"', None)
    pending.put("https://a.example/broken-feed", '"v1"', None)

    assert pending.get("https://a.example/old") == ('"old"', None)
    assert store.get("https://a.example/feed") is None, "not before the documents are stored"
    pending.discard("https://a.example/broken-feed")
    assert pending.commit() == 1
    assert store.get("https://a.example/feed") == ('"v1"', None)
    assert store.get("https://a.example/broken-feed") is None
    assert pending.commit() == 0
    store.close()


def test_pending_validators_without_a_store_remember_nothing() -> None:
    pending = PendingValidators(None)
    pending.put("https://a.example/feed", '"v1"', None)
    assert pending.get("https://a.example/feed") is None
    assert pending.commit() == 0
