"""The query runner (adgmin_kg.query, adgmin_kg.cli.query) on a small hand-made graph.

tests/fixtures/query/mini.trig follows docs/model.md; its second release graph repeats facts
so that every query also meets triples asserted in two named graphs.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD as XSD_TERMS
from rdflib.plugins.sparql import prepareQuery

import adgmin_kg
import adgmin_kg.query
from adgmin_kg.errors import QueryError
from adgmin_kg.paths import queries_dir
from adgmin_kg.prefixes import PREFIXES
from adgmin_kg.query import (
    ParameterError,
    QueryResult,
    QuerySyntaxError,
    Term,
    UnknownQueryError,
    format_result,
    get_query,
    list_queries,
    parse_query_file,
    run_query,
    run_sparql,
)

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "mini.trig"
ENGINES = ("oxigraph", "rdflib")
ID = "https://w3id.org/adgmin-kg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PARAMS = {q.name: q.example for q in list_queries()}  # from each query's "# Example:" line
STORED = [q.name for q in list_queries()]


def run(name: str, engine: str = "oxigraph", **params: str) -> QueryResult:
    return run_query(name, graph=FIXTURE, engine=engine, **params)


def as_multiset(result: QueryResult) -> list[tuple[tuple[str, str], ...]]:
    return sorted(tuple(sorted(row.items())) for row in result.rows)


# --------------------------------------------------------------------------- the query files


def test_the_stored_queries_exist() -> None:
    assert set(STORED) == {
        "partners-on-topic", "meeting-details", "meeting-attendees", "documents-by-decision",
        "funded-projects", "next-meetings", "bilateral-talks", "country-profile", "topic-map",
        "fact-provenance", "document-history", "conflicts",
    }


@pytest.mark.parametrize("name", STORED)
def test_query_file_parses_and_has_a_header(name: str) -> None:
    query = next(q for q in list_queries() if q.name == name)
    assert query.question.endswith("?")
    assert query.columns
    text = query.text
    assert text.splitlines()[0].startswith("# Question: ")
    prepareQuery(text)  # rdflib's parser
    pyoxigraph.Store().query(text)  # pyoxigraph's parser, on an empty store


@pytest.mark.parametrize("name", STORED)
def test_query_runs_the_same_on_both_engines(name: str) -> None:
    results = [run(name, engine, **PARAMS.get(name, {})) for engine in ENGINES]
    query = next(q for q in list_queries() if q.name == name)
    for result in results:
        assert result.columns == list(query.columns), "the # Columns: header must match SELECT"
        assert len(result) > 0
    assert as_multiset(results[0]) == as_multiset(results[1])


def test_required_columns_come_first() -> None:
    required = {
        "partners-on-topic": "partner, partner_label, wikidata, context_label, quote",
        "meeting-details": "meeting, meeting_label, ordinal, start, end, place_label, country_label, theme",
        "meeting-attendees": "participant, participant_label, wikidata, role",
        "documents-by-decision": "document, title_en, title_th, decision",
        "funded-projects": "project, title, funder_label, recipient_label, amount, currency, year, phase",
        "next-meetings": "meeting, meeting_label, ordinal, host_label, when",
        "bilateral-talks": "talk, partner_label, level, topic_label, meeting_label",
        "country-profile": "relation, object, object_label, meeting_label",
        "topic-map": "topic, topic_label, topic_label_th, partners, meetings, releases",
        "fact-provenance": "statement, release, url, quote, start, end",
        "document-history": "step, date, actor_label, meeting_label, release, quote",
        "conflicts": "subject, subject_label, property, value, release, quote, rank, reason, curated",
    }
    for query in list_queries():
        wanted = required[query.name].split(", ")
        assert list(query.columns[: len(wanted)]) == wanted, query.name


def test_parameters_are_declared_as_the_issue_says() -> None:
    params = {q.name: {p.name: p for p in q.parameters} for q in list_queries()}
    assert params["partners-on-topic"]["topic"].optional
    assert params["meeting-details"]["meeting"].optional
    assert params["meeting-attendees"]["meeting"].required
    assert params["funded-projects"]["recipient"].optional
    assert params["bilateral-talks"]["country"].optional
    assert params["next-meetings"] == {} and params["topic-map"] == {}
    assert params["fact-provenance"]["subject"].required


def test_a_default_value_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text('# Question: Which?\n# Parameters: ?meeting adg:Meeting - the meeting, default "ADGMIN 3"\n'
                    "# Columns: meeting\nSELECT ?meeting WHERE { ?meeting a adg:Meeting }\n")
    with pytest.raises(ParameterError, match=r"\?meeting has a default value.*optional"):
        parse_query_file(path)


@pytest.mark.parametrize("name", STORED)
def test_stored_query_declares_the_model_prefixes(name: str) -> None:
    """The text pastes into any SPARQL tool: every prefix of the model is declared in it."""
    text = get_query(name).text
    declared = dict(re.findall(r"^PREFIX ([\w-]+): <([^>]*)>$", text, re.MULTILINE))
    assert declared == PREFIXES
    pyoxigraph.Store().query(text)  # parses with no prefix added by the runner


# --------------------------------------------------------------------------- results


def test_decimal_is_canonical_on_both_engines() -> None:
    # the fixture writes "57900.0"^^xsd:decimal
    for engine in ENGINES:
        (row,) = run("funded-projects", engine).rows
        assert row["amount"] == "57900"
        assert row["year"] == "2023" and row["phase"] == "2" and row["currency"] == "USD"


@pytest.mark.parametrize(
    ("datatype", "lexical", "canonical"),
    [("decimal", "57900.0", "57900"), ("decimal", "1.50", "1.5"), ("decimal", "-0.0", "0"),
     ("decimal", "1E+2", "100"), ("integer", "007", "7"), ("integer", "+5", "5"),
     ("double", "1.0E3", "1.0E3"), ("decimal", "bad", "bad")],
)
def test_term_lexical(datatype: str, lexical: str, canonical: str) -> None:
    term = Term("literal", lexical, "http://www.w3.org/2001/XMLSchema#" + datatype)
    assert term.lexical == canonical


def test_labels_are_english_else_thai() -> None:
    rows = run("documents-by-decision", meeting="ADGMIN 3").rows
    titles = {r["document"].rsplit("/", 1)[1]: (r["title_en"], r["title_th"], r["decision"]) for r in rows}
    assert titles["boracay-digital-declaration"] == ("Boracay Digital Declaration", "ปฏิญญาดิจิทัลโบราไคย์", "adopted")
    thai = "รายงานการศึกษาภูมิทัศน์ปัญญาประดิษฐ์ของอาเซียน"
    assert titles["doc-0123456789"] == (thai, thai, "noted")
    assert len(rows) == 3  # the cabinet's decision on a meeting is not a document


def test_result_object() -> None:
    result = run("next-meetings")
    assert result.to_dicts() == result.rows == list(result)
    assert len(result) == 1
    assert result.rows[0]["when"] == "early 2024"
    assert "QueryResult" in repr(result)


def test_to_dataframe() -> None:
    result = run("next-meetings")
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install pandas"):
            result.to_dataframe()
    else:
        frame = result.to_dataframe()
        assert list(frame.columns) == result.columns


def test_unbound_columns() -> None:
    rows = {r["participant"]: r for r in run("meeting-attendees", meeting="ADGMIN 3").rows}
    assert "wikidata" not in rows[ID + "org/itu"]
    assert rows[ID + "country/japan"]["wikidata"] == "http://www.wikidata.org/entity/Q17"


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("query", "param", "value", "node"),
    [
        ("partners-on-topic", "topic", "cybersecurity", "topic/cybersecurity"),
        ("partners-on-topic", "topic", "ความมั่นคงปลอดภัยไซเบอร์", "topic/cybersecurity"),
        ("partners-on-topic", "topic", "ความมั่นคงปลอดภัยไซบอร์", "topic/cybersecurity"),  # typo alias
        ("partners-on-topic", "topic", "  CYBER   Security ", "topic/cybersecurity"),
        ("partners-on-topic", "topic", "5g", "topic/5g"),
        ("country-profile", "country", "Laos", "country/laos"),
        ("country-profile", "country", "ลาว", "country/laos"),
        ("country-profile", "country", "Japan", "country/japan"),
        ("meeting-details", "meeting", "ADGMIN 3", "meeting/adgmin-3"),
        ("meeting-details", "meeting", "adgmin3", "meeting/adgmin-3"),  # spaces ignored as a fallback
        ("meeting-details", "meeting", "การประชุมรัฐมนตรีอาเซียนด้านดิจิทัล ครั้งที่ 4", "meeting/adgmin-4"),
        ("meeting-details", "meeting", f"<{ID}meeting/adgsom-3>", "meeting/adgsom-3"),
        ("meeting-details", "meeting", f"{ID}meeting/adgsom-3", "meeting/adgsom-3"),
        ("fact-provenance", "subject", "Boracay", "place/boracay"),
    ],
)
def test_parameter_resolves(engine: str, query: str, param: str, value: str, node: str) -> None:
    result = run(query, engine, **{param: value})
    column = {"fact-provenance": "subject"}.get(query, param)
    assert {r[column] for r in result.rows} == {ID + node}


def test_parameter_binding_filters() -> None:
    assert {r["partner"] for r in run("partners-on-topic", topic="5G").rows} == {
        ID + "country/japan", ID + "country/thailand"}
    talks = run("bilateral-talks", country="Japan").rows
    assert {r["partner_label"] for r in talks} == {"Thailand"}
    assert len(run("bilateral-talks").rows) == 10  # without country: both sides of each talk
    assert run("funded-projects", recipient="Japan").rows == []
    assert len(run("funded-projects", recipient="Thailand").rows) == 1


def test_user_text_is_never_pasted_into_the_query() -> None:
    evil = 'x" } UNION { ?partner ?p ?o } #'
    with pytest.raises(ParameterError, match="no node of"):
        run("partners-on-topic", topic=evil)
    with pytest.raises(ParameterError, match="not a valid IRI"):
        run("partners-on-topic", topic="https://x/> } UNION { ?a ?b ?c")
    assert run("partners-on-topic", topic="https://example.org/no-such-topic").rows == []


@pytest.mark.parametrize("engine", ENGINES)
def test_unknown_label_lists_close_matches(engine: str) -> None:
    with pytest.raises(ParameterError) as caught:
        run("partners-on-topic", engine, topic="cybersecurty")
    message = str(caught.value)
    assert "\n" not in message and '"cybersecurity"' in message and caught.value.exit_code == 2


def test_label_of_the_wrong_class_is_unknown() -> None:
    with pytest.raises(ParameterError, match='no node of adg:Country is labelled "Boracay"'):
        run("country-profile", country="Boracay")


def test_ambiguous_label_lists_the_nodes() -> None:
    with pytest.raises(ParameterError) as caught:
        run("funded-projects", recipient="ICT Fund")
    message = str(caught.value)
    assert f"<{ID}org/asean-ict-fund>" in message and f"<{ID}org/test-ict-fund>" in message
    assert caught.value.exit_code == 2


def test_parameter_errors() -> None:
    with pytest.raises(ParameterError, match='has no parameter "topc"'):
        run("partners-on-topic", topc="5G")
    with pytest.raises(ParameterError, match="needs the parameter meeting"):
        run("meeting-attendees")
    with pytest.raises(UnknownQueryError, match="available: bilateral-talks, conflicts, country-profile"):
        run("no-such-query")


# --------------------------------------------------------------------------- user query files


def test_file_query_with_its_own_parameters(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text(
        "# Question: Which meetings took place in a place?\n"
        "# Parameters: ?place adg:Place - the place\n"
        "# Columns: meeting, place\n"
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT DISTINCT ?meeting ?place WHERE { ?meeting schema:location ?place }\n",
        encoding="utf-8",
    )
    for engine in ENGINES:
        result = run_query(file=path, graph=FIXTURE, engine=engine, place="Boracay")
        assert result.rows == [{"meeting": ID + "meeting/adgmin-3", "place": ID + "place/boracay"}]


def test_file_query_without_parameters_refuses_one(tmp_path: Path) -> None:
    path = tmp_path / "plain.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(ParameterError, match="parameters: none"):
        run_query(file=path, graph=FIXTURE, x="1")


@pytest.mark.parametrize("engine", ENGINES)
def test_syntax_error_names_line_and_column_with_a_caret(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "bad.rq"
    path.write_text("SELECT *\nWHERE { ?s ?p ?o } garbage", encoding="utf-8")
    with pytest.raises(QuerySyntaxError) as caught:
        run_query(file=path, graph=FIXTURE, engine=engine)
    first, shown, caret = str(caught.value).split("\n")
    assert first.startswith("SPARQL syntax error at line 2, column "), first
    column = int(first.split("column ")[1].split(":")[0])
    assert shown == "  WHERE { ?s ?p ?o } garbage"
    assert caret == " " * (1 + column) + "^" and 20 <= column <= 27  # on "garbage"
    assert "['" not in first and "\\u{" not in first  # no raw character classes


def test_syntax_error_names_an_undeclared_prefix(tmp_path: Path) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        run_sparql("SELECT ?s WHERE {\n  ?s nope:thing ?o }", graph=FIXTURE)
    first, shown, caret = str(caught.value).split("\n")
    assert first == ("SPARQL syntax error at line 2, column 6: the prefix nope: is not declared "
                     "(add PREFIX nope: <...>)")
    assert caret.index("^") == shown.index("nope:")


def test_cli_syntax_error_first_line_then_caret(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ?p }", encoding="utf-8")
    assert cli("query", "--file", str(bad), "--graph", str(FIXTURE)) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("adgmin-kg: error: SPARQL syntax error at line 1, column ")
    assert lines[1] == "  SELECT ?x WHERE { ?x ?p }" and lines[2].strip() == "^"


def test_ask_and_construct(tmp_path: Path) -> None:
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    construct = tmp_path / "construct.rq"
    construct.write_text(
        "PREFIX adg: <https://w3id.org/adgmin-kg/ontology#>\n"
        "CONSTRUCT { ?m adg:ordinal ?n } WHERE { ?m adg:ordinal ?n FILTER(?n = 4) }", encoding="utf-8")
    for engine in ENGINES:
        result = run_query(file=ask, graph=FIXTURE, engine=engine)
        assert result.boolean is True and result.rows == [{"ask": "true"}]
        assert json.loads(format_result(result, "sparql-json")) == {"head": {}, "boolean": True}
        triples = run_query(file=construct, graph=FIXTURE, engine=engine)
        assert triples.columns == ["subject", "predicate", "object"] and len(triples) == 1


# --------------------------------------------------------------------------- graphs


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".jsonld", ".rdf", ".trig"])
def test_other_rdf_files(tmp_path: Path, suffix: str) -> None:
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    path = tmp_path / f"kg{suffix}"
    if suffix in (".ttl", ".nt", ".rdf"):  # triple formats: the union of the graphs, truthy (as kg.ttl)
        union = dataset.default_context.__class__()
        for s, p, o, _ in dataset.quads():
            union.add((s, p, o))
        union.remove((URIRef(ID + "meeting/adgmin-3"), URIRef("https://schema.org/startDate"), Literal("2023-02-06", datatype=XSD_TERMS.date)))
        union.serialize(path, format={".ttl": "turtle", ".nt": "nt", ".rdf": "xml"}[suffix])
    else:
        dataset.serialize(path, format={".nq": "nquads", ".jsonld": "json-ld", ".trig": "trig"}[suffix])
    expected = as_multiset(run("meeting-details"))
    for engine in ENGINES:
        assert as_multiset(run_query("meeting-details", graph=path, engine=engine)) == expected


def test_the_default_graph_of_a_trig_file_is_the_truthy_view() -> None:
    """mini.trig's second release announces ADGMIN 3 for 6 February; graph/reconciled ranks it
    normal, so queries (which read the default graph) see one start, the preferred one."""
    for engine in ENGINES:
        rows = run("meeting-details", engine, meeting="ADGMIN 3").rows
        assert [r["start"] for r in rows] == ["2023-02-09"], engine
        conflicts = run("conflicts", engine, subject="ADGMIN 3").rows
        assert [(r["value"], r["rank"], r["reason"]) for r in conflicts] == [
            ("2023-02-09", "preferred", "reported after the event"),
            ("2023-02-06", "normal", "reported after the event"),
        ], engine


def test_build_folder(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "kg.trig")
    assert len(run_query("next-meetings", graph=tmp_path)) == 1


def test_missing_graph_and_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no such graph file"):
        run_query("next-meetings", graph=tmp_path / "nope.trig")
    odd = tmp_path / "kg.txt"
    odd.write_text("", encoding="utf-8")
    with pytest.raises(QueryError, match="unknown RDF file type"):
        run_query("next-meetings", graph=odd)


def test_run_query_is_exported() -> None:
    assert adgmin_kg.run_query is run_query
    assert adgmin_kg.__version__


# --------------------------------------------------------------------------- formats


def test_json_format() -> None:
    rows = json.loads(format_result(run("meeting-attendees", meeting="ADGMIN 3"), "json"))
    assert isinstance(rows, list) and all(isinstance(v, str) for r in rows for k, v in r.items() if k != "curated")
    assert {r["curated"] for r in rows if "curated" in r} == {False}  # a JSON boolean
    (project,) = json.loads(format_result(run("funded-projects"), "json"))
    assert project["amount"] == 57900 and isinstance(project["amount"], int)
    assert project["year"] == 2023 and project["currency"] == "USD"
    itu = next(r for r in rows if r["participant"] == ID + "org/itu")
    assert "wikidata" not in itu and itu["role"] == "dialogue partner"


def test_sparql_json_format() -> None:
    doc = json.loads(format_result(run("funded-projects"), "sparql-json"))
    assert doc["head"]["vars"][:2] == ["project", "title"]
    (binding,) = doc["results"]["bindings"]
    assert binding["project"]["type"] == "uri"
    assert binding["amount"] == {
        "type": "literal", "value": "57900", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}
    assert binding["title"]["type"] == "literal" and "datatype" not in binding["title"]


def test_csv_tsv_table_formats() -> None:
    result = run("meeting-attendees", meeting="ADGMIN 3")
    csv_text = format_result(result, "csv")
    assert csv_text.splitlines()[0] == ",".join(result.columns)
    assert f"{ID}org/itu,International Telecommunication Union,,dialogue partner," in csv_text
    tsv_lines = format_result(result, "tsv").splitlines()
    assert tsv_lines[0].split("\t") == [f"?{c}" for c in result.columns] and len(tsv_lines) == len(result) + 1
    table = format_result(result, "table")
    assert table.splitlines()[0].startswith("participant") and table.endswith("(4 rows)\n")
    with pytest.raises(QueryError, match="unknown format"):
        format_result(result, "xml")


def test_table_aligns_thai() -> None:
    result = run("topic-map")
    lines = format_result(result, "table").splitlines()
    # the partners column starts at the same display column on every line
    from adgmin_kg.query import _width

    starts = {_width(line[: line.index(str(row["partners"]), len(row["topic_label_th"]))])
              for line, row in zip(lines[2:], result.rows)}
    assert len(starts) == 1


# --------------------------------------------------------------------------- CLI


def cli(*argv: str) -> int:
    from adgmin_kg.cli import main

    return main(list(argv))


def test_cli_queries_lists_questions(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("queries") == 0
    out = capsys.readouterr().out
    for name in STORED:
        assert name in out
    assert "Which countries and organisations discussed a topic" in out


def test_cli_query_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = cli("query", "partners-on-topic", "--param", "topic=ความมั่นคงปลอดภัยไซเบอร์",
               "--format", "json", "--graph", str(FIXTURE), "--engine", "rdflib")
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["partner_label"] for r in rows} >= {"Japan", "Thailand", "International Telecommunication Union"}


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "no-such-query"],
        ["query", "meeting-details", "--param", "x=1"],
        ["query", "meeting-details", "--param", "meeting"],
        ["query", "country-profile", "--param", "country=Atlantis"],
        ["query", "funded-projects", "--param", "recipient=ICT Fund"],
        ["query"],
    ],
)
def test_cli_errors_are_one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(*argv, "--graph", str(FIXTURE)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err


def test_cli_missing_required_parameter_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("query", "meeting-attendees", "--graph", str(FIXTURE)) == 2
    err = capsys.readouterr().err
    assert "needs the parameter meeting" in err and "meeting=" in err
    with pytest.raises(ParameterError, match="needs the parameter meeting"):
        run("meeting-attendees")


def test_an_optional_parameter_absent_means_all() -> None:
    every = {row["meeting"] for row in run("meeting-details").rows}
    assert len(every) > 1 and {r["meeting"] for r in run("meeting-details", meeting="ADGMIN 3").rows} < every


def test_cli_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x }", encoding="utf-8")
    assert cli("query", "--file", str(bad), "--graph", str(FIXTURE)) == 2
    assert "SPARQL syntax error" in capsys.readouterr().err
    good = tmp_path / "good.rq"
    good.write_text("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a <https://w3id.org/adgmin-kg/ontology#Meeting> }", encoding="utf-8")
    assert cli("query", "--file", str(good), "--graph", str(FIXTURE), "--format", "csv") == 0
    assert capsys.readouterr().out == "n\n7\n"


def test_queries_dir_is_the_repository_folder() -> None:
    assert (queries_dir() / "README.md").is_file()


# --------------------------------------------------------------------------- typed results, API


def test_to_dataframe_types_columns() -> None:
    pandas = pytest.importorskip("pandas")
    df = run("funded-projects").to_dataframe()
    assert str(df["amount"].dtype) == "float64" and df["amount"].sum() == 57900
    assert str(df["year"].dtype) == "Int64" and df["year"].iloc[0] == 2023
    assert df["title"].iloc[0].startswith("Towards ASEAN") and df["project"].iloc[0].startswith(ID)
    details = run("meeting-details", meeting="ADGMIN 3").to_dataframe()
    assert pandas.api.types.is_datetime64_any_dtype(details["start"])
    assert details["start"].min() == pandas.Timestamp("2023-02-09")
    assert str(details["ordinal"].dtype) == "Int64"
    theme = details["theme"].dropna().iloc[0]
    assert isinstance(theme, str) and "การผนึกกำลัง" in theme  # a Thai language string is text


def test_to_dataframe_keeps_missing_values_missing() -> None:
    pandas = pytest.importorskip("pandas")
    result = QueryResult(["n", "d", "t"], [
        {"n": Term("literal", "3", XSD + "integer"), "d": Term("literal", "2023-02-09", XSD + "date")},
        {"t": Term("literal", "ไทย", None, "th")},
    ])
    df = result.to_dataframe()
    assert df["n"].isna().tolist() == [False, True] and df["d"].isna().tolist() == [False, True]
    assert df["t"].tolist()[1] == "ไทย" and df["t"].isna().tolist() == [True, False]
    assert pandas.api.types.is_datetime64_any_dtype(df["d"])


def test_mixed_column_stays_text() -> None:
    result = QueryResult(["x"], [{"x": Term("literal", "3", XSD + "integer")}, {"x": Term("uri", ID + "country/japan")}])
    assert result.to_dataframe()["x"].tolist() == ["3", ID + "country/japan"]


def test_tsv_is_the_servers_sparql_tsv() -> None:
    """CLI TSV and pyoxigraph's SPARQL 1.1 TSV writer (what the server sends) are byte-identical."""
    import io

    from adgmin_kg.store import load_union_store

    store = load_union_store(FIXTURE)  # the graph as the CLI and the server read it (the truthy view)
    checked = 0
    for query in list_queries():
        bindings = {}
        backend = adgmin_kg.query.open_graph(FIXTURE)
        for name, value in PARAMS.get(query.name, {}).items():
            bindings[name] = adgmin_kg.query.resolve_parameter(backend, query.parameter(name), value)
        ours = format_result(backend.select(query.text, bindings), "tsv")
        subs = {pyoxigraph.Variable(k): adgmin_kg.query.to_oxigraph(v) for k, v in bindings.items()}
        answer = store.query(query.text, substitutions=subs)
        out = io.BytesIO()
        answer.serialize(out, pyoxigraph.QueryResultsFormat.TSV)
        theirs = out.getvalue().decode("utf-8")
        assert ours.split("\n", 1)[0] == theirs.split("\n", 1)[0], query.name
        # the same lines (rows that tie in ORDER BY may come in another order)
        assert sorted(set(ours.splitlines())) == sorted(set(theirs.splitlines())), query.name
        checked += ours.count("\n") - 1
    assert checked > 40  # rows of every stored query, with its example


