"""Facts come only from passages about ASEAN digital cooperation, each quote inside its passage."""

from __future__ import annotations

from rdflib.namespace import DCTERMS, RDF

from adgmin_kg.extract import read_passages
from adgmin_kg.extract.passages import lead as headline_lead
from adgmin_kg.vocab import ADG, entity, release_graph


def test_every_quote_lies_inside_one_passage_in_scope(corpus_build) -> None:
    """Across the corpus: a statement's quote is inside a single passage judged in scope (or the
    release's own title and date line, or the lead line continuing the title), never across
    passages or agenda items."""
    checked = 0
    for release in corpus_build.releases:
        read = read_passages(release)
        if read is None:
            continue
        spans = [v.passage.span for v in read[2] if v.in_scope]
        graph = corpus_build.dataset.graph(release_graph(release.id))
        node = entity("release", release.id)
        for statement in graph.subjects(RDF.type, ADG.Statement):
            subject, predicate = graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate)
            start, end = int(graph.value(statement, ADG.quoteStart)), int(graph.value(statement, ADG.quoteEnd))
            if subject == node and predicate in (DCTERMS.title, DCTERMS.issued):
                continue
            in_title = end <= release.title_span[1] or ((lead := headline_lead(release)) is not None and lead.start <= start and end <= lead.end)
            assert in_title or any(s.start <= start and end <= s.end for s in spans), (release.id, str(subject), str(predicate), release.text[start:end])
            checked += 1
    assert checked > 1000


def test_a_meeting_named_only_in_a_summary_s_title_is_kept_when_a_fact_uses_it(corpus_build) -> None:
    by_id = {f.release_id: f for f in corpus_build.facts}
    facts = by_id["thaigov-64402"]  # cabinet summary of 31 Jan 2023: it approves drafts
    cabinet = [m for m in facts.meetings if m.meeting.key == "th-cabinet-2023-01-31"]
    assert cabinet and any(d.decided_by.key == "th-cabinet-2023-01-31" for d in facts.decisions)
