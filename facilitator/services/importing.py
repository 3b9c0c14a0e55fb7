"""CSV imports of participants and agenda items, as organisers really send them. No Qt.

Reading: comma or semicolon (or tab) separated, UTF-8 with or without BOM, UTF-16
with BOM, else Windows-1252; CRLF or LF. Headers in Italian or English are mapped to
fields (the mapping can be changed by the user). A :class:`ImportPreview` lists what
would be imported, the duplicates (against the file and within the CSV) and the
rejected rows with a reason each. :func:`apply_import` writes the valid rows in ONE
transaction: either all of them are imported or none.

Each rejected row carries a stable ``code`` plus ``params`` so the UI can show a
translated sentence; ``reason`` is the English sentence for the CLI.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from facilitator.domain import model as m
from facilitator.domain import validation as v
from facilitator.domain.errors import FacilitatorError, ValidationError

MAX_BYTES = 20 * 1024 * 1024
_E = TypeVar("_E", bound=StrEnum)


class ImportFileError(FacilitatorError):
    """The CSV file cannot be read at all (missing, binary, empty...)."""

    code = "import_file"


class ImportKind(StrEnum):
    PARTICIPANTS = "participants"
    AGENDA = "agenda"


# --- fields and header names ---------------------------------------------------------

PARTICIPANT_FIELDS: tuple[str, ...] = (
    "name",
    "first_name",
    "last_name",
    "organisation",
    "organisation_kind",
    "role",
    "email",
)
AGENDA_FIELDS: tuple[str, ...] = (
    "day",
    "start",
    "duration",
    "kind",
    "title",
    "location",
    "speakers",
    "description",
)
FIELDS: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.PARTICIPANTS: PARTICIPANT_FIELDS,
    ImportKind.AGENDA: AGENDA_FIELDS,
}
FIELD_LABELS: dict[str, str] = {
    "name": "full name",
    "first_name": "first name",
    "last_name": "last name",
    "organisation": "organisation",
    "organisation_kind": "organisation kind",
    "role": "role",
    "email": "e-mail",
    "day": "day",
    "start": "start",
    "duration": "duration (min)",
    "kind": "kind",
    "title": "title",
    "location": "location",
    "speakers": "speakers",
    "description": "description",
}


def _key(text: str) -> str:
    """Normalise a header or a word: lower case, no accents, no punctuation."""
    text = unicodedata.normalize("NFKD", text.strip().lstrip("\ufeff")).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


_HEADERS: dict[ImportKind, dict[str, tuple[str, ...]]] = {
    ImportKind.PARTICIPANTS: {
        "name": (
            "full name",
            "name",
            "nome e cognome",
            "nome cognome",
            "cognome e nome",
            "nominativo",
            "participant",
            "partecipante",
        ),
        "first_name": ("nome", "first name", "given name", "firstname", "forename"),
        "last_name": ("cognome", "last name", "surname", "family name", "lastname"),
        "organisation": (
            "ente",
            "organisation",
            "organization",
            "organizzazione",
            "ente di appartenenza",
            "affiliation",
            "affiliazione",
            "institution",
            "istituzione",
            "company",
            "azienda",
        ),
        "organisation_kind": (
            "tipo ente",
            "tipo di ente",
            "tipologia ente",
            "organisation kind",
            "organisation type",
            "organization type",
            "organization kind",
        ),
        "role": ("ruolo", "role", "funzione"),
        "email": (
            "email",
            "e mail",
            "mail",
            "indirizzo email",
            "email address",
            "posta elettronica",
        ),
    },
    ImportKind.AGENDA: {
        "day": ("giorno", "day", "giornata", "day number"),
        "start": ("inizio", "start", "ora", "orario", "ora inizio", "start time", "time", "from"),
        "duration": (
            "durata min",
            "durata",
            "duration",
            "duration min",
            "minuti",
            "minutes",
            "min",
        ),
        "kind": ("tipo", "kind", "type", "tipologia", "format"),
        "title": ("titolo", "title", "sessione", "session", "attivita", "activity", "argomento"),
        "location": ("luogo", "location", "sede", "place", "venue", "dove"),
        "speakers": ("relatori", "relatore", "speakers", "speaker", "interventi", "relatrici"),
        "description": ("descrizione", "description", "note", "notes", "dettagli", "details"),
    },
}


def _vocabulary(words: dict[_E, tuple[str, ...]]) -> dict[str, _E]:
    """Lookup table by normalised word: each value's words, and the value itself."""
    table: dict[str, _E] = {}
    for value, names in words.items():
        for word in names:
            table[_key(word)] = value
        table[_key(value.value)] = value
    return table


