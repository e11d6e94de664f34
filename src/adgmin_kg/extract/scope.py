"""Which passages are about ASEAN digital cooperation: the only ones facts are read from.

In scope means what a passage is about: cooperation among ASEAN members, or of ASEAN with its
partners, in the digital ministers' sphere (``data/rules/scope.yaml``). The decision is made
per passage, with its section as context (the agenda item's heading, or a news release's
title): see ``judge``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from adgmin_kg.errors import DataError
from adgmin_kg.extract.passages import Layout, Passage, Section
from adgmin_kg.facts import Span
from adgmin_kg.gazetteer import Gazetteer, Mention
from adgmin_kg.paths import data_dir
from adgmin_kg.thaitext import compact
from adgmin_kg.yamlfile import YAMLError, parse_yaml


@dataclass(frozen=True)
class Vocabulary:
    """The closed vocabularies of ``data/rules/scope.yaml``, compiled."""

    asean: re.Pattern[str]
    digital: re.Pattern[str]


@dataclass(frozen=True)
class Verdict:
    """A passage judged: in scope or not, and why (one short phrase)."""

    passage: Passage
    in_scope: bool
    reason: str


def _pattern(forms: list[str]) -> re.Pattern[str]:
    """Thai forms as substrings of the compacted text, Latin forms as whole words (any case)."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        squashed = re.escape("".join(form.split()))
        parts.append(rf"(?<![A-Za-z]){squashed}(?![A-Za-z])" if form.isascii() else squashed)
    return re.compile("|".join(parts), re.IGNORECASE)


def scope_path() -> Path:
    return data_dir() / "rules" / "scope.yaml"


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    path = path or scope_path()
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
        return Vocabulary(asean=_pattern(raw["asean"]), digital=_pattern(raw["digital"]))
    except (OSError, YAMLError) as err:
        raise DataError(path, f"cannot read the scope vocabulary: {err}") from err
    except (KeyError, TypeError) as err:
        raise DataError(path, f"malformed scope vocabulary: {err!r} (needs the lists asean and digital)") from err


def may_concern_asean(text: str, vocabulary: Vocabulary, gazetteer: Gazetteer) -> bool:
    """A quick test before any other work: a release that names neither ASEAN nor an ASEAN
    digital body cannot be about ASEAN digital cooperation."""
    squashed = "".join(text.split())
    if vocabulary.asean.search(squashed):
        return True
    return bool(gazetteer.digital_bodies().search(squashed))


@dataclass(frozen=True)
class _Anchors:
    asean: bool
    digital: bool


def _anchors(text: str, span: Span, mentions: list[Mention], vocabulary: Vocabulary, gazetteer: Gazetteer) -> _Anchors:
    chunk = compact(text[span.start : span.end]).text
    body = any(span.start <= m.start and m.end <= span.end and gazetteer.in_digital_sphere(m) for m in mentions)
    return _Anchors(body or bool(vocabulary.asean.search(chunk)), body or bool(vocabulary.digital.search(chunk)))


def judge(text: str, layout: Layout, heading: dict[int, Span], mentions: list[Mention], vocabulary: Vocabulary, gazetteer: Gazetteer) -> list[Verdict]:
    """Every passage of a release, judged. ``heading`` maps a section to the span that states
    what it is about (its agenda heading, or a news release's title)."""
    section_in: dict[int, bool] = {}
    for section in layout.sections:
        span = heading.get(section.index)
        anchors = _anchors(text, span, mentions, vocabulary, gazetteer) if span else _Anchors(False, False)
        section_in[section.index] = anchors.asean and anchors.digital and not section.front_matter
    out = []
    for passage in layout.passages:
        if passage.kind in ("metadata", "contents"):
            out.append(Verdict(passage, False, passage.kind))
            continue
        anchors = _anchors(text, passage.span, mentions, vocabulary, gazetteer)
        if anchors.asean and anchors.digital:
            out.append(Verdict(passage, True, "names ASEAN and a digital matter"))
        elif section_in.get(passage.section):
            out.append(Verdict(passage, True, "in a section about ASEAN digital cooperation"))
        else:
            out.append(Verdict(passage, False, "not about ASEAN digital cooperation"))
    return out


def section_headings(layout: Layout, title: Span) -> dict[int, Span]:
    """What each section says it is about: its heading, or the release title."""
    return {s.index: (s.heading or title) for s in layout.sections if not s.front_matter}


def in_scope_by_section(verdicts: list[Verdict], sections: tuple[Section, ...]) -> dict[int, list[Passage]]:
    out: dict[int, list[Passage]] = {}
    for verdict in verdicts:
        if verdict.in_scope:
            out.setdefault(verdict.passage.section, []).append(verdict.passage)
    return {s.index: out[s.index] for s in sections if s.index in out}
