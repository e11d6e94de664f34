"""Stored SPARQL queries and their runner, on pyoxigraph or rdflib.

A stored query is a file ``queries/<name>.rq`` whose header says what it asks, which
parameters it takes and which columns it returns (``queries/README.md`` gives the
convention). Parameters are bound as RDF terms (pyoxigraph ``substitutions``, rdflib
``initBindings``), never pasted into the query text. A parameter given as a label is
resolved to the one node of the expected class that carries that label.

>>> result = run_query("meeting-details", meeting="ADGMIN 3")   # doctest: +SKIP
>>> result.rows[0]["ordinal"]                                     # doctest: +SKIP
'3'
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

from adgmin_kg.errors import QueryError
from adgmin_kg.paths import default_build_dir, queries_dir
from adgmin_kg.store import load_union_store, open_store

__all__ = [
    "FORMATS",
    "Parameter",
    "ParameterError",
    "QueryResult",
    "QuerySyntaxError",
    "QueryUsageError",
    "StoredQuery",
    "Term",
    "UnknownQueryError",
    "format_result",
    "get_query",
    "list_queries",
    "parse_query_file",
    "run_query",
]

Engine = Literal["oxigraph", "rdflib"]
FORMATS = ("table", "csv", "tsv", "json", "sparql-json")

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_RESOURCE = "http://www.w3.org/2000/01/rdf-schema#Resource"

#: Prefixes a parameter line may use for its class, besides the query's own PREFIX lines.
KNOWN_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "adg": "https://w3id.org/adgmin-kg/ontology#",
    "id": "https://w3id.org/adgmin-kg/id/",
}


class QueryUsageError(QueryError):
    """A mistake in what the user asked for (CLI exit code 2)."""

    exit_code = 2


class UnknownQueryError(QueryUsageError):
    """No stored query has that name."""


class QuerySyntaxError(QueryUsageError):
    """The SPARQL text does not parse; the message is the parser's."""


class ParameterError(QueryUsageError):
    """A parameter is undeclared, missing, or its label fits no node or several nodes."""


# --------------------------------------------------------------------------- query files


@dataclass(frozen=True)
class Parameter:
    """One ``# Parameters:`` line of a query header."""

    name: str
    classes: tuple[str, ...]  # full IRIs; a node matches when typed, or in a scheme, with one
    description: str
    default: str | None = None
    optional: bool = False

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional


@dataclass(frozen=True)
class StoredQuery:
    """A query file and what its header declares."""

    name: str
    text: str
    path: Path | None = None
    question: str = ""
    parameters: tuple[Parameter, ...] = ()
    columns: tuple[str, ...] = ()
    example: dict[str, str] = field(default_factory=dict)  # sample parameters, for tests and docs

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


_HEADER = re.compile(r"^#\s*(Question|Parameters|Columns|Example):\s*(.*?)\s*$")
_PARAM = re.compile(r"^\?(?P<name>\w+)\s+(?P<classes>\S+)\s+-\s+(?P<rest>.*)$")
_PARAM_TAIL = re.compile(r',\s*(?:default\s+"(?P<default>[^"]*)"|(?P<optional>optional))\s*$')
_PREFIX = re.compile(r"^\s*PREFIX\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)


def parse_query_file(path: Path | str, text: str | None = None) -> StoredQuery:
    """Read a query file and parse its header.

    :raises ParameterError: if a ``# Parameters:`` line does not follow the convention.
    """
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryUsageError(f"{path}: cannot read the query file ({error.strerror})") from None
    prefixes = {**KNOWN_PREFIXES, **dict(_PREFIX.findall(text))}
    question, columns, params, example = "", (), [], {}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "Question":
            question = value
        elif key == "Columns":
            columns = tuple(c.strip() for c in value.split(",") if c.strip())
        elif key == "Example":
            example = dict(part.strip().split("=", 1) for part in value.split(";") if "=" in part)
        elif value.lower() != "none":
            params.append(_parse_parameter(path, value, prefixes))
    return StoredQuery(
        name=path.stem,
        text=text,
        path=path,
        question=question,
        parameters=tuple(params),
        columns=columns,
        example=example,
    )


def _parse_parameter(path: Path, line: str, prefixes: Mapping[str, str]) -> Parameter:
    match = _PARAM.match(line)
    if not match:
        raise ParameterError(
            f'{path}: parameter line "{line}" is not "?name class - description[, default "x"]"'
        )
    classes = tuple(_expand(path, c, prefixes) for c in match["classes"].split("|"))
    rest = match["rest"]
    tail = _PARAM_TAIL.search(rest)
    default = tail["default"] if tail else None
    optional = bool(tail and tail["optional"])
    description = rest[: tail.start()] if tail else rest
    return Parameter(match["name"], classes, description.strip(), default, optional)


def _expand(path: Path, name: str, prefixes: Mapping[str, str]) -> str:
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1]
    prefix, _, local = name.partition(":")
    if prefix not in prefixes or not _:
        raise ParameterError(f"{path}: unknown prefix in parameter class {name}")
    return prefixes[prefix] + local


