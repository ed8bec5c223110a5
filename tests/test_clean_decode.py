"""Bytes to text: byte-order marks, UTF-16, legacy code pages, and the inputs that are not
text at all. `decode` must never raise; what it cannot decode it rejects with a reason."""

from __future__ import annotations

import codecs
import random

import pytest

from cleaners import RawDocument, Reject, RejectReason, clean
from cleaners.decode import Decoded, decode
from tests.cleaning_helpers import ARTICLES

# Legacy single-byte code pages have no « » — or the Ukrainian apostrophe in every case.
_ASCII_PUNCT = str.maketrans({"«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "—": "-", "–": "-"})


def body(lang: str) -> str:
    return "\n\n".join(ARTICLES[lang].paragraphs).translate(_ASCII_PUNCT)


JAPANESE = (
    "東京都は月曜日、新しい区立図書館を開館したと発表した。図書館には約二十万冊の本があり、"
    "子ども向けの読書室や学習スペースも設けられている。開館初日には多くの市民が訪れ、"
    "地元の小学生による朗読会も開かれた。区の担当者は、地域の学びの拠点にしたいと話している。"
)


def decoded(content: bytes, declared: str | None = None) -> Decoded:
    result = decode(content, declared)
    assert isinstance(result, Decoded), f"rejected: {result}"
    return result


def rejected(content: bytes) -> Reject:
    result = decode(content)
    assert isinstance(result, Reject), f"decoded as {result.encoding}: {result.text[:80]!r}"
    return result


# --- byte-order marks and UTF-16 ------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"],
)
@pytest.mark.parametrize("lang", ["ru", "de", "pl"])
def test_bom_decides_the_encoding_and_is_not_in_the_text(bom: bytes, codec: str, lang: str) -> None:
    text = body(lang)
    result = decoded(bom + text.encode(codec))
    assert result.text == text
    assert codecs.lookup(result.encoding).name == codecs.lookup(codec).name
    assert "\ufeff" not in result.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("lang", ["en", "de", "fr", "es"])
def test_utf16_without_bom_in_latin_scripts(codec: str, lang: str) -> None:
    text = body(lang)
    result = decoded(text.encode(codec))
    assert result.text == text
    assert result.encoding == codec


def test_utf16_without_bom_in_cyrillic() -> None:
    text = body("ru")
    result = decode(text.encode("utf-16-le"))
    assert isinstance(result, Decoded)
    assert "поликлиника" in result.text


# --- UTF-8 and legacy code pages --------------------------------------------------------------


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_utf8_is_decoded_as_utf8(lang: str) -> None:
    text = "\n\n".join(ARTICLES[lang].paragraphs)
    result = decoded(text.encode("utf-8"))
    assert result.text == text
    assert result.encoding == "utf-8"


def test_valid_utf8_wins_over_a_wrong_declared_charset() -> None:
    text = body("ru")
    result = decoded(text.encode("utf-8"), declared="windows-1252")
    assert result.text == text


@pytest.mark.parametrize(
    ("lang", "codec", "words"),
    [
        ("ru", "cp1251", ["микрорайоне", "поликлиника", "Строительство", "рублей"]),
        ("ru", "koi8-r", ["микрорайоне", "поликлиника", "Строительство", "рублей"]),
        ("uk", "cp1251", ["Березівка", "міст", "гривень", "мешканцям"]),
        ("de", "latin-1", ["Verbraucherzentrale", "begrüßte", "überfällig", "Geschäftsführerin"]),
        ("fr", "cp1252", ["rénovation", "inchangés", "élargis", "équipement"]),
        ("es", "latin-1", ["tranvía", "funcionará", "ampliación", "circularán"]),
        ("pt", "cp1252", ["Câmara", "saúde", "inaugurou", "médicos"]),
        ("pl", "cp1250", ["poniedziałek", "przedszkole", "złotych", "mieszkańców"]),
    ],
)
def test_legacy_code_pages_are_detected(lang: str, codec: str, words: list[str]) -> None:
    text = body(lang)
    result = decoded(text.encode(codec))
    for word in words:
        assert word in result.text, f"{word!r} not in text decoded as {result.encoding}"
    assert "\ufffd" not in result.text


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "latin-1"])
def test_declared_charset_is_used_when_the_bytes_are_not_utf8(codec: str) -> None:
    lang = "de" if codec == "latin-1" else "ru"
    text = body(lang)
    result = decoded(text.encode(codec), declared=codec.upper())
    assert result.text == text


def test_cp1252_punctuation() -> None:
    text = "“Curly quotes”, an ellipsis… and an em dash — for 5 € a month. " * 10
    result = decoded(text.encode("cp1252"))
    assert "“Curly quotes”" in result.text and "€" in result.text and "—" in result.text


