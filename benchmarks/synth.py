"""Synthetic release corpus for speed and scale benchmarks (never mixed into data/).

    python benchmarks/synth.py --count N --out DIR [--seed S]

Writes N releases shaped like the real Government House releases in data/releases/:
``<id>.txt`` (the page layout: prefixed title line, blank lines, Thai date line, ``พิมพ์``, the
title again, then body paragraphs), ``<id>.meta.json`` and ``<id>.expected.json`` (the facts the
text states, for a rough recall check). Ids are ``synth-000001`` ... Every name is taken from
data/gazetteers/*.yaml so the builder can recognise it; document and project titles are
invented from document-kind heads and topic names. Output is a function of (count, seed):
byte-identical on every run. No network.

The sentence templates are those of real releases:

- ``cabinet-results`` (news, after thaigov-66419/42297): the Cabinet acknowledged the results
  of a meeting held ``ระหว่างวันที่ 9-10 กุมภาพันธ์ 2566 ณ <place>``, member-state count,
  dialogue partners in parentheses, numbered decisions (``1.รับรอง... 2.เห็นชอบ...``), an ASEAN
  ICT Fund project with its amount, year and phase, bilateral talks (``กับ 3 ประเทศคือ ...``);
- ``cabinet-drafts`` (news, after thaigov-64394): the Cabinet approved K draft documents for a
  coming meeting, listed ``1. ร่าง...``;
- ``cabinet-summary`` (cabinet-summary, after thaigov-64402/78190): an agenda item
  ``N. เรื่อง ...`` with ``คณะรัฐมนตรีมีมติเห็นชอบร่างเอกสาร ...`` and numbered drafts;
- ``minister-news`` (news, after thaigov-38528/78287/51026): the minister attended a meeting,
  with member-state count, host and sometimes decisions, partners and talks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
GAZETTEERS = ROOT / "data" / "gazetteers"
PREFIX = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"
PUBLISHER = "Royal Thai Government, Government House news (thaigov.go.th)"
URL_BASE = "https://synthetic.adgmin-kg.invalid/releases/"  # .invalid: never a real address

MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_NUMBER_WORDS = {1: "แรก", 2: "สอง", 3: "สาม", 4: "สี่", 5: "ห้า"}
BE = 543

# Meeting series a release is about, with weights (ordinal-numbered series only; the ADGSOM-ATRC
# retreat is numbered within a year and the cabinet by date, so neither is a main meeting).
MAIN_SERIES = {"adgmin": 10, "adgsom": 4, "telmin": 1, "telsom": 1, "atrc": 1, "accc": 1, "ansac": 1, "wg-as": 1}
SENIOR_OF = {"adgmin": "adgsom", "telmin": "telsom"}  # the senior officials' meeting held before
MINISTERIAL = {"adgmin", "telmin"}
MEMBER_COUNT_SERIES = {"adgmin", "adgsom", "telmin", "telsom"}
PARTNER_ORGS = ("itu", "european-union")
FUND = "asean-ict-fund"
SPOKESPEOPLE = [("น.ส.", "thipanan-sirichana", "deputy-spokesperson-opm"), ("นาย", "tull-traisorat", "government-spokesperson-thailand")]
MINISTERS = [("นาย", "buddhipongse-punnakanta"), ("นาย", "chaiwut-thanakamanusorn"), ("นาย", "prasert-jantararuangtong")]
TOPIC_STOP = {"ict", "telecommunications", "digital-cooperation"}  # too generic for a title


# ---------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class Names:
    countries: dict
    orgs: dict
    series: dict
    places: dict
    documents: dict
    doc_kinds: dict
    topics: dict
    people: dict
    posts: dict


def _load(name: str) -> dict[str, dict]:
    with open(GAZETTEERS / f"{name}.yaml", encoding="utf-8") as fh:
        return {e["id"]: e for e in yaml.safe_load(fh) or []}


@cache
def names() -> Names:
    return Names(
        countries=_load("countries"), orgs=_load("organisations"), series=_load("meeting-series"),
        places=_load("places"), documents=_load("documents"), doc_kinds=_load("document-kinds"),
        topics=_load("topics"), people=_load("people"), posts=_load("posts"),
    )


def _alts(entry: dict) -> list[str]:
    return [a for a in (entry.get("alt_th") or []) if a]


# ---------------------------------------------------------------------------- Thai text


def num(n: int, thai: bool = False) -> str:
    return str(n).translate(THAI_DIGITS) if thai else str(n)


def date_th(d: dt.date, thai: bool = False) -> str:
    return f"{num(d.day, thai)} {MONTHS[d.month - 1]} {num(d.year + BE, thai)}"


def range_th(rng: random.Random, start: dt.date, end: dt.date, thai: bool = False) -> str:
    if start == end:
        return date_th(start, thai)
    sep = rng.choice(["-", " - ", " -", " – "])
    if start.month == end.month and start.year == end.year:
        return f"{num(start.day, thai)}{sep}{num(end.day, thai)} {MONTHS[end.month - 1]} {num(end.year + BE, thai)}"
    head = f"{num(start.day, thai)} {MONTHS[start.month - 1]}"
    if start.year != end.year:
        head += f" {num(start.year + BE, thai)}"
    return f"{head}{' - ' if sep.strip() else sep}{date_th(end, thai)}"


def weekday_line(d: dt.date) -> str:
    return f"วัน{WEEKDAYS[d.weekday()]}ที่ {date_th(d)}"


def thai_list(items: list[str], rng: random.Random) -> str:
    if len(items) == 1:
        return items[0]
    return " ".join(items[:-1]) + rng.choice([" และ", " และ"]) + items[-1]


def amount_th(n: int) -> str:
    return f"{n:,}"


# ---------------------------------------------------------------------------- the world


@dataclass
class Document:
    title: str
    kind: str
    gazetteer_id: str | None


@dataclass
class Project:
    title: str
    amount: int
    currency: str
    phase: int | None


@dataclass
class Meeting:
    series: str
    ordinal: int
    start: dt.date
    end: dt.date
    place: str | None  # a places id, or None when only the country is named
    host: str  # a countries id
    member_states: int
    partners: list[tuple[str, str]]  # (kind, id): kind country or org
    documents: list[tuple[Document, str]]  # (document, decision id)
    projects: list[Project]
    talk_partners: list[str]  # country ids
    talk_topics: list[str]  # topic ids

    @property
    def key(self) -> str:
        return f"{self.series}-{self.ordinal}"


def _invent_document(rng: random.Random, kind: str | None = None) -> Document:
    g = names()
    kinds = [k for k, e in g.doc_kinds.items() if e.get("heads_th")]
    kind = kind or rng.choice(kinds)
    head = rng.choice([h for h in g.doc_kinds[kind]["heads_th"] if not h.isascii()] or g.doc_kinds[kind]["heads_th"])
    topic = g.topics[rng.choice(sorted(set(g.topics) - TOPIC_STOP))]["label_th"]
    link = rng.choice(["ว่าด้วย", "ด้าน", "เพื่อส่งเสริม", "อาเซียนด้าน"])
    tail = rng.choice(["ของอาเซียน", "ในอาเซียน", "ในภูมิภาคอาเซียน", ""]) if not link.startswith("อาเซียน") else ""
    return Document(f"{head}{link}{topic}{tail}", kind, None)


def _pick_document(rng: random.Random, kind: str | None = None) -> Document:
    g = names()
    if rng.random() < 0.4 and kind is None:
        doc_id = rng.choice(sorted(g.documents))
        entry = g.documents[doc_id]
        return Document(entry["label_th"], entry["kind"], doc_id)
    return _invent_document(rng, kind)


def _distinct_projects(rng: random.Random, count: int) -> list[Project]:
    """Up to ``count`` projects with distinct titles (a title names one project: its IRI)."""
    projects: list[Project] = []
    for _ in range(count):
        project = _invent_project(rng)
        if all(p.title != project.title for p in projects):
            projects.append(project)
    return projects


def _invent_project(rng: random.Random) -> Project:
    g = names()
    topic = g.topics[rng.choice(sorted(set(g.topics) - TOPIC_STOP))]
    if rng.random() < 0.5:
        title = rng.choice(["Study on {} in ASEAN", "ASEAN Guidelines on {}", "Capacity Building Programme on {} for ASEAN Member States",
                            "Towards ASEAN regional analysis of {}"]).format(topic["label_en"])
    else:
        title = rng.choice(["การศึกษาแนวทาง{}ของอาเซียน", "การพัฒนา{}ในภูมิภาคอาเซียน", "การจัดทำแนวทาง{}สำหรับประเทศสมาชิกอาเซียน"]).format(topic["label_th"])
    amount = rng.randrange(100, 3000) * 100
    return Project(title, amount, "USD", rng.choice([None, None, 2, 2, 3]))


@cache
def meeting(seed: int, series: str, ordinal: int) -> Meeting:
    """The one meeting <series> <ordinal> of this seed's world: every release that names it agrees."""
    rng = random.Random(f"{seed}:{series}:{ordinal}")
    g = names()
    # 2020 + n, wrapping after 150 years so that 10,000 releases stay in the shapes' year range
    year = 2020 + ordinal % 150 + (0 if series in MINISTERIAL or series in SENIOR_OF.values() else rng.randrange(0, 3))
    start = dt.date(min(year, 9000), rng.randrange(1, 13), rng.randrange(1, 29))
    if series in SENIOR_OF.values():  # the SOM sits just before its ministers' meeting
        start = meeting(seed, {v: k for k, v in SENIOR_OF.items()}[series], ordinal).start - dt.timedelta(days=rng.randrange(2, 4))
    end = start + dt.timedelta(days=rng.choice([0, 1, 1, 1, 2, 4]))
    place = rng.choice(sorted(g.places)) if rng.random() < 0.7 else None
    host = g.places[place]["country"] if place else rng.choice(sorted(c for c, e in g.countries.items() if e.get("asean_member")))
    if place and g.places[place]["country"] == "timor-leste":
        host = "timor-leste"
    dialogue = sorted(c for c, e in g.countries.items() if not e.get("asean_member") and c != "timor-leste")
    partners = [("country", c) for c in rng.sample(dialogue, rng.randrange(2, 6))]
    partners += [("org", o) for o in PARTNER_ORGS if rng.random() < 0.35]
    decisions = ["adopted", "endorsed", "noted", "endorsed", "adopted"]
    docs: list[tuple[Document, str]] = []
    seen: set[str] = set()
    for _ in range(rng.randrange(2, 7)):
        doc = _pick_document(rng)
        if doc.title not in seen:
            seen.add(doc.title)
            docs.append((doc, rng.choice(decisions)))
    asean = sorted(c for c, e in g.countries.items() if e.get("asean_member") and c != "thailand")
    return Meeting(
        series=series, ordinal=ordinal, start=start, end=end, place=place, host=host,
        member_states=rng.choice([9, 10, 10, 10]), partners=partners, documents=docs,
        projects=_distinct_projects(rng, rng.choice([1, 1, 1, 2])),
        talk_partners=rng.sample(asean + dialogue, rng.randrange(2, 5)),
        talk_topics=rng.sample(sorted(set(g.topics) - TOPIC_STOP), rng.randrange(2, 5)),
    )


