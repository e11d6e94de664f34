"""The HTML side of ``adgmin-kg serve``: home page, entity pages, stored-query results.

Pages are plain HTML with one stylesheet and one script of the project's own, both served
from ``/static/``, and the Thai font (Noto Sans Thai, from the ``fontpkg-noto-sans-thai``
package) served at ``/static/NotoSansThai.ttf``; the Content-Security-Policy lets a page
load nothing from anywhere else. The SPARQL editor (``/editor``) is YASGUI, a built file
committed under ``static/`` (``static/yasgui.LICENSE`` gives its version, source and licence),
with the model's prefixes and no look-up service. Entity data is read with ``quads_for_pattern`` on the
store, so no IRI from a URL ever becomes SPARQL text.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from adgmin_kg.prefixes import PREFIXES as MODEL_PREFIXES
from adgmin_kg.prefixes import shorten
from adgmin_kg.query import KNOWN_PREFIXES, StoredQuery, list_queries

__all__ = ["CSP", "EDITOR_CSP", "EntityView", "Fact", "editor_page", "entity_page", "entity_rdf", "entity_view",
           "home_page", "results_page", "static_file", "thai_font_path"]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
#: The editor page: YASGUI sets inline styles and draws icons from data: URIs; still nothing
#: from anywhere but this server.
EDITOR_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "img-src 'self'", "img-src 'self' data:")
XSD_DATES = ("http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/2001/XMLSchema#dateTime")

ID = "https://w3id.org/adgmin-kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
ADG = "https://w3id.org/adgmin-kg/ontology#"
DCTERMS = "http://purl.org/dc/terms/"
LABELS = (RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel")
SCHEMA = "https://schema.org/"
#: The facts an entity page leads with, in this order (what the thing is, when, where, who
#: hosted, which one of its series, its theme); the rest follow, and topics come last.
LEAD = (RDF + "type", SCHEMA + "startDate", SCHEMA + "endDate", SCHEMA + "location", ADG + "hostCountry",
        ADG + "inSeries", ADG + "ordinal", ADG + "theme", SCHEMA + "superEvent", ADG + "level",
        ADG + "expectedTime", ADG + "decisionKind", ADG + "decisionOn", ADG + "decidedBy", DCTERMS + "date",
        ADG + "participant")
LAST = (DCTERMS + "subject",)
MAX_FACTS = 2000
MAX_INCOMING = 300
MAX_STATEMENTS = 5000
PREFIXES = {**KNOWN_PREFIXES, "foaf": "http://xmlns.com/foaf/0.1/", "oa": "http://www.w3.org/ns/oa#"}


# --------------------------------------------------------------------------- static files


def thai_font_path() -> Path:
    """The Noto Sans Thai font file that ``fontpkg-noto-sans-thai`` installs.

    :raises FileNotFoundError: if the package is not installed or holds no .ttf file.
    """
    try:
        import fontpkg_noto_sans_thai as font
    except ImportError:
        raise FileNotFoundError(
            "the Thai font package is not installed: pip install fontpkg-noto-sans-thai"
        ) from None
    files = sorted(Path(font.ROOT).glob("files/*.ttf"))
    if not files:
        raise FileNotFoundError(f"{font.ROOT}: no .ttf file in the Thai font package")
    return files[0]


_STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                 ".LICENSE": "text/plain; charset=utf-8"}
#: The files of ``static/`` the pages use (YASGUI's as published on npm, see yasgui.LICENSE).
STATIC_FILES = ("app.js", "style.css", "editor.js", "yasgui.min.js", "yasgui.min.css", "yasgui.LICENSE")


@cache
def static_file(name: str) -> tuple[bytes, str] | None:
    """The bytes and media type of ``/static/<name>``; only the files the pages use."""
    if name == "NotoSansThai.ttf":
        try:
            return thai_font_path().read_bytes(), "font/ttf"
        except FileNotFoundError:
            return None
    if name not in STATIC_FILES:
        return None
    data = resources.files("adgmin_kg").joinpath("static", name).read_bytes()
    return data, _STATIC_TYPES[Path(name).suffix]


# --------------------------------------------------------------------------- helpers

esc = html.escape


def short(iri: str) -> str:
    """``https://schema.org/startDate`` -> ``schema:startDate``; other IRIs unchanged."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        local = iri[len(PREFIXES[best]):]
        if local and all(c.isalnum() or c in "-_./" for c in local):
            return f"{best}:{local}"
    return iri


