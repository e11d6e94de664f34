"""Language rules kept as data (``data/rules/thai.yaml``, ``data/rules/english.yaml``): calendar,
numbers, cue phrases. One RuleBook per language, the same keys in each; the extraction stages
read a release with the book of its language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from adgmin_kg.errors import DataError
from adgmin_kg.paths import data_dir
from adgmin_kg.yamlfile import YAMLError, parse_yaml


@dataclass(frozen=True)
class NameRules:
    """What a whole name looks like (``names`` in the rules file)."""

    max_length: dict[str, int]
    max_words: dict[str, int]
    leading_words: frozenset[str]
    trailing_words: frozenset[str]
    clause_words: tuple[str, ...]
    abbreviated_words: tuple[str, ...]


def _name_rules(raw: dict[str, Any]) -> NameRules:
    return NameRules(
        max_length={k: int(v) for k, v in raw["max_length"].items()},
        max_words={k: int(v) for k, v in raw["max_words"].items()},
        leading_words=frozenset(raw["leading_words"]),
        trailing_words=frozenset(raw["trailing_words"]),
        clause_words=_longest_first(raw["clause_words"]),
        abbreviated_words=_longest_first(raw["abbreviated_words"]),
    )


@dataclass(frozen=True)
class RuleBook:
    """The parsed rules file; ``cues`` maps a cue name to its phrases, longest first."""

    path: Path
    months: dict[str, int]
    buddhist_era_from: int
    max_ordinal: int  # a meeting numbered higher is implausible
    years: tuple[int, int]  # the Common Era years a date may fall in
    number_words: dict[str, int]
    part_of_year: dict[str, str]
    honorifics: tuple[str, ...]
    currencies: dict[str, str]
    multipliers: dict[str, int]
    cues: dict[str, tuple[str, ...]]
    release_prefix: str
    draft_prefix: str
    names: NameRules
    language: str = "th"
    date_order: str = "dmy"  # how a date is written: ``30 มกราคม 2567`` (dmy) or ``January 30, 2024`` (mdy)
    range_words: tuple[str, ...] = ("-", "–")  # between the two days of a range (the language's words in its rules file)
    ordinal_suffixes: tuple[str, ...] = ()  # ``4th``: the suffixes of a written ordinal

    @property
    def latin(self) -> bool:
        """Whether the language is written in Latin letters, with spaces between words."""
        return self.language != "th"

    def cue(self, name: str) -> tuple[str, ...]:
        try:
            return self.cues[name]
        except KeyError:
            raise DataError(self.path, f"missing cue list {name!r} under 'cues'") from None


def _longest_first(forms: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(forms), key=lambda s: (-len(s), s)))


#: the rules file of each language a release may be written in (``language`` in its metadata)
RULE_FILES = {"th": "thai.yaml", "en": "english.yaml"}


def rules_path(language: str = "th") -> Path:
    return data_dir() / "rules" / RULE_FILES[language]


def rules_for(language: str, base: RuleBook | None = None) -> RuleBook:
    """The rules to read a release in ``language`` with: ``base`` when it is of that language
    (a caller's own book), else the language's file."""
    if base is not None and base.language == language:
        return base
    return load_rules(rules_path(language))


@cache
def load_rules(path: Path | None = None) -> RuleBook:
    path = path or rules_path()
    try:
        raw: dict[str, Any] = parse_yaml(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as err:
        raise DataError(path, f"cannot read rules: {err}") from err
    try:
        months = {form: int(n) for n, forms in raw["months"].items() for form in forms}
        currencies = {form: code for code, forms in raw["currencies"].items() for form in forms}
        cues_raw = dict(raw["cues"])
        release_prefix = cues_raw.pop("release_prefix")
        draft_prefix = cues_raw.pop("draft_prefix")
        cues = {name: _longest_first(list(forms)) for name, forms in cues_raw.items()}
        return RuleBook(
            path=path,
            months=months,
            buddhist_era_from=int(raw["buddhist_era_from"]),
            max_ordinal=int(raw["plausible"]["max_ordinal"]),
            years=(int(raw["plausible"]["years"][0]), int(raw["plausible"]["years"][1])),
            number_words={k: int(v) for k, v in raw["number_words"].items()},
            part_of_year=dict(raw["part_of_year"]),
            honorifics=_longest_first(raw["honorifics"]),
            currencies=currencies,
            multipliers={k: int(v) for k, v in raw["multipliers"].items()},
            cues=cues,
            release_prefix=release_prefix,
            draft_prefix=draft_prefix,
            names=_name_rules(raw["names"]),
            language=str(raw.get("language", "th")),
            date_order=str(raw.get("date_order", "dmy")),
            range_words=tuple(raw.get("range_words", RuleBook.range_words)),
            ordinal_suffixes=tuple(raw.get("ordinal_suffixes", ())),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise DataError(path, f"malformed rules file: {err!r}") from err