# ---------------------------------------------------------------------------- writing


@dataclass
class Out:
    """A release being written: its paragraphs and the facts they state."""

    rng: random.Random
    paras: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=lambda: {"meetings": [], "cabinet_meeting": None, "documents": [], "projects": [], "bilateral_talks": []})
    _meetings: dict = field(default_factory=dict)

    def meeting_facts(self, m: Meeting) -> dict:
        if m.key not in self._meetings:
            self._meetings[m.key] = {"series": m.series, "ordinal": m.ordinal, "iri": f"https://w3id.org/adgmin-kg/id/meeting/{m.key}"}
            self.facts["meetings"].append(self._meetings[m.key])
        return self._meetings[m.key]


def series_name(rng: random.Random, series: str, *, bare_ok: bool = False) -> str:
    """A Thai name of the series, as releases write it before ``ครั้งที่``."""
    entry = names().series[series]
    forms = [entry["label_th"]] * 3 + [a for a in _alts(entry) if a.startswith("การประชุม") or (bare_ok and not a.isascii())]
    return rng.choice(forms)


def ordinal_th(rng: random.Random, n: int) -> str:
    r = rng.random()
    if r < 0.15:
        return f"ครั้งที่ {num(n, True)}"
    if r < 0.22:
        return f"ครั้งที่{n}"
    return f"ครั้งที่ {n}"