def href(iri: str) -> str | None:
    """Where a link to ``iri`` goes: the server's own page for an IRI of the graph's
    namespace, ``/resource?iri=`` for other adgmin-kg IRIs, the IRI itself for other
    http(s) IRIs, nothing for other schemes."""
    if iri.startswith(ID):
        return "/id/" + urllib.parse.quote(iri[len(ID):], safe="/-._~")
    if iri.startswith("https://w3id.org/adgmin-kg/"):
        return "/resource?iri=" + urllib.parse.quote(iri, safe="")
    if iri.startswith(("http://", "https://")):
        return iri
    return None


def link(iri: str, text: str | None = None) -> str:
    target = href(iri)
    shown = esc(text if text is not None else short(iri))
    if target is None:
        return f"<span class=iri>{shown}</span>"
    external = "" if target.startswith("/") else ' rel="noopener noreferrer" class=external'
    return f'<a href="{esc(target)}"{external}>{shown}</a>'


def lang_span(text: str, lang: str | None) -> str:
    attr = f' lang="{esc(lang)}"' if lang else ""
    return f"<span{attr}>{esc(text)}</span>"


def _prefixes_json() -> str:
    """The model's prefixes for the scripts, as a JSON data block (not a script CSP runs)."""
    import json

    data = json.dumps(MODEL_PREFIXES, ensure_ascii=True).replace("</", "<\\/")
    return f'<script type="application/json" id="prefixes">{data}</script>'


def page(title: str, body: str, *, lang: str = "en", head: str = "", scripts: tuple[str, ...] = ("app.js",)) -> str:
    tags = "".join(f'<script src="/static/{name}"></script>' for name in scripts)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)} · adgmin-kg</title>{head}"
        '<link rel="stylesheet" href="/static/style.css"></head>\n<body>'
        '<header><a href="/" class=home>adgmin-kg</a> <span class=tag>ASEAN digital cooperation · '
        '<span lang="th">ความร่วมมือด้านดิจิทัลอาเซียน</span></span>'
        '<nav><a href="/">Questions</a> <a href="/editor">SPARQL editor</a></nav></header>\n<main>'
        f"{body}</main>\n<footer>Read-only SPARQL endpoint at <code>/sparql</code> · "
        "data CC0, code MIT</footer>"
        f"{_prefixes_json()}{tags}</body></html>\n"
    )


# --------------------------------------------------------------------------- home and results


def _fields(query: StoredQuery, given: dict[str, str] | None = None) -> str:
    fields = []
    for param in query.parameters:
        sample = query.example.get(param.name)
        hint = ("optional: all when empty" if param.optional else "required") + (f", e.g. {sample}" if sample else "")
        value = (given or {}).get(param.name, "")
        fields.append(
            f'<label>{esc(param.name)} <input name="{esc(param.name)}" value="{esc(value)}" '
            f'placeholder="{esc(hint)}" title="{esc(param.description)}"></label>'
        )
    return "".join(fields)


def _query_form(query: StoredQuery) -> str:
    fields = [_fields(query)]
    return (
        f'<section class=query id="q-{esc(query.name)}"><h3>{esc(query.name)}</h3>'
        f"<p>{esc(query.question)}</p>"
        f'<form class=run action="/query/{esc(query.name)}" method=get data-name="{esc(query.name)}">'
        f'{"".join(fields)}<button type=submit>Run</button> '
        f'<a href="/api/query/{esc(query.name)}?format=csv">CSV</a></form>'
        f'<div class=results aria-live=polite></div></section>'
    )


