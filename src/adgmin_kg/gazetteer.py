"""Gazetteers: reference names kept as data, and the matcher that finds them in a text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from adgmin_kg.errors import DataError
from adgmin_kg.paths import data_dir, gazetteer_dir
from adgmin_kg.thaitext import Compact, Terms, compact, fold, terms
from adgmin_kg.yamlfile import YAMLError, parse_yaml

# file stem -> the kind of thing its entries name (also the IRI path segment)
KINDS: dict[str, str] = {
    "countries": "country",
    "organisations": "org",
    "meeting-series": "series",
    "places": "place",
    "posts": "post",
    "people": "person",
    "documents": "document",
    "document-kinds": "document-kind",
    "topics": "topic",
    "decision-kinds": "decision-kind",
    "attendance-roles": "role",
    "levels": "level",
}
# kinds whose names are looked for in release text
MATCHED_KINDS = ("country", "org", "series", "place", "post", "person", "document", "topic")


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry; ``extra`` keeps the kind-specific keys (iso2, class, ...)."""

    kind: str
    id: str
    label_en: str | None
    label_th: str | None
    alt_en: tuple[str, ...]
    alt_th: tuple[str, ...]
    definition: str | None
    source: Path
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def forms(self) -> tuple[str, ...]:
        return tuple(f for f in (self.label_th, self.label_en, *self.alt_th, *self.alt_en) if f)

    def get(self, key: str, default: Any = None) -> Any:
        return self.extra.get(key, default)

    @property
    def label(self) -> str:
        return self.label_en or self.label_th or self.id


@dataclass(frozen=True)
class Mention:
    """A gazetteer name found in a text, with its span in the original text."""

    kind: str
    id: str
    start: int
    end: int


@dataclass
class Gazetteer:
    entries: dict[tuple[str, str], Entry]
    files: tuple[Path, ...]
    wikidata: dict[str, str]  # iso2 or English name -> Q-id
    _forms: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)  # by first two characters
    _subsets: dict[tuple[str, ...], Gazetteer] = field(default_factory=dict, repr=False)
    _digital: Terms | None = field(default=None, repr=False)

    def get(self, kind: str, entry_id: str) -> Entry | None:
        return self.entries.get((kind, entry_id))

    def of_kind(self, kind: str) -> list[Entry]:
        return sorted((e for (k, _), e in self.entries.items() if k == kind), key=lambda e: e.id)

    def in_digital_sphere(self, mention: Mention) -> bool:
        """Whether a mention names an ASEAN digital body or its meetings (``sphere: digital``)."""
        entry = self.get(mention.kind, mention.id)
        return bool(entry and entry.get("sphere") == "digital")

    def digital_bodies(self) -> Terms:
        """Every form of every ASEAN digital body and its meetings (``sphere: digital``)."""
        if self._digital is None:
            self._digital = terms(f for e in self.entries.values() if e.get("sphere") == "digital" for f in e.forms())
        return self._digital

    def publisher(self, name: str) -> Entry | None:
        """The organisation a release's metadata names as its publisher (its English name or alias)."""
        return next((e for e in self.of_kind("org") if name == e.label_en or name in e.alt_en), None)

    def wikidata_id(self, entry: Entry) -> str | None:
        iso2 = entry.get("iso2")
        if iso2 and iso2 in self.wikidata:
            return self.wikidata[iso2]
        if entry.label_en and entry.kind == "org":
            return self.wikidata.get(entry.label_en)
        return None

    def index(self) -> None:
        forms: dict[str, list[tuple[str, str]]] = {}
        for (kind, entry_id), entry in self.entries.items():
            if kind not in MATCHED_KINDS:
                continue
            for form in entry.forms():
                key = fold(form)
                if len(key) < 2:
                    continue
                bucket = forms.setdefault(key, [])
                if (kind, entry_id) not in bucket:
                    bucket.append((kind, entry_id))
        self._forms = forms
        lengths: dict[str, set[int]] = {}
        for key in forms:
            lengths.setdefault(key[:2], set()).add(len(key))
        self._lengths = {start: tuple(sorted(found, reverse=True)) for start, found in lengths.items()}

    def without(self, *kinds: str) -> Gazetteer:
        """The same gazetteer with no entries of ``kinds``."""
        sub = Gazetteer({k: e for k, e in self.entries.items() if k[0] not in kinds}, self.files, self.wikidata)
        sub.index()
        return sub

    def only(self, *kinds: str) -> Gazetteer:
        """A gazetteer of some kinds only: finds names nested in longer names of other kinds."""
        key = tuple(sorted(kinds))
        if key not in self._subsets:
            sub = Gazetteer({k: e for k, e in self.entries.items() if k[0] in kinds}, self.files, self.wikidata)
            sub.index()
            self._subsets[key] = sub
        return self._subsets[key]

    def find(self, text: str, kinds: Iterable[str] | None = None, packed: Compact | None = None) -> list[Mention]:
        """All gazetteer names in ``text``, longest match first, left to right, no overlaps.

        Matching ignores white space and Latin case; a Latin name must not run on into
        other Latin letters or digits (``ITU`` does not match inside ``ITUX``).
        """
        wanted = set(kinds) if kinds else None
        packed = packed or compact(text)
        folded = fold(packed.text)
        if len(folded) != len(packed.text):  # lower() changed length: fall back to no folding
            folded = packed.text
        out: list[Mention] = []
        i, n = 0, len(folded)
        while i < n:
            step = 1
            # only the lengths of names that start here (every name has at least two characters)
            for length in self._lengths.get(folded[i : i + 2], ()):
                if i + length > n:
                    continue
                candidates = self._forms.get(folded[i : i + length])
                if not candidates:
                    continue
                start, end = packed.span(i, i + length)
                if not _latin_boundary_ok(text, start, end):
                    continue
                kind, entry_id = candidates[0]
                if wanted is None or kind in wanted:
                    out.append(Mention(kind, entry_id, start, end))
                step = length  # the longest name here wins, even when its kind is not wanted
                break
            i += step
        return out