def english_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def meeting_phrase(rng: random.Random, m: Meeting, *, english: bool = True) -> str:
    entry = names().series[m.series]
    text = f"{series_name(rng, m.series)} {ordinal_th(rng, m.ordinal)}"
    if english and rng.random() < 0.6:
        en = f"The {english_ordinal(m.ordinal)} {entry['label_en']}"
        short = entry["short"].split()[0]
        text += f" ({en}: {short})" if rng.random() < 0.5 else f" ({en} หรือ {short})"
    return text


def place_phrase(rng: random.Random, m: Meeting, out: Out) -> str:
    g = names()
    facts = out.meeting_facts(m)
    facts["host"] = m.host
    country = g.countries[m.host]
    if m.place:
        facts["place"] = m.place
        place = g.places[m.place]
        return f"ณ {rng.choice([place['label_th'], *_alts(place)])} {rng.choice([country['label_th'], *_alts(country)])}"
    facts["place"] = None
    return f"ณ {rng.choice([country['label_th'], *_alts(country)])}"


def dates_phrase(rng: random.Random, m: Meeting, out: Out) -> str:
    facts = out.meeting_facts(m)
    facts["start"], facts["end"] = m.start.isoformat(), m.end.isoformat()
    return f"ระหว่างวันที่ {range_th(rng, m.start, m.end, thai=rng.random() < 0.05)}"


