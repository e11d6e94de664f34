"""Where the project's files live: the repository root holds ontology/, data/, queries/."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path


@cache
def project_root() -> Path:
    """The folder that holds ``ontology/`` and ``data/``.

    ``ADGMIN_KG_HOME`` overrides it; otherwise the first parent of this module, or of the
    current directory, that has both folders.
    """
    env = os.environ.get("ADGMIN_KG_HOME")
    if env:
        return Path(env).resolve()
    for start in (Path(__file__).resolve(), Path.cwd().resolve()):
        for parent in (start, *start.parents):
            if (parent / "ontology").is_dir() and (parent / "data").is_dir():
                return parent
    return Path.cwd().resolve()


def ontology_dir() -> Path:
    return project_root() / "ontology"


def data_dir() -> Path:
    return project_root() / "data"


def releases_dir() -> Path:
    return data_dir() / "releases"


def gazetteer_dir() -> Path:
    return data_dir() / "gazetteers"


def queries_dir() -> Path:
    return project_root() / "queries"


def default_build_dir() -> Path:
    return project_root() / "build"
