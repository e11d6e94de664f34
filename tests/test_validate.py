"""Tests for adgmin_kg.validate, the ontology and the SHACL shapes.

The valid fixture (tests/fixtures/shapes/valid.trig) must conform with no results at all. Each
negative case applies one SPARQL Update to it and must make exactly one shape fail on exactly
one focus node; every violation shape has a case (checked), so a shape that never fires, or one
that fires on the wrong node, fails the suite.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from adgmin_kg.paths import ontology_dir
from adgmin_kg.prefixes import VOCABULARIES
from adgmin_kg.validate import (
    SHAPES_FILES,
    ValidationReport,
    ValidationResult,
    load_ontology,
    load_shapes,
    validate,
)

FIXTURE = Path(__file__).parent / "fixtures" / "shapes" / "valid.trig"
ADG = VOCABULARIES["adg"]
ADGSH = "https://w3id.org/adgmin-kg/shapes#"
ONTOLOGY_IRI = URIRef("https://w3id.org/adgmin-kg/ontology")

PREFIXES = {  # the model's vocabularies, then short names for the test's own updates
    **VOCABULARIES,
    "adgsh": ADGSH,
    "act": "https://w3id.org/adgmin-kg/id/activity/",
    "att": "https://w3id.org/adgmin-kg/id/attendance/",
    "country": "https://w3id.org/adgmin-kg/id/country/",
    "dec": "https://w3id.org/adgmin-kg/id/decision/",
    "dkind": "https://w3id.org/adgmin-kg/id/decision-kind/",
    "doc": "https://w3id.org/adgmin-kg/id/document/",
    "dockind": "https://w3id.org/adgmin-kg/id/document-kind/",
    "level": "https://w3id.org/adgmin-kg/id/level/",
    "mtg": "https://w3id.org/adgmin-kg/id/meeting/",
    "o": "https://w3id.org/adgmin-kg/id/org/",
    "person": "https://w3id.org/adgmin-kg/id/person/",
    "place": "https://w3id.org/adgmin-kg/id/place/",
    "post": "https://w3id.org/adgmin-kg/id/post/",
    "proj": "https://w3id.org/adgmin-kg/id/project/",
    "prop": "https://w3id.org/adgmin-kg/id/proposal/",
    "rel": "https://w3id.org/adgmin-kg/id/release/",
    "role": "https://w3id.org/adgmin-kg/id/role/",
    "scheme": "https://w3id.org/adgmin-kg/id/scheme/",
    "ser": "https://w3id.org/adgmin-kg/id/series/",
    "stmt": "https://w3id.org/adgmin-kg/id/statement/thaigov-99999/",
    "sup": "https://w3id.org/adgmin-kg/id/support/",
    "topic": "https://w3id.org/adgmin-kg/id/topic/",
}
SPARQL_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def iri(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local


@dataclass(frozen=True)
class Case:
    """A mutation of the valid fixture and the one (shape, focus node) it must break."""

    shape: str
    focus: str
    update: str

    @property
    def id(self) -> str:
        return self.shape.removeprefix("adgsh:")


REL, MTG, TALK = "rel:thaigov-99999", "mtg:adgmin-3", "mtg:adgmin-3-talk-japan-thailand"
ATT, DEC = "att:adgmin-3-thailand", "dec:adgmin-3-adopted-boracay-digital-declaration"
PROJ, PROP = "proj:asean-cybersecurity-training", "prop:adgmin-3-thailand-asean-working-group-on-ai"
SUP = "sup:adgmin-3-asean-ict-fund-thailand"
DOC, STMT = "doc:boracay-digital-declaration", "stmt:m-type"

VIOLATION_CASES = [
    # Release
    Case("adgsh:Release-identifier-count", REL, "DELETE WHERE { rel:thaigov-99999 dcterms:identifier ?v }"),
    Case("adgsh:Release-identifier-datatype", REL,
         'DELETE WHERE { rel:thaigov-99999 dcterms:identifier ?v } ;'
         ' INSERT DATA { rel:thaigov-99999 dcterms:identifier "thaigov-99999"@en }'),
    Case("adgsh:Release-url-count", REL, "DELETE WHERE { rel:thaigov-99999 schema:url ?v }"),
    Case("adgsh:Release-url-nodeKind", REL,
         'DELETE WHERE { rel:thaigov-99999 schema:url ?v } ;'
         ' INSERT DATA { rel:thaigov-99999 schema:url "https://www.thaigov.go.th/news/contents/details/99999" }'),
    Case("adgsh:Release-issued-count", REL,
         'INSERT DATA { rel:thaigov-99999 dcterms:issued "2023-02-12"^^xsd:date }'),
    Case("adgsh:Release-issued-datatype", REL,
         'DELETE WHERE { rel:thaigov-99999 dcterms:issued ?v } ;'
         ' INSERT DATA { rel:thaigov-99999 dcterms:issued "11 กุมภาพันธ์ 2566" }'),
    Case("adgsh:Release-title-count", REL, "DELETE WHERE { rel:thaigov-99999 dcterms:title ?v }"),
    Case("adgsh:Release-language-count", REL, "DELETE WHERE { rel:thaigov-99999 dcterms:language ?v }"),
    Case("adgsh:Release-language-in", REL,
         'DELETE WHERE { rel:thaigov-99999 dcterms:language ?v } ;'
         ' INSERT DATA { rel:thaigov-99999 dcterms:language "thai" }'),
    Case("adgsh:Release-releaseKind-count", REL, "DELETE WHERE { rel:thaigov-99999 adg:releaseKind ?v }"),
    Case("adgsh:Release-releaseKind-in", REL,
         'DELETE WHERE { rel:thaigov-99999 adg:releaseKind ?v } ;'
         ' INSERT DATA { rel:thaigov-99999 adg:releaseKind "press" }'),
    Case("adgsh:Release-scope-count", REL, 'INSERT DATA { rel:thaigov-99999 adg:scope "excerpt" }'),
    Case("adgsh:Release-scope-in", REL,
         'DELETE WHERE { rel:thaigov-99999 adg:scope ?v } ; INSERT DATA { rel:thaigov-99999 adg:scope "partial" }'),
    Case("adgsh:Release-sha256-count", REL, "DELETE WHERE { rel:thaigov-99999 adg:sha256 ?v }"),
    Case("adgsh:Release-sha256-pattern", REL,
         'DELETE WHERE { rel:thaigov-99999 adg:sha256 ?v } ;'
         ' INSERT DATA { rel:thaigov-99999 adg:sha256 "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08" }'),
    Case("adgsh:Release-publisher-count", REL, "DELETE WHERE { rel:thaigov-99999 dcterms:publisher ?v }"),
    Case("adgsh:Release-publisher-class", REL,
         "DELETE WHERE { rel:thaigov-99999 dcterms:publisher ?v } ;"
         " INSERT DATA { rel:thaigov-99999 dcterms:publisher person:thipanan-sirichana }"),
    Case("adgsh:Release-spokesperson-class", REL,
         "DELETE WHERE { rel:thaigov-99999 adg:spokesperson ?v } ;"
         " INSERT DATA { rel:thaigov-99999 adg:spokesperson o:opm }"),
    # Statement
    Case("adgsh:Statement-subject-count", STMT, "INSERT DATA { stmt:m-type rdf:subject mtg:adgmin-4 }"),
    Case("adgsh:Describer-class", "stmt:untyped", "INSERT DATA { stmt:untyped rdf:subject mtg:adgmin-3 }"),
    Case("adgsh:Statement-predicate-count", STMT, "DELETE WHERE { stmt:m-type rdf:predicate ?v }"),
    Case("adgsh:Statement-predicate-nodeKind", STMT,
         'DELETE WHERE { stmt:m-type rdf:predicate ?v } ; INSERT DATA { stmt:m-type rdf:predicate "type" }'),
    Case("adgsh:Statement-object-count", STMT, "DELETE WHERE { stmt:m-type rdf:object ?v }"),
    Case("adgsh:Statement-wasDerivedFrom-count", STMT, "DELETE WHERE { stmt:m-type prov:wasDerivedFrom ?v }"),
    Case("adgsh:Statement-wasDerivedFrom-class", STMT,
         "DELETE WHERE { stmt:m-type prov:wasDerivedFrom ?v } ;"
         " INSERT DATA { stmt:m-type prov:wasDerivedFrom <https://www.thaigov.go.th/news/contents/details/99999> }"),
    Case("adgsh:Statement-wasGeneratedBy-count", STMT, "DELETE WHERE { stmt:m-type prov:wasGeneratedBy ?v }"),
    Case("adgsh:Statement-wasGeneratedBy-in", STMT,
         "DELETE WHERE { stmt:m-type prov:wasGeneratedBy ?v } ; INSERT DATA { stmt:m-type prov:wasGeneratedBy act:guess }"),
    Case("adgsh:Statement-rule-datatype", STMT,
         "DELETE WHERE { stmt:m-type adg:rule ?v } ; INSERT DATA { stmt:m-type adg:rule 5 }"),
    Case("adgsh:Statement-quote-count", STMT, "DELETE WHERE { stmt:m-type adg:quote ?v }"),
    Case("adgsh:Statement-quote-datatype", STMT,
         'DELETE WHERE { stmt:m-type adg:quote ?v } ; INSERT DATA { stmt:m-type adg:quote "ครั้งที่ 3"@th }'),
    Case("adgsh:Statement-quote-minLength", STMT,
         'DELETE WHERE { stmt:m-type adg:quote ?v } ; INSERT DATA { stmt:m-type adg:quote "" }'),
    Case("adgsh:Statement-quoteStart-count", STMT, "DELETE WHERE { stmt:m-type adg:quoteStart ?v }"),
    Case("adgsh:Statement-quoteStart-datatype", STMT,
         "DELETE WHERE { stmt:m-type adg:quoteStart ?v } ; INSERT DATA { stmt:m-type adg:quoteStart 177 }"),
    Case("adgsh:Statement-quoteEnd-count", STMT, "DELETE WHERE { stmt:m-type adg:quoteEnd ?v }"),
    Case("adgsh:Statement-quoteEnd-datatype", STMT,
         "DELETE WHERE { stmt:m-type adg:quoteEnd ?v } ; INSERT DATA { stmt:m-type adg:quoteEnd 223 }"),
    Case("adgsh:Statement-quoteStart-lessThan", STMT,
         "DELETE WHERE { stmt:m-type adg:quoteEnd ?v } ;"
         ' INSERT DATA { stmt:m-type adg:quoteEnd "100"^^xsd:nonNegativeInteger }'),
    Case("adgsh:Statement-rank-count", STMT, "INSERT DATA { stmt:m-type adg:rank adg:PreferredRank , adg:NormalRank }"),
    Case("adgsh:Statement-rank-in", STMT, "INSERT DATA { stmt:m-type adg:rank adg:Preferred }"),
    Case("adgsh:Statement-rankReason-count", STMT,
         "INSERT DATA { scheme:a skos:inScheme scheme:rank-reasons . scheme:b skos:inScheme scheme:rank-reasons ."
         " stmt:m-type adg:rankReason scheme:a , scheme:b }"),
    Case("adgsh:Statement-rankReason-scheme", STMT, "INSERT DATA { stmt:m-type adg:rankReason topic:cybersecurity }"),
    # Meeting
    Case("adgsh:BilateralMeeting-participant-count", "mtg:adgmin-3-talk-japan-thailand",
         "DELETE DATA { mtg:adgmin-3-talk-japan-thailand adg:participant country:japan }"),
    Case("adgsh:BilateralMeeting-held", "mtg:adgmin-3-talk-japan-thailand",
         "DELETE WHERE { mtg:adgmin-3-talk-japan-thailand schema:superEvent ?m ; schema:startDate ?d }"),
    Case("adgsh:Meeting-label-count", MTG, "DELETE WHERE { mtg:adgmin-3 rdfs:label ?v }"),
    Case("adgsh:Meeting-ordinal-count", MTG, "INSERT DATA { mtg:adgmin-3 adg:ordinal 4 }"),
    Case("adgsh:Meeting-ordinal-datatype", MTG,
         'DELETE WHERE { mtg:adgmin-3 adg:ordinal ?v } ; INSERT DATA { mtg:adgmin-3 adg:ordinal "3"^^xsd:int }'),
    Case("adgsh:Meeting-ordinal-minInclusive", MTG,
         "DELETE WHERE { mtg:adgmin-3 adg:ordinal ?v } ; INSERT DATA { mtg:adgmin-3 adg:ordinal 0 }"),
    Case("adgsh:Meeting-startDate-count", MTG,
         'INSERT DATA { mtg:adgmin-3 schema:startDate "2023-02-08"^^xsd:date }'),
    # without an end date, so that sh:lessThanOrEquals has no pair to compare
    Case("adgsh:Meeting-startDate-datatype", MTG,
         "DELETE WHERE { mtg:adgmin-3 schema:startDate ?s ; schema:endDate ?e } ;"
         ' INSERT DATA { mtg:adgmin-3 schema:startDate "9 กุมภาพันธ์ 2566" }'),
    Case("adgsh:Meeting-endDate-count", MTG, 'INSERT DATA { mtg:adgmin-3 schema:endDate "2023-02-11"^^xsd:date }'),
    Case("adgsh:Meeting-endDate-datatype", MTG,
         "DELETE WHERE { mtg:adgmin-3 schema:startDate ?s ; schema:endDate ?e } ;"
         ' INSERT DATA { mtg:adgmin-3 schema:endDate "10 กุมภาพันธ์ 2566" }'),
    Case("adgsh:Meeting-startDate-lessThanOrEquals", MTG,
         "DELETE WHERE { mtg:adgmin-3 schema:endDate ?v } ;"
         ' INSERT DATA { mtg:adgmin-3 schema:endDate "2023-02-08"^^xsd:date }'),
    Case("adgsh:Meeting-inSeries-class", MTG,
         "DELETE WHERE { mtg:adgmin-3 adg:inSeries ?v } ; INSERT DATA { mtg:adgmin-3 adg:inSeries ser:unknown }"),
    Case("adgsh:Meeting-hostCountry-class", MTG,
         "DELETE WHERE { mtg:adgmin-3 adg:hostCountry ?v } ; INSERT DATA { mtg:adgmin-3 adg:hostCountry o:asean }"),
    Case("adgsh:Meeting-location-class", MTG,
         "DELETE WHERE { mtg:adgmin-3 schema:location ?v } ;"
         " INSERT DATA { mtg:adgmin-3 schema:location o:asean }"),
    Case("adgsh:Meeting-memberStatesAttending-count", MTG, "INSERT DATA { mtg:adgmin-3 adg:memberStatesAttending 10 }"),
    Case("adgsh:Meeting-memberStatesAttending-datatype", MTG,
         "DELETE WHERE { mtg:adgmin-3 adg:memberStatesAttending ?v } ;"
         ' INSERT DATA { mtg:adgmin-3 adg:memberStatesAttending "9"^^xsd:int }'),
    Case("adgsh:Meeting-memberStatesAttending-range", MTG,
         "DELETE WHERE { mtg:adgmin-3 adg:memberStatesAttending ?v } ;"
         " INSERT DATA { mtg:adgmin-3 adg:memberStatesAttending 12 }"),
    Case("adgsh:Meeting-participant-nodeKind", MTG, 'INSERT DATA { mtg:adgmin-3 adg:participant "ประเทศไทย"@th }'),
    Case("adgsh:Meeting-theme-datatype", MTG,
         'DELETE WHERE { mtg:adgmin-3 adg:theme ?v } ; INSERT DATA { mtg:adgmin-3 adg:theme "Building a Digital ASEAN" }'),
    # in the topics scheme but not typed skos:Concept
    Case("adgsh:Meeting-subject-class", MTG,
         "INSERT DATA { mtg:adgmin-3 dcterms:subject topic:ai . topic:ai skos:inScheme scheme:topics }"),
    Case("adgsh:Meeting-subject-scheme", MTG, "INSERT DATA { mtg:adgmin-3 dcterms:subject level:ministerial }"),
    Case("adgsh:Meeting-superEvent-class", TALK,
         "DELETE WHERE { mtg:adgmin-3-talk-japan-thailand schema:superEvent ?v } ;"
         " INSERT DATA { mtg:adgmin-3-talk-japan-thailand schema:superEvent ser:adgmin }"),
    Case("adgsh:Meeting-relation-class", MTG, "INSERT DATA { mtg:adgmin-3 dcterms:relation place:boracay }"),
    Case("adgsh:Meeting-level-class", TALK,
         "INSERT DATA { mtg:adgmin-3-talk-japan-thailand adg:level level:summit . level:summit skos:inScheme scheme:levels }"),
    Case("adgsh:Meeting-level-scheme", TALK,
         "INSERT DATA { mtg:adgmin-3-talk-japan-thailand adg:level topic:cybersecurity }"),
    Case("adgsh:Meeting-expectedTime-datatype", MTG, 'INSERT DATA { mtg:adgmin-3 adg:expectedTime "early 2024" }'),
    Case("adgsh:Meeting-expectedYear-count", MTG, "INSERT DATA { mtg:adgmin-3 adg:expectedYear 2024, 2025 }"),
    Case("adgsh:Meeting-expectedYear-datatype", MTG, 'INSERT DATA { mtg:adgmin-3 adg:expectedYear "2024" }'),
    Case("adgsh:Meeting-provenance", TALK,
         "DELETE { ?st ?p ?o } WHERE { ?st rdf:subject mtg:adgmin-3-talk-japan-thailand ; ?p ?o }"),
    # Attendance
    Case("adgsh:Attendance-attendee-count", ATT, "DELETE WHERE { att:adgmin-3-thailand adg:attendee ?v }"),
    Case("adgsh:Attendance-attendee-nodeKind", ATT,
         'DELETE WHERE { att:adgmin-3-thailand adg:attendee ?v } ; INSERT DATA { att:adgmin-3-thailand adg:attendee "ไทย"@th }'),
    Case("adgsh:Attendance-attendedMeeting-count", ATT, "DELETE WHERE { att:adgmin-3-thailand adg:attendedMeeting ?v }"),
    Case("adgsh:Attendance-attendedMeeting-class", ATT,
         "DELETE WHERE { att:adgmin-3-thailand adg:attendedMeeting ?v } ;"
         " INSERT DATA { att:adgmin-3-thailand adg:attendedMeeting ser:adgmin }"),
    Case("adgsh:Attendance-role-count", ATT, "DELETE WHERE { att:adgmin-3-thailand adg:role ?v }"),
    Case("adgsh:Attendance-role-class", ATT,
         "DELETE WHERE { att:adgmin-3-thailand adg:role ?v } ;"
         " INSERT DATA { att:adgmin-3-thailand adg:role role:observer . role:observer skos:inScheme scheme:attendance-roles }"),
    Case("adgsh:Attendance-role-scheme", ATT,
         "DELETE WHERE { att:adgmin-3-thailand adg:role ?v } ; INSERT DATA { att:adgmin-3-thailand adg:role level:ministerial }"),
    Case("adgsh:Attendance-provenance", ATT,
         "DELETE { ?st ?p ?o } WHERE { ?st rdf:subject att:adgmin-3-thailand ; ?p ?o }"),
    # Document
    Case("adgsh:Document-label-count", DOC, "DELETE WHERE { doc:boracay-digital-declaration rdfs:label ?v }"),
    Case("adgsh:Document-title-count", DOC, "DELETE WHERE { doc:boracay-digital-declaration dcterms:title ?v }"),
    Case("adgsh:Document-documentKind-count", DOC,
         "INSERT DATA { doc:boracay-digital-declaration adg:documentKind dockind:plan ."
         ' dockind:plan a skos:Concept ; skos:inScheme scheme:document-kinds ; skos:prefLabel "plan"@en }'),
    Case("adgsh:Document-documentKind-class", DOC,
         "DELETE WHERE { doc:boracay-digital-declaration adg:documentKind ?v } ;"
         " INSERT DATA { doc:boracay-digital-declaration adg:documentKind dockind:plan ."
         " dockind:plan skos:inScheme scheme:document-kinds }"),
    Case("adgsh:Document-documentKind-scheme", DOC,
         "DELETE WHERE { doc:boracay-digital-declaration adg:documentKind ?v } ;"
         " INSERT DATA { doc:boracay-digital-declaration adg:documentKind dkind:adopted }"),
    Case("adgsh:Document-title-whole", DOC,
         'DELETE WHERE { doc:boracay-digital-declaration dcterms:title ?v } ;'
         ' INSERT DATA { doc:boracay-digital-declaration dcterms:title "ฯ รวมทั้งให้ความเห็นชอบในหลักการต่อเอกสาร"@th }'),
    Case("adgsh:Document-title-maxLength", DOC,
         'DELETE WHERE { doc:boracay-digital-declaration dcterms:title ?v } ;'
         f' INSERT DATA {{ doc:boracay-digital-declaration dcterms:title "{"ปฏิญญาดิจิทัลโบราเคย์ " * 20}"@th }}'),
    # Decision
    Case("adgsh:Decision-decidedBy-count", DEC, f"DELETE WHERE {{ {DEC} adg:decidedBy ?v }}"),
    Case("adgsh:Decision-decidedBy-class", DEC,
         f"DELETE WHERE {{ {DEC} adg:decidedBy ?v }} ; INSERT DATA {{ {DEC} adg:decidedBy country:philippines }}"),
    Case("adgsh:Decision-decisionOn-count", DEC, f"DELETE WHERE {{ {DEC} adg:decisionOn ?v }}"),
    Case("adgsh:Decision-decisionKind-count", DEC, f"DELETE WHERE {{ {DEC} adg:decisionKind ?v }}"),
    Case("adgsh:Decision-decisionKind-class", DEC,
         f"DELETE WHERE {{ {DEC} adg:decisionKind ?v }} ;"
         f" INSERT DATA {{ {DEC} adg:decisionKind dkind:welcomed . dkind:welcomed skos:inScheme scheme:decision-kinds }}"),
    Case("adgsh:Decision-decisionKind-scheme", DEC,
         f"DELETE WHERE {{ {DEC} adg:decisionKind ?v }} ; INSERT DATA {{ {DEC} adg:decisionKind role:member-state }}"),
    Case("adgsh:Decision-date-count", DEC, f'INSERT DATA {{ {DEC} dcterms:date "2023-02-09"^^xsd:date }}'),
    Case("adgsh:Decision-date-datatype", DEC,
         f'DELETE WHERE {{ {DEC} dcterms:date ?v }} ; INSERT DATA {{ {DEC} dcterms:date "10 Feb 2023" }}'),
    Case("adgsh:Decision-provenance", DEC, f"DELETE {{ ?st ?p ?o }} WHERE {{ ?st rdf:subject {DEC} ; ?p ?o }}"),
    # Funded project
    Case("adgsh:FundedProject-title-count", PROJ, f"DELETE WHERE {{ {PROJ} dcterms:title ?v }}"),
    Case("adgsh:FundedProject-funder-count", PROJ, f"DELETE WHERE {{ {PROJ} schema:funder ?v }}"),
    Case("adgsh:FundedProject-funder-class", PROJ,
         f"DELETE WHERE {{ {PROJ} schema:funder ?v }} ; INSERT DATA {{ {PROJ} schema:funder country:thailand }}"),
    Case("adgsh:FundedProject-amount-count", PROJ, f"DELETE WHERE {{ {PROJ} adg:amount ?v }}"),
    Case("adgsh:FundedProject-amount-datatype", PROJ,
         f'DELETE WHERE {{ {PROJ} adg:amount ?v }} ; INSERT DATA {{ {PROJ} adg:amount "250000"^^xsd:double }}'),
    Case("adgsh:FundedProject-amount-minExclusive", PROJ,
         f"DELETE WHERE {{ {PROJ} adg:amount ?v }} ; INSERT DATA {{ {PROJ} adg:amount 0.00 }}"),
    Case("adgsh:FundedProject-currency-count", PROJ, f"DELETE WHERE {{ {PROJ} adg:currency ?v }}"),
    Case("adgsh:FundedProject-currency-in", PROJ,
         f'DELETE WHERE {{ {PROJ} adg:currency ?v }} ; INSERT DATA {{ {PROJ} adg:currency "US$" }}'),
    Case("adgsh:FundedProject-fiscalYear-count", PROJ, f"INSERT DATA {{ {PROJ} adg:fiscalYear 2024 }}"),
    Case("adgsh:FundedProject-fiscalYear-datatype", PROJ,
         f'DELETE WHERE {{ {PROJ} adg:fiscalYear ?v }} ; INSERT DATA {{ {PROJ} adg:fiscalYear "2023"^^xsd:int }}'),
    Case("adgsh:FundedProject-fiscalYear-range", PROJ,
         f"DELETE WHERE {{ {PROJ} adg:fiscalYear ?v }} ; INSERT DATA {{ {PROJ} adg:fiscalYear 2566 }}"),
    Case("adgsh:FundedProject-phase-count", PROJ, f"INSERT DATA {{ {PROJ} adg:phase 3 }}"),
    Case("adgsh:FundedProject-phase-datatype", PROJ,
         f'DELETE WHERE {{ {PROJ} adg:phase ?v }} ; INSERT DATA {{ {PROJ} adg:phase "2"^^xsd:int }}'),
    Case("adgsh:FundedProject-phase-minInclusive", PROJ,
         f"DELETE WHERE {{ {PROJ} adg:phase ?v }} ; INSERT DATA {{ {PROJ} adg:phase 0 }}"),
    Case("adgsh:FundedProject-continues-class", PROJ,
         f"DELETE WHERE {{ {PROJ} adg:continues ?v }} ; INSERT DATA {{ {PROJ} adg:continues proj:unknown }}"),
    Case("adgsh:FundedProject-provenance", PROJ, f"DELETE {{ ?st ?p ?o }} WHERE {{ ?st rdf:subject {PROJ} ; ?p ?o }}"),
    # Support
    Case("adgsh:Support-label-count", SUP, f"DELETE WHERE {{ {SUP} rdfs:label ?v }}"),
    Case("adgsh:Support-supporter-count", SUP, f"DELETE WHERE {{ {SUP} adg:supporter ?v }}"),
    Case("adgsh:Support-supporter-nodeKind", SUP,
         f'DELETE WHERE {{ {SUP} adg:supporter ?v }} ; INSERT DATA {{ {SUP} adg:supporter "ASEAN ICT Fund" }}'),
    Case("adgsh:Support-atMeeting-class", SUP,
         f"DELETE WHERE {{ {SUP} adg:atMeeting ?v }} ; INSERT DATA {{ {SUP} adg:atMeeting country:thailand }}"),
    Case("adgsh:Support-provenance", SUP, f"DELETE {{ ?st ?p ?o }} WHERE {{ ?st rdf:subject {SUP} ; ?p ?o }}"),
    # Proposal
    Case("adgsh:Proposal-label-count", PROP, f"DELETE WHERE {{ {PROP} rdfs:label ?v }}"),
    Case("adgsh:Proposal-proposedBy-count", PROP, f"DELETE WHERE {{ {PROP} adg:proposedBy ?v }}"),
    Case("adgsh:Proposal-proposedBy-nodeKind", PROP,
         f'DELETE WHERE {{ {PROP} adg:proposedBy ?v }} ; INSERT DATA {{ {PROP} adg:proposedBy "ไทย"@th }}'),
    Case("adgsh:Proposal-proposedAt-count", PROP, f"DELETE WHERE {{ {PROP} adg:proposedAt ?v }}"),
    Case("adgsh:Proposal-proposedAt-class", PROP,
         f"DELETE WHERE {{ {PROP} adg:proposedAt ?v }} ; INSERT DATA {{ {PROP} adg:proposedAt ser:adgmin }}"),
    Case("adgsh:Proposal-proposedBody-class", PROP,
         f"DELETE WHERE {{ {PROP} adg:proposedBody ?v }} ; INSERT DATA {{ {PROP} adg:proposedBody o:unknown }}"),
    Case("adgsh:Proposal-proposedActivity-datatype", PROP,
         f'DELETE WHERE {{ {PROP} adg:proposedActivity ?v }} ; INSERT DATA {{ {PROP} adg:proposedActivity "AI guidelines" }}'),
    Case("adgsh:Proposal-provenance", PROP, f"DELETE {{ ?st ?p ?o }} WHERE {{ ?st rdf:subject {PROP} ; ?p ?o }}"),
    # Country
    Case("adgsh:Country-label-en", "country:japan", 'DELETE DATA { country:japan rdfs:label "Japan"@en }'),
    Case("adgsh:Country-label-th", "country:japan", 'DELETE DATA { country:japan rdfs:label "ญี่ปุ่น"@th }'),
    Case("adgsh:Country-label-uniqueLang", "country:japan", 'INSERT DATA { country:japan rdfs:label "Nippon"@en }'),
    Case("adgsh:Country-iso3166Alpha2-count", "country:japan", 'INSERT DATA { country:japan adg:iso3166Alpha2 "JA" }'),
    Case("adgsh:Country-iso3166Alpha2-pattern", "country:japan",
         'DELETE WHERE { country:japan adg:iso3166Alpha2 ?v } ; INSERT DATA { country:japan adg:iso3166Alpha2 "jp" }'),
    Case("adgsh:Country-aseanMember-count", "country:japan", "INSERT DATA { country:japan adg:aseanMember true }"),
    Case("adgsh:Country-aseanMember-datatype", "country:japan",
         'DELETE WHERE { country:japan adg:aseanMember ?v } ; INSERT DATA { country:japan adg:aseanMember "false" }'),
    Case("adgsh:Country-sameAs-nodeKind", "country:japan",
         'INSERT DATA { country:japan owl:sameAs "http://www.wikidata.org/entity/Q17" }'),
    Case("adgsh:Country-sameAs-pattern", "country:japan",
         "DELETE WHERE { country:japan owl:sameAs ?v } ;"
         " INSERT DATA { country:japan owl:sameAs <https://www.wikidata.org/wiki/Q17> }"),
    # Organisation, person, post, place, series
    Case("adgsh:Organization-label-count", "o:mdes", "DELETE WHERE { o:mdes rdfs:label ?v }"),
    Case("adgsh:Organization-sameAs-nodeKind", "o:asean",
         'INSERT DATA { o:asean owl:sameAs "http://www.wikidata.org/entity/Q7768" }'),
    Case("adgsh:Organization-sameAs-pattern", "o:asean",
         "DELETE WHERE { o:asean owl:sameAs ?v } ; INSERT DATA { o:asean owl:sameAs <http://dbpedia.org/resource/ASEAN> }"),
    Case("adgsh:Organization-country-class", "o:mdes",
         "DELETE WHERE { o:mdes adg:country ?v } ; INSERT DATA { o:mdes adg:country o:asean }"),
    Case("adgsh:Organization-subOrganizationOf-class", "o:asean-ict-fund",
         "DELETE WHERE { o:asean-ict-fund org:subOrganizationOf ?v } ;"
         " INSERT DATA { o:asean-ict-fund org:subOrganizationOf country:thailand }"),
    Case("adgsh:Person-label-count", "person:thipanan-sirichana",
         "DELETE WHERE { person:thipanan-sirichana rdfs:label ?v }"),
    Case("adgsh:Person-label-whole", "person:thipanan-sirichana",
         'DELETE WHERE { person:thipanan-sirichana rdfs:label ?v } ;'
         ' INSERT DATA { person:thipanan-sirichana rdfs:label "านันทกุล เลขานุการ"@th }'),
    Case("adgsh:Person-holds-class", "person:thipanan-sirichana",
         "INSERT DATA { person:thipanan-sirichana org:holds o:opm }"),
    Case("adgsh:Post-label-count", "post:minister-mdes", "DELETE WHERE { post:minister-mdes rdfs:label ?v }"),
    Case("adgsh:Post-postIn-count", "post:minister-mdes", "DELETE WHERE { post:minister-mdes org:postIn ?v }"),
    Case("adgsh:Post-postIn-class", "post:minister-mdes",
         "DELETE WHERE { post:minister-mdes org:postIn ?v } ; INSERT DATA { post:minister-mdes org:postIn country:thailand }"),
    Case("adgsh:Place-label-count", "place:boracay", "DELETE WHERE { place:boracay rdfs:label ?v }"),
    Case("adgsh:Place-containedInPlace-class", "place:boracay",
         "DELETE WHERE { place:boracay schema:containedInPlace ?v } ;"
         " INSERT DATA { place:boracay schema:containedInPlace o:asean }"),
    Case("adgsh:MeetingSeries-label-count", "ser:adgmin", "DELETE WHERE { ser:adgmin rdfs:label ?v }"),
    # SKOS concepts
    Case("adgsh:Concept-prefLabel-en", "topic:cybersecurity",
         'DELETE DATA { topic:cybersecurity skos:prefLabel "cybersecurity"@en }'),
    Case("adgsh:Concept-prefLabel-uniqueLang", "topic:cybersecurity",
         'INSERT DATA { topic:cybersecurity skos:prefLabel "cyber security"@en }'),
    Case("adgsh:Concept-inScheme-count", "topic:ai", 'INSERT DATA { topic:ai a skos:Concept ; skos:prefLabel "AI"@en }'),
    Case("adgsh:Concept-inScheme-class", "topic:ai",
         'INSERT DATA { topic:ai a skos:Concept ; skos:prefLabel "AI"@en ; skos:inScheme scheme:unknown }'),
]

WARNING_CASES = [
    Case("adgsh:Meeting-startDate-recommended", TALK,
         "DELETE WHERE { mtg:adgmin-3-talk-japan-thailand schema:startDate ?v }"),
    Case("adgsh:Organization-label-en-recommended", "o:asean", 'DELETE DATA { o:asean rdfs:label "ASEAN"@en }'),
    Case("adgsh:Document-title-en-recommended", DOC,
         'DELETE DATA { doc:boracay-digital-declaration dcterms:title "Boracay Digital Declaration"@en }'),
    Case("adgsh:Person-holds-recommended", "person:chaiwut-thanakamanusorn",
         "DELETE WHERE { person:chaiwut-thanakamanusorn org:holds ?v }"),
    Case("adgsh:SeriesMember-ordinal-recommended", MTG, "DELETE WHERE { mtg:adgmin-3 adg:ordinal ?v }"),
]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.fixture(scope="module")
def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def mutated(union: Graph, update: str) -> Graph:
    graph = Graph()
    graph += union
    graph.update(SPARQL_PROLOGUE + update)
    return graph


def pairs(results: tuple[ValidationResult, ...]) -> set[tuple[str, str]]:
    return {(r.source_shape, r.focus_node) for r in results}


# --------------------------------------------------------------------------- the fixture


def test_valid_dataset_conforms_with_no_results(dataset: Dataset) -> None:
    report = validate(dataset)
    assert report.conforms, report.format()
    assert report.results == ()


def test_union_graph_gives_the_same_report(dataset: Dataset, union: Graph) -> None:
    assert validate(union) == validate(dataset)


def test_validation_sees_across_named_graphs(dataset: Dataset) -> None:
    """The release graph alone lacks reference types, so sh:class checks must fail on it."""
    release = dataset.graph(URIRef("https://w3id.org/adgmin-kg/graph/release/thaigov-99999"))
    alone = Graph()
    alone += release
    assert not validate(alone).conforms


def test_fixture_quotes_are_spans_of_the_fixture_text(union: Graph) -> None:
    text = FIXTURE.read_text(encoding="utf-8").split("\n# text: ", 1)[1].split("\n", 1)[0]
    quote, start, end = (URIRef(ADG + name) for name in ("quote", "quoteStart", "quoteEnd"))
    for statement in union.subjects(RDF.type, URIRef(ADG + "Statement")):
        span = text[union.value(statement, start).toPython() : union.value(statement, end).toPython()]
        assert span == str(union.value(statement, quote)), statement


# --------------------------------------------------------------------------- negative cases


@pytest.mark.parametrize("case", VIOLATION_CASES, ids=lambda c: c.id)
def test_violation(union: Graph, case: Case) -> None:
    report = validate(mutated(union, case.update))
    assert not report.conforms
    assert pairs(report.violations()) == {(iri(case.shape), iri(case.focus))}, report.format()


@pytest.mark.parametrize("case", WARNING_CASES, ids=lambda c: c.id)
def test_warning(union: Graph, case: Case) -> None:
    report = validate(mutated(union, case.update))
    assert report.conforms, report.format()
    assert pairs(report.results) == {(iri(case.shape), iri(case.focus))}, report.format()
    assert report.results[0].severity == "Warning"


def test_cabinet_meeting_needs_no_ordinal(union: Graph) -> None:
    update = """INSERT DATA {
        ser:th-cabinet a adg:MeetingSeries ; rdfs:label "Cabinet of Thailand"@en .
        mtg:th-cabinet-2023-03-21 a adg:CabinetMeeting , adg:Meeting ; rdfs:label "Cabinet 2023-03-21"@en ;
            adg:inSeries ser:th-cabinet ; schema:startDate "2023-03-21"^^xsd:date .
        stmt:c-type a adg:Statement ; rdf:subject mtg:th-cabinet-2023-03-21 ; rdf:predicate rdf:type ;
            rdf:object adg:CabinetMeeting ; prov:wasDerivedFrom rel:thaigov-99999 ;
            prov:wasGeneratedBy act:extraction ; adg:quote "ครั้งที่ 3" ;
            adg:quoteStart "214"^^xsd:nonNegativeInteger ; adg:quoteEnd "223"^^xsd:nonNegativeInteger . }"""
    report = validate(mutated(union, update))
    assert report.results == (), report.format()


def test_every_shape_has_a_case() -> None:
    """Each property shape of a targeted node shape (or a targeted shape without property shapes),
    as written in the shape files (``load_shapes`` moves targets onto property shapes)."""
    shapes = Graph()
    for name in SHAPES_FILES:
        shapes.parse(ontology_dir() / name)
    targeted = {n for t in (SH.targetClass, SH.targetSubjectsOf) for n in shapes.subjects(t, None)}
    leaves: set[str] = set()
    for node in targeted:
        properties = {str(p) for p in shapes.objects(node, SH.property)}
        leaves |= properties or {str(node)}
    assert leaves == {iri(c.shape) for c in VIOLATION_CASES + WARNING_CASES}


# --------------------------------------------------------------------------- the report


def test_report_is_sorted_and_formatted(union: Graph) -> None:
    graph = mutated(union, "DELETE WHERE { rel:thaigov-99999 adg:scope ?v } ;"
                           " DELETE WHERE { mtg:adgmin-3 rdfs:label ?l } ;"
                           " DELETE WHERE { person:chaiwut-thanakamanusorn org:holds ?h }")
    report = validate(graph)
    assert [r.severity for r in report.results] == ["Violation", "Violation", "Warning"]
    assert report.results == tuple(sorted(report.results, key=ValidationResult.sort_key))
    assert len(report.violations()) == 2 and len(report.warnings()) == 1
    text = report.format()
    assert text.splitlines()[0] == "SHACL: does not conform (2 violation(s), 1 warning(s))"
    assert "  shape: https://w3id.org/adgmin-kg/shapes#Release-scope-count" in text
    assert "  focus: https://w3id.org/adgmin-kg/id/release/thaigov-99999" in text
    assert "  path:  https://w3id.org/adgmin-kg/ontology#scope" in text
    assert "Violation: A release must have exactly one adg:scope." in text
    assert report.format(max_results=1).endswith("... and 2 more result(s)")


def test_inverse_path_and_values_are_rendered(union: Graph) -> None:
    report = validate(mutated(union, f"DELETE {{ ?st ?p ?o }} WHERE {{ ?st rdf:subject {PROJ} ; ?p ?o }} ;"
                                     f" INSERT DATA {{ {PROJ} adg:phase 0 }}"))
    by_shape = {r.source_shape: r for r in report.violations()}
    assert by_shape[iri("adgsh:FundedProject-provenance")].result_path == "^" + str(RDF.subject)
    assert by_shape[iri("adgsh:FundedProject-phase-minInclusive")].value == '"0"^^<http://www.w3.org/2001/XMLSchema#integer>'


def test_report_is_frozen() -> None:
    report = ValidationReport(conforms=True, results=())
    with pytest.raises(AttributeError):
        report.conforms = False  # type: ignore[misc]


def test_shapes_dir_is_used(tmp_path: Path, union: Graph) -> None:
    for name in ("adgmin-kg.ttl", "shapes.ttl", "shapes-warnings.ttl"):
        shutil.copy(ontology_dir() / name, tmp_path / name)
    (tmp_path / "shapes-warnings.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<urn:x:empty> a owl:Ontology .\n", encoding="utf-8"
    )
    graph = mutated(union, "DELETE WHERE { person:chaiwut-thanakamanusorn org:holds ?h }")
    assert validate(graph).warnings()
    assert validate(graph, shapes_dir=tmp_path).results == ()


def test_loaders_are_cached() -> None:
    assert load_shapes() is load_shapes()
    assert load_ontology() is load_ontology()


# --------------------------------------------------------------------------- the ontology and shapes files


@pytest.mark.parametrize("path", sorted(ontology_dir().glob("*.ttl")), ids=lambda p: p.name)
def test_ttl_parses(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 0


MODEL_CLASSES = (
    "Release Country Fund Ministry WorkingGroup IntergovernmentalOrganisation Place Meeting "
    "MinisterialMeeting SeniorOfficialsMeeting BilateralMeeting CabinetMeeting CommitteeMeeting "
    "MeetingSeries Attendance Document Decision FundedProject Proposal Support Statement Rank"
).split()
MODEL_PROPERTIES = (
    "releaseKind scope sha256 spokesperson iso3166Alpha2 aseanMember country inSeries ordinal "
    "hostCountry memberStatesAttending participant attendee attendedMeeting role theme level "
    "expectedTime expectedYear documentKind decidedBy decisionOn decisionKind reason recipient amount "
    "currency fiscalYear phase continues proposedBy proposedAt proposedBody proposedActivity supporter atMeeting rule "
    "quote quoteStart quoteEnd rank rankReason oneValueProperty"
).split()
MODEL_INDIVIDUALS = "PreferredRank NormalRank DeprecatedRank".split()


def adg_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ADG)}


def test_ontology_declares_every_model_term() -> None:
    ontology = load_ontology()
    for name in MODEL_CLASSES:
        assert (URIRef(ADG + name), RDF.type, OWL.Class) in ontology, name
    for name in MODEL_PROPERTIES:
        types = set(ontology.objects(URIRef(ADG + name), RDF.type))
        assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, name
    for name in MODEL_INDIVIDUALS:
        assert (URIRef(ADG + name), RDF.type, URIRef(ADG + "Rank")) in ontology, name
    assert adg_terms(ontology) == {URIRef(ADG + n) for n in MODEL_CLASSES + MODEL_PROPERTIES + MODEL_INDIVIDUALS}


def test_every_ontology_term_is_labelled_and_defined() -> None:
    ontology = load_ontology()
    for term in adg_terms(ontology):
        labels = {lit.language for lit in ontology.objects(term, RDFS.label)}
        assert {"en", "th"} <= labels, term
        assert any(d.language == "en" for d in ontology.objects(term, SKOS.definition)), term
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology, term


def test_every_adg_term_in_shapes_is_declared() -> None:
    declared = adg_terms(load_ontology())
    shapes = load_shapes()
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(ADG)}
    assert used <= declared, used - declared


def test_property_kinds_agree_with_shapes() -> None:
    """A property constrained by sh:datatype is an owl:DatatypeProperty; by sh:class, an ObjectProperty."""
    ontology, shapes = load_ontology(), load_shapes()
    for shape in shapes.subjects(SH.path, None):
        path = shapes.value(shape, SH.path)
        if not str(path).startswith(ADG):
            continue
        if shapes.value(shape, SH.datatype) is not None:
            assert (path, RDF.type, OWL.DatatypeProperty) in ontology, path
        if shapes.value(shape, SH["class"]) is not None:
            assert (path, RDF.type, OWL.ObjectProperty) in ontology, path


def test_every_property_shape_is_documented() -> None:
    shapes = load_shapes()
    for shape in set(shapes.subjects(SH.path, None)):
        if not isinstance(shape, URIRef):
            continue  # the blank path of a qualified value shape
        for predicate in (SH.name, SH.description, SH.message):
            assert shapes.value(shape, predicate) is not None, (shape, predicate)


def test_versions_agree() -> None:
    ontology = load_ontology()
    version = ontology.value(ONTOLOGY_IRI, OWL.versionInfo)
    version_iri = ontology.value(ONTOLOGY_IRI, OWL.versionIRI)
    assert version is not None and version_iri == URIRef(f"{ONTOLOGY_IRI}/{version}")
    assert ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license")) == URIRef(
        "https://creativecommons.org/publicdomain/zero/1.0/"
    )
    for name, header in (("shapes.ttl", "shapes"), ("shapes-warnings.ttl", "shapes-warnings")):
        graph = Graph().parse(ontology_dir() / name, format="turtle")
        node = URIRef(f"https://w3id.org/adgmin-kg/{header}")
        assert graph.value(node, OWL.versionInfo) == Literal(str(version)), name
        assert graph.value(node, OWL.versionIRI) == URIRef(f"{node}/{version}"), name
        assert graph.value(node, URIRef("http://purl.org/dc/terms/conformsTo")) == version_iri, name


def test_currency_list_is_iso_4217_shaped() -> None:
    shapes = load_shapes()
    codes = list(Collection(shapes, shapes.value(URIRef(ADGSH + "FundedProject-currency-in"), SH["in"])))
    assert len(codes) == len(set(codes)) >= 170
    assert all(isinstance(c, Literal) and c.datatype is None and c.language is None for c in codes)
    assert all(len(c) == 3 and c.isascii() and c.isupper() for c in codes)
    assert {"USD", "THB", "EUR", "JPY", "SGD"} <= {str(c) for c in codes}


def test_sh_in_values_must_be_plain_literals(union: Graph) -> None:
    """rdflib keeps "USD" and "USD"^^xsd:string apart, so sh:in rejects the typed form.

    The builder must emit ``Literal("USD")`` (no datatype) for every sh:in string value.
    """
    graph = mutated(union, f'DELETE WHERE {{ {PROJ} adg:currency ?v }} ;'
                           f' INSERT DATA {{ {PROJ} adg:currency "USD"^^xsd:string }}')
    assert pairs(validate(graph).violations()) == {(iri("adgsh:FundedProject-currency-in"), iri(PROJ))}
