"""Build cache: a release whose text, metadata, curation, rules, gazetteers, shapes and code did
not change is neither re-extracted nor re-validated.

An entry is keyed by a SHA-256 over all of those inputs, so any change to any of them misses
the cache; entries hold the release's named graph as N-Triples and what the build said of it.
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
    ntriples: str
    notices: tuple[str, ...]
    on_topic: bool
    validated: bool


@cache
def _inputs_digest() -> str:
    """Everything besides the release itself that shapes its graph."""
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py"))
    for folder in (data_dir() / "gazetteers", data_dir() / "rules", data_dir() / "reference", ontology_dir()):
        files += sorted(p for p in folder.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def release_key(text_path: Path, meta_path: Path, curation: Path) -> str:
    digest = hashlib.sha256(_inputs_digest().encode())
    for path in (text_path, meta_path, curation):
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()


class BuildCache:
    """Entries under ``folder`` (``build/.cache`` by default), one pair of files per key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.nt", self.folder / f"{key}.json"

    def load(self, key: str) -> CacheEntry | None:
        nt, meta = self._paths(key)
        try:
            info = json.loads(meta.read_text(encoding="utf-8"))
            return CacheEntry(nt.read_text(encoding="utf-8"), tuple(info["notices"]), bool(info["on_topic"]), bool(info["validated"]))
        except (OSError, ValueError, KeyError):
            return None

    def store(self, key: str, entry: CacheEntry) -> None:
        nt, meta = self._paths(key)
        write_atomic(nt, entry.ntriples)
        info = {"notices": list(entry.notices), "on_topic": entry.on_topic, "validated": entry.validated}
        write_atomic(meta, json.dumps(info, ensure_ascii=False, sort_keys=True))

    def mark_validated(self, key: str) -> None:
        entry = self.load(key)
        if entry is not None and not entry.validated:
            self.store(key, CacheEntry(entry.ntriples, entry.notices, entry.on_topic, True))
