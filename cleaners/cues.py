"""Every cue of every kind in a document, found in one pass.

The lexicons hold several hundred regular expressions. Trying each kind's expressions on each
block costs milliseconds per document in Python's regex engine, which scans position by
position. Instead, Hyperscan (Intel's multi-pattern matcher, in C) scans the whole document
once for *relaxed* versions of all expressions: word boundaries and lookarounds dropped,
long bounded repeats opened up, so every real match is also a relaxed match. Only the
(kind, tier, block) triples it reports are then confirmed with the exact Python expression.
The result is identical to trying every expression everywhere, at a fraction of the cost.

Without Hyperscan (it ships wheels for x86-64 Linux, macOS and Windows) every block is a
candidate and the exact expressions decide alone: same output, slower.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from cleaners.features import BlockFeatures
from cleaners.lexicons import KINDS, Lexicon, lexicon

try:  # pragma: no cover - exercised by whichever build is installed
    import hyperscan
except ImportError:  # pragma: no cover
    hyperscan = None

TEXT_TIERS = ("phrases", "weak")
LABEL_TIERS = ("labels", "context")
# (tiers, anchored) of the two scanners: text tiers are searched, label tiers fully matched.
_SCANNER_SHAPES = ((TEXT_TIERS, False), (LABEL_TIERS, True))
_LOOKAROUND_OPENERS = ("(?!", "(?=", "(?<!", "(?<=")
_BOUNDED_REPEAT_RE = re.compile(r"\{(\d+),(\d+)\}")
# A character class that contains a Unicode shorthand, e.g. [\w' ] or [^\W\d_].
_CLASS_WITH_SHORTHAND_RE = re.compile(r"\[\^?(?:[^\]\\]|\\.)*?\\[wWsS](?:[^\]\\]|\\.)*\]")
_SHORTHAND_RE = re.compile(r"(?<!\\)\\[wWsS]")
# Bounded repeats wider than this are opened up: Hyperscan refuses them in Unicode mode.
MAX_KEPT_REPEAT = 8


def relax(pattern: str) -> str:
    r"""A pattern that matches everything `pattern` matches (and possibly more), in syntax
    that Hyperscan compiles quickly: no word boundaries or lookarounds, and Unicode classes
    (`\w`, `\s`, `[\w' ]`) widened to "any character but newline". Texts are scanned in
    lower case, so no case folding is needed either."""
    pattern = pattern.replace(r"\b", "")
    pattern = _drop_lookarounds(pattern)
    pattern = _CLASS_WITH_SHORTHAND_RE.sub(".", pattern)
    pattern = _SHORTHAND_RE.sub(".", pattern)
    return _BOUNDED_REPEAT_RE.sub(
        lambda m: f"{{{m.group(1)},}}" if int(m.group(2)) > MAX_KEPT_REPEAT else m.group(0),
        pattern,
    )


def _drop_lookarounds(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith(_LOOKAROUND_OPENERS, i):
            i = _group_end(pattern, i) + 1
            continue
        out.append(pattern[i])
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i + 1])
            i += 1
        i += 1
    return "".join(out)


def _group_end(pattern: str, start: int) -> int:
    depth = 0
    i = start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class may hold brackets of its own: "[\w»)]"
            i = _class_end(pattern, i) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(pattern) - 1


def _class_end(pattern: str, start: int) -> int:
    """The index of the `]` closing the character class opened at `start`."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1  # a leading "]" is a literal
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "]":
            return i
        i += 1
    return len(pattern) - 1


def _patterns(kind: str, tier: str) -> list[str]:
    from importlib import import_module

    module = import_module(f"cleaners.lexicons.{kind}")
    groups = getattr(module, tier.upper(), None) or {}
    return [p for plist in groups.values() for p in plist]


