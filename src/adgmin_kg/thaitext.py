"""Thai text handling that keeps offsets: digits, dates, amounts, compacted matching text.

Every function here works on the release text exactly as read and reports spans as Python
string indices into it (end exclusive), so a quote can always be cut back out of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from adgmin_kg.rules import RuleBook

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def ascii_digits(text: str) -> str:
    """Thai digits to ASCII digits; one character for one, so offsets are kept."""
    return text.translate(_THAI_DIGITS)


def to_ce_year(year: int, rules: RuleBook) -> int:
    """A year as written (Buddhist or Common Era) to Common Era."""
    return year - 543 if year >= rules.buddhist_era_from else year


@dataclass(frozen=True)
class Compact:
    """The text without white space, with a map back to original offsets.

    Releases break names with runs of spaces (``รัฐมนตรีอาเซียน            ด้านดิจิทัล``);
    matching on the compacted form finds them, and ``span`` maps a hit back.
    """

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[end - 1] + 1


_KEPT = re.compile("[^\\s\u200b\u200c\u200d\ufeff]+")  # \s is the test of str.isspace; zero-width marks go too


def compact(text: str) -> Compact:
    chars: list[str] = []
    origin: list[int] = []
    for run in _KEPT.finditer(text):  # runs, not characters: a release is read in one pass of C
        chars.append(run.group())
        origin.extend(range(run.start(), run.end()))
    return Compact("".join(chars), tuple(origin))


@dataclass(frozen=True)
class Terms:
    """A closed list of terms to look for in a text: Thai forms wherever they stand, white space
    ignored (releases break words with spaces); Latin forms as whole words, any case, any white
    space between their words (``ATRC`` is not found in ``ATRCs``, ``ansac`` not in ``Transaction``)."""

    thai: re.Pattern[str] | None
    latin: re.Pattern[str] | None

    def found_in(self, text: str) -> bool:
        if self.thai is not None and self.thai.search("".join(text.split())):
            return True
        return self.latin is not None and self.latin.search(text) is not None


def terms(forms: Iterable[str]) -> Terms:
    forms = list(forms)  # read twice below: a generator would leave the Latin forms empty
    thai = sorted({"".join(f.split()) for f in forms if not f.isascii()}, key=len, reverse=True)
    latin = sorted({" ".join(f.split()) for f in forms if f.isascii() and f.strip()}, key=len, reverse=True)
    latin_parts = [r"\s+".join(re.escape(w) for w in form.split()) for form in latin]
    return Terms(
        re.compile("|".join(re.escape(f) for f in thai)) if thai else None,
        re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(latin_parts) + r")(?![A-Za-z0-9])", re.IGNORECASE) if latin else None,
    )


_THAI_SCRIPT = re.compile("[\u0e00-\u0e7f]")


def written_language(text: str) -> str:
    """``th`` for text with Thai letters in it, else ``en``: a name wholly in Latin script
    (``Digital Economy Framework Agreement – DEFA``, ``ASEAN’s ...``) is the English name."""
    return "th" if _THAI_SCRIPT.search(text) else "en"


def fold(form: str) -> str:
    """The matching key of a name: no white space, ASCII digits, lower-case Latin letters."""
    return "".join(ascii_digits(form).split()).lower()


# ---------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateExpr:
    """A date or a date range as written: ``9-10 กุมภาพันธ์ 2566``."""

    start: int
    end: int
    first: dt.date
    last: dt.date | None


@cache
def _date_regex(month_forms: tuple[str, ...], range_words: tuple[str, ...], suffixes: tuple[str, ...] = ()) -> re.Pattern[str]:
    month = "|".join(re.escape(m) for m in month_forms)
    day = r"(?:[0-9]{1,2})" if not suffixes else rf"(?:[0-9]{{1,2}})(?:\s?(?:{'|'.join(re.escape(x) for x in suffixes)})(?![A-Za-z]))?"
    between = "|".join(re.escape(w) for w in sorted(range_words, key=len, reverse=True))
    return re.compile(
        rf"(?P<d1>{day})(?:\s*(?P<m1>{month}))?(?:\s*(?P<y1>[0-9]{{4}}))?"
        rf"(?:\s*(?:{between})\s*(?P<d2>{day}))?"
        rf"\s*(?P<m2>{month})\s*(?P<y2>[0-9]{{4}}|[0-9]{{2}}(?![0-9]))"
    )


@cache
def _mdy_regex(month_forms: tuple[str, ...], range_words: tuple[str, ...], suffixes: tuple[str, ...]) -> re.Pattern[str]:
    month = "|".join(re.escape(m) for m in month_forms)
    suffix = "|".join(re.escape(s) for s in suffixes) or "(?!)"
    day = rf"(?:[0-9]{{1,2}})(?:\s?(?:{suffix}))?"
    between = "|".join(re.escape(w) for w in sorted(range_words, key=len, reverse=True))
    return re.compile(
        rf"(?<![A-Za-z])(?P<m1>{month})\s*(?P<d1>{day})(?:,?\s*(?P<y1>[0-9]{{4}}))?"
        rf"(?:\s*(?:{between})\s*(?:(?P<m2>{month})\s*)?(?P<d2>{day}))?"
        rf",?\s*(?P<y2>[0-9]{{4}})(?![0-9])"
    )


def _day(written: str) -> int:
    return int(re.match(r"[0-9]+", written).group(0))  # type: ignore[union-attr]


def _find_mdy(text: str, rules: RuleBook) -> list[DateExpr]:
    """Dates written month first (``January 30, 2024``, ``January 30-31, 2024``, ``January 30
    and February 2, 2024``), and day first (``30 January 2024``) as Thai ones are."""
    forms = tuple(sorted(rules.months, key=len, reverse=True))
    found: list[DateExpr] = []
    for m in _mdy_regex(forms, rules.range_words, rules.ordinal_suffixes).finditer(text):
        year = to_ce_year(int(m["y2"]), rules)
        month1 = rules.months[m["m1"]]
        try:
            if m["d2"]:
                month2 = rules.months[m["m2"]] if m["m2"] else month1
                year1 = to_ce_year(int(m["y1"]), rules) if m["y1"] else (year - 1 if month1 > month2 else year)
                first, last = dt.date(year1, month1, _day(m["d1"])), dt.date(year, month2, _day(m["d2"]))
            else:
                if m["y1"]:
                    continue
                first, last = dt.date(year, month1, _day(m["d1"])), None
        except ValueError:
            continue
        low, high = rules.years
        if all(low <= d.year <= high for d in (first, last) if d):
            found.append(DateExpr(m.start(), m.end(), first, last))
    taken = [(d.start, d.end) for d in found]
    for d in _find_dmy(text, rules):
        if not any(s < d.end and d.start < e for s, e in taken):
            found.append(d)
    return sorted(found, key=lambda d: d.start)


def find_dates(text: str, rules: RuleBook) -> list[DateExpr]:
    """Every date or range in the text, as the release's language writes them: Thai day first
    (``21 มีนาคม 2566``, ``30 ม.ค. - 1 ก.พ. 2567``), English month first too."""
    if rules.date_order == "mdy":
        return _find_mdy(text, rules)
    return _find_dmy(text, rules)


def _find_dmy(text: str, rules: RuleBook) -> list[DateExpr]:
    forms = tuple(sorted(rules.months, key=len, reverse=True))
    found: list[DateExpr] = []
    for m in _date_regex(forms, rules.range_words, rules.ordinal_suffixes).finditer(ascii_digits(text)):
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        if len(m["y2"]) == 2 and not m["m2"].endswith("."):
            continue  # a two-digit year only after an abbreviated month: ``1 ก.พ.67``
        year = to_ce_year(int(m["y2"]) + (2500 if len(m["y2"]) == 2 else 0), rules)
        month2 = rules.months[m["m2"]]
        try:
            if m["d2"]:
                month1 = rules.months[m["m1"]] if m["m1"] else month2
                year1 = to_ce_year(int(m["y1"]), rules) if m["y1"] else year
                if month1 > month2 and not m["y1"]:
                    year1 = year - 1
                first = dt.date(year1, month1, _day(m["d1"]))
                last: dt.date | None = dt.date(year, month2, _day(m["d2"]))
            else:
                if m["m1"]:  # "9 กุมภาพันธ์ 10 มีนาคม 2566" is two dates; keep the last
                    continue
                first, last = dt.date(year, month2, _day(m["d1"])), None
        except ValueError:
            continue
        low, high = rules.years
        if not all(low <= d.year <= high for d in (first, last) if d):
            continue  # no date of this kind of release
        found.append(DateExpr(m.start(), m.end(), first, last))
    return found


@dataclass(frozen=True)
class SlashDate:
    start: int
    end: int
    date: dt.date


def find_slash_dates(text: str, rules: RuleBook) -> list[SlashDate]:
    """``21/03/2566`` style dates."""
    out = []
    for m in re.finditer(r"(?<![0-9])([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?![0-9])", ascii_digits(text)):
        try:
            day = dt.date(to_ce_year(int(m[3]), rules), int(m[2]), int(m[1]))
        except ValueError:
            continue
        out.append(SlashDate(m.start(), m.end(), day))
    return out


# ---------------------------------------------------------------- numbers


def parse_number(written: str) -> Decimal | None:
    """``12,500`` -> 12500; numbers are kept as written, typos included (``12,5000``)."""
    cleaned = ascii_digits(written).replace(",", "").strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def number_word(word: str, rules: RuleBook) -> int | None:
    """``3``, ``๓`` or ``สาม`` -> 3."""
    digits = ascii_digits(word).strip()
    if digits.isdigit():
        return int(digits)
    return rules.number_words.get(word.strip())


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: Decimal
    currency: str


@cache
def _amount_regex(currency_forms: tuple[str, ...], multiplier_forms: tuple[str, ...]) -> re.Pattern[str]:
    cur = "|".join(re.escape(c) for c in currency_forms)
    mul = "|".join(re.escape(m) for m in multiplier_forms)
    return re.compile(
        rf"(?:(?P<pre>US\$|USD)\s*)?(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<mul>{mul})?\s*(?P<cur>{cur})?"
    )


def find_amounts(text: str, rules: RuleBook) -> list[Amount]:
    """Money as written: ``12,500 ดอลลาร์สหรัฐ``, ``1.5 ล้านบาท``, ``USD 20,000``."""
    cur_forms = tuple(sorted(rules.currencies, key=len, reverse=True))
    mul_forms = tuple(sorted(rules.multipliers, key=len, reverse=True))
    out = []
    for m in _amount_regex(cur_forms, mul_forms).finditer(ascii_digits(text)):
        currency_form = m["cur"] or m["pre"]
        if not currency_form:
            continue
        value = parse_number(m["num"])
        if value is None:
            continue
        if m["mul"]:
            value *= rules.multipliers[m["mul"]]
        if value == value.to_integral_value():
            value = value.to_integral_value()
        out.append(Amount(m.start(), m.end(), value, rules.currencies[currency_form]))
    return out
