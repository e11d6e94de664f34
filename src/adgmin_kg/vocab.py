"""Namespaces and IRI minting: one place that knows how IRIs look."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from adgmin_kg.prefixes import PREFIXES as _PREFIXES

BASE = "https://w3id.org/adgmin-kg/"
ADG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
DATA = Namespace(BASE + "data/")
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
XSD_STRING = str(XSD.string)  # the datatype of plain literals, as Oxigraph reports it

PREFIXES: dict[str, Namespace] = {
    "adg": ADG,
    "id": ID,
    "schema": SCHEMA,
    "dcterms": Namespace(str(DCTERMS)),
    "org": Namespace(str(ORG)),
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
    "foaf": FOAF,
    "wd": WIKIDATA,
}

# instance kinds, each with its own prefix in exports (``meeting:adgmin-3``); statements,
# whose local names hold a slash, are written as full IRIs. Declared in adgmin_kg.prefixes.
EXPORT_PREFIXES: dict[str, str] = {p: iri for p, iri in _PREFIXES.items() if p != "graph"}

# gazetteer kinds whose entries are SKOS concepts, and their schemes
SCHEMES: dict[str, str] = {
    "topic": "topics",
    "decision-kind": "decision-kinds",
    "role": "attendance-roles",
    "level": "levels",
    "document-kind": "document-kinds",
}


def entity(kind: str, key: str) -> URIRef:
    return ID[f"{kind}/{key}"]


def scheme(kind: str) -> URIRef:
    return ID[f"scheme/{SCHEMES[kind]}"]


def release_graph(release_id: str) -> URIRef:
    return GRAPH[f"release/{release_id}"]


REFERENCE_GRAPH = GRAPH["reference"]
EXTRACTION = ID["activity/extraction"]
CURATION = ID["activity/curation"]
BUILDER = ID["agent/adgmin-kg-builder"]
