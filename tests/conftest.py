"""Shared fixtures: the seed release and graphs built from it (built once per session)."""

from __future__ import annotations

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
