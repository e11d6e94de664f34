"""The documentation is tested: every block of README.md and docs/*.md runs against the corpus.

- ``sparql``: run with :func:`adgmin_kg.run_sparql` on the built corpus; it must answer rows,
  and when a ``text`` block follows it, that is its table (as ``adgmin-kg query --file`` prints it).
- ``python``: a block written as a doctest (``>>>``) runs as one, its outputs compared; other
  Python runs as a script.
- ``sh``: every line runs in bash from the repository root, ``adgmin-kg`` being this checkout's;
  each must exit 0 and say something; ``curl`` lines ask a server started on the corpus.
- ``console``: ``$ command`` lines run, and what they print (stdout and stderr) must be the lines
  that follow them.

A block that cannot run has a marker on the line before it, with the reason:
``<!-- doc-test: not run: why -->``. Nothing else is skipped: a new block without a marker runs.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUNNABLE = ("sh", "sparql", "python", "console")
MARKER = re.compile(r"^<!--\s*doc-test:\s*not run:\s*(?P<reason>.*?)\s*-->$")
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\s*$")
#: the blocks the docs mark as not runnable (a new marker must be deliberate)
NOT_RUN = 9
SERVER = "http://127.0.0.1:8000"


@dataclass
class Block:
    path: Path
    line: int  # of the opening fence, 1-based
    lang: str
    text: str
    reason: str | None = None  # the marker's reason: not run
    output: str | None = None  # the text block that follows it

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}:{self.lang}"


def read_blocks(path: Path) -> list[Block]:
    """The fenced blocks of a Markdown file, with their markers and output blocks."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    previous = ""  # the last non-blank line outside a block
    just_closed: Block | None = None  # the runnable block right before, blank lines aside
    i = 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            if lines[i].strip():
                previous, just_closed = lines[i].strip(), None
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        text = "\n".join(lines[i + 1:end]) + "\n"
        marker = MARKER.match(previous)
        if fence["lang"] == "text" and just_closed is not None:
            just_closed.output = text
            just_closed = None
        else:
            block = Block(path, i + 1, fence["lang"], text, marker["reason"] if marker else None)
            blocks.append(block)
            just_closed = block if block.lang in RUNNABLE else None
        previous = "```"
        i = end + 1
    return blocks


ALL = [b for path in DOCS for b in read_blocks(path)]
TO_RUN = [b for b in ALL if b.lang in RUNNABLE and b.reason is None]


def test_every_block_runs_or_says_why_it_cannot() -> None:
    marked = [b for b in ALL if b.reason is not None]
    for block in marked:
        assert block.lang in RUNNABLE, f"{block.id}: a marker on a block that would not run anyway"
        assert len(block.reason) > 20, f"{block.id}: give the reason in the marker"
    assert len(marked) == NOT_RUN, [b.id for b in marked]
    langs = {b.lang for b in ALL}
    assert langs <= {*RUNNABLE, "turtle", "text", ""}, langs  # a new language needs a runner here
    assert {b.lang for b in TO_RUN} == set(RUNNABLE)


def test_markdown_marker_must_precede_a_block() -> None:
    for path in DOCS:
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if MARKER.match(line.strip()):
                after = next(x for x in lines[n + 1:] if x.strip())
                assert FENCE.match(after), f"{path.name}:{n + 1}: a marker must come just before a block"


# --------------------------------------------------------------------------- runners


@pytest.fixture(scope="module")
def corpus() -> Path:
    from adgmin_kg.pipeline import ensure_built

    return ensure_built()


@pytest.fixture(scope="module")
def shim(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment whose ``adgmin-kg`` is this checkout's, with no terminal width."""
    folder = tmp_path_factory.mktemp("bin")
    script = folder / "adgmin-kg"
    script.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m adgmin_kg.cli "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PATH"] = f"{folder}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


@pytest.fixture(scope="module")
def server(corpus: Path, serving) -> Iterator[str]:
    from adgmin_kg.serve import Limits

    with serving(corpus, Limits(workers=1)) as running:
        yield f"http://127.0.0.1:{running.server_address[1]}"