def home_page(server: Any) -> str:
    queries = list_queries()
    stats = f"{server.distinct_triples:,} triples in {len(server.known_graphs)} named graphs"
    body = (
        "<h1>ASEAN digital cooperation <span lang=th>ความร่วมมือด้านดิจิทัลอาเซียน</span></h1>"
        f"<p>A knowledge graph built from Thai government press releases ({esc(stats)}). "
        "Every fact links to the release and the words it came from. Start from "
        f'{link(ID + "meeting/adgmin-3", "ADGMIN 3")}, {link(ID + "country/thailand", "Thailand")} or '
        f'{link(ID + "topic/cybersecurity", "cybersecurity")}, or run a stored question:</p>'
        + "".join(_query_form(q) for q in queries)
        + '<section class=query id=sparql-form><h3>Your own SPARQL</h3>'
        '<p>Write it in the <a href="/editor">SPARQL editor</a> (highlighting, prefix completion, '
        'result tables), or here. The model\'s prefixes (<code>meeting:</code>, <code>country:</code>, '
        '<code>schema:</code>...) need no <code>PREFIX</code> line.</p>'
        '<form class=sparql action="/sparql" method=post>'
        '<textarea name=query rows=6 cols=80 spellcheck=false>PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n'
        'SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(lang(?label) = "th") } LIMIT 10</textarea>'
        '<br><button type=submit>Run</button></form><div class=results aria-live=polite></div></section>'
    )
    return page("Home", body)


RELEASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _cell(binding: dict[str, str] | None, column: str = "") -> str:
    if not binding:
        return "<td></td>"
    if column == "release" and binding.get("type") == "literal" and RELEASE_ID.fullmatch(binding.get("value", "")):
        # a row's source: the release id, linked to the release's page
        return f'<td class=nowrap>{link(ID + "release/" + binding["value"], binding["value"])}</td>'
    if binding.get("type") == "uri":
        name = shorten(binding["value"])
        nowrap = " class=nowrap" if len(name) <= 40 else ""  # a short name stays on one line
        return f"<td{nowrap}>{link(binding['value'], name)}</td>"
    nowrap = " class=nowrap" if binding.get("datatype") in XSD_DATES else ""
    return f"<td{nowrap}>{lang_span(binding.get('value', ''), binding.get('xml:lang'))}</td>"


def results_table(result: dict[str, Any]) -> str:
    """A SPARQL JSON result as an HTML table (the script renders the same table)."""
    if "boolean" in result:
        return f"<p class=answer>{'yes' if result['boolean'] else 'no'}</p>"
    columns = result["head"].get("vars", [])
    rows = result["results"]["bindings"]
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(r.get(c), c) for c in columns) + "</tr>" for r in rows)
    count = f"<p class=count>{len(rows)} row{'s' if len(rows) != 1 else ''}</p>"
    return f"{count}<table class=results-table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def results_page(server: Any, query: StoredQuery, given: dict[str, str], result: dict[str, Any]) -> str:
    """A stored query's results under its form, filled in with the parameters it ran with (a
    plain GET form: change a value and run it again, with or without JavaScript)."""
    params = ", ".join(f"{k} = {v}" for k, v in given.items()) or "defaults"
    csv_link = f"/api/query/{urllib.parse.quote(query.name)}?" + urllib.parse.urlencode({**given, "format": "csv"})
    form = (
        f'<form class=again action="/query/{esc(query.name)}" method=get>{_fields(query, given)}'
        f'<button type=submit>Run</button> <a href="{esc(csv_link)}">CSV</a></form>'
    )
    body = (
        f"<h1>{esc(query.name)}</h1><p>{esc(query.question)}</p>{form}<p class=params>{esc(params)}</p>"
        + results_table(result)
    )
    return page(query.name, body)