def test_shift_jis_japanese() -> None:
    result = decoded(JAPANESE.encode("shift_jis"))
    assert "図書館" in result.text
    assert "東京都" in result.text
    assert result.text == JAPANESE


def test_utf8_with_one_stray_byte_is_not_turned_into_mojibake() -> None:
    text = "\n\n".join(ARTICLES["fr"].paragraphs)
    raw = text.encode("utf-8")
    result = decode(raw[:300] + b"\xff" + raw[300:])
    assert isinstance(result, Decoded)
    assert "a été ajouté" in result.text


def test_polish_iso_8859_2() -> None:
    result = decoded(body("pl").encode("iso-8859-2"))
    assert "poniedziałek" in result.text


# --- what is not text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", RejectReason.EMPTY),
        (b"  \n\t\r\n  ", RejectReason.EMPTY),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, RejectReason.BINARY),
        (b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8, RejectReason.BINARY),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", RejectReason.BINARY),
        (b"PK\x03\x04" + bytes(300), RejectReason.BINARY),
        (b"\x1f\x8b\x08\x00" + bytes(range(200)), RejectReason.BINARY),
        (b"plain words\x00\x00\x00between nuls\x00" * 200, RejectReason.BINARY),
        (b"\x01\x02\x03\x04 words \x05\x06\x07\x08" * 100, RejectReason.BINARY),
    ],
    ids=["empty", "whitespace", "png", "jpeg", "pdf", "zip", "gzip", "many-nuls", "controls"],
)
def test_non_text_is_rejected_with_its_reason(content: bytes, reason: RejectReason) -> None:
    assert rejected(content).reason == reason


def test_random_bytes_are_undecodable() -> None:
    noise = random.Random(7).randbytes(20_000)
    assert rejected(noise).reason in (RejectReason.UNDECODABLE, RejectReason.BINARY)


def test_a_few_stray_nuls_in_a_real_page_are_tolerated() -> None:
    text = body("en")
    raw = text.encode("utf-8")
    result = decoded(raw[:200] + b"\x00" + raw[200:])
    assert "\x00" not in result.text
    assert "Gullhaven harbour ferry" in result.text


@pytest.mark.parametrize("seed", range(40))
def test_decode_never_raises(seed: int) -> None:
    rng = random.Random(seed)
    text = body(rng.choice(sorted(ARTICLES)))
    raw = text.encode(rng.choice(["utf-8", "utf-16-le", "utf-16-be"]))
    start = rng.randrange(len(raw))
    content = bytearray(raw[start : start + rng.randrange(1, 3000)])
    for _ in range(rng.randrange(0, 20)):
        content[rng.randrange(len(content))] = rng.randrange(256)
    declared = rng.choice([None, "utf-8", "windows-1251", "latin-1", "no-such-charset", "'utf-8'"])
    result = decode(bytes(content), declared)
    assert isinstance(result, Decoded | Reject)
    if isinstance(result, Decoded):
        assert isinstance(result.text, str) and result.encoding


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00" * 1000, b"\x89PNG\r\n\x1a\n\x00\x00", random.Random(3).randbytes(5000)],
    ids=["empty", "nuls", "png", "noise"],
)
def test_clean_rejects_non_text_without_raising(content: bytes) -> None:
    result = clean(RawDocument(content, source="input.bin"))
    assert not result.ok
    assert result.reject is not None and result.reject.reason in (
        RejectReason.EMPTY,
        RejectReason.BINARY,
        RejectReason.UNDECODABLE,
    )
    assert result.paragraphs == [] and result.text == ""


def test_clean_reports_the_encoding_it_used() -> None:
    article = ARTICLES["ru"]
    text = "\n\n".join([article.title, *article.paragraphs]).translate(_ASCII_PUNCT)
    result = clean(RawDocument(text.encode("cp1251"), source="page.txt"))
    assert result.ok
    assert result.encoding == "cp1251"
    assert result.language == "ru"
    assert result.metadata.title == article.title


def test_clean_limits() -> None:
    from cleaners import CleanConfig

    text = "\n".join(ARTICLES["en"].paragraphs)
    too_big = clean(RawDocument(text.encode(), source="x.txt"), CleanConfig(max_bytes=100))
    assert too_big.reject is not None and too_big.reject.reason == RejectReason.TOO_LARGE
    many = clean(RawDocument(("line\n" * 50).encode(), source="x.txt"), CleanConfig(max_lines=10))
    assert many.reject is not None and many.reject.reason == RejectReason.TOO_MANY_LINES
    long_line = clean(RawDocument(b"word " * 500, source="x.txt"), CleanConfig(max_line_chars=1000))
    assert long_line.reject is not None and long_line.reject.reason == RejectReason.LINE_TOO_LONG