def _tier_patterns(tiers: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(kind, tier, pattern) for every expression of these tiers, in scanner id order."""
    for kind in KINDS:
        for tier in tiers:
            for pattern in _patterns(kind, tier):
                yield kind, tier, pattern


_FLAGS = (
    (hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_MULTILINE | hyperscan.HS_FLAG_ALLOWEMPTY)
    if hyperscan is not None
    else 0
)


class _Scanner:
    """One Hyperscan database over the relaxed patterns of some tiers of every kind."""

    def __init__(
        self, tiers: tuple[str, ...], *, anchored: bool, compiled: bytes | None = None
    ) -> None:
        patterns = list(_tier_patterns(tiers))
        self.ids: list[tuple[str, str]] = [(kind, tier) for kind, tier, _ in patterns]
        if compiled is not None:
            self.database = hyperscan.loadb(compiled, hyperscan.HS_MODE_BLOCK)
        else:
            expressions = []
            for _, _, pattern in patterns:
                relaxed = relax(pattern)
                expressions.append((f"^(?:{relaxed})$" if anchored else relaxed).encode())
            self.database = hyperscan.Database()
            self.database.compile(
                expressions=expressions,
                ids=list(range(len(expressions))),
                flags=[_FLAGS] * len(expressions),
            )
        # A scratch space serves one scan at a time: each thread gets its own.
        self._local = threading.local()

    def _scratch(self) -> object:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = hyperscan.Scratch(self.database)
            self._local.scratch = scratch
        return scratch

    def scan(self, lines: list[str]) -> dict[tuple[str, str], set[int]]:
        """(kind, tier) -> indexes of the lines where a relaxed pattern matched."""
        data = "\n".join(lines).encode("utf-8")
        starts: list[int] = []
        offset = 0
        for line in lines:
            starts.append(offset)
            offset += len(line.encode("utf-8")) + 1
        found: dict[tuple[str, str], set[int]] = defaultdict(set)

        def on_match(pattern_id: int, _start: int, end: int, _flags: int, _context: object) -> None:
            line = bisect.bisect_right(starts, max(end - 1, 0)) - 1
            found[self.ids[pattern_id]].add(line)

        if data:
            self.database.scan(data, match_event_handler=on_match, scratch=self._scratch())
        return found


_SCANNERS_LOCK = threading.Lock()
_SCANNERS: list[tuple[_Scanner, _Scanner]] = []  # the process's scanners, once built


def _scanners() -> tuple[_Scanner, _Scanner] | None:
    if hyperscan is None:
        return None
    if not _SCANNERS:
        with _SCANNERS_LOCK:  # compile once even when threads start together
            if not _SCANNERS:
                text, label = (_Scanner(t, anchored=a) for t, a in _SCANNER_SHAPES)
                _SCANNERS.append((text, label))
    return _SCANNERS[0]


# --- compiled scanners as bytes -----------------------------------------------------------
#
# Compiling the two databases takes about 1.5 s, paid by every process that cleans (each
# worker of a run, each `newsclean clean`). Hyperscan can serialise a compiled database, so
# the caller that may do I/O (flows) can keep the bytes in a cache file and hand them to the
# next process. The key names what the bytes were compiled from: the relaxed expressions,
# their flags and the Hyperscan version; bytes made for any other key are refused.


@cache
def scanner_key() -> str | None:
    """What the compiled scanners depend on, as a hex digest (None without Hyperscan).
    Computed once per process: the lexicons do not change while it runs."""
    if hyperscan is None:
        return None
    digest = hashlib.sha256(f"{hyperscan.__version__}|{_FLAGS}".encode())
    for tiers, anchored in _SCANNER_SHAPES:
        digest.update(b"\x00anchored" if anchored else b"\x00search")
        for _, _, pattern in _tier_patterns(tiers):
            digest.update(b"\x00" + pattern.encode())
    return digest.hexdigest()


def scanners_built() -> bool:
    """True once this process has its scanners (compiled or installed)."""
    return bool(_SCANNERS)


def export_scanners() -> bytes | None:
    """The compiled scanners of this process as bytes (compiling them if needed)."""
    scanners = _scanners()
    if scanners is None:
        return None
    first, second = (hyperscan.dumpb(scanner.database) for scanner in scanners)
    checksum = hashlib.sha256(first + second).hexdigest()
    return f"{scanner_key()}\n{checksum}\n{len(first)}\n".encode() + first + second


def install_scanners(data: bytes) -> bool:
    """Use scanners exported by `export_scanners` for the same key; False if refused.

    Refused (and nothing changes) when Hyperscan is missing, the scanners are already
    built, the key differs, the bytes are damaged (a checksum covers them), or Hyperscan
    cannot load them (another CPU or version).
    """
    if hyperscan is None or _SCANNERS:
        return False
    try:
        key, checksum, first_length, payload = data.split(b"\n", 3)
        if key.decode() != scanner_key():
            return False
        if hashlib.sha256(payload).hexdigest() != checksum.decode():
            return False
        cut = int(first_length)
        compiled = (payload[:cut], payload[cut:])
        built = tuple(
            _Scanner(tiers, anchored=anchored, compiled=blob)
            for (tiers, anchored), blob in zip(_SCANNER_SHAPES, compiled, strict=True)
        )
    except (ValueError, UnicodeDecodeError, hyperscan.error):
        return False
    with _SCANNERS_LOCK:
        if _SCANNERS:
            return False
        _SCANNERS.append(built)  # type: ignore[arg-type]
    return True


class Cues:
    """Cue lookups for one document: which blocks carry which kind's labels and phrases.

    Every method gives exactly what the lexicon's exact expressions say; the prefilter only
    decides which blocks are worth asking.
    """

    def __init__(self, feats: list[BlockFeatures]) -> None:
        self.feats = feats
        self._phrase_cache: dict[tuple[str, int], list[str]] = {}
        self._by_kind: dict[str, set[int]] = {}
        scanners = _scanners()
        if scanners is None:
            self._candidates: dict[tuple[str, str], set[int]] | None = None
            return
        text_scanner, label_scanner = scanners
        candidates = text_scanner.scan([f.lower for f in feats])
        lines, owners = self._label_lines(feats)
        for key, line_indexes in label_scanner.scan(lines).items():
            candidates.setdefault(key, set()).update(owners[i] for i in line_indexes)
        self._candidates = candidates

    @staticmethod
    def _label_lines(feats: list[BlockFeatures]) -> tuple[list[str], list[int]]:
        """Label forms of short blocks, and of each segment of a button row."""
        lines: list[str] = []
        owners: list[int] = []
        for position, feat in enumerate(feats):
            if not feat.label:
                continue
            lines.append(feat.label)
            owners.append(position)
            if feat.hyphen_label:
                lines.append(feat.hyphen_label)
                owners.append(position)
            if feat.has_separator:
                for label in feat.segment_labels:
                    lines.append(label)
                    owners.append(position)
        return lines, owners

    def candidates(self, kind: str) -> set[int] | None:
        """Blocks that may carry any cue of `kind` (None: no prefilter, all may). The set is
        shared by the kind's steps: read it, do not change it."""
        if self._candidates is None:
            return None
        found = self._by_kind.get(kind)
        if found is None:  # asked by the kind's steps in every pass: unite the tiers once
            found = self._by_kind[kind] = set().union(
                *(self._candidates.get((kind, tier), ()) for tier in (*TEXT_TIERS, *LABEL_TIERS))
            )
        return found

    def _maybe(self, kind: str, tier: str, position: int) -> bool:
        return self._candidates is None or position in self._candidates.get((kind, tier), ())

    def label(self, kind: str, position: int, *, segments: bool = True) -> bool:
        """The block is a label of `kind`, or a button row whose every part is."""
        feat = self.feats[position]
        if not feat.label or not self._maybe(kind, "labels", position):
            return False
        lex = lexicon(kind)
        return (
            lex.label(feat.label)
            or bool(feat.hyphen_label and lex.label(feat.hyphen_label))
            or (segments and _all_segments(feat, lex, context=False))
        )

    def context(self, kind: str, position: int) -> bool:
        """The block is a context button of `kind` ("Monthly"), or a row of labels and
        context buttons."""
        feat = self.feats[position]
        if not feat.label:
            return False
        if not (self._maybe(kind, "context", position) or self._maybe(kind, "labels", position)):
            return False
        lex = lexicon(kind)
        return lex.context_label(feat.label) or _all_segments(feat, lex, context=True)

    def phrases(self, kind: str, position: int) -> list[str]:
        """Unquoted phrase hits of `kind` in the block."""
        if not self._maybe(kind, "phrases", position):
            return []
        key = (kind, position)
        if key not in self._phrase_cache:
            lex = lexicon(kind)
            hits = lex.phrases.findall(self.feats[position].free_text) if lex.phrases else []
            self._phrase_cache[key] = hits
        return self._phrase_cache[key]

    def weak(self, kind: str, position: int) -> bool:
        if not self._maybe(kind, "weak", position):
            return False
        return lexicon(kind).weak_hit(self.feats[position].free_text)


def _all_segments(feat: BlockFeatures, lex: Lexicon, *, context: bool) -> bool:
    labels = feat.segment_labels
    if len(labels) < 2:
        return False
    return all(lex.label(label) or (context and lex.context_label(label)) for label in labels)
