"""The seed graph: gold facts present, every fact with a quote that proves it."""

from __future__ import annotations

import re
from decimal import Decimal
import unicodedata
import shutil
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from adgmin_kg.gold import check_gold, load_gold
from adgmin_kg.vocab import ADG, ID, REFERENCE_GRAPH, SCHEMA, release_graph

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "releases" / "thaigov-66419.txt"
GOLD = ROOT / "data" / "gold" / "thaigov-66419.yaml"
NUMBER_WORDS = {1: "แรก", 2: "สอง", 3: "สาม", 4: "สี่", 5: "ห้า"}  # phases and ordinals as words
MONTHS_TH = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]


def test_seed_gold_facts_are_in_the_graph(seed_dataset) -> None:
    text = SEED.read_text(encoding="utf-8")
    results = check_gold(seed_dataset, load_gold(GOLD, text), text)
    missing = [fact.describe() for fact, found in results if not found]
    assert len(results) > 100
    assert not missing, f"{len(missing)} of {len(results)} gold facts missing:\n" + "\n".join(missing)


def _statements(dataset, release_id: str):
    g = dataset.graph(release_graph(release_id))
    for st in g.subjects(RDF.type, ADG.Statement):
        yield g, st


def _forms(dataset, node) -> set[str]:
    """Every name of a node, and of the meeting series it organises (a body named by its meetings)."""
    nodes = [node, *dataset.subjects(SCHEMA.organizer, node)]
    return {str(o) for n in nodes for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in dataset.objects(n, p)}


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split()).casefold()


def _value_in_quote(dataset, obj, quote: str) -> bool:
    """The quote contains the value: a name of the object, its digits, or its date as written."""
    q = _squash(quote.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).replace(",", ""))
    if isinstance(obj, Literal):
        if obj.datatype == XSD.date:
            d = obj.toPython()
            return str(d.day) in q and (_squash(MONTHS_TH[d.month - 1]) in q) and (str(d.year + 543) in q or str(d.year) in q)
        if obj.datatype in (XSD.integer, XSD.decimal):
            number = Decimal(str(obj))
            n = int(number) if number == number.to_integral_value() else None
            written = {format(number.normalize(), "f"), str(n + 543) if n and n > 1900 else "", NUMBER_WORDS.get(n, "")} - {""}
            return any(w in q for w in written)
        return True  # strings and labels: checked below as names where they name the subject
    return any(_squash(f) in q for f in _forms(dataset, obj))


def test_every_quote_equals_the_text_at_its_offsets(seed_dataset) -> None:
    text = SEED.read_text(encoding="utf-8")
    n = 0
    for g, st in _statements(seed_dataset, "thaigov-66419"):
        start, end = int(g.value(st, ADG.quoteStart)), int(g.value(st, ADG.quoteEnd))
        assert 0 <= start < end <= len(text)
        assert str(g.value(st, ADG.quote)) == text[start:end]
        n += 1
    assert n > 100


def test_quotes_contain_the_value_they_prove(seed_dataset) -> None:
    """Countries, places, organisations, topics, dates and numbers appear in their quote."""
    checked, failures = 0, []
    named_kinds = ("country/", "place/", "org/", "topic/", "post/")
    for g, st in _statements(seed_dataset, "thaigov-66419"):
        obj, quote = g.value(st, RDF.object), str(g.value(st, ADG.quote))
        pred = g.value(st, RDF.predicate)
        if pred == ADG.attendee or pred == ADG.participant:
            continue  # an attendance's quote names the meeting's list; checked for countries below
        is_named = isinstance(obj, URIRef) and any(str(obj).startswith(str(ID[k])) for k in named_kinds)
        is_value = isinstance(obj, Literal) and obj.datatype in (XSD.date, XSD.integer, XSD.decimal) and pred != ADG.ordinal
        if not (is_named or is_value):
            continue
        checked += 1
        if not _value_in_quote(seed_dataset, obj, quote):
            failures.append(f"{pred} {obj}: {quote!r}")
    assert checked > 40
    assert not failures, "\n".join(failures)


def test_every_fact_has_provenance(seed_dataset) -> None:
    reified = set()
    for g, st in _statements(seed_dataset, "thaigov-66419"):
        reified.add((g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)))
    g = seed_dataset.graph(release_graph("thaigov-66419"))
    release = ID["release/thaigov-66419"]
    facts = {(s, p, o) for s, p, o in g if not str(s).startswith(str(ID["statement/"])) and s != release}
    assert facts and facts <= reified


def test_reference_data_lives_in_its_own_graph(seed_dataset) -> None:
    ref = seed_dataset.graph(REFERENCE_GRAPH)
    thailand = ID["country/thailand"]
    assert (thailand, RDFS.label, Literal("Thailand", lang="en")) in ref
    sameas = [str(o) for o in ref.objects(thailand, URIRef("http://www.w3.org/2002/07/owl#sameAs"))]
    assert sameas and all(re.fullmatch(r"http://www\.wikidata\.org/entity/Q[0-9]+", s) for s in sameas)
    release_triples = seed_dataset.graph(release_graph("thaigov-66419"))
    assert (thailand, RDFS.label, Literal("Thailand", lang="en")) not in release_triples


def test_iris_are_ascii(seed_dataset) -> None:
    for s, p, o, _ in seed_dataset.quads((None, None, None, None)):
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert str(term).isascii(), term


def test_ordinals_are_read_whole_however_many_digits(tmp_path: Path) -> None:
    """``ครั้งที่1000`` and ``The 1000th`` name meeting 1000, not 100 or 0 (found on a synthetic
    corpus of 10,000 releases, where ordinals run that high)."""
    from adgmin_kg.pipeline import build
    from adgmin_kg.vocab import ADG, entity

    seed = ROOT / "data" / "releases" / "thaigov-66419.txt"
    text = seed.read_text(encoding="utf-8").replace("ครั้งที่ 3", "ครั้งที่1000").replace("The 3rd", "The 1000th")
    (tmp_path / seed.name).write_text(text, encoding="utf-8")
    shutil.copy(seed.with_name("thaigov-66419.meta.json"), tmp_path)
    dataset = build([tmp_path / seed.name]).dataset
    ordinals = {int(o) for o in dataset.objects(None, ADG.ordinal)}
    assert 1000 in ordinals and not ordinals & {0, 100}
    assert (entity("meeting", "adgmin-1000"), None, None) in dataset
