"""Stored SPARQL queries and their runner, on pyoxigraph or rdflib.

A stored query is a file ``queries/<name>.rq`` whose header says what it asks, which
parameters it takes and which columns it returns (``queries/README.md`` gives the
convention). Parameters are bound as RDF terms (pyoxigraph ``substitutions``, rdflib
``initBindings``), never pasted into the query text. A parameter given as a label is
resolved to the one node of the expected class that carries that label.

>>> result = run_query("meeting-details", meeting="ADGMIN 3")   # doctest: +SKIP
>>> result.rows[0]["ordinal"]                                     # doctest: +SKIP
'3'

SPARQL texts (stored or your own) may use the model's prefixes (:mod:`adgmin_kg.prefixes`:
``meeting:``, ``country:``, ``schema:``...) without declaring them.
"""

from __future__ import annotations

import csv
import datetime
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
from adgmin_kg.prefixes import SPARQL_PREFIXES, shorten
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
    "run_sparql",
]

Engine = Literal["oxigraph", "rdflib"]
FORMATS = ("table", "csv", "tsv", "json", "sparql-json")

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_RESOURCE = "http://www.w3.org/2000/01/rdf-schema#Resource"

#: The vocabulary prefixes and ``id:`` (the pages shorten IRIs with these); the SPARQL texts
#: and parameter classes may use every prefix of :data:`adgmin_kg.prefixes.SPARQL_PREFIXES`.
KNOWN_PREFIXES = {
    p: SPARQL_PREFIXES[p]
    for p in ("rdf", "rdfs", "xsd", "owl", "skos", "dcterms", "prov", "org", "schema", "adg", "id")
}

