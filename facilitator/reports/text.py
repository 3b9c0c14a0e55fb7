"""Words of the reports in Italian and English, and dates/times formatted for each.

Reports have no Qt, so no ``tr()``: the report language is the workshop's (or the one
asked for), not the UI's.
"""

from __future__ import annotations

import datetime as dt
import re

LANGUAGES = ("it", "en")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "minutes": "Minutes",
        "day_minutes": "Minutes of day {n}",
        "full_report": "Full report of the event",
        "report": "Report",
        "organiser": "Organiser",
        "place": "Place",
        "dates": "Dates",
        "day": "Day {n}",
        "generated": "Generated on {when}",
        "page_of": "Page {page} of {total}",
        "contents_cover": "Contents",
        "attendance": "Attendance",
        "attendance_total": "{n} participants present",
        "attendance_event": "Participants present (days attended)",
        "organisation": "Organisation",
        "participants": "Participants",
        "participant": "Participant",
        "days_present": "Days",
        "count": "No.",
        "no_organisation": "No organisation",
        "agenda": "Agenda",
        "planned": "Planned",
        "actual": "Actual",
        "item": "Item",
        "speakers": "Speakers",
        "location": "Location",
        "not_held": "not recorded",
        "notes": "Notes",
        "uncategorised": "Other notes",
        "themes": "Themes",
        "decisions": "Decisions",
        "decision": "Decision",
        "polls": "Poll results",
        "method": "Method",
        "rules": "Rules",
        "ballots": "Ballots counted: {n}",
        "rank": "Rank",
        "option": "Option",
        "score": "Score",
        "votes": "Votes",
        "actions": "Action items",
        "action": "Action",
        "owner": "Owner",
        "due": "Due date",
        "status": "Status",
        "summary": "Summary",
        "category": "Category",
        "total": "Total",
        "figures": "Key figures",
        "notes_total": "Notes",
        "items_total": "Agenda items",
        "days_total": "Days",
        "participants_total": "Participants present",
        "decisions_total": "Decisions",
        "actions_total": "Action items",
        "unassigned": "Notes not tied to an agenda item",
        "empty": "Nothing was recorded for this {scope}.",
        "scope_day": "day",
        "scope_event": "event",
        "subject_day": "Minutes of day {n} of {title}",
        "subject_event": "Full report of {title}",
        "status_open": "open",
        "status_in_progress": "in progress",
        "status_done": "done",
        "status_cancelled": "cancelled",
        "kind_presentation": "Presentation",
        "kind_site_visit": "Site visit",
        "kind_discussion": "Discussion",
        "kind_group_work": "Group work",
        "kind_plenary": "Plenary",
        "kind_break": "Break",
        "role_facilitator": "facilitator",
        "role_note_taker": "note-taker",
        "role_speaker": "speaker",
        "role_participant": "participant",
        "minutes_short": "min",
        "in_item": "in “{item}”",
        "time": "Time",
        "speaker": "Speaker",
        "note_taker": "Note-taker",
        "text": "Text",
        "id": "Id",
        "date": "Date",
        "role": "Role",
        "email": "E-mail",
        "present": "Present",
        "yes": "yes",
        "no": "no",
        "day_col": "Day",
        "position": "Position",
        "kind": "Kind",
        "duration": "Duration (min)",
        "planned_start": "Planned start",
        "planned_end": "Planned end",
        "actual_start": "Actual start",
        "actual_end": "Actual end",
        "created": "Created",
        "title": "Title",
        "poll": "Poll",
        "ballot": "Ballot",
        "mode": "Mode",
        "voters": "Voters",
        "criterion": "Criterion",
        "value": "Value",
        "method_dot": "Dot voting",
        "method_score": "Multi-criteria scoring",
        "method_ranked": "Ranked choice (Borda count)",
        "method_approval": "Approval voting",
        "first_preferences": "First pref.",
        "poll_open": "The poll is still open: these results are provisional.",
        "results_hidden": "The results are hidden until the poll is closed.",
        "reopened": "Reopened",
        "reopened_at": "Reopened on {when}",
        "tied": "tied",
        "other_days_1": "1 more note of this theme on another day",
        "other_days_n": "{n} more notes of this theme on other days",
        "from_item": "from “{item}”",
        "from_other_item": "said in another session: “{item}”",
        "from_no_item": "not tied to an agenda item",
        "more_chars": "… ({n} more characters: see the CSV export)",
        "absent_flag": "not on the day’s attendance list",
        "key_conclusions": "Key conclusions",
        "contents": "Contents",
        "doc_status": "Status",
        "status_draft": "Draft",
        "status_final": "Final",
        "version": "Version",
        "version_short": "v{v}",
        "drafted_by": "Drafted by",
        "next_meeting": "Next meeting",
        "approval_section": "Approval and distribution",
        "approval": "Approval",
        "approved_by": "Name and role",
        "approval_date": "Date",
        "signature": "Signature",
        "distribution": "Distribution list",
        "absent": "Absent",
        "apologised": "apologies sent",
        "session_summary": "Summary of the session",
        "cofunded": "Co-funded by the European Union",
        "mode_kiosk": "kiosk",
        "mode_voter": "voter",
        "mode_tally": "paper tally",
        "axis_dot": "Dots",
        "axis_approval": "Approvals",
        "axis_ranked": "Borda points",
        "axis_score": "Total score (weighted sum of the averages)",
        "decisions_n": "Decisions ({n})",
        "top_ranked": "Ranked first in the polls",
        "actions_due": "Actions to do, with owner and due date ({n})",
        "and_more": "… and {n} more in “{section}”",
        "no_owner": "no owner",
        "provisional": "provisional",
        "no_conclusions": "No decision, poll result or open action was recorded.",
        "annex_figures": "Annex: figures",
        "figures_decisions": "Decisions count the notes flagged as decisions and the notes of "
        "the category “{cat}”: the same notes as in the Decisions section.",
        "figures_actions": "Action items are the actions recorded with an owner and a due "
        "date; the notes of the category “{cat}” are counted with the notes.",
    },
    "it": {
        "minutes": "Verbale",
        "day_minutes": "Verbale della giornata {n}",
        "full_report": "Resoconto completo dell’evento",
        "report": "Resoconto",
        "organiser": "Organizzatore",
        "place": "Luogo",
        "dates": "Date",
        "day": "Giornata {n}",
        "generated": "Generato il {when}",
        "page_of": "Pagina {page} di {total}",
        "contents_cover": "Contenuti",
        "attendance": "Presenze",
        "attendance_total": "{n} partecipanti presenti",
        "attendance_event": "Partecipanti presenti (giornate di presenza)",
        "organisation": "Ente",
        "participants": "Partecipanti",
        "participant": "Partecipante",
        "days_present": "Giornate",
        "count": "N.",
        "no_organisation": "Senza ente",
        "agenda": "Programma",
        "planned": "Previsto",
        "actual": "Effettivo",
        "item": "Punto",
        "speakers": "Relatori",
        "location": "Luogo",
        "not_held": "non registrato",
        "notes": "Note",
        "uncategorised": "Altre note",
        "themes": "Temi",
        "decisions": "Decisioni",
        "decision": "Decisione",
        "polls": "Risultati delle votazioni",
        "method": "Metodo",
        "rules": "Regole",
        "ballots": "Schede conteggiate: {n}",
        "rank": "Pos.",
        "option": "Opzione",
        "score": "Punteggio",
        "votes": "Voti",
        "actions": "Azioni da svolgere",
        "action": "Azione",
        "owner": "Responsabile",
        "due": "Scadenza",
        "status": "Stato",
        "summary": "Sintesi",
        "category": "Categoria",
        "total": "Totale",
        "figures": "In cifre",
        "notes_total": "Note",
        "items_total": "Punti del programma",
        "days_total": "Giornate",
        "participants_total": "Partecipanti presenti",
        "decisions_total": "Decisioni",
        "actions_total": "Azioni da svolgere",
        "unassigned": "Note non legate a un punto del programma",
        "empty": "Nulla è stato registrato per questa {scope}.",
        "scope_day": "giornata",
        "scope_event": "iniziativa",
        "subject_day": "Verbale della giornata {n} di {title}",
        "subject_event": "Resoconto completo di {title}",
        "status_open": "aperta",
        "status_in_progress": "in corso",
        "status_done": "completata",
        "status_cancelled": "annullata",
        "kind_presentation": "Presentazione",
        "kind_site_visit": "Visita sul posto",
        "kind_discussion": "Discussione",
        "kind_group_work": "Lavoro di gruppo",
        "kind_plenary": "Plenaria",
        "kind_break": "Pausa",
        "role_facilitator": "facilitatore",
        "role_note_taker": "verbalizzante",
        "role_speaker": "relatore",
        "role_participant": "partecipante",
        "minutes_short": "min",
        "in_item": "in «{item}»",
        "time": "Ora",
        "speaker": "Intervento di",
        "note_taker": "Verbalizzante",
        "text": "Testo",
        "id": "Id",
        "date": "Data",
        "role": "Ruolo",
        "email": "E-mail",
        "present": "Presente",
        "yes": "sì",
        "no": "no",
        "day_col": "Giornata",
        "position": "Posizione",
        "kind": "Tipo",
        "duration": "Durata (min)",
        "planned_start": "Inizio previsto",
        "planned_end": "Fine prevista",
        "actual_start": "Inizio effettivo",
        "actual_end": "Fine effettiva",
        "created": "Creata",
        "title": "Titolo",
        "poll": "Votazione",
        "ballot": "Scheda",
        "mode": "Modalità",
        "voters": "Votanti",
        "criterion": "Criterio",
        "value": "Valore",
        "method_dot": "Voto a punti",
        "method_score": "Punteggio su più criteri",
        "method_ranked": "Classifica (metodo Borda)",
        "method_approval": "Voto per approvazione",
        "first_preferences": "Prime pref.",
        "poll_open": "La votazione è ancora aperta: i risultati sono provvisori.",
        "results_hidden": "I risultati restano nascosti fino alla chiusura della votazione.",
        "reopened": "Riaperta",
        "reopened_at": "Riaperta il {when}",
        "tied": "a pari merito",
        "other_days_1": "Un’altra nota di questo tema in un’altra giornata",
        "other_days_n": "Altre {n} note di questo tema in altre giornate",
        "from_item": "da «{item}»",
        "from_other_item": "detto in un altro punto: «{item}»",
        "from_no_item": "non legata a un punto del programma",
        "more_chars": "… (altri {n} caratteri: vedi l’esportazione CSV)",
        "absent_flag": "non risulta tra i presenti della giornata",
        "key_conclusions": "Conclusioni principali",
        "contents": "Indice",
        "doc_status": "Stato",
        "status_draft": "Bozza",
        "status_final": "Definitivo",
        "version": "Versione",
        "version_short": "v. {v}",
        "drafted_by": "Redatto da",
        "next_meeting": "Prossimo incontro",
        "approval_section": "Approvazione e distribuzione",
        "approval": "Approvazione",
        "approved_by": "Nome e ruolo",
        "approval_date": "Data",
        "signature": "Firma",
        "distribution": "Lista di distribuzione",
        "absent": "Assenti",
        "apologised": "giustificato",
        "session_summary": "Sintesi della sessione",
        "cofunded": "Cofinanziato dall’Unione europea",
        "mode_kiosk": "chiosco",
        "mode_voter": "votante",
        "mode_tally": "conteggio su carta",
        "axis_dot": "Punti assegnati",
        "axis_approval": "Approvazioni",
        "axis_ranked": "Punti Borda",
        "axis_score": "Punteggio totale (somma pesata delle medie)",
        "decisions_n": "Decisioni ({n})",
        "top_ranked": "Prime scelte delle votazioni",
        "actions_due": "Azioni da svolgere, con responsabile e scadenza ({n})",
        "and_more": "… e altre {n} in «{section}»",
        "no_owner": "senza responsabile",
        "provisional": "provvisorio",
        "no_conclusions": "Non sono state registrate decisioni, votazioni o azioni aperte.",
        "annex_figures": "Allegato: dati in cifre",
        "figures_decisions": "Le decisioni comprendono le note segnate come decisione e le note "
        "della categoria «{cat}»: le stesse della sezione Decisioni.",
        "figures_actions": "Le azioni da svolgere sono quelle registrate con responsabile e "
        "scadenza; le note della categoria «{cat}» sono contate tra le note.",
    },
}

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
}
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
}