def list_queries(directory: Path | None = None) -> list[StoredQuery]:
    """The stored queries, sorted by name."""
    folder = directory or queries_dir()
    return [parse_query_file(p) for p in sorted(folder.glob("*.rq"))]


@lru_cache(maxsize=64)
def _parsed(path: Path, mtime_ns: int, size: int) -> StoredQuery:
    """A stored query file parsed once per version of it."""
    return parse_query_file(path)


def get_query(name: str, directory: Path | None = None) -> StoredQuery:
    """The stored query called ``name``.

    :raises UnknownQueryError: listing the available names.
    """
    folder = directory or queries_dir()
    path = folder / f"{name}.rq"
    if re.fullmatch(r"[\w-]+", name) and path.is_file():
        stat = path.stat()
        return _parsed(path, stat.st_mtime_ns, stat.st_size)
    available = ", ".join(q.name for q in list_queries(folder)) or "(none)"
    raise UnknownQueryError(f'no stored query "{name}"; available: {available}')


# --------------------------------------------------------------------------- terms and results


@dataclass(frozen=True)
class Term:
    """An engine-neutral RDF term, as returned in results and bound as a parameter."""

    kind: Literal["uri", "bnode", "literal"]
    value: str
    datatype: str | None = None  # literals only; None for language-tagged strings
    lang: str | None = None

    @property
    def lexical(self) -> str:
        """The lexical form, with xsd:integer and xsd:decimal in canonical form.

        rdflib keeps ``12500.0`` as read (or gives it from SUM), pyoxigraph canonicalises to
        ``12500``; both are made ``12500`` so results compare across engines.
        """
        if self.kind != "literal" or self.datatype is None:
            return self.value
        try:
            if self.datatype == XSD + "integer":
                return str(int(self.value.strip()))
            if self.datatype == XSD + "decimal":
                text = format(Decimal(self.value.strip()), "f")
                if "." in text:
                    text = text.rstrip("0").rstrip(".")
                return "0" if text in ("", "-0") else text
        except (ValueError, InvalidOperation):
            pass
        return self.value


class QueryResult:
    """The rows of a query, as lexical forms (``rows``) and as typed terms (``terms``).

    Iterating gives the row dictionaries; an unbound column is absent from its row. Terms may
    be given as a function that makes them, called when they are first read (turning engine
    values into Python ones costs about a microsecond per value).
    """

    def __init__(
        self,
        columns: list[str],
        terms: list[dict[str, Term]] | Callable[[], list[dict[str, Term]]] | None = None,
        boolean: bool | None = None,
    ) -> None:
        self.columns = columns
        self.boolean = boolean  # the answer of an ASK query
        self._terms = terms if isinstance(terms, list) else None
        self._make = terms if callable(terms) else None

    @property
    def terms(self) -> list[dict[str, Term]]:
        if self._terms is None:
            self._terms = self._make() if self._make else []
            self._make = None
        return self._terms

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, QueryResult):
            return NotImplemented
        return (self.columns, self.terms, self.boolean) == (other.columns, other.terms, other.boolean)

    @property
    def rows(self) -> list[dict[str, str]]:
        return [{c: row[c].lexical for c in self.columns if c in row} for row in self.terms]

    def to_dicts(self) -> list[dict[str, str]]:
        return self.rows

    def to_dataframe(self) -> Any:
        """A pandas DataFrame with one string column per result column (missing: None).

        :raises ImportError: with an install hint when pandas is not installed.
        """
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "to_dataframe() needs pandas, which is not installed: pip install pandas"
            ) from None
        return pandas.DataFrame(self.rows, columns=self.columns)

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        return f"<QueryResult columns={self.columns} rows={len(self)}>"


# --------------------------------------------------------------------------- engines


