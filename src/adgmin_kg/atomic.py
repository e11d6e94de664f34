"""Atomic file writes: write beside the target, then rename, so no reader ever sees half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_path(path: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside ``path``; renamed onto it when the block succeeds, removed if not.

    The suffix lets writers that infer the format from the extension (matplotlib) see the right one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(handle)
    os.chmod(temp, 0o666 & ~_UMASK)  # mkstemp makes it private; exports are for sharing
    try:
        yield Path(temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text atomically, with Unix line ends."""
    with atomic_path(path) as temp, open(temp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