_INTEGER_TYPES = frozenset(XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_FLOAT_TYPES = frozenset((XSD + "double", XSD + "float"))


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
    optional: bool = False  # absent: the variable stays unbound and the query lists everything

    @property
    def required(self) -> bool:
        return not self.optional


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
_PARAM_TAIL = re.compile(r',\s*(?P<optional>optional)\s*$')
_PARAM_DEFAULT = re.compile(r',\s*default\s+"[^"]*"\s*$')
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
    prefixes = {**SPARQL_PREFIXES, **dict(_PREFIX.findall(text))}
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
            f'{path}: parameter line "{line}" is not "?name class - description[, optional]"'
        )
    classes = tuple(_expand(path, c, prefixes) for c in match["classes"].split("|"))
    rest = match["rest"]
    if _PARAM_DEFAULT.search(rest):
        raise ParameterError(
            f'{path}: parameter ?{match["name"]} has a default value; a parameter is required, or '
            '"optional" (absent: the query answers for all); put a sample in "# Example:"'
        )
    tail = _PARAM_TAIL.search(rest)
    optional = bool(tail)
    description = rest[: tail.start()] if tail else rest
    return Parameter(match["name"], classes, description.strip(), optional)


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

    @classmethod
    def iri(cls, value: str) -> Term:
        """An IRI term; a prefixed name of the model (``meeting:adgmin-3``) is expanded."""
        return cls("uri", _expand_name(value))

    @classmethod
    def literal(cls, value: Any, lang: str | None = None, datatype: str | None = None) -> Term:
        """A literal: a Python value (``int``, ``float``, ``Decimal``, ``bool``, ``date``,
        ``datetime``, ``str``) or a lexical form with ``lang`` or ``datatype`` (a full IRI or an
        ``xsd:`` name)."""
        if lang:
            return cls("literal", str(value), None, lang)
        if datatype:
            return cls("literal", str(value), _expand_name(datatype))
        return _python_literal(value)

    def python(self) -> Any:
        """The value as Python: numbers as ``int``, ``Decimal`` or ``float``, ``xsd:boolean`` as
        ``bool``, ``xsd:date`` and ``xsd:dateTime`` as ``date`` and ``datetime``; anything else
        (IRIs, text, a lexical form that is not valid for its type) as its lexical form."""
        if self.kind != "literal" or self.datatype is None:
            return self.value
        text = self.value.strip()
        try:
            if self.datatype in _INTEGER_TYPES:
                return int(text)
            if self.datatype == XSD + "decimal":
                return Decimal(text)
            if self.datatype in _FLOAT_TYPES:
                return float(text.replace("INF", "inf"))
            if self.datatype == XSD + "boolean" and text in ("true", "false", "1", "0"):
                return text in ("true", "1")
            if self.datatype == XSD + "date":
                return datetime.date.fromisoformat(text[:10])
            if self.datatype == XSD + "dateTime":
                return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except (ValueError, InvalidOperation):
            pass
        return self.lexical

    def json(self) -> Any:
        """The value for JSON: numbers and booleans as JSON numbers and booleans, else text."""
        value = self.python()
        if isinstance(value, bool) or isinstance(value, int):
            return value
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, float):
            return value if value == value and abs(value) != float("inf") else self.value
        return self.lexical

    def turtle(self) -> str:
        """The term as SPARQL 1.1 TSV writes it (Turtle syntax, numbers and booleans bare)."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        quoted = '"' + self.value.translate(_TSV_ESCAPES) + '"'
        if self.lang:
            return f"{quoted}@{self.lang}"
        if self.datatype in (None, XSD + "string"):
            return quoted
        bare = _TURTLE_BARE.get(self.datatype)
        if bare is not None and bare.fullmatch(self.value):
            return self.value
        return f"{quoted}^^<{self.datatype}>"


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_TURTLE_BARE = {  # the literals Turtle writes without quotes
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    XSD + "boolean": re.compile(r"true|false"),
}


_PREFIXED_NAME = re.compile(r"[A-Za-z][\w-]*:[A-Za-z0-9_][\w.-]*(?:/[\w.-]+)*")


def _expand_name(value: str) -> str:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    prefix, sep, local = text.partition(":")
    if sep and prefix in SPARQL_PREFIXES and not local.startswith("//"):
        return SPARQL_PREFIXES[prefix] + local
    return text


def _python_literal(value: Any) -> Term:
    """A Python value as a typed literal (``str`` as xsd:string)."""
    if isinstance(value, bool):
        return Term("literal", "true" if value else "false", XSD + "boolean")
    if isinstance(value, int):
        return Term("literal", str(value), XSD + "integer")
    if isinstance(value, Decimal):
        return Term("literal", format(value, "f"), XSD + "decimal")
    if isinstance(value, float):
        return Term("literal", repr(value), XSD + "double")
    if isinstance(value, datetime.datetime):
        return Term("literal", value.isoformat(), XSD + "dateTime")
    if isinstance(value, datetime.date):
        return Term("literal", value.isoformat(), XSD + "date")
    if isinstance(value, str):
        return Term("literal", value, XSD + "string")
    raise QueryUsageError(f"cannot bind a {type(value).__name__} value; give a str, number, bool, date or Term")


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
        """A pandas DataFrame with one typed column per result column.

        A column whose values are all xsd numbers is numeric (integers: ``Int64``; decimals and
        doubles: ``float64``), all ``xsd:date`` or ``xsd:dateTime``: ``datetime64``, all
        ``xsd:boolean``: ``boolean``; text (language-tagged or plain), IRIs and mixed columns
        hold strings. Unbound values are missing (``<NA>``, ``NaT``, ``None``).

        :raises ImportError: with an install hint when pandas is not installed.
        """
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "to_dataframe() needs pandas, which is not installed: pip install pandas"
            ) from None
        data = {c: _typed_column(pandas, [row.get(c) for row in self.terms]) for c in self.columns}
        return pandas.DataFrame(data, columns=self.columns, index=pandas.RangeIndex(len(self)))

    def to_json(self) -> list[dict[str, Any]]:
        """The rows as JSON values: numbers and booleans typed, everything else text."""
        return [{c: row[c].json() for c in self.columns if c in row} for row in self.terms]

    def __iter__(self) -> Iterator[dict[str, str]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.terms)

    def __repr__(self) -> str:
        return f"<QueryResult columns={self.columns} rows={len(self)}>"


def _column_kind(term: Term) -> str:
    if term.kind != "literal" or term.datatype is None:
        return "text"
    if term.datatype in _INTEGER_TYPES:
        return "integer"
    if term.datatype == XSD + "decimal" or term.datatype in _FLOAT_TYPES:
        return "number"
    if term.datatype in (XSD + "date", XSD + "dateTime"):
        return "date"
    if term.datatype == XSD + "boolean":
        return "boolean"
    return "text"


def _typed_column(pandas: Any, terms: list[Term | None]) -> Any:
    """One DataFrame column from the terms of a result column (None: unbound)."""
    kinds = {_column_kind(t) for t in terms if t is not None}
    values = [t.python() if t is not None else None for t in terms]
    try:
        if kinds == {"integer"}:
            return pandas.array(values, dtype="Int64")
        if kinds and kinds <= {"integer", "number"}:
            return pandas.Series([float(v) if v is not None else None for v in values], dtype="float64")
        if kinds == {"date"}:
            return pandas.to_datetime(pandas.Series(values, dtype="object"), utc=any(
                isinstance(v, datetime.datetime) and v.tzinfo for v in values) or None)
        if kinds == {"boolean"}:
            return pandas.array(values, dtype="boolean")
    except (TypeError, ValueError, OverflowError):
        pass  # a lexical form not valid for its type: the column stays text
    return pandas.Series([t.lexical if t is not None else None for t in terms], dtype="object")


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
            answer = self.store.query(text, substitutions=subs, prefixes=SPARQL_PREFIXES)
        except SyntaxError as error:
            raise QuerySyntaxError(syntax_error_message(text, str(error))) from None
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
            answer = self.dataset.query(text, initBindings=init, initNs=SPARQL_PREFIXES)
        except ParseException as error:
            where = f"error at {error.lineno}:{error.col}: {error.msg}"
            raise QuerySyntaxError(syntax_error_message(text, where)) from None
        except Exception as error:  # rdflib reports an undeclared prefix as a bare Exception
            if "Unknown namespace prefix" not in str(error):
                raise
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


_ERROR_AT = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)
_EXPECTED = re.compile(r"^expected(?: one of)?\s+(.*)$", re.DOTALL)


def syntax_error_message(text: str, parser_message: str) -> str:
    """A SPARQL syntax error as people read it: where (line and column, 1-based), what, and the
    line with a caret under the spot.

    The first line says it all (the command line prints it alone on its first line); the
    second and third show the query line and the caret.

    >>> print(syntax_error_message("SELECT ?x\\nWHERE { ?x foo:bar ?y }", "error at 2:18: expected one of Prefix not found, ['%']"))
    SPARQL syntax error at line 2, column 12: the prefix foo: is not declared (add PREFIX foo: <...>)
      WHERE { ?x foo:bar ?y }
                 ^
    """
    match = _ERROR_AT.match(parser_message.strip())
    if not match:
        return "SPARQL syntax error: " + " ".join(parser_message.split())
    line_no, column = int(match[1]), int(match[2])
    lines = text.splitlines() or [""]
    line_no = min(max(line_no, 1), len(lines))
    line = lines[line_no - 1]
    what = _what_went_wrong(" ".join(match[3].split()))
    if what == "is not declared":
        start, name = _name_before(line, column - 1)
        prefix = name.partition(":")[0] if name else "a"
        what = f"the prefix {prefix}: is not declared (add PREFIX {prefix}: <...>)"
        column = start + 1 if name else column
    column = min(max(column, 1), len(line) + 1)
    shown = line.expandtabs(1)
    caret = " " * _width(shown[: column - 1]) + "^"
    return f"SPARQL syntax error at line {line_no}, column {column}: {what}\n  {shown}\n  {caret}"


def _what_went_wrong(message: str) -> str:
    """The parser's list of expected tokens, without its character classes."""
    if "Prefix not found" in message:
        return "is not declared"
    match = _EXPECTED.match(message)
    if not match:
        return message or "unexpected text"
    words = [w.strip() for w in re.split(r",\s*(?![^\[]*\])", match[1])]
    kept = [w for w in words if w and not w.startswith("[") and not w.startswith("'")]
    if len(kept) < len([w for w in words if w]):  # it wanted a name, a number or a term
        return "unexpected text (or end of query) here"
    listed = ", ".join(kept[:12]) + (", ..." if len(kept) > 12 else "")
    return f"unexpected text here; expected {listed}"


