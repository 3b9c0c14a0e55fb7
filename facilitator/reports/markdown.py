"""Markdown minutes, with the structure of the PDF, for e-mail and wikis."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from facilitator.domain.timeutil import zone
from facilitator.reports.text import Words, lang_of
from facilitator.services.snapshot import (
    CategoryGroup,
    DaySnapshot,
    ItemSnapshot,
    NoteRow,
    OrganisationGroup,
    Snapshot,
    ThemeRow,
    group_notes,
)

_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s|$)", re.MULTILINE)


def md(text: str) -> str:
    """User text made literal in Markdown (and in the HTML a renderer makes of it)."""
    text = _SPECIAL.sub(r"\\\1", text)
    # "&" prints as itself; only one that would start an entity ("&amp;", "&#60;") is
    # escaped, so a renderer never turns user text into another character
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), text)


def md_inline(text: str) -> str:
    """Escaped user text on one line (table cells, headings)."""
    return " ".join(md(text).split())


def md_block(text: str, indent: str = "") -> str:
    """Escaped multi-line text whose line breaks survive rendering."""
    lines = md(text).split("\n")
    return ("  \n" + indent).join(line.rstrip() for line in lines)


class _Writer:
    def __init__(self, snap: Snapshot, words: Words) -> None:
        self.snap, self.w = snap, words
        self.out: list[str] = []

    def line(self, text: str = "") -> None:
        self.out.append(text)

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.line("| " + " | ".join(head) + " |")
        self.line("|" + "|".join("---" for _ in head) + "|")
        for row in rows:
            self.line("| " + " | ".join(row) + " |")
        self.line()

    def subtitle(self) -> str:
        if self.snap.is_day:
            day = self.snap.days[0]
            text = self.w("day_minutes", n=day.number)
            if day.date:
                text += " – " + self.w.date(day.date, weekday=True)
            return text
        return self.w("full_report")

    def cover(self) -> None:
        ws, w = self.snap.workshop, self.w
        self.line(f"# {md_inline(ws.title)}")
        self.line()
        self.line(f"**{self.subtitle()}**")
        self.line()
        status = w(f"status_{ws.minutes_status}") if ws.minutes_status in ("draft", "final") else ""
        if ws.minutes_version:
            status += (" · " if status else "") + w("version_short", v=ws.minutes_version)
        for key, value in (
            (w("organiser"), ws.organiser),
            (w("place"), ws.place),
            (w("dates"), w.date_range(ws.start_date, ws.end_date)),
            (w("doc_status"), status),
            (w("drafted_by"), ws.drafted_by or ", ".join(self.snap.note_takers)),
            (w("next_meeting"), ws.next_meeting),
        ):
            if value:
                self.line(f"- **{key}:** {md_inline(value)}")
        self.line()
        if ws.description.strip():
            self.line(md_block(ws.description))
            self.line()
        self.summary()

    def summary(self) -> None:
        snap, w = self.snap, self.w
        counts = snap.counts_by_category()
        if not counts:
            return
        self.line(f"## {w('summary')}")
        self.line()
        rows = [[md_inline(name) if name else w("uncategorised"), str(n)] for name, _, n in counts]
        rows.append([f"**{w('total')}**", f"**{sum(c[2] for c in counts)}**"])
        self.table([w("category"), w("notes")], rows)

    def attendance(self, groups: Sequence[OrganisationGroup], total: int) -> None:
        w = self.w
        self.line(f"### {w('attendance')}")
        self.line()
        self.line(w("attendance_total", n=total))
        self.line()
        rows = [
            [
                md_inline(g.organisation) if g.organisation else f"*{w('no_organisation')}*",
                ", ".join(md_inline(p.name) for p in g.people),
                str(len(g.people)),
            ]
            for g in groups
        ]
        self.table([w("organisation"), w("participants"), w("count")], rows)

    def event_attendance(self) -> None:
        snap, w = self.snap, self.w
        if not snap.attendance:
            return
        self.line(f"## {w('attendance')}")
        self.line()
        rows = []
        for g in snap.attendance:
            org = md_inline(g.organisation) if g.organisation else f"*{w('no_organisation')}*"
            for p in g.people:
                rows.append([org, md_inline(p.name), ", ".join(str(n) for n in p.days_present)])
        self.table([w("organisation"), w("participant"), w("days_present")], rows)

    def day(self, day: DaySnapshot) -> None:
        w = self.w
        self.line(f"## {md_inline(w.day_label(day.number, day.date, day.title))}")
        self.line()
        if day.attendance:
            if self.snap.is_day:
                self.attendance(day.attendance, day.present_count)
            else:  # the full report lists attendance once, with the days of each person
                self.line(w("attendance_total", n=day.present_count))
                self.line()
        if day.absent:
            names = [
                md_inline(p.name) + (f" ({w('apologised')})" if p.id in day.apologies else "")
                for p in sorted(day.absent, key=lambda p: p.name.casefold())
            ]
            self.line(f"**{w('absent')} ({len(names)}):** " + ", ".join(names))
            self.line()
        if day.items:
            self.line(f"### {w('agenda')}")
            self.line()
            rows = []
            for item in day.items:
                rows.append(
                    [
                        str(item.number),
                        w.span(item.planned_start, item.planned_end) or "–",
                        w.span(item.actual_start, item.actual_end) or "–",
                        md_inline(item.title),
                        md_inline(", ".join(item.speakers)),
                    ]
                )
            self.table(["#", w("planned"), w("actual"), w("item"), w("speakers")], rows)
            for item in day.items:
                self.item(item)

    def item(self, item: ItemSnapshot) -> None:
        w = self.w
        self.line(f"### {item.number}. {md_inline(item.title)}")
        self.line()
        meta = [w.kind(item.kind)]
        if item.planned_start:
            meta.append(f"{w('planned')} {w.span(item.planned_start, item.planned_end)}")
        if item.actual_start:
            meta.append(f"{w('actual')} {w.span(item.actual_start, item.actual_end)}")
        if item.speakers:
            meta.append(f"{w('speakers')}: {md_inline(', '.join(item.speakers))}")
        if item.location:
            meta.append(f"{w('location')}: {md_inline(item.location)}")
        self.line("*" + " · ".join(meta) + "*")
        self.line()
        if item.summary.strip():
            self.line(f"> **{w('session_summary')}:** {md_block(item.summary, '> ')}")
            self.line()
        if item.description.strip():
            self.line(md_block(item.description))
            self.line()
        for group in item.groups:
            self.group(group)
        if item.themes:
            self.themes(item.themes, "####", item.id)

    def group(self, group: CategoryGroup) -> None:
        name = md_inline(group.category) if group.category else self.w("uncategorised")
        self.line(f"#### {name} ({len(group.notes)})")
        self.line()
        for note in group.notes:
            self.note(note)
        self.line()

    def note(self, note: NoteRow) -> None:
        head = []
        if note.is_decision and not note.in_decision_category:
            head.append(f"**{self.w('decision').upper()}**")
        if note.speaker:
            absent = f" *({self.w('absent_flag')})*" if note.speaker_absent else ""
            head.append(f"**{md_inline(note.speaker)}**{absent}")
        head.append(self.w.time(note.created_at))
        self.line(f"- {' · '.join(head)} — {md_block(note.text, '  ')}")

    def themes(self, themes: Sequence[ThemeRow], level: str, item_id: int | None = None) -> None:
        self.line(f"{level} {self.w('themes')}")
        self.line()
        for t in themes:
            self.line(f"- **{md_inline(t.title)}**")
            if t.description.strip():
                self.line(f"  {md_block(t.description, '  ')}")
            for k, text in enumerate(t.notes):
                source = self.w.theme_source(t, k, item_id)
                where = f" *({md_inline(source)})*" if source else ""
                self.line(f"  - {md_block(text, '    ')}{where}")
            if t.other_days:
                self.line(f"  - *{md_inline(self.w.other_days(t.other_days))}*")
        self.line()

    def closing(self) -> None:
        snap, w = self.snap, self.w
        if snap.unassigned_notes:
            self.line(f"## {w('unassigned')}")
            self.line()
            for group in group_notes(snap.unassigned_notes, snap.categories):
                self.group(group)
        if snap.themes:
            self.themes(snap.themes, "##")
        decisions = snap.decisions()
        if decisions:
            self.line(f"## {w('decisions')}")
            self.line()
            for k, n in enumerate(decisions, 1):
                where = f" *({md_inline(w('in_item', item=n.item_title))})*" if n.item_title else ""
                self.line(f"{k}. {md_block(n.text, '   ')}{where}")
            self.line()
        if snap.actions:
            self.line(f"## {w('actions')}")
            self.line()
            rows = [
                [
                    md_inline(a.text),
                    md_inline(a.owner),
                    w.date(a.due_date),
                    w.status(a.status),
                ]
                for a in snap.actions
            ]
            self.table([w("action"), w("owner"), w("due"), w("status")], rows)
        if snap.polls:
            self.line(f"## {w('polls')}")
            self.line()
            for k, poll in enumerate(snap.polls, 1):
                self.line(f"### {k}. {md_inline(poll.title)}")
                self.line()
                if poll.method:
                    self.line(f"- **{w('method')}:** {md_inline(w.method(poll.method))}")
                if poll.rules:
                    self.line(f"- **{w('rules')}:** {md_inline(poll.rules_in(w.lang))}")
                self.line(f"- {w('ballots', n=poll.ballots)}")
                if poll.state == "open":
                    self.line(f"- *{w('poll_open')}*")
                for when, reason in poll.reopened:
                    self.line(f"- {md_inline(w.reopening(when, reason))}")
                self.line()
                if poll.rows:
                    top = max((r.score for r in poll.rows), default=0) or 1
                    extras = list(poll.extra_headers)
                    has_votes = any(r.votes is not None for r in poll.rows)
                    head = [w("rank"), w("option"), *(md_inline(e) for e in extras)]
                    if has_votes:
                        head.append(w("first_preferences"))
                    head += [w("score"), ""]
                    rows = []
                    for r in poll.rows:
                        row = [f"{r.rank}=" if r.tied else str(r.rank), md_inline(r.label)]
                        row += [md_inline(w.score(x, 0)) for x in r.extras[: len(extras)]]
                        row += [""] * (len(extras) - len(r.extras[: len(extras)]))
                        if has_votes:
                            row.append("" if r.votes is None else str(r.votes))
                        row.append(md_inline(w.score(r.score_text, r.score)))
                        row.append("█" * max(1, round(20 * r.score / top)) if r.score > 0 else "")
                        rows.append(row)
                    self.table(head, rows)

    def approval(self) -> None:
        ws, w = self.snap.workshop, self.w
        recipients = [r.strip() for r in ws.distribution.splitlines() if r.strip()]
        if ws.approval.strip():
            self.line(f"## {w('approval')}")
            self.line()
            self.line(md_block(ws.approval))
            self.line()
        if recipients:
            self.line(f"## {w('distribution')}")
            self.line()
            for r in recipients:
                self.line(f"- {md_inline(r)}")
            self.line()

    def build(self) -> str:
        self.cover()
        if not self.snap.is_day:
            self.event_attendance()
        for day in self.snap.days:
            if day.items or day.attendance:
                self.day(day)
        self.closing()
        self.approval()
        while self.out and not self.out[-1]:
            self.out.pop()
        return "\n".join(self.out) + "\n"


def build_markdown(snap: Snapshot, lang: str | None = None, tz: dt.tzinfo | None = None) -> str:
    words = Words(lang or lang_of(snap.workshop.language), tz or zone(snap.workshop.time_zone))
    return _Writer(snap, words).build()