def _lookup(table: dict[str, _E], text: str, empty: _E) -> _E | None:
    """The value ``text`` names, ``empty`` for a blank cell, None for an unknown word."""
    key = _key(text)
    if not key:
        return empty
    return table.get(key)


_ROLE_WORDS: dict[m.Role, tuple[str, ...]] = {
    m.Role.FACILITATOR: (
        "facilitatore",
        "facilitatrice",
        "facilitatori",
        "facilitator",
        "moderatore",
        "moderatrice",
        "moderator",
    ),
    m.Role.NOTE_TAKER: (
        "verbalizzante",
        "verbalizzatore",
        "verbalizzatrice",
        "note taker",
        "notetaker",
        "rapporteur",
        "segretario",
        "segretaria",
    ),
    m.Role.SPEAKER: ("relatore", "relatrice", "relatori", "speaker", "presenter", "oratore"),
    m.Role.PARTICIPANT: (
        "partecipante",
        "partecipanti",
        "participant",
        "attendee",
        "delegate",
        "delegato",
        "delegata",
        "uditore",
        "uditrice",
    ),
}
_ROLES = _vocabulary(_ROLE_WORDS)

_KIND_WORDS: dict[m.ItemKind, tuple[str, ...]] = {
    m.ItemKind.PLENARY: ("plenaria", "plenary", "sessione plenaria", "plenary session"),
    m.ItemKind.PRESENTATION: ("presentazione", "presentation", "intervento", "talk", "relazione"),
    m.ItemKind.BREAK: (
        "pausa",
        "break",
        "coffee break",
        "pausa caffe",
        "pranzo",
        "lunch",
        "pausa pranzo",
    ),
    m.ItemKind.DISCUSSION: ("discussione", "discussion", "dibattito", "debate", "tavola rotonda"),
    m.ItemKind.SITE_VISIT: ("visita", "site visit", "visita di studio", "visit", "sopralluogo"),
    m.ItemKind.GROUP_WORK: (
        "lavoro di gruppo",
        "lavori di gruppo",
        "group work",
        "workshop",
        "laboratorio",
        "gruppi di lavoro",
    ),
}
_KINDS = _vocabulary(_KIND_WORDS)

_ORG_KIND_WORDS: dict[m.OrganisationKind, tuple[str, ...]] = {
    m.OrganisationKind.PUBLIC_AUTHORITY: (
        "pubblica amministrazione",
        "ente pubblico",
        "ente locale",
        "comune",
        "public authority",
        "public administration",
    ),
    m.OrganisationKind.MANAGING_AUTHORITY: (
        "autorita di gestione",
        "adg",
        "managing authority",
    ),
    m.OrganisationKind.COMPETENCE_CENTRE: (
        "centro di competenza",
        "competence centre",
        "competence center",
    ),
    m.OrganisationKind.THIRD_SECTOR: (
        "terzo settore",
        "third sector",
        "ngo",
        "ong",
        "cooperativa",
        "associazione",
        "fondazione",
        "foundation",
    ),
    m.OrganisationKind.PRIVATE: ("privato", "privata", "impresa", "private", "company", "business"),
    m.OrganisationKind.UNIVERSITY: ("universita", "university", "ricerca", "research"),
    m.OrganisationKind.CITIZENS: ("cittadini", "cittadino", "citizens", "citizen"),
    m.OrganisationKind.OTHER: ("altro", "other"),
}
_ORG_KINDS = _vocabulary(_ORG_KIND_WORDS)