def lang_of(value: object) -> str:
    text = str(getattr(value, "value", value) or "it")
    return text if text in LANGUAGES else "en"


class Words:
    """The words and formats of one report language; ``tz`` is where times are shown."""

    def __init__(self, lang: str, tz: dt.tzinfo | None = None) -> None:
        self.lang = lang_of(lang)
        self.table = TEXT[self.lang]
        self.tz = tz  # None: the machine's local time zone

    def __call__(self, key: str, **params: object) -> str:
        return self.table[key].format(**params)

    def date(self, value: dt.date | None, weekday: bool = False) -> str:
        if value is None:
            return ""
        text = f"{self.day_number(value.day)} {MONTHS[self.lang][value.month - 1]} {value.year}"
        if weekday:
            text = f"{WEEKDAYS[self.lang][value.weekday()]} {text}"
        return text

    def day_number(self, day: int) -> str:
        """The day of the month as written: Italian says "1° dicembre"."""
        return "1°" if day == 1 and self.lang == "it" else str(day)

    def date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        if start is None:
            return self.date(end)
        if end is None or end == start:
            return self.date(start)
        months = MONTHS[self.lang]
        first, last = self.day_number(start.day), self.day_number(end.day)
        if (start.year, start.month) == (end.year, end.month):
            return f"{first}–{last} {months[end.month - 1]} {end.year}"
        if start.year == end.year:
            return f"{first} {months[start.month - 1]} – {last} {months[end.month - 1]} {end.year}"
        return f"{self.date(start)} – {self.date(end)}"

    def local(self, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(self.tz)

    def time(self, value: dt.datetime | dt.time | None) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            value = self.local(value).time()
        return f"{value.hour:02d}:{value.minute:02d}"

    def datetime(self, value: dt.datetime | None) -> str:
        if value is None:
            return ""
        local = self.local(value)
        sep = " alle " if self.lang == "it" else " at "
        return self.date(local.date()) + sep + self.time(local)

    def span(self, start: dt.datetime | dt.time | None, end: dt.datetime | dt.time | None) -> str:
        if start is None:
            return ""
        if end is None:
            return self.time(start) + "–"
        return f"{self.time(start)}–{self.time(end)}"

    def status(self, value: str) -> str:
        return self.table.get(f"status_{value}", value)

    def kind(self, value: str) -> str:
        return self.table.get(f"kind_{value}", value)

    def method(self, value: str) -> str:
        return self.table.get(f"method_{value}", value)

    def role(self, value: str) -> str:
        return self.table.get(f"role_{value}", value)

    def day_label(self, number: int, date: dt.date | None, title: str = "") -> str:
        text = self("day", n=number)
        if date is not None:
            text += " – " + self.date(date, weekday=True)
        if title:
            text += " – " + title
        return text

    def score(self, text: str, value: float) -> str:
        """A score as the voting rules formatted it, with this language's decimal mark."""
        if not text:
            return self.number(value)
        if self.lang == "it" and re.fullmatch(r"-?\d+\.\d+", text):
            return text.replace(".", ",")
        return text

    def reopening(self, when: dt.datetime | None, reason: str) -> str:
        head = self("reopened_at", when=self.datetime(when)) if when else self("reopened")
        return f"{head}: {reason}" if reason else head

    def count(self, n: int) -> str:
        """A whole number with this language's thousands separator (12,345 / 12.345)."""
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "it" else text

    def other_days(self, n: int) -> str:
        return self("other_days_1") if n == 1 else self("other_days_n", n=n)

    def theme_source(self, theme: object, k: int, item_id: int | None) -> str:
        """Where the k-th note of a theme was said, when it needs saying: inside a session,
        only notes of another session; elsewhere, every note's session."""
        place_of = getattr(theme, "place_of", None)
        if place_of is None:
            return ""
        note_item, title = place_of(k)
        if item_id is not None:
            if note_item is None or note_item == item_id:
                return "" if note_item == item_id else self("from_no_item")
            return self("from_other_item", item=title)
        return self("from_item", item=title) if title else ""

    def number(self, value: float) -> str:
        if float(value).is_integer():
            return str(int(value))
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if self.lang == "it" else text