#: The query the editor opens with: the ASEAN ICT Fund's projects, the README's question.
EDITOR_QUERY = """PREFIX adg: <https://w3id.org/adgmin-kg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX organisation: <https://w3id.org/adgmin-kg/id/org/>

# What did the ASEAN ICT Fund give, to whom, in which year?
SELECT ?project ?title ?recipient ?year ?amount ?currency WHERE {
  ?project schema:funder organisation:asean-ict-fund ;
           rdfs:label ?title ;
           adg:recipient ?recipient .
  OPTIONAL { ?project adg:fiscalYear ?year }
  OPTIONAL { ?project adg:amount ?amount }
  OPTIONAL { ?project adg:currency ?currency }
}
ORDER BY ?year ?title
"""


def editor_page(server: Any) -> str:
    """The SPARQL editor: YASGUI on this server's ``/sparql``, with a plain form under it for
    browsers without JavaScript."""
    body = (
        "<h1>SPARQL editor</h1><p>Queries run on this server's read-only endpoint "
        "<code>/sparql</code> (10 s at most). The model's prefixes complete as you type "
        "(<kbd>Ctrl</kbd>-<kbd>Space</kbd>) and need no <code>PREFIX</code> line.</p>"
        f'<div id=yasgui data-query="{esc(EDITOR_QUERY)}"></div>'
        '<noscript><form action="/sparql" method=post><textarea name=query rows=14 cols=80>'
        f"{esc(EDITOR_QUERY)}</textarea><br><button type=submit>Run</button></form></noscript>"
    )
    head = '<link rel="stylesheet" href="/static/yasgui.min.css">'
    return page("SPARQL editor", body, head=head, scripts=("yasgui.min.js", "editor.js"))


# --------------------------------------------------------------------------- entities


@dataclass
class Source:
    release: str
    quote: str
    start: str = ""
    rank: str = ""  # preferred | normal | deprecated (graph/reconciled), "" when unranked
    reason: str = ""  # the rank reason's IRI, when the releases disagree


@dataclass
class Fact:
    predicate: str
    object: Any  # a pyoxigraph term
    sources: list[Source] = field(default_factory=list)
    others: list[Fact] = field(default_factory=list)  # the values the releases also give, not preferred

    @property
    def disputed(self) -> bool:
        return any(s.reason for s in self.sources)

    @property
    def preferred(self) -> bool:
        return any(s.rank == "preferred" for s in self.sources)


@dataclass
class EntityView:
    iri: str
    labels: list[tuple[str, str, str | None]]  # (predicate, text, language)
    types: list[str]
    facts: list[Fact]
    incoming: list[tuple[str, str]]  # (subject, predicate)
    statements: list[Any]  # the statement nodes about this entity (pyoxigraph NamedNode)
    truncated: bool = False


def _triples(store: Any, s: Any = None, p: Any = None, o: Any = None, limit: int | None = None) -> list[Any]:
    """Distinct triples over all graphs (the union), in store order, at most ``limit``."""
    import pyoxigraph as ox

    seen: set[Any] = set()
    out = []
    for quad in store.quads_for_pattern(s, p, o, None):
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        if triple in seen:
            continue
        seen.add(triple)
        out.append(triple)
        if limit is not None and len(out) >= limit:
            break
    return out