def partner_phrase(rng: random.Random, m: Meeting, out: Out) -> str:
    g = names()
    shown = []
    for kind, pid in m.partners:
        if kind == "country":
            e = g.countries[pid]
            shown.append(rng.choice([e["label_th"], *_alts(e)]))
        else:
            e = g.orgs[pid]
            abbr = [a for a in e.get("alt_en") or [] if a.isupper()]
            shown.append(f"{e['label_th']} : {abbr[0]}" if abbr and rng.random() < 0.5 else e["label_th"])
    out.meeting_facts(m)["dialogue_partners"] = [{"kind": k, "id": i} for k, i in m.partners]
    inner = thai_list(shown, rng)
    return f"ประเทศคู่เจรจา ({inner})" if rng.random() < 0.7 else f"คู่เจรจา [{inner}]"


def members_phrase(rng: random.Random, m: Meeting, out: Out) -> str:
    out.meeting_facts(m)["member_states"] = m.member_states
    return f"ประเทศสมาชิกอาเซียน {m.member_states} ประเทศ"


DECISION_VERB = {"adopted": "รับรอง", "endorsed": "เห็นชอบ", "noted": "รับทราบ", "signed": "ลงนาม"}


def decisions_paragraph(rng: random.Random, m: Meeting, out: Out, number: int) -> str:
    items = []
    for i, (doc, decision) in enumerate(m.documents, start=1):
        items.append(f"{i}.{DECISION_VERB[decision]}{doc.title}")
        out.facts["documents"].append({"title": doc.title, "kind": doc.kind, "gazetteer_id": doc.gazetteer_id,
                                       "decision": decision, "decided_by": m.key})
    verbs = thai_list(list(dict.fromkeys(DECISION_VERB[d] if d != "endorsed" else "ให้ความเห็นชอบ" for _, d in m.documents)), rng)
    body = " ".join(items[:-1]) + (" และ " if len(items) > 1 else "") + items[-1]
    short = names().series[m.series]["short"].split()[0]
    return (f"{number}. เอกสารผลลัพธ์สำคัญของการประชุม {short} {ordinal_th(rng, m.ordinal)} ได้มีการ{verbs}เอกสาร "
            f"จำนวน {len(m.documents)} ฉบับ ได้แก่ {body}")


