"""Shared fixtures: the seed release and graphs built from it (built once per session)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RELEASES = ROOT / "data" / "releases"
SEED = RELEASES / "thaigov-66419.txt"


@pytest.fixture(scope="session")
def seed_build():
    from adgmin_kg.pipeline import build

    return build([SEED])


@pytest.fixture(scope="session")
def seed_dataset(seed_build):
    return seed_build.dataset


@pytest.fixture(scope="session")
def corpus_build():
    from adgmin_kg.pipeline import build, discover_releases

    return build(discover_releases([RELEASES]))


@contextmanager
def _serving(graph: Path, limits) -> Iterator:  # noqa: ANN001 - a serve.Limits
    """The read-only server on ``graph`` on a free local port, in a thread, for the block."""
    from adgmin_kg.serve import make_server

    server = make_server(graph, "127.0.0.1", 0, limits)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="session")
def serving():
    """``with serving(graph, limits) as server:``: a server for the tests that need one running."""
    return _serving