def entity_view(store: Any, iri: str) -> EntityView | None:
    """What the graph says about ``iri``, or None when the IRI occurs nowhere in it."""
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    own = _triples(store, node, limit=MAX_FACTS + 1)
    incoming = [t for t in _triples(store, None, None, node, limit=MAX_INCOMING * 4)
                if t.predicate.value not in (RDF + "subject", RDF + "object")]
    if not own and not incoming:
        return None
    statements = [t.subject for t in _triples(store, None, ox.NamedNode(RDF + "subject"), node, limit=MAX_STATEMENTS)]
    sources: dict[tuple[str, Any], list[Source]] = {}
    for statement in statements:
        fields: dict[str, Any] = {}
        for t in _triples(store, statement):
            fields.setdefault(t.predicate.value, t.object)
        predicate, obj = fields.get(RDF + "predicate"), fields.get(RDF + "object")
        release = fields.get(PROV + "wasDerivedFrom")
        if predicate is None or obj is None or release is None:
            continue
        quote = fields.get(ADG + "quote")
        start = fields.get(ADG + "quoteStart")
        rank, reason = fields.get(ADG + "rank"), fields.get(ADG + "rankReason")
        sources.setdefault((predicate.value, obj), []).append(
            Source(release.value, quote.value if quote is not None else "", start.value if start is not None else "",
                   rank.value.rsplit("#", 1)[-1].removesuffix("Rank").lower() if rank is not None else "",
                   reason.value if reason is not None else "")
        )
    labels, types, facts = [], [], []
    for t in own[:MAX_FACTS]:
        p = t.predicate.value
        if p in LABELS and isinstance(t.object, ox.Literal):
            labels.append((p, t.object.value, t.object.language))
        if p == RDF + "type":
            types.append(t.object.value)
        found, shown = [], set()
        for source in sorted(sources.get((p, t.object), []), key=lambda s: (s.release, int(s.start or 0))):
            if (source.release, source.quote) not in shown:  # one line per release and quote
                shown.add((source.release, source.quote))
                found.append(source)
        facts.append(Fact(p, t.object, found))
    facts = _fold_disagreements(facts)
    facts.sort(key=lambda f: (_fact_rank(f.predicate), short(f.predicate), str(f.object)))
    labels.sort(key=lambda x: (LABELS.index(x[0]), x[2] != "th", x[2] != "en", x[1]))
    seen_in: list[tuple[str, str]] = []
    for t in incoming:
        if len(seen_in) >= MAX_INCOMING:
            break
        seen_in.append((t.subject.value, t.predicate.value))
    return EntityView(iri, labels, sorted(types), facts, seen_in, statements, len(own) > MAX_FACTS)


def _fact_rank(predicate: str) -> int:
    """Where a property's rows go on the page: the lead first, topics last."""
    if predicate in LEAD:
        return LEAD.index(predicate)
    return len(LEAD) + (1 if predicate in LAST else 0)


def _fold_disagreements(facts: list[Fact]) -> list[Fact]:
    """A one-value property the releases disagree on shows its preferred value, with the values
    it was preferred over folded under it (``Fact.others``)."""
    kept: list[Fact] = []
    outranked: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.disputed and not fact.preferred:
            outranked.setdefault(fact.predicate, []).append(fact)
        else:
            kept.append(fact)
    for predicate, others in outranked.items():
        home = next((f for f in kept if f.predicate == predicate and f.disputed), None)
        if home is None:  # nothing preferred (an announced time the dates contradict): listed as they are
            kept.extend(others)
        else:
            home.others.extend(others)
    return kept


def _sources_html(store: Any, sources: list[Source], cache_: dict[str, str]) -> str:
    return "".join(
        f'<li>{_object_html(store, ox_named(s.release), cache_)}'
        + (f' <q lang="th">{esc(s.quote)}</q>' if s.quote else "") + "</li>"
        for s in sources
    )


def _folded_sources(store: Any, sources: list[Source], cache_: dict[str, str]) -> str:
    """The sources of a fact folded under their count ("3 sources"), or "reference data"."""
    if not sources:
        return "<span class=ref>reference data</span>"
    n = len(sources)
    return (f'<details class=sources><summary>{n} source{"s" if n != 1 else ""}</summary>'
            f"<ul class=sources>{_sources_html(store, sources, cache_)}</ul></details>")


def _unique_sources(facts: list[Fact]) -> list[Source]:
    seen: set[tuple[str, str]] = set()
    out = []
    for source in sorted((s for f in facts for s in f.sources), key=lambda s: (s.release, int(s.start or 0))):
        if (source.release, source.quote) not in seen:
            seen.add((source.release, source.quote))
            out.append(source)
    return out


