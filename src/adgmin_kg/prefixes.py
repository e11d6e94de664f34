"""The prefixes of the model, declared once: exports, the query runner, tables, the server and
its SPARQL editor all take them from here, so a prefixed name one of them shows
(``meeting:adgmin-3``) pastes back into a query anywhere else.

Instance kinds each have a prefix of their own (``meeting:``, ``country:``, ``document:``...),
whose local names hold no slash and so are valid SPARQL and Turtle prefixed names; ``org:`` is
W3C ORG's, so organisations are ``organisation:``. ``id:`` (the instance namespace itself) is
kept for parameter classes such as ``id:scheme/topics``, but never used to shorten an IRI.

This module imports nothing heavy (the command line reads it before rdflib or pyoxigraph).

>>> shorten("https://w3id.org/adgmin-kg/id/meeting/adgmin-3")
'meeting:adgmin-3'
>>> shorten("https://w3id.org/adgmin-kg/id/statement/thaigov-66419/0123456789ab")
'https://w3id.org/adgmin-kg/id/statement/thaigov-66419/0123456789ab'
>>> expand("country:thailand")
'https://w3id.org/adgmin-kg/id/country/thailand'
"""

from __future__ import annotations

import re

__all__ = ["BASE", "INSTANCE_KINDS", "PREFIXES", "SPARQL_PREFIXES", "VOCABULARIES", "expand", "prologue", "shorten"]

BASE = "https://w3id.org/adgmin-kg/"

#: The vocabularies the model uses (``schema:`` is ``https://schema.org/``).
VOCABULARIES: dict[str, str] = {
    "adg": BASE + "ontology#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "wd": "http://www.wikidata.org/entity/",
}

#: Instance kinds, each with its own prefix (statements, whose local names hold a slash, have none).
INSTANCE_KINDS = (
    "release", "country", "org", "person", "post", "place", "series", "meeting", "document", "decision",
    "attendance", "project", "proposal", "support", "topic", "decision-kind", "role", "level",
    "document-kind", "scheme", "activity", "agent",
)

#: Every prefix of the model: vocabularies, then one per instance kind, then the graphs.
PREFIXES: dict[str, str] = {
    **VOCABULARIES,
    **{("organisation" if kind == "org" else kind): f"{BASE}id/{kind}/" for kind in INSTANCE_KINDS},
    "graph": BASE + "graph/",
}

#: The prefixes a SPARQL text may use without declaring them (``PREFIXES`` and ``id:``).
SPARQL_PREFIXES: dict[str, str] = {**PREFIXES, "id": BASE + "id/"}

# PN_LOCAL of SPARQL 1.1 and Turtle, restricted to what our IRIs hold: no slash, no escape
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def shorten(iri: str) -> str:
    """The prefixed name of ``iri`` when one of :data:`PREFIXES` gives a valid one, else the IRI."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if _LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
    return iri


def expand(name: str) -> str:
    """``meeting:adgmin-3`` -> its IRI; anything else is returned unchanged."""
    prefix, sep, local = name.partition(":")
    if sep and prefix in SPARQL_PREFIXES and not local.startswith("//"):
        return SPARQL_PREFIXES[prefix] + local
    return name


def prologue(prefixes: dict[str, str] | None = None) -> str:
    """``PREFIX`` lines declaring ``prefixes`` (default: :data:`PREFIXES`), one per line."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in (prefixes or PREFIXES).items())
