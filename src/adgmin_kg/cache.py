"""Build cache: a release whose text, metadata, curation, rules, gazetteers, scope model, shapes
and code did not change is neither re-extracted nor re-validated.

An entry is keyed by a SHA-256 over all of those inputs, so any change to any of them misses
the cache; entries hold the release's named graph as sorted canonical N-Triples and what the
build said of it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from adgmin_kg.atomic import write_atomic
from adgmin_kg.paths import data_dir, ontology_dir


@dataclass(frozen=True)
class CacheEntry:
    """What the build said of a release; its graph is in ``BuildCache.graph_path(key)``."""

    notices: tuple[str, ...]
    on_topic: bool


@cache
def inputs_digest() -> str:
    """Everything besides the release itself that shapes its graph."""
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py"))
    for folder in (data_dir() / "gazetteers", data_dir() / "rules", data_dir() / "reference", data_dir() / "scope", ontology_dir()):
        files += sorted(p for p in folder.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def release_key(text_path: Path, meta_path: Path, curation: Path) -> str:
    digest = hashlib.sha256(inputs_digest().encode())
    for path in (text_path, meta_path, curation):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()


class BuildCache:
    """Entries under ``folder`` (``build/.cache`` by default), one pair of files per key.

    Only releases whose graph conformed to the shapes are stored, so an entry found is valid.
    The graph file is the release's staged form (sorted canonical N-Triples): exports are
    merged straight from these files.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def graph_path(self, key: str) -> Path:
        return self.folder / f"{key}.nt"

    def _meta_path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def load(self, key: str) -> CacheEntry | None:
        try:
            info = json.loads(self._meta_path(key).read_text(encoding="utf-8"))
            entry = CacheEntry(tuple(info["notices"]), bool(info["on_topic"]))
        except (OSError, ValueError, KeyError):
            return None
        return entry if self.graph_path(key).exists() else None

    def store(self, key: str, ntriples: str, entry: CacheEntry) -> None:
        """The graph first, then the metadata that makes the entry visible."""
        write_atomic(self.graph_path(key), ntriples)
        info = {"notices": list(entry.notices), "on_topic": entry.on_topic}
        write_atomic(self._meta_path(key), json.dumps(info, ensure_ascii=False, sort_keys=True))

    def prune(self, used: set[Path]) -> None:
        """Remove the entries of releases this build no longer has (their graph files are not in
        ``used``): the cache stays the size of the corpus."""
        keep = used | {p.with_suffix(".json") for p in used}
        for path in self.folder.iterdir():
            if path.suffix in (".nt", ".json") and path not in keep:
                path.unlink(missing_ok=True)