def ox_named(iri: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def _disagreement_html(store: Any, fact: Fact, cache_: dict[str, str]) -> str:
    """"n sources disagree", and the other values folded: each with its rank, reason and sources."""
    if not fact.others:
        return ""
    releases = {s.release for other in fact.others for s in other.sources}
    items = []
    for other in sorted(fact.others, key=lambda f: str(f.object)):
        rank = next((s.rank for s in other.sources if s.rank), "")
        reason = next((s.reason for s in other.sources if s.reason), "")
        why = f' <span class=rank>{esc(rank)}</span>' + (f' ({_object_html(store, ox_named(reason), cache_)})' if reason else "")
        items.append(f"<li>{_object_html(store, other.object, cache_)}{why}<ul class=sources>{_sources_html(store, other.sources, cache_)}</ul></li>")
    n = len(releases)
    return (f'<details class=disagree><summary>{n} source{"s" if n != 1 else ""} disagree{"s" if n == 1 else ""}</summary>'
            f'<ul>{"".join(items)}</ul></details>')


@dataclass(frozen=True)
class Vocabulary:
    """What the ontology says of its own terms: labels, and each class's superclasses."""

    labels: dict[str, tuple[str | None, str | None]]
    superclasses: dict[str, frozenset[str]]


#: the ontology, and the labels of the terms it reuses
VOCABULARY_FILES = ("adgmin-kg.ttl", "reused-terms.ttl")


@cache
def vocabulary() -> Vocabulary:
    """The ontology's labels and subclass links (``ontology/adgmin-kg.ttl``) and the labels of
    the reused terms (``ontology/reused-terms.ttl``), so that a page names a class or a property
    by its label although the graph does not hold the ontology."""
    import pyoxigraph as ox

    from adgmin_kg.paths import ontology_dir

    labels: dict[str, dict[str, str]] = {}
    parents: dict[str, set[str]] = {}
    try:
        triples = [t for name in VOCABULARY_FILES for t in ox.parse(path=str(ontology_dir() / name), format=ox.RdfFormat.TURTLE)]
    except (OSError, SyntaxError):
        return Vocabulary({}, {})
    for t in triples:
        if t.predicate.value == RDFS + "label" and isinstance(t.object, ox.Literal):
            labels.setdefault(t.subject.value, {}).setdefault(t.object.language or "", t.object.value)
        elif t.predicate.value == RDFS + "subClassOf" and isinstance(t.object, ox.NamedNode):
            parents.setdefault(t.subject.value, set()).add(t.object.value)
    return Vocabulary({k: (v.get("en"), v.get("th")) for k, v in labels.items()},
                      {k: frozenset(v) for k, v in parents.items()})


def label_of(store: Any, iri: str) -> tuple[str | None, str | None]:
    """(English label, Thai label) of ``iri``, each the first in sort order, or None; the
    ontology's label for one of its terms the graph does not label."""
    import pyoxigraph as ox

    en, th, other = [], [], []
    for predicate in (RDFS + "label", SKOS + "prefLabel"):
        for quad in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(predicate), None, None):
            obj = quad.object
            if isinstance(obj, ox.Literal):
                (en if obj.language == "en" else th if obj.language == "th" else other).append(obj.value)
        if en or th or other:
            break
    english = min(en) if en else (min(other) if other else None)
    if english is None and not th:
        return vocabulary().labels.get(iri, (None, None))
    return english, (min(th) if th else None)


def _one_object(store: Any, iri: str, predicate: str) -> str | None:
    import pyoxigraph as ox

    for quad in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(predicate), None, None):
        if isinstance(quad.object, ox.NamedNode):
            return quad.object.value
    return None


def described(store: Any, iri: str) -> str | None:
    """A name for a node that has no label, from what it links: a decision is its kind and the
    title of what it decided on ("adopted: <document title>"), an attendance its
    attendee and role."""
    def name(node: str | None) -> str | None:
        if node is None:
            return None
        en, th = label_of(store, node)
        return en or th or short(node)

    on, kind = _one_object(store, iri, ADG + "decisionOn"), _one_object(store, iri, ADG + "decisionKind")
    if on is not None:
        return f"{name(kind) or 'decision'}: {name(on)}"
    attendee = _one_object(store, iri, ADG + "attendee")
    if attendee is not None:
        role = name(_one_object(store, iri, ADG + "role"))
        return f"{name(attendee)}" + (f" ({role})" if role else "")
    return None