def _is_latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _latin_boundary_ok(text: str, start: int, end: int) -> bool:
    if _is_latin_or_digit(text[start]) and start > 0 and _is_latin_or_digit(text[start - 1]):
        return False
    if _is_latin_or_digit(text[end - 1]) and end < len(text) and _is_latin_or_digit(text[end]):
        return False
    return True


def _strings(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise DataError(path, f"{where}: expected a string or a list of strings")


def _load_file(path: Path, kind: str) -> list[Entry]:
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8")) or []
    except (OSError, YAMLError) as err:
        raise DataError(path, f"cannot read gazetteer: {err}") from err
    if not isinstance(raw, list):
        raise DataError(path, "a gazetteer file is a YAML list of entries")
    entries = []
    for number, item in enumerate(raw, start=1):
        where = f"entry {number}"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise DataError(path, f"{where}: every entry needs an 'id'")
        where = f"entry {item['id']!r}"
        known = {"id", "label_en", "label_th", "alt_en", "alt_th", "definition"}
        entries.append(
            Entry(
                kind=kind,
                id=item["id"],
                label_en=item.get("label_en"),
                label_th=item.get("label_th"),
                alt_en=_strings(item.get("alt_en"), path, where),
                alt_th=_strings(item.get("alt_th"), path, where),
                definition=item.get("definition"),
                source=path,
                extra={k: v for k, v in item.items() if k not in known},
            )
        )
    return entries


def _load_wikidata(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    if not path.exists():
        return out
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        if not line.strip():
            continue
        name, iso2, qid = line.split("\t")
        out[iso2 if iso2 != "-" else name] = qid
    return out


@cache
def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Every gazetteer file of ``data/gazetteers`` and the checked Wikidata ids."""
    folder = folder or gazetteer_dir()
    entries: dict[tuple[str, str], Entry] = {}
    files = []
    for stem, kind in KINDS.items():
        path = folder / f"{stem}.yaml"
        if not path.exists():
            continue
        files.append(path)
        for entry in _load_file(path, kind):
            if (kind, entry.id) in entries:
                raise DataError(path, f"duplicate id {entry.id!r}")
            entries[(kind, entry.id)] = entry
    gazetteer = Gazetteer(entries, tuple(files), _load_wikidata(data_dir() / "reference" / "wikidata-ids.tsv"))
    gazetteer.index()
    return gazetteer