def funding_paragraph(rng: random.Random, m: Meeting, out: Out, number: int) -> str:
    year = m.end.year
    parts = [f"{number}. การอนุมัติงบฯ ประจำปี {year + BE} ไทยได้รับอนุมัติงบฯ จากกองทุน ASEAN ICT Fund จำนวน {len(m.projects)} โครงการ"]
    for i, p in enumerate(m.projects):
        cur = rng.choice(["ดอลลาร์สหรัฐ", "ดอลลาร์สหรัฐ", "ดอลลาร์สหรัฐฯ"])
        text = f" {'คือ' if i == 0 else 'และ'} โครงการ {p.title} จำนวน {amount_th(p.amount)} {cur}"
        if p.phase:
            word = THAI_NUMBER_WORDS.get(p.phase) if rng.random() < 0.6 else None
            text += f" ซึ่งโครงการนี้เป็นโครงการระยะที่{word or ' ' + str(p.phase)} สืบเนื่องจากโครงการระยะแรกในปี {year + BE - (p.phase - 1)}"
        parts.append(text)
        out.facts["projects"].append({"title": p.title, "funder": FUND, "recipient": "thailand", "amount": p.amount,
                                      "currency": p.currency, "year": year, "phase": p.phase, "meeting": m.key})
    return "".join(parts)


def talks_sentence(rng: random.Random, m: Meeting, out: Out, level: str) -> str:
    g = names()
    partners = [g.countries[c]["label_th"] for c in m.talk_partners]
    who = "รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม" if level == "ministerial" else "ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"
    short = g.series[m.series]["short"].split()[0]
    topics = [rng.choice([g.topics[t]["label_th"], *_alts(g.topics[t])]) for t in m.talk_topics]
    for c in m.talk_partners:
        out.facts["bilateral_talks"].append({"meeting": m.key, "partner": {"kind": "country", "id": c}, "level": level, "topics": list(m.talk_topics)})
    joined = " ".join(partners) if rng.random() < 0.5 else thai_list(partners, rng)
    return (f"ประสบความสำเร็จในการหารือทวิภาคีของ{who}ในระหว่างการประชุม {short} {ordinal_th(rng, m.ordinal)} "
            f"กับ {len(partners)} ประเทศคือ {joined} ในประเด็นความร่วมมือด้าน{' '.join(topics)}")


def drafts_list(rng: random.Random, docs: list[Document], out: Out, cabinet_key: str, *, paren: bool = False) -> list[str]:
    lines = []
    for i, doc in enumerate(docs, start=1):
        label = f"({i})" if paren else (f"{i})" if rng.random() < 0.3 else f"{i}.")
        gloss = rng.choice(["เป็นเอกสารที่มุ่งส่งเสริมความร่วมมือด้านดิจิทัลในภูมิภาคอาเซียน",
                            "มีวัตถุประสงค์เพื่อเสริมสร้างความร่วมมือระหว่างประเทศสมาชิกอาเซียน",
                            "เพื่อเป็นแนวทางในการดำเนินงานของประเทศสมาชิกอาเซียน"])
        lines.append(f"{label} ร่าง{doc.title} {gloss}")
        out.facts["documents"].append({"title": doc.title, "kind": doc.kind, "gazetteer_id": doc.gazetteer_id,
                                       "decision": "approved", "decided_by": cabinet_key})
    return lines


# ---------------------------------------------------------------------------- release shapes


def _pick_meeting(rng: random.Random, seed: int, max_ordinal: int) -> Meeting:
    series = rng.choices(list(MAIN_SERIES), weights=list(MAIN_SERIES.values()))[0]
    return meeting(seed, series, rng.randrange(1, max_ordinal + 1))