def _object_html(store: Any, term: Any, cache_: dict[str, str]) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        if term.value not in cache_:
            en, th = label_of(store, term.value)
            text = en or th or described(store, term.value) or short(term.value)
            extra = f' <span lang="th" class=th>{esc(th)}</span>' if en and th else ""
            shown = link(term.value, text)
            if th and not en:
                shown = f'<span lang="th">{shown}</span>'
            cache_[term.value] = shown + extra
        return cache_[term.value]
    if isinstance(term, ox.BlankNode):
        return f"<span class=iri>_:{esc(term.value)}</span>"
    dtype = ""
    if term.language:
        dtype = f" <sup>@{esc(term.language)}</sup>"
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        dtype = f" <sup>{esc(short(term.datatype.value))}</sup>"
    return lang_span(term.value, term.language) + dtype


def entity_page(server: Any, view: EntityView) -> str:
    import pyoxigraph as ox

    store = server.store
    cache_: dict[str, str] = {}
    en, th = label_of(store, view.iri)
    title = en or th or short(view.iri)
    heading = f"<h1>{esc(en)}" if en else f'<h1 lang="th">{esc(th or short(view.iri))}'
    if en and th:
        heading += f' <span lang="th" class=th>{esc(th)}</span>'
    heading += "</h1>"
    alternates = (
        f'<p class=iri><code>{esc(view.iri)}</code> · as '
        f'<a href="?format=ttl">Turtle</a> · <a href="?format=jsonld">JSON-LD</a>'
        if view.iri.startswith(ID) else
        f'<p class=iri><code>{esc(view.iri)}</code> · as '
        f'<a href="/resource?iri={urllib.parse.quote(view.iri, safe="")}&amp;format=ttl">Turtle</a> · '
        f'<a href="/resource?iri={urllib.parse.quote(view.iri, safe="")}&amp;format=jsonld">JSON-LD</a>'
    ) + "</p>"
    label_rows = "".join(
        f"<tr><td>{esc(short(p))}</td><td>{esc(lang or '')}</td><td>{lang_span(text, lang)}</td></tr>"
        for p, text, lang in view.labels
    )
    labels = (f"<h2>Labels <span lang=th>ชื่อ</span></h2><table class=labels><thead><tr><th>property</th>"
              f"<th>language</th><th>label</th></tr></thead><tbody>{label_rows}</tbody></table>") if label_rows else ""
    fact_rows = _fact_rows(store, view, cache_)
    facts = (
        "<h2>Facts <span lang=th>ข้อเท็จจริง</span></h2><table class=facts><thead><tr><th>property</th>"
        "<th>value</th><th>release and quote</th></tr></thead><tbody>" + "".join(fact_rows) + "</tbody></table>"
    ) if fact_rows else ""
    if view.truncated:
        facts += f"<p class=note>Only the first {MAX_FACTS} facts are shown; the Turtle has them all.</p>"
    incoming = ""
    if view.incoming:
        items = "".join(
            f"<li>{_object_html(store, ox.NamedNode(s), cache_)} "
            f"<span class=pred>{_property_html(store, p, cache_)}</span> this</li>"
            for s, p in view.incoming
        )
        incoming = f"<h2>Referred to by <span lang=th>ถูกอ้างถึงโดย</span></h2><ul class=incoming>{items}</ul>"
    body = heading + _summary(store, view, cache_) + alternates + facts + labels + incoming
    return page(title, body)


def _property_html(store: Any, predicate: str, cache_: dict[str, str]) -> str:
    """A property by its label when the graph has one, else its prefixed name."""
    en, th = label_of(store, predicate)
    return link(predicate, en or th or short(predicate))