def parse_role(text: str) -> m.Role | None:
    """An Italian or English role word, or None if unknown. Empty means participant."""
    return _lookup(_ROLES, text, m.Role.PARTICIPANT)


def parse_kind(text: str) -> m.ItemKind | None:
    """An Italian or English agenda kind, or None if unknown. Empty means presentation."""
    return _lookup(_KINDS, text, m.ItemKind.PRESENTATION)


def parse_org_kind(text: str) -> m.OrganisationKind | None:
    return _lookup(_ORG_KINDS, text, m.OrganisationKind.OTHER)


_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?$")


def parse_time(text: str) -> dt.time | None:
    """'9:00', '09.30', '14h15', '9' -> time. Raises ValueError if not a time."""
    match = _TIME.match(text.strip().lower())
    if not match:
        raise ValueError(text)
    return dt.time(int(match.group(1)), int(match.group(2) or 0))


_DURATION = re.compile(r"^(?:(\d+)\s*h\s*)?(\d+)?\s*(?:min|m|minuti|minutes)?$")


def parse_duration(text: str) -> int:
    """'90', '90 min', '1h30', '1:30', '2h' -> minutes. Raises ValueError."""
    t = text.strip().lower()
    hm = re.match(r"^(\d+):(\d{2})$", t)
    if hm:
        minutes = int(hm.group(1)) * 60 + int(hm.group(2))
    else:
        match = _DURATION.match(t)
        if not match or not (match.group(1) or match.group(2)):
            raise ValueError(text)
        minutes = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
    return v.check_duration(minutes)


# --- reading the file ----------------------------------------------------------------

ENCODING_NAMES = {
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass(frozen=True)
class CsvTable:
    """The decoded cells of a CSV file. ``rows`` pairs each data row with its line number."""

    source: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    @property
    def encoding_name(self) -> str:
        return ENCODING_NAMES.get(self.encoding, self.encoding)

    @property
    def delimiter_name(self) -> str:
        return DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))


