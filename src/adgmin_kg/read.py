"""Read one release: its text exactly as stored, its metadata, its title and date line."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from adgmin_kg.errors import ReleaseError
from adgmin_kg.rules import RuleBook, load_rules
from adgmin_kg.thaitext import ascii_digits, find_dates, find_slash_dates

REQUIRED_META = ("id", "url", "publisher", "language", "kind", "scope")
RELEASE_KINDS = ("news", "cabinet-summary")
LANGUAGES = ("th", "en")  # the languages the builder has rules for
SCOPES = ("full", "excerpt")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HEADER_LINES = 12  # the date line sits under the title, within the page header


@dataclass(frozen=True)
class ReleaseMeta:
    id: str
    url: str
    publisher: str
    language: str
    kind: str
    scope: str
    scope_note: str = ""
    source_corpus: str = ""
    source_corpus_commit: str = ""
    source_corpus_path: str = ""


@dataclass(frozen=True)
class Release:
    """A release as read. Spans index ``text`` (code points, end exclusive)."""

    path: Path
    meta: ReleaseMeta
    text: str
    sha256: str
    title: str
    title_span: tuple[int, int]
    issued: dt.date
    issued_span: tuple[int, int]

    @property
    def id(self) -> str:
        return self.meta.id


def meta_path_for(text_path: Path) -> Path:
    return text_path.with_name(text_path.name.removesuffix(".txt") + ".meta.json")


def _read_text(path: Path) -> tuple[str, bytes]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReleaseError(path, "release file not found") from None
    except OSError as err:
        raise ReleaseError(path, f"cannot read release: {err.strerror}") from None
    if not data.strip():
        raise ReleaseError(path, "release is empty")
    if b"\x00" in data[:4096]:
        raise ReleaseError(path, "release is binary (NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ReleaseError(path, f"not UTF-8 text (bad byte 0x{data[err.start]:02x} at byte {err.start})", line) from None
    if text.startswith("\ufeff"):
        raise ReleaseError(path, "release starts with a byte-order mark; store it as UTF-8 without BOM", 1)
    return text, data


def read_meta(path: Path, release_id: str) -> ReleaseMeta:
    """Parse ``<id>.meta.json`` and check the keys the graph needs."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReleaseError(path, "metadata file not found (every <id>.txt needs <id>.meta.json)") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ReleaseError(path, f"cannot read metadata: {err}") from None
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as err:
        raise ReleaseError(path, f"malformed JSON: {err.msg} (column {err.colno})", err.lineno) from None
    if not isinstance(meta, dict):
        raise ReleaseError(path, "metadata must be a JSON object")
    missing = [key for key in REQUIRED_META if not isinstance(meta.get(key), str) or not meta[key].strip()]
    if missing:
        raise ReleaseError(path, f"metadata lacks {', '.join(missing)}")
    if meta["id"] != release_id:
        raise ReleaseError(path, f"metadata id {meta['id']!r} does not match the file name {release_id!r}")
    if not _ID.match(release_id):
        raise ReleaseError(path, f"release id {release_id!r} must be lower-case ASCII letters, digits and '-'")
    if not re.match(r"^https?://\S+$", meta["url"]):
        raise ReleaseError(path, f"metadata url {meta['url']!r} is not an http(s) URL")
    if meta["kind"] not in RELEASE_KINDS:
        raise ReleaseError(path, f"metadata kind {meta['kind']!r} is not one of {', '.join(RELEASE_KINDS)}")
    if meta["language"] not in LANGUAGES:
        raise ReleaseError(path, f"metadata language {meta['language']!r} is not one of {', '.join(LANGUAGES)} (the languages the builder reads)")
    if meta["scope"] not in SCOPES:
        raise ReleaseError(path, f"metadata scope {meta['scope']!r} is not one of {', '.join(SCOPES)}")
    fields = ReleaseMeta.__dataclass_fields__
    return ReleaseMeta(**{key: str(meta[key]) for key in fields if key in meta})


def _title(text: str, rules: RuleBook) -> tuple[str, tuple[int, int]]:
    """The title line without the site prefix.

    The page-title line is cut at a byte limit in some releases (ending in U+FFFD); the
    full title then stands again in the header, and that line is used instead.
    """
    lines = text.split("\n")
    first = lines[0]
    start = len(rules.release_prefix) if first.startswith(rules.release_prefix) else 0
    raw = first[start:]
    stripped = raw.strip()
    start += len(raw) - len(raw.lstrip())
    if "\ufffd" in stripped:
        head = stripped.split("\ufffd", 1)[0].rstrip()
        offset = len(first) + 1
        for line in lines[1:_HEADER_LINES]:
            if head and line.strip().startswith(head):
                lead = len(line) - len(line.lstrip())
                full = line.strip()
                return full, (offset + lead, offset + lead + len(full))
            offset += len(line) + 1
    return stripped, (start, start + len(stripped))


def _issued(path: Path, text: str, rules: RuleBook) -> tuple[dt.date, tuple[int, int]]:
    """The date line under the title: ``วันอังคารที่ 21 มีนาคม 2566`` (or ``21/03/2566``)."""
    offset = 0
    for number, line in enumerate(text.split("\n")[:_HEADER_LINES], start=1):
        if number > 1:
            stripped = line.strip()
            if stripped.startswith("วัน"):
                for found in find_dates(line, rules):
                    if found.last is None:
                        return found.first, (offset + found.start, offset + found.end)
            slash = find_slash_dates(line, rules)
            if slash and ascii_digits(stripped) == ascii_digits(line[slash[0].start : slash[0].end]):
                return slash[0].date, (offset + slash[0].start, offset + slash[0].end)
        offset += len(line) + 1
    raise ReleaseError(path, f"no date line (e.g. 'วันอังคารที่ 21 มีนาคม 2566') in the first {_HEADER_LINES} lines", 1)


def read_release(path: Path | str, rules: RuleBook | None = None) -> Release:
    """Read ``<id>.txt`` and its ``<id>.meta.json``; raise ReleaseError naming what is wrong."""
    path = Path(path)
    rules = rules or load_rules()
    if path.suffix != ".txt":
        raise ReleaseError(path, "a release is a .txt file beside its .meta.json")
    text, data = _read_text(path)
    meta = read_meta(meta_path_for(path), path.name.removesuffix(".txt"))
    title, title_span = _title(text, rules)
    if not title:
        raise ReleaseError(path, "the first line (the title) is empty", 1)
    issued, issued_span = _issued(path, text, rules)
    return Release(
        path=path,
        meta=meta,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        title_span=title_span,
        issued=issued,
        issued_span=issued_span,
    )