def _fact_rows(store: Any, view: EntityView, cache_: dict[str, str]) -> list[str]:
    """Rows of the facts table, grouped by property (its name on the group's first row): the
    types in one row, each value with its sources folded under their count, the decisions a
    meeting took (from the decisions that point at it) after the lead."""
    import pyoxigraph as ox

    rows: list[str] = []
    shown = [f for f in view.facts if f.predicate not in LABELS]
    types = [f for f in shown if f.predicate == RDF + "type"]
    if types:
        named = {f.object.value for f in types if isinstance(f.object, ox.NamedNode)}
        broader = set().union(*(vocabulary().superclasses.get(t, frozenset()) for t in named))
        names = ", ".join(_object_html(store, f.object, cache_) for f in types if f.object.value not in broader)
        rows.append(f"<tr class=lead><td>{_property_html(store, RDF + 'type', cache_)}</td><td>{names}</td>"
                    f"<td>{_folded_sources(store, _unique_sources(types), cache_)}</td></tr>")
    decisions = [s for s, p in view.incoming if p == ADG + "decidedBy"]
    previous = RDF + "type"
    for fact in shown:
        if fact.predicate == RDF + "type":
            continue
        if decisions and _fact_rank(fact.predicate) >= LEAD.index(ADG + "participant"):
            rows.extend(_decision_rows(store, decisions, cache_))
            decisions = []
        name = _property_html(store, fact.predicate, cache_) if fact.predicate != previous else ""
        previous = fact.predicate
        lead = " class=lead" if fact.predicate in LEAD else ""
        rows.append(
            f"<tr{lead}><td>{name}</td><td>{_object_html(store, fact.object, cache_)}{_disagreement_html(store, fact, cache_)}</td>"
            f"<td>{_folded_sources(store, fact.sources, cache_)}</td></tr>"
        )
    rows.extend(_decision_rows(store, decisions, cache_))
    return rows


def _decision_rows(store: Any, decisions: list[str], cache_: dict[str, str]) -> list[str]:
    """A row per decision taken at the meeting: its kind and the title of its document."""
    import pyoxigraph as ox

    rows = []
    for i, decision in enumerate(sorted(set(decisions), key=lambda d: described(store, d) or d)):
        on = _one_object(store, decision, ADG + "decisionOn")
        sources = entity_view(store, decision)
        found = [f.sources for f in (sources.facts if sources else []) if f.predicate == ADG + "decisionOn"]
        kind = _one_object(store, decision, ADG + "decisionKind")
        what = (_object_html(store, ox.NamedNode(kind), cache_) + ": " if kind else "") + (
            _object_html(store, ox.NamedNode(on), cache_) if on else "")
        name = "decisions taken" if i == 0 else ""
        rows.append(f"<tr class=lead><td>{name}</td><td>{what} <span class=via>({link(decision, 'decision')})</span></td>"
                    f"<td>{_folded_sources(store, found[0] if found else [], cache_)}</td></tr>")
    return rows


def _summary(store: Any, view: EntityView, cache_: dict[str, str]) -> str:
    """One line under the heading: dates, place and host, as the facts table gives them."""
    def values(predicate: str) -> list[Any]:
        return [f.object for f in view.facts if f.predicate == predicate]

    start, end = values(SCHEMA + "startDate"), values(SCHEMA + "endDate")
    parts = []
    if start:
        when = esc(start[0].value) + (f" – {esc(end[0].value)}" if end and end[0].value != start[0].value else "")
        parts.append(f"<span class=nowrap>{when}</span>")
    for predicate, word in ((SCHEMA + "location", "at"), (ADG + "hostCountry", "hosted by")):
        shown = [_object_html(store, o, cache_) for o in values(predicate)]
        if shown:
            parts.append(f"{word} {', '.join(shown)}")
    return f"<p class=summary>{' · '.join(parts)}</p>" if parts else ""


def entity_rdf(store: Any, view: EntityView, fmt: str) -> bytes:
    """The entity's own triples and its provenance statements, in ``fmt`` (an RdfFormat name)."""
    import pyoxigraph as ox

    node = ox.NamedNode(view.iri)
    triples = _triples(store, node)
    for statement in view.statements:
        triples.extend(_triples(store, statement))
    prefixes = {k: v for k, v in PREFIXES.items() if k != "id"} if fmt == "TURTLE" else None
    return ox.serialize(triples, format=getattr(ox.RdfFormat, fmt), prefixes=prefixes)