def _name_before(line: str, end: int) -> tuple[int, str]:
    """The start and text of the prefixed name that ends at (or just before) ``end``."""
    found = (end, "")
    for match in re.finditer(r"[^\s{}()<>\"',;?$]*:[^\s{}()<>\"',;]*", line):
        if match.start() <= end <= match.end() + 1:
            found = (match.start(), match.group())
    return found


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

    An IRI (``<...>``, ``http://...``, ``https://...``) is taken as is, a prefixed name of
    the model (``country:japan``, as tables show IRIs) is expanded. Otherwise the value
    is a label, compared after :func:`normalise_label` with the labels of the nodes of the
    parameter's classes; when nothing matches, white space is ignored altogether (Thai text
    is spaced inconsistently).

    :raises ParameterError: when no node or several nodes carry the label.
    """
    text = value.strip()
    iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
    if _PREFIXED_NAME.fullmatch(text) and text.partition(":")[0] in SPARQL_PREFIXES:
        iri = _expand_name(text)  # a prefixed name of the model, as tables show them
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
    """Check the given parameters against the header and resolve them.

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
        value = given.get(param.name)
        if value is None:
            if param.required:
                raise ParameterError(
                    f'query "{query.name}" needs the parameter {param.name} ({param.description}): '
                    f'give it as {param.name}=<IRI or label>'
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


def run_sparql(
    text: str,
    /,
    *,
    graph: Path | str | None = None,
    engine: Engine = "oxigraph",
    **bindings: Any,
) -> QueryResult:
    """Run a SPARQL text with its variables bound to values (bound as RDF terms, never pasted).

    A value is a :class:`Term`, an IRI (``"https://..."``, ``"<...>"``) or a prefixed name of
    the model (``"country:thailand"``: a ``str`` with a known prefix is an IRI), or a Python
    value bound as a typed literal (``str`` as ``xsd:string``, ``int`` as ``xsd:integer``,
    ``Decimal``, ``float``, ``bool``, ``date``). To bind text with a language, give
    ``Term.literal("...", lang="th")``. pyoxigraph binds a variable only when the query selects
    it, so select every bound variable. The model's prefixes need no ``PREFIX`` line.

    :raises QueryError: for a SPARQL syntax error (with line and column) or a bad value.

    >>> run_sparql("SELECT ?label WHERE { ?c rdfs:label ?label } ", c="country:japan")  # doctest: +SKIP
    """
    backend = open_graph(graph, engine)
    backend.note_use()
    return backend.select(text, {name: _binding(name, value) for name, value in bindings.items()})


def _binding(name: str, value: Any) -> Term:
    if isinstance(value, Term):
        return value
    if isinstance(value, str):
        text = value.strip()
        expanded = _expand_name(text)
        if expanded != text or re.match(r"^(https?|urn):", text):
            if not re.fullmatch(r'[A-Za-z][\w+.-]*:[^\s<>"{}|\\^`]*', expanded):
                raise ParameterError(f'{name}: "{expanded}" is not a valid IRI')
            return Term("uri", expanded)
    try:
        return _python_literal(value)
    except QueryUsageError as error:
        raise ParameterError(f"{name}: {error}") from None


# --------------------------------------------------------------------------- output formats


def format_result(result: QueryResult, fmt: str = "table", *, full_iri: bool = False,
                  width: int | None = None) -> str:
    """Render a result as ``table``, ``csv``, ``tsv``, ``json`` or ``sparql-json``.

    - ``table``: for reading; IRIs as the model's prefixed names (``meeting:adgmin-3``, which
      paste back into SPARQL) unless ``full_iri``, cells cut with ``…`` so that lines fit in
      ``width`` display columns (None: no limit).
    - ``csv``: lexical forms, full IRIs (unbound: empty).
    - ``tsv``: SPARQL 1.1 TSV, as the server's ``text/tab-separated-values``: a ``?var``
      header, terms in Turtle syntax (``<iri>``, ``"text"@th``, ``"lexical form"^^<datatype IRI>``,
      numbers and booleans bare).
    - ``json``: one array of objects (unbound: key absent); numbers and booleans are JSON
      numbers and booleans, everything else its lexical form.
    - ``sparql-json``: the W3C SPARQL 1.1 Query Results JSON format.
    """
    if fmt == "json":
        return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "sparql-json":
        return json.dumps(_sparql_json(result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([row.get(c, "") for c in result.columns])
        return out.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{c}" for c in result.columns)]
        lines += ["\t".join(row[c].turtle() if c in row else "" for c in result.columns) for row in result.terms]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return _table(result, full_iri=full_iri, width=width)
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


def _cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` display columns, ending with ``…`` when cut."""
    if _width(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        w = _width(char)
        if used + w > width - 1:
            break
        out.append(char)
        used += w
    return "".join(out) + "…"


def _fit(natural: list[int], headers: list[int], limit: int | None) -> list[int]:
    """Column widths whose total (with two spaces between columns) fits ``limit``: the widest
    column gives up a column at a time, first down to its header (or 8), then down to 4."""
    widths = list(natural)
    if limit is None:
        return widths
    for floor in ([min(n, max(h, 8)) for n, h in zip(natural, headers)], [min(n, 4) for n in natural]):
        while sum(widths) + 2 * (len(widths) - 1) > limit:
            i = max(range(len(widths)), key=lambda k: (widths[k] - floor[k], -k))
            if widths[i] <= floor[i]:
                break
            widths[i] -= 1
    return widths


def _table(result: QueryResult, *, full_iri: bool = False, width: int | None = None) -> str:
    def shown(term: Term | None) -> str:
        if term is None:
            return ""
        text = term.value if term.kind == "uri" and full_iri else shorten(term.value) if term.kind == "uri" else term.lexical
        return " ".join(text.split())

    rows = [[shown(r.get(c)) for c in result.columns] for r in result.terms]
    headers = [_width(c) for c in result.columns]
    natural = [max([headers[i]] + [_width(r[i]) for r in rows]) for i in range(len(result.columns))]
    widths = _fit(natural, headers, width)

    def line(cells: list[str]) -> str:
        cut = [_cut(c, w) for c, w in zip(cells, widths)]
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cut, widths)).rstrip()

    out = [line(result.columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    note = "; cut to fit, --width 0 for all" if widths != natural else ""
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{note})")
    return "\n".join(out) + "\n"
