"""notebooks/explore.ipynb runs from top to bottom, and shows what it says it shows.

The notebook is executed with nbclient on a ``python3`` kernel of this environment (ipykernel
must be installed); the executed copy is kept in memory only, the file stays without outputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    return notebook


def _tagged(notebook, tag: str):
    cells = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag}"
    return cells[0]


def _text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    nbformat.validate(notebook)


def test_every_cell_runs_clean(executed):
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.output_type != "error", output.get("evalue")
            text = output.get("text", "")
            assert "missing from font" not in text and "Glyph" not in text, text
            assert not (output.output_type == "stream" and output.name == "stderr" and "Warning" in text), text


def test_top_partners_are_listed(executed):
    text = _text(_tagged(executed, "top-partners"))
    first = text.splitlines()[1]
    assert first.split()[:2] == ["1.", "Thailand"] and "ไทย" in first
    partners = text.split("TOP PARTNERS:")[1].strip().split(", ")
    assert partners[0] == "Thailand"
    # the dialogue partners at every ADGMIN the releases report come next
    assert {"Japan", "China", "United States of America"} <= set(partners)


def test_top_topics_are_listed(executed):
    text = _text(_tagged(executed, "top-topics"))
    assert "Cybersecurity" in text and "ความมั่นคงปลอดภัยไซเบอร์" in text


@pytest.mark.parametrize("tag", ["cooperation-figure", "actor-topic-figure"])
def test_figures_are_drawn_without_overlaps(executed, tag):
    cell = _tagged(executed, tag)
    images = [o for o in cell.outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(images) == 1
    assert len(images[0]["data"]["image/png"]) > 50_000  # base64 of a real figure, not an empty one
    assert "overlapping labels: []" in _text(cell)