def _tuesday_after(d: dt.date, weeks: int) -> dt.date:
    d = d + dt.timedelta(weeks=weeks)
    return d + dt.timedelta(days=(1 - d.weekday()) % 7)


def _tuesday_before(d: dt.date, weeks: int) -> dt.date:
    d = d - dt.timedelta(weeks=weeks)
    return d - dt.timedelta(days=(d.weekday() - 1) % 7)


def _cabinet(out: Out, day: dt.date) -> str:
    key = f"th-cabinet-{day.isoformat()}"
    out.facts["cabinet_meeting"] = {"date": day.isoformat(), "iri": f"https://w3id.org/adgmin-kg/id/meeting/{key}"}
    return key


def _spokesperson(rng: random.Random) -> str:
    g = names()
    hon, pid, post = rng.choice(SPOKESPEOPLE)
    return f"{hon}{g.people[pid]['label_th']} {g.posts[post]['label_th']}"


def shape_cabinet_results(rng: random.Random, seed: int, m: Meeting, out: Out) -> tuple[str, dt.date]:
    g = names()
    day = _tuesday_after(m.end, rng.randrange(3, 9))
    cab = _cabinet(out, day)
    out.facts["documents"].append({"title": None, "target_meeting": m.key, "decision": "acknowledged", "decided_by": cab})
    topic = g.topics[rng.choice(m.talk_topics)]["label_th"]
    title = f"ครม.รับทราบผลสำเร็จ{series_name(rng, m.series)} {ordinal_th(rng, m.ordinal)} และการประชุมที่เกี่ยวข้อง ชูความร่วมมือด้าน{topic}"
    out.meeting_facts(m)
    lead = (f"{_spokesperson(rng)} เปิดเผยผลการประชุมคณะรัฐมนตรี (ครม.) วันที่ {date_th(day)} ว่า ที่ประชุมครม. มีมติรับทราบผล"
            f"{meeting_phrase(rng, m)} และการประชุมที่เกี่ยวข้อง{dates_phrase(rng, m, out)} {place_phrase(rng, m, out)}")
    if m.series in MEMBER_COUNT_SERIES:
        lead += f" โดยมีผู้แทนระดับรัฐมนตรีและผู้ที่ได้รับมอบหมายของ{members_phrase(rng, m, out)}"
        if m.series in MINISTERIAL:
            lead += f"ร่วมกับ{partner_phrase(rng, m, out)}"
        lead += " และเลขาธิการอาเซียนเข้าร่วมประชุมฯ"
    paras = [lead, "ผลการประชุมฯ สรุปได้ ดังนี้"]
    n = 1
    paras.append(f"{n}. การร่วมแลกเปลี่ยนความก้าวหน้าการพัฒนาด้านดิจิทัลในภูมิภาคอาเซียน โดยเน้นย้ำถึงความสำคัญของ{topic}")
    if rng.random() < 0.8:
        n += 1
        paras.append(funding_paragraph(rng, m, out, n))
    n += 1
    paras.append(decisions_paragraph(rng, m, out, n))
    if rng.random() < 0.7:
        senior = meeting(seed, SENIOR_OF[m.series], m.ordinal) if m.series in SENIOR_OF else m
        level = "ministerial" if senior.series in MINISTERIAL else "senior-officials"
        paras.append("“และด้วยความโดดเด่นด้านความร่วมมือระหว่างประเทศของประเทศไทย ทำให้การประชุมครั้งนี้"
                     + talks_sentence(rng, senior, out, level) + "” " + rng.choice(["น.ส.ทิพานัน กล่าว", "นายตุลย์ กล่าว"]))
    out.paras.extend(paras)
    return title, day


