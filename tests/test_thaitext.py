"""Thai dates, digits and amounts, with offsets into the text as written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from adgmin_kg.rules import load_rules, rules_for
from adgmin_kg.thaitext import ascii_digits, compact, find_amounts, find_dates, to_ce_year

RULES = load_rules()


def test_buddhist_era_range_within_a_month() -> None:
    text = "ระหว่างวันที่ 9-10 กุมภาพันธ์ 2566 ณ เกาะ"
    (d,) = find_dates(text, RULES)
    assert (d.first, d.last) == (dt.date(2023, 2, 9), dt.date(2023, 2, 10))
    assert text[d.start : d.end] == "9-10 กุมภาพันธ์ 2566"


def test_range_across_months_and_thai_digits() -> None:
    (d,) = find_dates("วันที่ ๓๐ ม.ค. - ๑ ก.พ. ๒๕๖๗", RULES)
    assert (d.first, d.last) == (dt.date(2024, 1, 30), dt.date(2024, 2, 1))


def test_single_date_and_common_era_year() -> None:
    (d,) = find_dates("21 มีนาคม 2023", RULES)
    assert d.first == dt.date(2023, 3, 21) and d.last is None
    assert to_ce_year(2566, RULES) == 2023 and to_ce_year(2025, RULES) == 2025


def test_impossible_dates_are_not_dates() -> None:
    assert find_dates("31 กุมภาพันธ์ 2566", RULES) == []


def test_amounts_keep_the_number_as_written() -> None:
    text = "จำนวน 57,900 ดอลลาร์สหรัฐ และ 1.5 ล้านบาท และ 25,5500 ดอลลาร์สหรัฐ"
    amounts = find_amounts(text, RULES)
    assert [(a.value, a.currency) for a in amounts] == [(Decimal("57900"), "USD"), (Decimal("1500000"), "THB"), (Decimal("255500"), "USD")]
    assert text[amounts[0].start : amounts[0].end].strip() == "57,900 ดอลลาร์สหรัฐ"


def test_digits_and_compaction_keep_offsets() -> None:
    assert ascii_digits("ครั้งที่ ๓") == "ครั้งที่ 3"
    text = "รัฐมนตรีอาเซียน      ด้านดิจิทัล"
    packed = compact(text)
    assert packed.text == "รัฐมนตรีอาเซียนด้านดิจิทัล"
    start, end = packed.span(0, len(packed.text))
    assert text[start:end] == text


def test_two_digit_buddhist_year_only_after_an_abbreviated_month() -> None:
    (d,) = find_dates("วันนี้ (1 ก.พ.67) นายประเสริฐ", RULES)
    assert d.first == dt.date(2024, 2, 1)
    assert find_dates("1 กุมภาพันธ์ 67 คน", RULES) == []


# ---------------------------------------------------------------- English (data/rules/english.yaml)

EN = rules_for("en")


def test_english_dates_month_first_single_range_and_across_months() -> None:
    """thaigov-78262 (English cabinet synopsis): ``The cabinet met on January 30, 2023``, ``during
    January 30 and February 2, 2024``, ``on January 30-31, 2024``."""
    text = "during January 30 and February 2, 2024 under the theme"
    (d,) = find_dates(text, EN)
    assert (d.first, d.last, text[d.start : d.end]) == (dt.date(2024, 1, 30), dt.date(2024, 2, 2), "January 30 and February 2, 2024")
    (d,) = find_dates("held in Singapore on January 30-31, 2024.", EN)
    assert (d.first, d.last) == (dt.date(2024, 1, 30), dt.date(2024, 1, 31))
    (d,) = find_dates("The cabinet met on January 30, 2023. Some of", EN)
    assert (d.first, d.last) == (dt.date(2023, 1, 30), None)


def test_english_dates_day_first_with_an_ordinal_suffix() -> None:
    """``the 5 th May 2024`` and ``30 January 2024``: day first, as Thai releases write it."""
    assert [d.first for d in find_dates("on the 5 th May 2024 and on 30 January 2024", EN)] == [dt.date(2024, 5, 5), dt.date(2024, 1, 30)]
    assert find_dates("Overview of Economic and Trade Indices for December 2023", EN) == []


def test_english_amounts_with_a_multiplier_word() -> None:
    """thaigov-78262: ``for the total amount of 91,653.3053 million Baht``."""
    (a,) = find_amounts("for the total amount of 91,653.3053 million Baht (", EN)
    assert (a.value, a.currency) == (Decimal("91653305300"), "THB")


def test_a_name_in_latin_script_is_english_whatever_its_punctuation() -> None:
    """thaigov-78262 writes ``Leaders’ Statement`` and ``Anti – Online Scam``: a curly apostrophe
    or an en dash does not make an English name Thai."""
    from adgmin_kg.thaitext import written_language

    assert written_language("ASEAN Leaders’ Statement on the Development of the ASEAN DEFA") == "en"
    assert written_language("Working Group on Anti – Online Scam") == "en"
    assert written_language("แผนแม่บทอาเซียนด้านดิจิทัล ค.ศ. 2025") == "th"
