"""Whole names or nothing: is a span of text a complete name that may be minted as a node?

Documents, projects and people that no gazetteer lists get a node named by the words of the
release. Those words must be a whole name: starting and ending at Thai word boundaries
(PyThaiNLP's dictionary tokenizer tells where words end, since Thai writes no spaces between
words), without list markers, draft brackets, cut abbreviations (``ฯ``) or a trailing clause,
and not a sentence. ``name_problem`` says what is wrong with a name, or None when it is whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from adgmin_kg.facts import Span
from adgmin_kg.rules import RuleBook

_COMBINING = re.compile("[\u0e30-\u0e3a\u0e45-\u0e4e]")  # Thai following vowels, vowel and tone marks: never start a word
_BAD_FIRST = set("ฯๆ/)]}-–—.,;:!?")
_BAD_LAST = set("/([{-–—,;:")
_LIST_MARK = re.compile(r"\(\s*[0-9๐-๙]{1,2}\s*\)|(?:^|\s)[0-9๐-๙]{1,2}\s*[.)](?=\s*[ก-๙(])")  # ``(4)``, ``4)``, ``4.`` before words
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"), ("{", "}"))
_WINDOW = 48  # characters of context either side when asking the tokenizer about one offset


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=True))


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def word_count(text: str) -> int:
    """How many words ``text`` segments into (a misspelt word falls apart into several:
    ``ร่ามมือ`` is ``ร่า|ม|มือ``, ``ร่วมมือ`` one)."""
    return sum(1 for w in _words(text) if w.strip())


def is_word_boundary(text: str, offset: int) -> bool:
    """Whether a word may end (and the next begin) at ``offset`` of ``text``.

    Between two Thai characters, a boundary is where the text on each side segments into
    dictionary words up to it: the last word of the text before and the first word of the text
    after are both words of PyThaiNLP's dictionary. (Asking the tokenizer about the whole
    stretch is not enough: maximal matching cuts ``โครงการพัฒนา`` as ``โครง|การพัฒนา``.)
    """
    if offset <= 0 or offset >= len(text):
        return True
    before, after = text[offset - 1], text[offset]
    if _COMBINING.match(after):
        return False
    if not (_is_thai(before) and _is_thai(after)):
        # Latin letters and digits run on into each other; anything else next to Thai is a break
        return not (before.isascii() and after.isascii() and before.isalnum() and after.isalnum())
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end == -1 else line_end
    left = [w for w in _words(text[max(line_start, offset - _WINDOW) : offset]) if w.strip()]
    right = [w for w in _words(text[offset : min(line_end, offset + _WINDOW)]) if w.strip()]
    words = _dictionary()
    return bool(left and right) and left[-1] in words and right[0] in words


def starts_longer_word(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word longer than ``text[start:end]`` starts at ``start`` (``นาย`` is
    the start of ``นายกรัฐมนตรี``, not an honorific)."""
    words = _dictionary()
    line_end = text.find("\n", start)
    limit = min(len(text), start + 30, line_end if line_end != -1 else len(text))
    return any(text[start:stop] in words for stop in range(end + 1, limit + 1))


def _unbalanced(name: str) -> str | None:
    for opening, closing in _PAIRS:
        depth = 0
        for ch in name:
            depth += (ch == opening) - (ch == closing)
            if depth < 0:
                return f"a {closing} without its {opening}"
        if depth:
            return f"a {opening} without its {closing}"
    return None


def _clause_word(name: str, words: tuple[str, ...], clause_words: tuple[str, ...]) -> str | None:
    """A clause word standing as whole words inside the name (not at its very start)."""
    starts, position = set(), 0
    for word in words:
        starts.add(position)
        position += len(word)
    for clause in clause_words:
        at = name.find(clause, 1)
        while at != -1:
            if at in starts and (at + len(clause) == len(name) or at + len(clause) in starts):
                return clause
            at = name.find(clause, at + 1)
    return None


def name_problem(text: str, span: Span, kind: str, rules: RuleBook) -> str | None:
    """What makes ``text[span]`` no whole name of a ``kind`` (document, project, person), or None."""
    limits = rules.names
    name = text[span.start : span.end]
    if not name.strip():
        return "empty"
    if name != name.strip():
        return "white space around it"
    if len(name) > limits.max_length[kind]:
        return f"longer than {limits.max_length[kind]} characters"
    if _COMBINING.match(name[0]) or name[0] in _BAD_FIRST:
        return f"starts with {name[0]!r}"
    if name[-1] in _BAD_LAST:
        return f"ends with {name[-1]!r}"
    if problem := _unbalanced(name):
        return problem
    if _LIST_MARK.search(name):
        return "holds a list marker"
    bare = name
    for word in limits.abbreviated_words:
        bare = bare.replace(word, "")
    if "ฯ" in bare:
        return "holds ฯ (a name cut short)"
    if "\n" in name:
        return "runs over a line break"
    # people's names are rarely dictionary words and the tokenizer cuts them into syllables
    # (``ปุณณกันต์``): their words are what white space separates
    words = tuple(re.split(r"(\s+)", name)) if kind == "person" else _words(name)
    solid = [w for w in words if w.strip()]
    if len(solid) > limits.max_words[kind]:
        return f"more than {limits.max_words[kind]} words"
    if solid and solid[0] in limits.leading_words:
        return f"starts with {solid[0]!r}"
    if solid and solid[-1] in limits.trailing_words:
        return f"ends with {solid[-1]!r}"
    if clause := _clause_word(name, words, limits.clause_words):
        return f"holds the clause word {clause!r}"
    if kind != "person":  # people's names are rarely dictionary words: the honorific before them tells where they start
        if not is_word_boundary(text, span.start):
            return "starts inside a word"
        if not is_word_boundary(text, span.end):
            return "ends inside a word"
    return None