def shape_cabinet_drafts(rng: random.Random, m: Meeting, out: Out, summary: bool) -> tuple[str, dt.date]:
    day = _tuesday_before(m.start, rng.randrange(1, 4))
    cab = _cabinet(out, day)
    docs = [d for d, _ in m.documents]
    phrase = meeting_phrase(rng, m)
    when = f"ที่จะจัดขึ้น{dates_phrase(rng, m, out)} {place_phrase(rng, m, out)}"
    if summary:
        title = f"สรุปข่าวการประชุมคณะรัฐมนตรี {date_th(day)}"
        paras = [f"{rng.randrange(10, 40)}. เรื่อง ร่างเอกสารที่จะมีการร่วมลงนาม รับรอง และให้ความเห็นชอบใน{phrase} และการประชุมที่เกี่ยวข้อง",
                 f"คณะรัฐมนตรีมีมติเห็นชอบร่างเอกสาร จำนวน {len(docs)} ฉบับ ตามที่กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดศ.) เสนอ ดังนี้"]
        paras += drafts_list(rng, docs, out, cab, paren=rng.random() < 0.3)
        paras.append(f"[มีกำหนดจัด{phrase} และการประชุมที่เกี่ยวข้อง {when.removeprefix('ที่จะจัดขึ้น')}]")
    else:
        title = f"ครม.เห็นชอบร่างเอกสารฯ {len(docs)} ฉบับที่จะมีการร่วมลงนาม รับรอง และให้ความเห็นชอบใน{series_name(rng, m.series)} {ordinal_th(rng, m.ordinal)}"
        paras = [f"{_spokesperson(rng)} เปิดเผยผลการประชุมคณะรัฐมนตรี (ครม.) วันที่ {date_th(day)} ว่า ที่ประชุมครม.มีมติเห็นชอบร่างเอกสาร "
                 f"{len(docs)} ฉบับที่จะมีการร่วมลงนาม รับรอง และให้ความเห็นชอบใน{phrase} และการประชุมที่เกี่ยวข้อง{when} "
                 "ตามที่กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมเสนอ",
                 f"สำหรับร่างเอกสารฯ {len(docs)} ฉบับ มีสาระสำคัญสรุปได้ดังนี้"]
        paras += drafts_list(rng, docs, out, cab)
    out.paras.extend(paras)
    return title, day


def shape_minister_news(rng: random.Random, m: Meeting, out: Out) -> tuple[str, dt.date]:
    g = names()
    day = m.end + dt.timedelta(days=rng.choice([0, 1, 1, 2]))
    if m.series in MINISTERIAL:
        hon, pid = rng.choice(MINISTERS)
        post, who = g.posts["minister-of-des"]["label_th"], "รมว.ดีอี"
    else:  # senior officials' and committee meetings: the Permanent Secretary leads
        hon, pid = "นางสาว", "ajarin-pattanapanchai"
        post, who = g.posts["permanent-secretary-des"]["label_th"], "ปลัดกระทรวงดีอี"
    person = g.people[pid]["label_th"]
    venue = "ผ่านระบบการประชุมทางไกล" if rng.random() < 0.2 else ""
    title = f"{who} ร่วมเวที {series_name(rng, m.series, bare_ok=True).removeprefix('การประชุม').lstrip('ฯ ')} {ordinal_th(rng, m.ordinal)} {venue}".rstrip()
    when = f"เมื่อวันที่ {date_th(m.start)} " if rng.random() < 0.5 else ""  # 38528 dates the attendance
    lead = (f"{when}{hon}{person} {post} ในฐานะหัวหน้าคณะผู้แทนไทย "
            f"เข้าร่วม{meeting_phrase(rng, m)} {dates_phrase(rng, m, out)} {place_phrase(rng, m, out)}")
    if m.series in MEMBER_COUNT_SERIES:
        lead += f" โดยมีรัฐมนตรีดิจิทัล จาก{members_phrase(rng, m, out)} และรองเลขาธิการอาเซียนเข้าร่วม"
    country = g.countries[m.host]["label_th"]
    lead += f" โดยมี{country} เป็นเจ้าภาพ"
    paras = [lead]
    topic = g.topics[rng.choice(m.talk_topics)]["label_th"]
    paras.append(f"โอกาสนี้ รัฐมนตรีว่าการกระทรวงฯ ได้ร่วมแลกเปลี่ยนวิสัยทัศน์เชิงนโยบายด้าน{topic} และเน้นย้ำถึงความสำคัญของความร่วมมือในภูมิภาค")
    if m.series in MINISTERIAL and rng.random() < 0.5:
        paras.append(f"ทั้งนี้ ที่ประชุมได้หารือร่วมกับ{partner_phrase(rng, m, out)} เพื่อรับรองแผนงานความร่วมมือด้านดิจิทัลระหว่างอาเซียนกับคู่เจรจา")
    if rng.random() < 0.6:
        paras.append(decisions_paragraph(rng, m, out, 1).removeprefix("1. "))
    if rng.random() < 0.4:
        paras.append("นอกจากนี้ ยัง" + talks_sentence(rng, m, out, "ministerial" if m.series in MINISTERIAL else "senior-officials"))
    out.paras.extend(paras)
    return title, day


