"""How common a word is in a language: Zipf frequencies from the ``wordfreq`` package, offline.

TERM008 asks, for each distinct word of a project, whether it is rare. ``wordfreq`` answers with
``zipf_frequency``, but importing it and loading its French list costs about 0.6 s, more than
docscheck takes to check a small project. So the list is read once through wordfreq's public API
(``available_languages``, ``read_cBpack``) and kept, for the next runs, as a compact table in the
user's cache directory (``$XDG_CACHE_HOME/docscheck``, else ``~/.cache/docscheck``): one sorted
array of 64-bit word hashes and one of frequencies, read in a few milliseconds. The table is
keyed by the language and wordfreq's version; when the cache cannot be written, the list is
simply read each time. Nothing is ever written into the checked project.

The data is wordfreq's (Robyn Speer et al., code Apache-2.0, word lists CC BY-SA 4.0, compiled by
Exquisite Corpus from Wikipedia, subtitles, news, Google Books Ngrams, web text, Twitter and
Reddit); see the README. Nothing is redistributed: the cached table is derived locally.
"""

from __future__ import annotations

import array
import bisect
import mmap
import os
import sys
from pathlib import Path

try:  # hashlib's own blake2b, without hashlib importing OpenSSL's digests (4 ms at every start)
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib has a fallback
    from hashlib import blake2b

#: A word absent from the list has this frequency (wordfreq's own answer for unknown words).
ABSENT = 0.0
FORMAT = b"docscheck-zipf-1\n"


class WordFrequencyError(Exception):
    """The frequency list cannot be had (wordfreq missing): a usage problem for the front-end."""


def word_hash(word: str) -> int:
    return int.from_bytes(blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class ZipfTable:
    """Zipf frequencies by word (lower-cased, as wordfreq stores words), from sorted hashes."""

    def __init__(self, hashes: array.array | memoryview, centibels: array.array | memoryview) -> None:
        self.hashes = hashes
        self.centibels = centibels

    @classmethod
    def from_buckets(cls, buckets: list[list[str]]) -> ZipfTable:
        """wordfreq's cBpack lists: ``buckets[i]`` holds the words of frequency ``-i`` centibels."""
        keyed = sorted(word_hash(word) << 16 | min(index, 65535) for index, words in enumerate(buckets) for word in words)
        return cls(array.array("Q", [k >> 16 for k in keyed]), array.array("H", [k & 65535 for k in keyed]))

    def zipf(self, word: str) -> float:
        """The Zipf frequency of ``word`` (about 7 for « de », 0 when the list does not know it)."""
        key = word_hash(word)
        index = bisect.bisect_left(self.hashes, key)
        if index < len(self.hashes) and self.hashes[index] == key:
            return round(9 - self.centibels[index] / 100, 2)
        return ABSENT

    def to_bytes(self) -> bytes:
        count = len(self.hashes).to_bytes(8, "little")
        return FORMAT + count + self.hashes.tobytes() + self.centibels.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes | mmap.mmap) -> ZipfTable | None:
        """The table stored by :meth:`to_bytes`, read in place (no copy: lookups touch a few pages)."""
        if data[: len(FORMAT)] != FORMAT or sys.byteorder != "little":
            return None
        start = len(FORMAT) + 8
        count = int.from_bytes(data[len(FORMAT) : start], "little")
        if len(data) != start + count * 10:
            return None
        view = memoryview(data)
        return cls(view[start : start + count * 8].cast("Q"), view[start + count * 8 :].cast("H"))  # type: ignore[arg-type]


def read_cached(path: Path) -> ZipfTable | None:
    try:
        with path.open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, or empty (mmap refuses an empty file)
        return None
    return ZipfTable.from_bytes(data)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "docscheck"


def wordfreq_data() -> Path:
    """wordfreq's data directory, found without importing wordfreq (which takes about 0.3 s)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise WordFrequencyError("jargon = true (TERM008) needs the wordfreq package: pip install wordfreq")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def data_stamp(language: str) -> str | None:
    """Size and time of wordfreq's list for ``language`` (the cache key: a new wordfreq makes a new table)."""
    for size in ("large", "small"):
        try:
            stat = (wordfreq_data() / f"{size}_{language}.msgpack.gz").stat()
        except OSError:
            continue
        return f"{size}-{stat.st_size}-{stat.st_mtime_ns}"
    return None


def list_language(language: str | None) -> str:
    """wordfreq's code for a Sphinx ``language`` (``fr_FR`` → ``fr``; none set → ``en``, Sphinx's default)."""
    return (language or "en").replace("-", "_").split("_")[0].lower()


def read_wordfreq(language: str) -> ZipfTable | None:
    """The table built from wordfreq's best list for ``language`` (None: wordfreq has none)."""
    try:
        import wordfreq
    except ImportError:
        raise WordFrequencyError("jargon = true (TERM008) needs the wordfreq package: pip install wordfreq") from None
    path = wordfreq.available_languages("best").get(language)
    if path is None:
        return None
    return ZipfTable.from_buckets(wordfreq.read_cBpack(path))


def load_table(language: str | None, directory: Path | None = None) -> ZipfTable | None:
    """Frequencies of the page language's words, from the cache or else from wordfreq (None:
    wordfreq has no list for that language). Raises :class:`WordFrequencyError` without wordfreq."""
    code = list_language(language)
    if not code.isalpha():
        return None
    stamp = data_stamp(code)
    if stamp is None:
        return read_wordfreq(code)  # wordfreq's layout changed, or no list: ask wordfreq itself
    cache = (directory or cache_dir()) / f"wordfreq-{code}-{stamp}.zipf"
    table = read_cached(cache)
    if table is not None:
        return table
    table = read_wordfreq(code)
    if table is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            partial.write_bytes(table.to_bytes())
            os.replace(partial, cache)
        except OSError:
            pass  # a read-only home: read the list again next time
    return table