class Backend(Protocol):
    label_cache: dict[tuple[str, ...], LabelIndex]
    resolved: dict[tuple[tuple[str, ...], str], str]  # (classes, label as typed) -> node IRI

    def select(self, text: str, bindings: Mapping[str, Term]) -> QueryResult: ...

    def note_use(self) -> None: ...


_SUFFIX_FORMATS = {  # file suffix -> (pyoxigraph format name, rdflib format name)
    ".trig": ("TRIG", "trig"),
    ".ttl": ("TURTLE", "turtle"),
    ".nt": ("N_TRIPLES", "nt"),
    ".nq": ("N_QUADS", "nquads"),
    ".jsonld": ("JSON_LD", "json-ld"),
    ".rdf": ("RDF_XML", "xml"),
}


def to_oxigraph(term: Term) -> Any:
    """A result/parameter term as a pyoxigraph term."""
    import pyoxigraph as ox

    if term.kind == "uri":
        return ox.NamedNode(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype or XSD + "string"))


#: A build whose kg.nt is at most this big is copied into memory once a process runs a second
#: query on it (on-disk lookups cost 3 to 7 times more; the copy takes about 0.2 s per 6 MB).
IN_MEMORY_MAX_BYTES = 64 * 2**20


class OxigraphBackend:
    """A pyoxigraph Store holding the union of all graphs as its default graph: the persisted
    store of a build (read-only), or the file loaded into memory."""

    def __init__(self, path: Path) -> None:
        import pyoxigraph as ox

        self._ox = ox
        self.label_cache: dict[tuple[str, ...], LabelIndex] = {}
        self.resolved: dict[tuple[tuple[str, ...], str], str] = {}
        self._path, self._uses = path, 0
        fmt = getattr(ox.RdfFormat, _SUFFIX_FORMATS[path.suffix][0])
        try:
            persisted = open_store(path) if path.name == "kg.trig" else None
            self.store = persisted or load_union_store(path, fmt)
        except (SyntaxError, ValueError, OSError) as error:
            raise QueryUsageError(f"{path}: cannot load the graph: {_one_line(error)}") from None
        self._on_disk = persisted is not None and path.with_name("kg.nt").exists()

    def note_use(self) -> None:
        """Called once per query run: a second one means a long-lived process (a notebook, a
        server), where a small build is worth copying into memory."""
        self._uses += 1
        union = self._path.with_name("kg.nt")
        if self._uses == 2 and self._on_disk and union.stat().st_size <= IN_MEMORY_MAX_BYTES:
            ox = self._ox
            memory = ox.Store()
            memory.load(path=str(self._path), format=ox.RdfFormat.TRIG)
            memory.load(path=str(union), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
            self.store = memory

    def select(self, text: str, bindings: Mapping[str, Term]) -> QueryResult:
        ox = self._ox
        subs = {ox.Variable(k): self._term(v) for k, v in bindings.items()}
        try:
            answer = self.store.query(text, substitutions=subs)
        except SyntaxError as error:
            raise QuerySyntaxError(f"SPARQL syntax error: {_one_line(error)}") from None
        except RuntimeError as error:  # e.g. a substituted variable missing from SELECT
            raise QueryUsageError(
                f"{_one_line(error)} (pyoxigraph binds a parameter only when the query selects it)"
            ) from None
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult(["ask"], [{"ask": _bool_term(bool(answer))}], bool(answer))
        if isinstance(answer, ox.QueryTriples):
            names = ["subject", "predicate", "object"]
            rows = [{n: self._back(getattr(t, n)) for n in names} for t in answer]
            return QueryResult(names, rows)
        columns = [v.value for v in answer.variables]
        solutions = list(answer)  # the query runs now; values become Python ones when read
        back = self._back

        def convert() -> list[dict[str, Term]]:
            rows = []
            seen: dict[Any, Term] = {}  # a value repeated across rows is converted once
            for solution in solutions:
                row = {}
                for name, value in zip(columns, solution):
                    if value is not None:
                        try:
                            row[name] = seen[value]
                        except KeyError:
                            row[name] = seen[value] = back(value)
                rows.append(row)
            return rows

        return QueryResult(columns, convert)

    def _term(self, term: Term) -> Any:
        return to_oxigraph(term)

    def _back(self, value: Any) -> Term:
        ox = self._ox
        if isinstance(value, ox.NamedNode):
            return Term("uri", value.value)
        if isinstance(value, ox.BlankNode):
            return Term("bnode", value.value)
        if value.language:
            return Term("literal", value.value, None, value.language)
        return Term("literal", value.value, value.datatype.value)


class RdflibBackend:
    """An rdflib Dataset whose default graph is the union of all graphs (the truthy view, as
    the Oxigraph backend's: see ``store.TRUTHY_UPDATE``)."""

    def __init__(self, path: Path) -> None:
        from rdflib import Dataset

        from adgmin_kg.store import TRUTHY_UPDATE

        self.label_cache: dict[tuple[str, ...], LabelIndex] = {}
        self.resolved: dict[tuple[tuple[str, ...], str], str] = {}
        self.dataset = Dataset(default_union=False)
        try:
            self.dataset.parse(str(path), format=_SUFFIX_FORMATS[path.suffix][1])
        except Exception as error:  # rdflib's parsers raise many unrelated types
            raise QueryUsageError(f"{path}: cannot load the graph: {_one_line(error)}") from None
        default = self.dataset.default_graph
        for s, p, o, g in list(self.dataset.quads((None, None, None, None))):
            if g is not None and g != default.identifier:
                default.add((s, p, o))
        self.dataset.update(TRUTHY_UPDATE)

    def note_use(self) -> None:
        """Nothing to do: the whole graph is in memory already."""

    def select(self, text: str, bindings: Mapping[str, Term]) -> QueryResult:
        from pyparsing import ParseException
        from rdflib import BNode, Literal, URIRef

        init: dict[str, Any] = {}
        for name, term in bindings.items():
            if term.kind == "uri":
                init[name] = URIRef(term.value)
            elif term.kind == "bnode":
                init[name] = BNode(term.value)
            else:
                init[name] = Literal(term.value, lang=term.lang, datatype=term.datatype)
        try:
            answer = self.dataset.query(text, initBindings=init)
        except ParseException as error:
            raise QuerySyntaxError(f"SPARQL syntax error: {_one_line(error)}") from None
        if answer.type == "ASK":
            return QueryResult(["ask"], [{"ask": _bool_term(bool(answer.askAnswer))}], bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            names = ["subject", "predicate", "object"]
            return QueryResult(names, [dict(zip(names, map(self._back, t))) for t in answer])
        columns = [str(v) for v in answer.vars or []]
        rows = []
        for solution in answer:
            found = solution.asdict()  # type: ignore[union-attr]
            rows.append({k: self._back(v) for k, v in found.items() if v is not None and k in columns})
        return QueryResult(columns, rows)

    @staticmethod
    def _back(value: Any) -> Term:
        from rdflib import BNode, Literal, URIRef

        if isinstance(value, URIRef):
            return Term("uri", str(value))
        if isinstance(value, BNode):
            return Term("bnode", str(value))
        assert isinstance(value, Literal)
        if value.language:
            return Term("literal", str(value), None, value.language)
        return Term("literal", str(value), str(value.datatype or XSD + "string"))


def _bool_term(value: bool) -> Term:
    return Term("literal", "true" if value else "false", XSD + "boolean")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def graph_file(graph: Path | str | None) -> Path:
    """The RDF file to load: ``kg.trig`` of a build folder, or the file itself.

    With no graph, the default build folder is (re)built when missing or stale.
    """
    if graph is None:
        from adgmin_kg import pipeline

        try:
            folder = pipeline.ensure_built(default_build_dir())
        except NotImplementedError:
            raise QueryError("cannot build the graph: the builder is not implemented yet") from None
        return Path(folder) / "kg.trig"
    path = Path(graph)
    if path.is_dir():
        path = path / "kg.trig"
    if not path.is_file():
        raise QueryUsageError(f"{path}: no such graph file or build folder")
    if path.suffix not in _SUFFIX_FORMATS:
        known = " ".join(_SUFFIX_FORMATS)
        raise QueryUsageError(f"{path}: unknown RDF file type (known: {known})")
    return path


def open_graph(graph: Path | str | None = None, engine: Engine = "oxigraph") -> Backend:
    """Load a graph once per (file, modification time, engine) and reuse it."""
    path = graph_file(graph).resolve()
    stat = path.stat()
    return _open_cached(path, stat.st_mtime_ns, stat.st_size, engine)


@lru_cache(maxsize=4)
def _open_cached(path: Path, mtime_ns: int, size: int, engine: str) -> Backend:
    if engine == "oxigraph":
        return OxigraphBackend(path)
    if engine == "rdflib":
        return RdflibBackend(path)
    raise QueryUsageError(f'unknown engine "{engine}" (use oxigraph or rdflib)')


# --------------------------------------------------------------------------- parameters

_LABEL_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
#: Labels of the nodes of a class (``?class`` is bound), or in a concept scheme of that IRI.
LABELS_OF_CLASS = _LABEL_PREFIXES + """SELECT DISTINCT ?node ?label ?class WHERE {
  { ?node rdf:type ?class } UNION { ?node skos:inScheme ?class }
  ?node rdfs:label|skos:prefLabel|skos:altLabel ?label .
  FILTER(isIRI(?node))
}"""
#: Labels of every node, for a parameter of class rdfs:Resource.
LABELS_OF_ANY = _LABEL_PREFIXES + """SELECT DISTINCT ?node ?label WHERE {
  ?node rdfs:label|skos:prefLabel|skos:altLabel ?label .
  FILTER(isIRI(?node))
}"""


def normalise_label(text: str) -> str:
    """NFC, case-folded, with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


_LABEL_LANGUAGES = ("th", "en", None)


@dataclass
class LabelIndex:
    """The labels of the nodes of some classes, by normalised form and with spaces removed."""

    pairs: list[tuple[str, str]]
    by_form: dict[str, set[str]] = field(default_factory=dict)
    by_squeezed: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node, label in self.pairs:
            form = normalise_label(label)
            self.by_form.setdefault(form, set()).add(node)
            self.by_squeezed.setdefault(form.replace(" ", ""), set()).add(node)


def _labels(backend: Backend, classes: tuple[str, ...]) -> LabelIndex:
    """The label index of the nodes of any of the classes, made once per backend."""
    cache = backend.label_cache
    if classes not in cache:
        pairs: set[tuple[str, str]] = set()
        for cls in classes:
            if cls == RDFS_RESOURCE:
                result = backend.select(LABELS_OF_ANY, {})
            else:
                result = backend.select(LABELS_OF_CLASS, {"class": Term("uri", cls)})
            pairs.update((r["node"].value, r["label"].value) for r in result.terms)
        cache[classes] = LabelIndex(sorted(pairs))
    return cache[classes]


def _exactly_labelled(backend: Backend, classes: tuple[str, ...], text: str) -> set[str]:
    """Nodes whose label is ``text`` as typed (Thai, English or untagged): index lookups, so a
    cold query on a large graph need not read every label."""
    nodes: set[str] = set()
    for lang in _LABEL_LANGUAGES:
        label = Term("literal", text, None if lang else XSD + "string", lang)
        for cls in classes:
            if cls == RDFS_RESOURCE:
                result = backend.select(LABELS_OF_ANY, {"label": label})  # ?label bound: a lookup
            else:
                result = backend.select(LABELS_OF_CLASS, {"label": label, "class": Term("uri", cls)})
            nodes.update(r["node"].value for r in result.terms)
    return nodes


def resolve_parameter(backend: Backend, param: Parameter, value: str) -> Term:
    """Turn what the user typed into the node it names.

    An IRI (``<...>``, ``http://...``, ``https://...``) is taken as is. Otherwise the value
    is a label, compared after :func:`normalise_label` with the labels of the nodes of the
    parameter's classes; when nothing matches, white space is ignored altogether (Thai text
    is spaced inconsistently).

    :raises ParameterError: when no node or several nodes carry the label.
    """
    text = value.strip()
    iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
    if iri is not text or re.match(r"^(https?|urn):", text):
        if not re.fullmatch(r'[A-Za-z][\w+.-]*:[^\s<>"{}|\\^`]*', iri):
            raise ParameterError(f'{param.name}: "{iri}" is not a valid IRI')
        return Term("uri", iri)
    if (param.classes, text) in backend.resolved:
        return Term("uri", backend.resolved[param.classes, text])
    nodes = _exactly_labelled(backend, param.classes, text)
    if len(nodes) == 1:
        backend.resolved[param.classes, text] = next(iter(nodes))
        return Term("uri", nodes.pop())
    index = _labels(backend, param.classes)
    pairs = index.pairs
    wanted = normalise_label(text)
    nodes = set(index.by_form.get(wanted, ())) or set(index.by_squeezed.get(wanted.replace(" ", ""), ()))
    kind = " or ".join(_short(c) for c in param.classes)
    if len(nodes) == 1:
        backend.resolved[param.classes, text] = next(iter(nodes))
        return Term("uri", nodes.pop())
    if not nodes:
        by_norm: dict[str, str] = {}
        for _, label in pairs:
            by_norm.setdefault(normalise_label(label), label)
        close = difflib.get_close_matches(wanted, list(by_norm), n=5, cutoff=0.6)
        hint = "; close matches: " + ", ".join(f'"{by_norm[c]}"' for c in close) if close else ""
        raise ParameterError(f'{param.name}: no node of {kind} is labelled "{text}"{hint}')
    listed = ", ".join(
        f"<{n}> ({next(lab for node, lab in pairs if node == n)})" for n in sorted(nodes)
    )
    raise ParameterError(f'{param.name}: "{text}" fits several {kind} nodes: {listed}; give an IRI')


def _short(iri: str) -> str:
    for prefix, namespace in KNOWN_PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def bind_parameters(backend: Backend, query: StoredQuery, given: Mapping[str, str]) -> dict[str, Term]:
    """Check the given parameters against the header and resolve them (and defaults).

    :raises ParameterError: for an undeclared or a missing required parameter.
    """
    for name in given:
        if query.parameter(name) is None:
            declared = ", ".join(p.name for p in query.parameters) or "none"
            raise ParameterError(
                f'query "{query.name}" has no parameter "{name}" (parameters: {declared})'
            )
    bound: dict[str, Term] = {}
    for param in query.parameters:
        value = given.get(param.name, param.default)
        if value is None:
            if param.required:
                raise ParameterError(
                    f'query "{query.name}" needs the parameter {param.name} ({param.description})'
                )
            continue
        bound[param.name] = resolve_parameter(backend, param, str(value))
    return bound


# --------------------------------------------------------------------------- running


def run_query(
    name: str | None = None,
    /,
    *,
    file: Path | str | None = None,
    graph: Path | str | None = None,
    engine: Engine = "oxigraph",
    **params: str,
) -> QueryResult:
    """Run a stored query by name, or the query in ``file``, and return its rows.

    :param name: a stored query name (``adgmin-kg queries`` lists them).
    :param file: a ``.rq`` file of your own instead of a stored query.
    :param graph: a build folder or an RDF file; default: ``build/``, rebuilt when stale.
    :param engine: ``"oxigraph"`` (default) or ``"rdflib"``; both give the same rows.
    :param params: the query's parameters, each an IRI or a label (English or Thai).
    :raises QueryError: for an unknown query, a bad parameter or a SPARQL syntax error.

    >>> run_query("partners-on-topic", topic="cybersecurity").columns[:2]  # doctest: +SKIP
    ['partner', 'partner_label']
    """
    if (name is None) == (file is None):
        raise QueryUsageError("give either a stored query name or a query file")
    query = get_query(name) if name is not None else parse_query_file(Path(file))  # type: ignore[arg-type]
    backend = open_graph(graph, engine)
    backend.note_use()
    bindings = bind_parameters(backend, query, params)
    return backend.select(query.text, bindings)


# --------------------------------------------------------------------------- output formats


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as ``table``, ``csv``, ``tsv``, ``json`` or ``sparql-json``.

    ``csv`` and ``tsv`` carry lexical forms (unbound: empty); ``json`` is one array of
    objects (unbound: key absent); ``sparql-json`` is the W3C SPARQL 1.1 results format.
    """
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "sparql-json":
        return json.dumps(_sparql_json(result), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            cells = [row.get(c, "") for c in result.columns]
            if fmt == "tsv":
                cells = [" ".join(c.split("\t")).replace("\n", " ") for c in cells]
            writer.writerow(cells)
        return out.getvalue()
    if fmt == "table":
        return _table(result)
    raise QueryUsageError(f'unknown format "{fmt}" (use {", ".join(FORMATS)})')


def _sparql_json(result: QueryResult) -> dict[str, Any]:
    if result.boolean is not None:
        return {"head": {}, "boolean": result.boolean}
    bindings = []
    for row in result.terms:
        out: dict[str, Any] = {}
        for name, term in row.items():
            item: dict[str, str] = {"type": term.kind, "value": term.lexical}
            if term.lang:
                item["xml:lang"] = term.lang
            elif term.datatype and term.datatype != XSD + "string":
                item["datatype"] = term.datatype
            out[name] = item
        bindings.append(out)
    return {"head": {"vars": result.columns}, "results": {"bindings": bindings}}


def _width(text: str) -> int:
    """Display width: Thai vowel and tone marks take no column, wide CJK takes two."""
    return sum(
        0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def _table(result: QueryResult) -> str:
    rows = [[" ".join(r.get(c, "").split()) for c in result.columns] for r in result.rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(result.columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(result.columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