SHAPES = {"cabinet-results": 4, "cabinet-drafts": 2, "cabinet-summary": 2, "minister-news": 3}


def release(seed: int, number: int, max_ordinal: int) -> tuple[str, dict, dict]:
    """Text, metadata and expected facts of release ``number`` (1-based) of this seed's corpus."""
    rng = random.Random(f"{seed}/release/{number}")
    rid = f"synth-{number:06d}"
    shape = rng.choices(list(SHAPES), weights=list(SHAPES.values()))[0]
    m = _pick_meeting(rng, seed, max_ordinal)
    out = Out(rng)
    if shape == "cabinet-results":
        title, day = shape_cabinet_results(rng, seed, m, out)
    elif shape == "minister-news":
        title, day = shape_minister_news(rng, m, out)
    else:
        title, day = shape_cabinet_drafts(rng, m, out, summary=shape == "cabinet-summary")
    kind = "cabinet-summary" if shape == "cabinet-summary" else "news"
    url = URL_BASE + rid
    header = [PREFIX + title, "", "", weekday_line(day)]
    if rng.random() < 0.5:
        header.append(f"{day.day:02d}/{day.month:02d}/{day.year + BE}")
    header += ["พิมพ์", title]
    if shape != "cabinet-summary" and rng.random() < 0.5:
        header.append(title)
    footer = ["", rng.choice(["***********************", "__________________", "*************"]), f"ที่มา : {url}"]
    text = "\n".join(header + out.paras + footer)
    meta = {"id": rid, "url": url, "publisher": PUBLISHER, "language": "th", "kind": kind, "scope": "full",
            "scope_note": "SYNTHETIC release generated by benchmarks/synth.py for benchmarks; not a real release"}
    expected = {"id": rid, "shape": shape, "issued": day.isoformat(), "seed": seed, **out.facts}
    return text, meta, expected


def generate(count: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write ``count`` releases into ``out_dir``; return the ``.txt`` paths in id order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    max_ordinal = max(8, min(count // 10, 2000))  # more releases, more meetings: the graph grows with N
    meeting.cache_clear()
    paths = []
    for number in range(1, count + 1):
        text, meta, expected = release(seed, number, max_ordinal)
        rid = meta["id"]
        path = out_dir / f"{rid}.txt"
        path.write_text(text, encoding="utf-8", newline="\n")
        (out_dir / f"{rid}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n")
        (out_dir / f"{rid}.expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True, help="number of releases (1..100000)")
    parser.add_argument("--out", type=Path, required=True, help="output folder (e.g. benchmarks/out/synth-1000); never data/")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not 1 <= args.count <= 100_000:
        parser.error("--count must be between 1 and 100000")
    if (ROOT / "data").resolve() in (args.out.resolve(), *args.out.resolve().parents):
        parser.error("refusing to write synthetic releases under data/")
    t0 = time.perf_counter()
    generate(args.count, args.out, args.seed)
    print(f"wrote {args.count} releases to {args.out} in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
