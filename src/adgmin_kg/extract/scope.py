"""Which passages are about ASEAN digital cooperation: the only ones facts are read from.

In scope means what a passage is about: cooperation among ASEAN members, or of ASEAN with its
partners, in the digital ministers' sphere. The decision is made per passage, with its section
as context (the agenda item's heading, or a news release's title), in two steps: rules over the
closed vocabularies of ``data/rules/scope.yaml`` keep the candidates (ASEAN and a digital matter
named in the passage or its heading), and a classifier trained on labelled passages
(``scope_model``) decides whether a candidate is about them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from adgmin_kg.errors import DataError
from adgmin_kg.extract.passages import Layout, Passage, Section
from adgmin_kg.extract.scope_model import Candidate, Example, LabelledPassage, ScopeModel, load_model
from adgmin_kg.facts import Span
from adgmin_kg.gazetteer import Gazetteer
from adgmin_kg.paths import data_dir
from adgmin_kg.thaitext import Terms, terms
from adgmin_kg.yamlfile import YAMLError, parse_yaml


_WORDS = re.compile(r"[ก-ฮA-Za-z]{2}")


@dataclass(frozen=True)
class Vocabulary:
    """The closed vocabularies of ``data/rules/scope.yaml``."""

    asean: Terms
    digital: Terms
    instrument: Terms = field(default_factory=lambda: terms(()))


@dataclass(frozen=True)
class Verdict:
    """A passage judged: in scope or not, and why (one short phrase). ``anchored``: it, or its
    heading, names an ASEAN digital body (in scope by rule, not by the model)."""

    passage: Passage
    in_scope: bool
    reason: str
    anchored: bool = False


def scope_path() -> Path:
    return data_dir() / "rules" / "scope.yaml"


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    path = path or scope_path()
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8"))
        return Vocabulary(asean=terms(raw["asean"]), digital=terms(raw["digital"]), instrument=terms(raw.get("instrument") or ()))
    except (OSError, YAMLError) as err:
        raise DataError(path, f"cannot read the scope vocabulary: {err}") from err
    except (KeyError, TypeError) as err:
        raise DataError(path, f"malformed scope vocabulary: {err!r} (needs the lists asean and digital)") from err


def may_concern_asean(text: str, vocabulary: Vocabulary, gazetteer: Gazetteer) -> bool:
    """A quick test before any other work: a release that names neither ASEAN nor an ASEAN
    digital body cannot be about ASEAN digital cooperation."""
    return vocabulary.asean.found_in(text) or gazetteer.digital_bodies().found_in(text)


def anchors(text: str, vocabulary: Vocabulary, gazetteer: Gazetteer) -> tuple[bool, bool, bool]:
    """Whether a text names ASEAN, a digital matter, an ASEAN digital body."""
    return vocabulary.asean.found_in(text), vocabulary.digital.found_in(text), gazetteer.digital_bodies().found_in(text)


def candidate(
    passage: str,
    heading: str,
    passage_kind: str,
    release_kind: str,
    vocabulary: Vocabulary,
    gazetteer: Gazetteer,
    seen: dict[str, tuple[bool, bool, bool]] | None = None,
) -> Candidate | None:
    """A passage the model is asked about, or None when the rules rule it out: neither it nor
    its heading names ASEAN (or an ASEAN digital body), or neither names a digital matter.

    :param seen: anchors of texts already read (a cabinet item's heading heads every passage
        of the item: looking for the terms in it once is enough).
    """
    found = []
    flags = {}
    for where, text in (("passage", passage), ("heading", heading)):
        if seen is None:
            asean, digital, body = anchors(text, vocabulary, gazetteer)
        else:
            if text not in seen:
                seen[text] = anchors(text, vocabulary, gazetteer)
            asean, digital, body = seen[text]
        flags[where] = (asean or body, digital or body)
        found += [f"{name}-in-{where}" for name, present in (("asean", asean), ("digital", digital), ("body", body)) if present]
    if not (flags["passage"][0] or flags["heading"][0]) or not (flags["passage"][1] or flags["heading"][1]):
        return None
    return Candidate(passage, heading, passage_kind, release_kind, tuple(found))


def judge(text: str, layout: Layout, heading: dict[int, Span], release_kind: str, vocabulary: Vocabulary, gazetteer: Gazetteer, model: ScopeModel | None = None) -> list[Verdict]:
    """Every passage of a release, judged. ``heading`` maps a section to the span that states
    what it is about (its agenda heading, or a news release's title)."""
    model = model or load_model()
    out = []
    seen: dict[str, tuple[bool, bool, bool]] = {}
    for passage in layout.passages:
        if passage.kind in ("metadata", "contents"):
            out.append(Verdict(passage, False, passage.kind))
            continue
        span = heading.get(passage.section)
        head = text[span.start : span.end] if span else ""
        found = candidate(text[passage.span.start : passage.span.end], head, passage.kind, release_kind, vocabulary, gazetteer, seen)
        if found is None:
            out.append(Verdict(passage, False, "names no ASEAN and digital matter, nor does its heading"))
            continue
        if not _WORDS.search(found.passage):
            out.append(Verdict(passage, False, "no words (a separator or an elision)"))
            continue
        if found.names_digital_body:
            where = "it" if any(a == "body-in-passage" for a in found.anchors) else "its heading"
            out.append(Verdict(passage, True, f"{where} names an ASEAN digital body", anchored=True))
            continue
        p = model.probability(found)
        about = p >= model.threshold
        out.append(Verdict(passage, about, f"{'about' if about else 'not about'} ASEAN digital cooperation (model {p:.2f})"))
    return _instruments_tied(text, out, heading, vocabulary)


def _instruments_tied(text: str, verdicts: list[Verdict], heading: dict[int, Span], vocabulary: Vocabulary) -> list[Verdict]:
    """A section whose heading names an instrument two sides sign (a cabinet item approving a
    bilateral MoU) is about ASEAN digital cooperation when one of its passages names both an
    instrument and an ASEAN digital body (the MoU negotiated at, or to be signed during, an
    ADGSOM): the whole section (the heading, the decision, the signatory) is then in scope,
    though its other passages name no ASEAN themselves."""
    def names_instrument(span: Span | Passage) -> bool:
        span = span.span if isinstance(span, Passage) else span
        return vocabulary.instrument.found_in(text[span.start : span.end])

    tied = {
        v.passage.section
        for v in verdicts
        if v.anchored and v.reason.startswith("it names") and names_instrument(v.passage)
        and v.passage.section in heading and names_instrument(heading[v.passage.section])
    }
    return [
        replace(v, in_scope=True, anchored=True, reason="its section ties the instrument it names to an ASEAN digital body")
        if not v.in_scope and v.passage.section in tied and v.passage.kind not in ("metadata", "contents")
        else v
        for v in verdicts
    ]


def examples(rows: Sequence[LabelledPassage], vocabulary: Vocabulary | None = None, gazetteer: Gazetteer | None = None) -> tuple[list[Example], list[Example]]:
    """The labelled passages that are candidates under the current rules, as examples: those
    that name an ASEAN digital body (decided by rule) and the others (decided by the model)."""
    from adgmin_kg.gazetteer import load_gazetteer

    vocabulary, gazetteer = vocabulary or load_vocabulary(), gazetteer or load_gazetteer()
    by_rule, by_model = [], []
    for r in rows:
        found = candidate(r.passage, r.heading, r.passage_kind, r.release_kind, vocabulary, gazetteer)
        if found is not None and _WORDS.search(found.passage):
            (by_rule if found.names_digital_body else by_model).append(Example(found, r.label, r.release))
    return by_rule, by_model


def section_headings(layout: Layout, title: Span) -> dict[int, Span]:
    """What each section says it is about: its heading, or the release title."""
    return {s.index: (s.heading or title) for s in layout.sections if not s.front_matter}


def in_scope_by_section(verdicts: list[Verdict], sections: tuple[Section, ...]) -> dict[int, list[Verdict]]:
    """The verdicts of the passages in scope, by section, in section order."""
    out: dict[int, list[Verdict]] = {}
    for verdict in verdicts:
        if verdict.in_scope:
            out.setdefault(verdict.passage.section, []).append(verdict)
    return {s.index: out[s.index] for s in sections if s.index in out}
