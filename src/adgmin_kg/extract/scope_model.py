"""The passage classifier: a logistic regression over words, trained on labelled passages.

Rules over closed vocabularies find the candidates (a passage, or its section heading, names
ASEAN or an ASEAN digital body, and a digital matter); whether a candidate is *about* ASEAN
digital cooperation, and not a ranking "in ASEAN", an investment "hub of ASEAN" or another
sector's ministers, is decided by this model. It is trained with scikit-learn on
``data/scope/passages.csv`` (passages read and labelled by hand, see ``data/scope/README.md``)
and kept as data, ``data/scope/model.json``: one weight per feature, so scoring a passage needs
no scikit-learn, and anyone can read which words pull a passage in or out.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from adgmin_kg.atomic import write_atomic
from adgmin_kg.errors import DataError
from adgmin_kg.paths import data_dir

MAX_CHARS = 1500  # words beyond this in a passage add little and cost tokenizing time
MIN_PASSAGES = 2  # a feature must occur in this many labelled passages to get a weight
_WORD = re.compile(r"[ก-๙A-Za-z][ก-๙A-Za-z0-9\-]*")
LABELS = ("in", "out")


def scope_dir() -> Path:
    return data_dir() / "scope"


@dataclass(frozen=True)
class Candidate:
    """What the model sees of a passage: its words, its section's heading, and the anchors."""

    passage: str
    heading: str
    passage_kind: str
    release_kind: str
    anchors: tuple[str, ...]  # e.g. "asean-in-passage", "digital-in-heading", "body-in-passage"

    @property
    def names_digital_body(self) -> bool:
        """The passage or its heading names an ASEAN digital body: in scope by rule, whatever
        the model would say."""
        return any(a.startswith("body-") for a in self.anchors)


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The words of a text, in order (PyThaiNLP's dictionary tokenizer), lower-cased, without
    white space, punctuation or numbers."""
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text[:MAX_CHARS], engine="newmm", keep_whitespace=False)
    return tuple(w.lower() for w in words if _WORD.fullmatch(w))


def _grams(text: str) -> set[str]:
    words = _words(text)
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:])}


def features(candidate: Candidate) -> list[str]:
    """The binary features of a candidate, sorted: words and word pairs of the passage (``p:``)
    and of its heading (``h:``), the anchors (``a:``), and the kinds of passage and release
    (``k:``)."""
    out = {f"p:{w}" for w in _grams(candidate.passage)}
    out |= {f"h:{w}" for w in _grams(candidate.heading)}
    out |= {f"a:{a}" for a in candidate.anchors}
    out.add(f"k:passage-{candidate.passage_kind}")
    out.add(f"k:release-{candidate.release_kind}")
    return sorted(out)


@dataclass(frozen=True)
class ScopeModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, candidate: Candidate) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(candidate))
        return 1.0 / (1.0 + math.exp(-z))

    def in_scope(self, candidate: Candidate) -> bool:
        return self.probability(candidate) >= self.threshold


def model_path() -> Path:
    return scope_dir() / "model.json"


@cache
def load_model(path: Path | None = None) -> ScopeModel:
    path = path or model_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return ScopeModel({k: float(v) for k, v in raw["weights"].items()}, float(raw["bias"]), float(raw["threshold"]))
    except OSError as err:
        raise DataError(path, f"cannot read the scope model: {err.strerror} (make it with 'adgmin-kg scope train')") from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise DataError(path, f"malformed scope model: {err!r}") from None


# ---------------------------------------------------------------- labelled passages

LABEL_COLUMNS = ("id", "corpus", "label", "note", "release_kind", "passage_kind", "heading", "passage")


@dataclass(frozen=True)
class LabelledPassage:
    """A passage read and labelled by hand, with its section's heading."""

    id: str  # <release>:<start>-<end>
    corpus: str
    label: str
    note: str
    release_kind: str
    passage_kind: str
    heading: str
    passage: str

    @property
    def release(self) -> str:
        return self.id.partition(":")[0]


def labels_path() -> Path:
    return scope_dir() / "passages.csv"


def read_labels(path: Path | None = None) -> list[LabelledPassage]:
    path = path or labels_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(path, f"cannot read the labelled passages: {err.strerror}") from None
    reader = csv.reader(io.StringIO(text))
    if tuple(next(reader, ())) != LABEL_COLUMNS:
        raise DataError(path, f"line 1: the columns must be {', '.join(LABEL_COLUMNS)}")
    out = []
    for number, row in enumerate(reader, start=2):
        if len(row) != len(LABEL_COLUMNS):
            raise DataError(path, f"line {number}: {len(row)} cells, expected {len(LABEL_COLUMNS)}")
        passage = LabelledPassage(*row)
        if passage.label not in LABELS:
            raise DataError(path, f"line {number}: label {passage.label!r} is not one of {', '.join(LABELS)}")
        out.append(passage)
    return out


# ---------------------------------------------------------------- training


@dataclass(frozen=True)
class Example:
    """A labelled candidate: what the model is trained and measured on."""

    candidate: Candidate
    label: str
    release: str


@dataclass(frozen=True)
class Evaluation:
    """Cross-validated on releases held out (passages of one release never on both sides)."""

    precision: float
    recall: float
    tp: int
    fp: int
    fn: int
    tn: int

    def line(self) -> str:
        return f"precision {self.precision:.3f}, recall {self.recall:.3f} (tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})"


def _matrix(examples: Sequence[Example]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction import DictVectorizer

    seen: dict[str, int] = {}
    found = [features(e.candidate) for e in examples]
    for names in found:
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    vectorizer = DictVectorizer(sort=True)
    # a feature of one passage only says nothing about others: left out (and the model small)
    x = vectorizer.fit_transform([{f: 1 for f in names if seen[f] >= MIN_PASSAGES} for names in found]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # what liblinear takes
    y = [1 if e.label == "in" else 0 for e in examples]
    return vectorizer, x, y


def _fit(x, y, c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", max_iter=1000).fit(x, y)


def cross_validate(examples: Sequence[Example], c: float, threshold: float, folds: int = 5) -> Evaluation:
    from sklearn.model_selection import GroupKFold

    _, x, y = _matrix(examples)
    groups = [e.release for e in examples]
    tp = fp = fn = tn = 0
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        model = _fit(x[train], [y[i] for i in train], c)
        for i, p in zip(test, model.predict_proba(x[test])[:, 1]):
            predicted, actual = p >= threshold, y[i] == 1
            tp += predicted and actual
            fp += predicted and not actual
            fn += actual and not predicted
            tn += not predicted and not actual
    return Evaluation(tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn, tn)


def train(examples: Sequence[Example], c: float, threshold: float, source: Path) -> dict:  # type: ignore[type-arg]
    """The model as data: a weight per feature (rounded, the negligible ones left out)."""
    vectorizer, x, y = _matrix(examples)
    model = _fit(x, y, c)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(round(float(w), 4)) >= 0.001}
    return {
        "about": "Logistic regression deciding whether a candidate passage is about ASEAN digital cooperation; see src/adgmin_kg/extract/scope_model.py",
        "trained_on": str(source.name),
        "trained_on_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "passages": len(examples),
        "c": c,
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }


def write_model(model: dict, path: Path | None = None) -> None:  # type: ignore[type-arg]
    write_atomic(path or model_path(), json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