def decode(data: bytes, source: str = "CSV") -> tuple[str, str]:
    """Bytes -> (text, encoding). Raises ImportFileError for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        if b"\x00" in data[:8192]:
            raise ImportFileError(f"{source} is not a text (CSV) file", source=source)
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{source} is not a text file in UTF-8 or Windows-1252", source=source
        ) from exc
    sample = text[:8192]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    if sample and controls > max(2, len(sample) // 100):
        raise ImportFileError(f"{source} is not a text (CSV) file", source=source)
    return text, encoding


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    best, best_count = ",", 0
    for delim in (";", ",", "\t"):
        count = len(next(csv.reader([first], delimiter=delim))) - 1
        if count > best_count:
            best, best_count = delim, count
    return best


def parse_csv(data: bytes, source: str = "CSV") -> CsvTable:
    if len(data) > MAX_BYTES:
        raise ImportFileError(f"{source} is too large for a CSV list", source=source)
    text, encoding = decode(data, source)
    if not text.strip():
        raise ImportFileError(f"{source} is empty", source=source)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            cleaned = tuple(c.strip() for c in cells)
            if not any(cleaned):
                continue
            if header is None:
                header = tuple(c.lstrip("\ufeff") for c in cleaned)
                continue
            rows.append((start, cleaned))
    except csv.Error as exc:
        raise ImportFileError(
            f"{source}: line {line} cannot be read ({exc})", source=source
        ) from exc
    if header is None:
        raise ImportFileError(f"{source} is empty", source=source)
    return CsvTable(source, encoding, delimiter, header, tuple(rows))


def read_csv(path: Path | str) -> CsvTable:
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"{path}: no such file", source=str(path))
    if path.is_dir():
        raise ImportFileError(f"{path} is a folder, not a CSV file", source=str(path))
    if path.stat().st_size > MAX_BYTES:
        raise ImportFileError(f"{path} is too large for a CSV list", source=str(path))
    return parse_csv(path.read_bytes(), path.name)


def guess_mapping(header: Sequence[str], kind: ImportKind) -> list[str | None]:
    """For each column, the field it holds (or None). Each field is used once."""
    aliases = _HEADERS[kind]
    mapping: list[str | None] = []
    used: set[str] = set()
    for col in header:
        key = _key(col)
        found: str | None = None
        for fname, words in aliases.items():
            if fname not in used and key in {_key(w) for w in words}:
                found = fname
                break
        if found is None:  # "Email address (work)" and the like: match a leading word
            for fname, words in aliases.items():
                if fname not in used and any(
                    key.startswith(_key(w) + " ") for w in words if len(w) > 3
                ):
                    found = fname
                    break
        if found:
            used.add(found)
        mapping.append(found)
    if (
        kind is ImportKind.PARTICIPANTS
        and "first_name" in used
        and "last_name" not in used
        and "name" not in used
    ):  # a lone "Nome" column holds the whole name
        mapping = ["name" if f == "first_name" else f for f in mapping]
    return mapping


# --- preview -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rejected:
    line: int
    code: str
    reason: str
    cells: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Duplicate:
    line: int
    label: str
    reason: str  # "file" (already in the workshop) or "csv" (repeats an earlier row)
    other_line: int | None = None
    by: str = "name"  # "name" or "email"; agenda: "title"

    @property
    def text(self) -> str:
        what = "same e-mail" if self.by == "email" else f"same {self.by}"
        if self.reason == "csv":
            return f"repeats row {self.other_line} ({what})"
        return f"already in the workshop ({what})"


@dataclass(frozen=True)
class ParticipantRow:
    line: int
    name: str
    organisation: str
    role: m.Role
    email: str
    organisation_kind: m.OrganisationKind

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class AgendaRow:
    line: int
    day: int
    start: dt.time | None
    duration: int
    kind: m.ItemKind
    title: str
    location: str
    description: str
    speakers: tuple[str, ...]
    speaker_ids: tuple[int, ...]
    unmatched_speakers: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.title


@dataclass
class ImportPreview:
    kind: ImportKind
    table: CsvTable
    mapping: list[str | None]
    rows: list[Any] = field(default_factory=list)  # ParticipantRow | AgendaRow
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    new_days: int = 0  # agenda: days that the import will add
    overlaps: list[str] = field(default_factory=list)  # agenda: rows at the same time

    @property
    def warnings(self) -> list[str]:
        out = []
        for row in self.rows:
            for name in getattr(row, "unmatched_speakers", ()):
                out.append(
                    f"row {row.line}: speaker {name!r} is neither a participant nor an "
                    "organisation; not linked"
                )
        return out + self.overlaps


class _Refused(Exception):
    """Raised while one CSV row is checked; its loop records it as :class:`Rejected`."""

    def __init__(self, code: str, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.params = params

    def rejected(self, line: int, cells: tuple[str, ...]) -> Rejected:
        return Rejected(line, self.code, self.reason, cells, self.params)


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def make_preview(
    svc: Any, table: CsvTable, kind: ImportKind, mapping: Sequence[str | None] | None = None
) -> ImportPreview:
    """What importing ``table`` into the workshop of ``svc`` would do. Writes nothing."""
    kind = ImportKind(kind)
    if mapping is None:
        mapping = guess_mapping(table.header, kind)
    mapping = list(mapping) + [None] * (len(table.header) - len(mapping))
    preview = ImportPreview(kind, table, mapping[: max(len(table.header), len(mapping))])
    if kind is ImportKind.PARTICIPANTS:
        _preview_participants(svc, preview)
    else:
        _preview_agenda(svc, preview)
    return preview


def _values(preview: ImportPreview, cells: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, fname in enumerate(preview.mapping):
        if fname and i < len(cells) and fname not in out:
            out[fname] = cells[i]
    return out


def _check_width(preview: ImportPreview, cells: tuple[str, ...]) -> None:
    width = len(preview.table.header)
    if len(cells) > width and any(cells[width:]):
        raise _Refused(
            "extra_cells",
            f"the row has {len(cells)} cells but the header has {width} "
            "(a separator inside an unquoted value?)",
            count=len(cells),
            header=width,
        )


def _preview_participants(svc: Any, preview: ImportPreview) -> None:
    fields = set(filter(None, preview.mapping))
    existing = svc.participants()
    by_email = {p.email.casefold(): p for p in existing if p.email}
    by_name = {_name_key(p.name): p for p in existing}
    seen_email: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    has_name = bool(fields & {"name", "first_name", "last_name"})
    for line, cells in preview.table.rows:
        try:
            _check_width(preview, cells)
            val = _values(preview, cells)
            if not has_name:
                raise _Refused("no_name_column", "no column is mapped to the name")
            name = val.get("name") or " ".join(
                p for p in (val.get("first_name", ""), val.get("last_name", "")) if p
            )
            try:
                name = v.clean_line(name, "name")
            except ValidationError as exc:
                if not name.strip():
                    raise _Refused("missing_name", "the name is empty") from None
                raise _Refused("bad_text", exc.message) from None
            try:
                email = v.check_email(val.get("email", ""))
            except ValidationError:
                raise _Refused(
                    "bad_email",
                    f"{val.get('email', '')!r} is not an e-mail address",
                    value=val.get("email", ""),
                ) from None
            role = parse_role(val.get("role", ""))
            if role is None:
                raise _Refused(
                    "unknown_role",
                    f"unknown role {val.get('role', '')!r} (facilitator, note-taker, speaker, "
                    "participant)",
                    value=val.get("role", ""),
                )
            org_kind = parse_org_kind(val.get("organisation_kind", ""))
            if org_kind is None:
                raise _Refused(
                    "unknown_org_kind",
                    f"unknown organisation kind {val.get('organisation_kind', '')!r}",
                    value=val.get("organisation_kind", ""),
                )
            try:
                organisation = v.clean_line(
                    val.get("organisation", ""), "organisation", required=False
                )
            except ValidationError as exc:
                raise _Refused("bad_text", exc.message) from None
        except _Refused as refused:
            preview.rejected.append(refused.rejected(line, cells))
            continue
        ekey, nkey = email.casefold(), _name_key(name)
        dup: Duplicate | None = None
        if ekey and ekey in by_email:
            dup = Duplicate(line, name, "file", by="email")
        elif nkey in by_name:
            dup = Duplicate(line, name, "file", by="name")
        elif ekey and ekey in seen_email:
            dup = Duplicate(line, name, "csv", seen_email[ekey], by="email")
        elif nkey in seen_name:
            dup = Duplicate(line, name, "csv", seen_name[nkey], by="name")
        if dup:
            preview.duplicates.append(dup)
            continue
        if ekey:
            seen_email[ekey] = line
        seen_name[nkey] = line
        preview.rows.append(ParticipantRow(line, name, organisation, role, email, org_kind))


def _speaker_lookup(svc: Any) -> tuple[dict[str, int], dict[str, list[int]]]:
    people = svc.participants()
    by_name = {_name_key(p.name): p.id for p in people}
    orgs: dict[str, list[m.Participant]] = {}
    for p in people:
        if p.organisation_name:
            orgs.setdefault(_name_key(p.organisation_name), []).append(p)
    by_org: dict[str, list[int]] = {}
    for key, members in orgs.items():
        speakers = [p.id for p in members if p.role is m.Role.SPEAKER]
        by_org[key] = speakers or [p.id for p in members]
    return by_name, by_org


def resolve_speakers(
    text: str, by_name: dict[str, int], by_org: dict[str, list[int]]
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[str, ...]]:
    """Split a speakers cell and link each name to participants: a participant's name
    links that person; an organisation's name links its speakers (or, if it has none,
    its participants). Returns (names, participant ids, names not found)."""
    text = text.strip()
    if not text:
        return (), (), ()
    key = _name_key(text)
    if key in by_name or key in by_org:
        names = [text]
    else:
        names = [n.strip() for n in re.split(r"[,/|+]| e | and ", text) if n.strip()]
    ids: list[int] = []
    missing: list[str] = []
    for name in names:
        k = _name_key(name)
        found = [by_name[k]] if k in by_name else by_org.get(k, [])
        if not found:
            missing.append(name)
        for pid in found:
            if pid not in ids:
                ids.append(pid)
    return tuple(names), tuple(ids), tuple(missing)


def _preview_agenda(svc: Any, preview: ImportPreview) -> None:
    fields = set(filter(None, preview.mapping))
    by_name, by_org = _speaker_lookup(svc)
    days = svc.days()
    existing: dict[int, set[str]] = {}
    for d in days:
        existing[d.number] = {_name_key(i.title) for i in svc.items(d.id)}
    seen: dict[tuple[int, str, dt.time | None], int] = {}
    max_day = 0
    for line, cells in preview.table.rows:
        try:
            _check_width(preview, cells)
            val = _values(preview, cells)
            if "title" not in fields:
                raise _Refused("no_title_column", "no column is mapped to the title")
            try:
                title = v.clean_line(val.get("title", ""), "title")
            except ValidationError as exc:
                if not val.get("title", "").strip():
                    raise _Refused("missing_title", "the title is empty") from None
                raise _Refused("bad_text", exc.message) from None
            day_text = val.get("day", "").strip() or "1"
            if not day_text.isdigit() or not 1 <= int(day_text) <= 31:
                raise _Refused(
                    "bad_day", f"{day_text!r} is not a day number (1, 2, 3...)", value=day_text
                )
            day = int(day_text)
            start: dt.time | None = None
            start_text = val.get("start", "")
            if start_text.strip():
                try:
                    start = parse_time(start_text)
                except ValueError:
                    raise _Refused(
                        "bad_time", f"{start_text!r} is not a time (like 09:30)", value=start_text
                    ) from None
            dur_text = val.get("duration", "")
            duration = 30
            if dur_text.strip():
                try:
                    duration = parse_duration(dur_text)
                except (ValueError, ValidationError):
                    raise _Refused(
                        "bad_duration",
                        f"{dur_text!r} is not a duration in minutes (0 to 1440)",
                        value=dur_text,
                    ) from None
            kind = parse_kind(val.get("kind", ""))
            if kind is None:
                raise _Refused(
                    "unknown_kind",
                    f"unknown kind {val.get('kind', '')!r} (plenary, presentation, break, "
                    "discussion, site visit, group work)",
                    value=val.get("kind", ""),
                )
            try:
                location = v.clean_line(val.get("location", ""), "location", required=False)
                description = v.clean_text(
                    val.get("description", ""), "description", required=False
                )
            except ValidationError as exc:
                raise _Refused("bad_text", exc.message) from None
        except _Refused as refused:
            preview.rejected.append(refused.rejected(line, cells))
            continue
        names, ids, missing = resolve_speakers(val.get("speakers", ""), by_name, by_org)
        tkey = _name_key(title)
        if tkey in existing.get(day, set()):
            preview.duplicates.append(Duplicate(line, title, "file", by="title"))
            continue
        if (day, tkey, start) in seen:
            preview.duplicates.append(
                Duplicate(line, title, "csv", seen[(day, tkey, start)], by="title")
            )
            continue
        seen[(day, tkey, start)] = line
        max_day = max(max_day, day)
        preview.rows.append(
            AgendaRow(
                line, day, start, duration, kind, title, location, description, names, ids, missing
            )
        )
    preview.new_days = max(0, max_day - len(days))
    preview.overlaps = _agenda_overlaps(svc, days, preview.rows)


def _agenda_overlaps(svc: Any, days: list[m.Day], rows: list[AgendaRow]) -> list[str]:
    """What the import would put at the same time as something else: an item already in
    the file, or another row. Nothing moves by itself; the Plan editor shows overlaps."""
    from facilitator.domain.agenda import overlap_minutes

    out: list[str] = []
    by_number = {d.number: d for d in days}
    placed: list[tuple[int, dt.time, int, str]] = []  # (day, start, minutes, what)
    for row in rows:
        if row.start is None:
            continue
        day = by_number.get(row.day)
        others = [
            (i.planned_start, i.duration_min, repr(i.title))
            for i in (svc.items(day.id) if day is not None else [])
            if i.planned_start is not None
        ]
        others += [(s, n, what) for d, s, n, what in placed if d == row.day]
        for start, minutes, what in others:
            shared = overlap_minutes(row.start, row.duration, start, minutes)
            if shared:
                out.append(
                    f"row {row.line}: {row.title!r} at {row.start.strftime('%H:%M')} overlaps "
                    f"{what} (day {row.day}, from {start.strftime('%H:%M')}) by {shared} min; "
                    "it goes in time order and the overlap shows in Plan"
                )
                break
        placed.append((row.day, row.start, row.duration, f"row {row.line}"))
    return out


# --- import --------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    kind: ImportKind
    ids: tuple[int, ...]  # participants or agenda items created
    day_ids: tuple[int, ...] = ()  # days created
    organisation_ids: tuple[int, ...] = ()  # organisations created


def apply_import(svc: Any, preview: ImportPreview) -> ImportResult:
    """Write the preview's valid rows: all of them, or none if anything fails."""
    ids: list[int] = []
    day_ids: list[int] = []
    with svc.file.writing():
        orgs_before = {o.id for o in svc.organisations()}
        if preview.kind is ImportKind.PARTICIPANTS:
            for row in preview.rows:
                ids.append(
                    svc.add_participant(
                        row.name,
                        row.organisation,
                        row.role,
                        row.email,
                        organisation_kind=row.organisation_kind,
                    )
                )
        else:
            days = svc.days()
            wanted = max((r.day for r in preview.rows), default=0)
            while len(days) < wanted:
                last = days[-1].date if days else None
                date = last + dt.timedelta(days=1) if last else None
                day_ids.append(svc.add_day(date))
                days = svc.days()
            for row in preview.rows:
                ids.append(
                    svc.add_item(
                        days[row.day - 1].id,
                        row.title,
                        kind=row.kind,
                        planned_start=row.start,
                        duration_min=row.duration,
                        description=row.description,
                        location=row.location,
                        speaker_ids=row.speaker_ids,
                    )
                )
        new_orgs = tuple(sorted({o.id for o in svc.organisations()} - orgs_before))
    return ImportResult(preview.kind, tuple(ids), tuple(day_ids), new_orgs)


# --- what the files may hold (for --help and the README) ----------------------------


def header_names(kind: ImportKind) -> dict[str, tuple[str, ...]]:
    """``{field: header names it is recognised by}``; case, accents and punctuation are
    ignored when a header is matched."""
    return dict(_HEADERS[ImportKind(kind)])


def value_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """The words accepted in the role, kind and organisation-kind cells, by value."""
    return {
        "role": {r.value: w for r, w in _ROLE_WORDS.items()},
        "kind": {k.value: w for k, w in _KIND_WORDS.items()},
        "organisation_kind": {k.value: w for k, w in _ORG_KIND_WORDS.items()},
    }