def commands(text: str) -> list[str]:
    """The command lines of a shell block (``\\`` continuations joined)."""
    return [c for c in text.replace("\\\n", " ").splitlines() if c.strip() and not c.lstrip().startswith("#")]


def shell(command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = re.sub(r"(^|\s)\.venv/bin/adgmin-kg\b", r"\1adgmin-kg", command)
    return subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("block", [b for b in TO_RUN if b.lang == "sparql"], ids=lambda b: b.id)
def test_sparql_block(block: Block, corpus: Path) -> None:
    from adgmin_kg.query import format_result, run_sparql

    result = run_sparql(block.text, graph=corpus)
    assert len(result) > 0 or result.boolean, f"{block.id}: the query answers nothing"
    if block.output is not None:
        assert format_result(result, "table") == block.output


@pytest.mark.parametrize("block", [b for b in TO_RUN if b.lang == "python"], ids=lambda b: b.id)
def test_python_block(block: Block, corpus: Path) -> None:
    if ">>>" not in block.text:
        exec(compile(block.text, block.id, "exec"), {"__name__": "__docs__"})  # noqa: S102 (our own docs)
        return
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.text, {"__name__": "__docs__"}, block.id, str(block.path), block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


@pytest.mark.parametrize("block", [b for b in TO_RUN if b.lang == "sh"], ids=lambda b: b.id)
def test_shell_block(block: Block, corpus: Path, shim: dict[str, str], request: pytest.FixtureRequest) -> None:
    lines = commands(block.text)
    assert lines, f"{block.id}: an empty block"
    for command in lines:
        word = command.split()[0]
        assert not re.match(r"adgmin-kg (serve|publish)\b", command.strip()), (
            f"{block.id}: {command!r} starts or needs a server: mark the block")
        if word == "curl":
            base = request.getfixturevalue("server")
            command = command.replace(SERVER, base).replace("curl ", "curl -sS --fail-with-body ", 1)
        _forget_output(command)
        done = shell(command, shim)
        said = done.stdout + done.stderr
        assert done.returncode == 0, f"{block.id}: {command}\n{said}"
        assert "Traceback" not in said, f"{block.id}: {command}\n{said}"
        if word in ("adgmin-kg", "curl"):
            assert said.strip() or _wrote(command), f"{block.id}: {command} printed and wrote nothing"
        if block.output is not None and len(lines) == 1:
            assert done.stdout == block.output


def _forget_output(command: str) -> None:
    """Remove the file an ``--out FILE`` names, so that only this run can have written it."""
    words = shlex.split(command) if command.split()[0] == "adgmin-kg" else []
    if "--out" in words:
        target = ROOT / words[words.index("--out") + 1]
        if target.is_file():
            target.unlink()


def _wrote(command: str) -> bool:
    """The command has ``--out PATH`` and PATH is a file with something in it."""
    words = shlex.split(command)
    if "--out" not in words:
        return False
    target = ROOT / words[words.index("--out") + 1]
    return target.is_file() and target.stat().st_size > 0


@pytest.mark.parametrize("block", [b for b in TO_RUN if b.lang == "console"], ids=lambda b: b.id)
def test_console_block(block: Block, corpus: Path, shim: dict[str, str]) -> None:
    session: list[tuple[str, list[str]]] = []
    for line in block.text.splitlines():
        if line.startswith("$ "):
            session.append((line[2:], []))
        else:
            assert session, f"{block.id}: output before any command"
            session[-1][1].append(line)
    for command, expected in session:
        done = shell(command + " 2>&1", shim)
        assert done.stdout.splitlines() == expected, f"{block.id}: {command}\n{done.stdout}"


def test_the_server_docs_example_would_have_failed_without_default_prefixes(server: str) -> None:
    """The curl example of docs/serving.md declares no prefix: it must be the model's that make it run."""
    import urllib.error
    import urllib.parse
    import urllib.request

    query = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 1"
    url = f"{server}/sparql?" + urllib.parse.urlencode({"query": "PREFIX x: <urn:x:>\n" + query.replace("rdfs:", "nope:")})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=10)  # noqa: S310 (loopback)
    assert caught.value.code == 400 and b"nope: is not declared" in caught.value.read()