def test_turtle_terms_in_tsv() -> None:
    assert Term("literal", 'a\t"b"\n', None, "th").turtle() == '"a\\t\\"b\\"\\n"@th'
    assert Term("literal", "57900", XSD + "decimal").turtle() == '"57900"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert Term("literal", "3.5", XSD + "decimal").turtle() == "3.5"
    assert Term("literal", "3", XSD + "integer").turtle() == "3"


def test_table_shows_prefixed_names_that_paste_back() -> None:
    result = run("meeting-attendees", meeting="ADGMIN 3")
    table = format_result(result, "table")
    assert "organisation:itu" in table and ID not in table
    full = format_result(result, "table", full_iri=True)
    assert ID + "org/itu" in full
    # the shown name is a valid SPARQL prefixed name without any PREFIX line
    again = run_sparql("SELECT ?label WHERE { organisation:itu rdfs:label ?label }", graph=FIXTURE)
    assert "International Telecommunication Union" in {r["label"] for r in again}


def test_table_fits_the_width() -> None:
    from adgmin_kg.query import _width

    result = run("meeting-details", meeting="ADGMIN 3")
    assert max(_width(line) for line in format_result(result, "table").splitlines()) > 100
    narrow = format_result(result, "table", width=100)
    assert max(_width(line) for line in narrow.splitlines()) <= 100
    assert "…" in narrow and "cut to fit" in narrow.splitlines()[-1]


