"""Reading releases: good ones as stored, bad ones rejected with the file (and line) named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from adgmin_kg.errors import ReleaseError
from adgmin_kg.pipeline import build, discover_releases
from adgmin_kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "fixtures" / "bad"
SEED = ROOT / "data" / "releases" / "thaigov-66419.txt"


def test_seed_is_read_exactly_as_stored() -> None:
    release = read_release(SEED)
    assert release.text == SEED.read_bytes().decode("utf-8")
    assert release.issued == dt.date(2023, 3, 21)
    assert release.text[slice(*release.issued_span)] == "21 มีนาคม 2566"
    assert release.title.startswith("ครม.รับทราบผลสำเร็จการประชุมรัฐมนตรีอาเซียนด้านดิจิทัล")
    assert release.meta.url == "https://www.thaigov.go.th/news/contents/details/66419"


def test_truncated_page_title_is_replaced_by_the_full_header_title() -> None:
    release = read_release(ROOT / "data" / "releases" / "thaigov-38528.txt")
    assert "\ufffd" not in release.title
    assert release.title.endswith("ผ่านการประชุมทางไกล")


@pytest.mark.parametrize(
    ("case", "message", "line"),
    [
        ("empty", "release is empty", None),
        ("whitespace-only", "release is empty", None),
        ("binary", "binary", None),
        ("latin1", "not UTF-8", 1),
        ("bom", "byte-order mark", 1),
        ("no-meta", "metadata file not found", None),
        ("malformed-meta", "malformed JSON", 2),
        ("meta-missing-keys", "metadata lacks url, publisher, kind, scope", None),
        ("meta-id-mismatch", "does not match the file name", None),
        ("meta-bad-kind", "kind 'blog'", None),
        ("no-date-line", "no date line", 1),
    ],
)
def test_bad_release_names_file_and_problem(case: str, message: str, line: int | None) -> None:
    path = BAD / case / f"{case}.txt"
    with pytest.raises(ReleaseError) as info:
        read_release(path)
    assert message in str(info.value)
    assert case in str(info.value)
    assert info.value.line == line


def test_missing_release_file() -> None:
    with pytest.raises(ReleaseError, match="release file not found"):
        read_release(BAD / "nothing-here.txt")


def test_metadata_without_text_is_an_error_when_discovering() -> None:
    with pytest.raises(ReleaseError, match="metadata without its release text"):
        discover_releases([BAD / "meta-without-text"])


def test_off_topic_release_is_rejected_unless_skipping_then_kept_without_facts() -> None:
    path = BAD / "off-topic" / "off-topic.txt"
    with pytest.raises(ReleaseError, match="not about ASEAN digital cooperation"):
        build([path])
    result = build([path], skip_bad=True)
    assert [str(e.path) for e in result.skipped] == [str(path)]
    facts = result.facts[0]
    assert not facts.on_topic and not facts.meetings and not facts.decisions and not facts.funding


def test_skip_bad_builds_the_rest_and_lists_every_bad_file() -> None:
    paths = [SEED] + sorted(BAD.glob("*/*.txt"))
    result = build(paths, skip_bad=True)
    assert [r.id for r in result.releases] == ["thaigov-66419", "off-topic"]
    assert len(result.skipped) == len(paths) - 1