def test_cli_width_and_full_iri(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("query", "meeting-attendees", "--param", "meeting=ADGMIN 3", "--graph", str(FIXTURE),
               "--width", "100") == 0
    assert max(adgmin_kg.query._width(line) for line in capsys.readouterr().out.splitlines()) <= 100  # 164 uncut; Thai marks take no column
    assert cli("query", "meeting-attendees", "--param", "meeting=ADGMIN 3", "--graph", str(FIXTURE),
               "--full-iri", "--width", "0") == 0
    assert ID + "org/itu" in capsys.readouterr().out


def test_run_sparql_binds_values_never_pastes_them() -> None:
    text = "SELECT ?m ?start WHERE { ?m schema:startDate ?start }"
    (row,) = run_sparql(text, graph=FIXTURE, m="meeting:adgmin-3").rows
    assert row == {"m": ID + "meeting/adgmin-3", "start": "2023-02-09"}
    import datetime

    rows = run_sparql(text, graph=FIXTURE, start=datetime.date(2023, 3, 21)).rows
    assert {r["m"] for r in rows} == {ID + "meeting/th-cabinet-2023-03-21"}
    hostile = 'x" } ?m ?p ?o . FILTER("'
    label = run_sparql("SELECT ?c ?l WHERE { ?c rdfs:label ?l }", graph=FIXTURE, l=hostile)
    assert len(label) == 0  # bound as a string, not pasted into the query
    th = run_sparql("SELECT ?c ?l WHERE { ?c rdfs:label ?l }", graph=FIXTURE, l=Term.literal("ญี่ปุ่น", lang="th"))
    assert [r["c"] for r in th] == [ID + "country/japan"]
    with pytest.raises(ParameterError, match="cannot bind a list"):
        run_sparql(text, graph=FIXTURE, m=[1])


def test_public_api() -> None:
    assert set(adgmin_kg.__all__) == {"PREFIXES", "QueryError", "QueryResult", "Term", "__version__",
                                      "list_queries", "run_query", "run_sparql"}
    for name in adgmin_kg.__all__:
        assert getattr(adgmin_kg, name) is not None
    assert adgmin_kg.run_sparql is run_sparql and adgmin_kg.PREFIXES["meeting"] == ID + "meeting/"


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as done:
        cli("--version")
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"adgmin-kg {adgmin_kg.__version__}"
    assert version("adgmin-kg") == adgmin_kg.__version__


def test_a_parameter_may_be_a_prefixed_name() -> None:
    by_label = run("meeting-attendees", meeting="ADGMIN 3")
    assert run("meeting-attendees", meeting="meeting:adgmin-3") == by_label
    assert len(by_label) > 0
    with pytest.raises(ParameterError, match="no node"):
        run("meeting-attendees", meeting="ADGMIN: 3")  # a colon in a label is no prefix
