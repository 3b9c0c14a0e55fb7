"""Use cases on one open workshop file. No Qt; no SQL (that is storage's).

Every method validates its input first and raises ``ValidationError`` with a
sentence saying what is wrong; nothing is written when validation fails. Each
write is durable when the method returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from facilitator.domain import model as m
from facilitator.domain import validation as v
from facilitator.domain.agenda import minutes_between, position_for
from facilitator.domain.errors import NotFound, ValidationError
from facilitator.domain.templates import TEMPLATES
from facilitator.domain.timeutil import add_minutes, local_zone_name, utcnow, zone
from facilitator.storage.file import WorkshopFile, discard_new_file
from facilitator.storage.repository import Repository
from facilitator.storage.rows import new_uuid

_UNSET: Any = object()
SEARCH_LIMIT = 200  # hits returned by a search; the search box says "200+" beyond


class WorkshopService:
    def __init__(self, wf: WorkshopFile) -> None:
        self.file = wf
        self.repo = Repository(wf)

    # --- lifecycle ------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        title: str,
        *,
        language: m.Language = m.Language.ITALIAN,
        organiser: str = "",
        place: str = "",
        start_date: dt.date | None = None,
        end_date: dt.date | None = None,
        template: str | None = "ecosystem",
        time_zone: str | None = None,
    ) -> WorkshopService:
        # Everything is checked before the file exists: a refused creation leaves no file.
        details = m.Workshop(
            uuid=new_uuid(),
            title=v.clean_line(title, "title"),
            organiser=v.clean_line(organiser, "organiser", required=False),
            place=v.clean_line(place, "place", required=False),
            language=m.Language(language),
            start_date=start_date,
            end_date=end_date,
            time_zone=v.check_zone(local_zone_name() if time_zone is None else time_zone),
        )
        v.check_dates(start_date, end_date)
        if template is not None and template not in TEMPLATES:
            raise ValidationError("template", f"unknown category template {template!r}")
        wf = WorkshopFile.create(path)
        svc = cls(wf)
        try:
            with wf.writing():
                svc.repo.save_workshop(details)
                if start_date and end_date:
                    day = start_date
                    while day <= end_date:
                        svc.repo.add_day(day, "")
                        day += dt.timedelta(days=1)
                else:
                    svc.repo.add_day(start_date, "")
                if template:
                    svc.apply_template(template)
        except BaseException:
            wf.close()
            discard_new_file(wf.path)
            raise
        return svc

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> WorkshopService:
        return cls(WorkshopFile.open(path, read_only=read_only))

    @classmethod
    def look(cls, path: Path | str) -> WorkshopService:
        """Read-only, for a one-off job (report, export, dry run): leaves no ``-wal`` or
        ``-shm`` next to a file nobody has open, as ``check`` does."""
        return cls(WorkshopFile.look(path))

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def read_only(self) -> bool:
        return self.file.read_only

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> WorkshopService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save_copy(self, target: Path | str) -> Path:
        return self.file.backup_to(target)

    def save_taker_copy(self, target: Path | str) -> Path:
        """A copy for a note-taker's laptop: everything but the room's credentials (the
        phones' and note-takers' tokens, the join codes), not even in free pages."""
        from facilitator.storage.linked import scrub_for_taker

        return self.file.backup_to(target, scrub=scrub_for_taker)

    # --- workshop -------------------------------------------------------------------------

    def workshop(self) -> m.Workshop:
        w = self.repo.get_workshop()
        if w is None:
            raise NotFound("the file has no workshop details")
        return w

    def update_workshop(self, **changes: Any) -> m.Workshop:
        old = self.workshop()
        fields: dict[str, Any] = {
            "title": old.title,
            "organiser": old.organiser,
            "place": old.place,
            "language": old.language,
            "start_date": old.start_date,
            "end_date": old.end_date,
            "description": old.description,
            "time_zone": old.time_zone,
            "minutes_status": old.minutes_status,
            "minutes_version": old.minutes_version,
            "drafted_by": old.drafted_by,
            "approval": old.approval,
            "distribution": old.distribution,
            "next_meeting": old.next_meeting,
        }
        unknown = set(changes) - set(fields)
        if unknown:
            raise ValidationError("workshop", f"unknown workshop fields: {sorted(unknown)}")
        fields.update(changes)
        new = m.Workshop(
            uuid=old.uuid,
            title=v.clean_line(fields["title"], "title"),
            organiser=v.clean_line(fields["organiser"], "organiser", required=False),
            place=v.clean_line(fields["place"], "place", required=False),
            language=m.Language(fields["language"]),
            start_date=fields["start_date"],
            end_date=fields["end_date"],
            description=v.clean_text(fields["description"], "description", required=False),
            time_zone=v.check_zone(fields["time_zone"])
            if "time_zone" in changes
            else old.time_zone,
            minutes_status=v.check_choice(
                fields["minutes_status"], "minutes_status", ("draft", "final")
            ),
            minutes_version=v.clean_line(fields["minutes_version"], "version", required=False),
            drafted_by=v.clean_line(fields["drafted_by"], "drafted_by", required=False),
            approval=v.clean_text(
                fields["approval"], "approval", required=False, max_len=v.MAX_LINE * 4
            ),
            distribution=v.clean_text(
                fields["distribution"], "distribution", required=False, max_len=v.MAX_LINE * 40
            ),
            next_meeting=v.clean_line(fields["next_meeting"], "next_meeting", required=False),
        )
        v.check_dates(new.start_date, new.end_date)
        self.repo.save_workshop(new)
        return new

    def zone(self) -> dt.tzinfo:
        """The venue's time zone: every time is shown in it."""
        return zone(self.workshop().time_zone)

    # --- days -------------------------------------------------------------------------------

    def days(self) -> list[m.Day]:
        return self.repo.list_days()

    def day(self, day_id: int) -> m.Day:
        for d in self.days():
            if d.id == day_id:
                return d
        raise NotFound(f"no day {day_id}")

    def day_by_number(self, number: int) -> m.Day:
        days = self.days()
        if not 1 <= number <= len(days):
            raise ValidationError(
                "day", f"there is no day {number}: the workshop has {len(days)} days"
            )
        return days[number - 1]

    def add_day(self, date: dt.date | None = None, title: str = "") -> int:
        return self.repo.add_day(date, v.clean_line(title, "title", required=False))

    def update_day(self, day_id: int, date: dt.date | None, title: str) -> None:
        self.day(day_id)
        self.repo.update_day(day_id, date, v.clean_line(title, "title", required=False))

    def delete_day(self, day_id: int) -> None:
        if not self.repo.set_day_deleted(day_id, True):
            raise NotFound(f"no day {day_id}: it may have been deleted already")

    def restore_day(self, day_id: int) -> None:
        self.repo.set_day_deleted(day_id, False)

    def today(self, today: dt.date | None = None) -> m.Day | None:
        """The day whose date is today, else the first day."""
        today = today or dt.date.today()
        days = self.days()
        for d in days:
            if d.date == today:
                return d
        return days[0] if days else None

    # --- agenda -------------------------------------------------------------------------------

    def items(self, day_id: int | None = None) -> list[m.AgendaItem]:
        return self.repo.list_items(day_id)

    def item(self, item_id: int) -> m.AgendaItem:
        item = self.repo.get_item(item_id)
        if item is None:
            raise NotFound(f"no agenda item {item_id}")
        return item

    def running_item(self) -> m.AgendaItem | None:
        """The item running now (started last and not stopped), as the file has it."""
        item_id = self.repo.running_item_id()
        return self.repo.get_item(item_id) if item_id is not None else None

    def add_item(
        self,
        day_id: int,
        title: str,
        *,
        kind: m.ItemKind = m.ItemKind.PRESENTATION,
        planned_start: dt.time | None = None,
        duration_min: int = 30,
        description: str = "",
        location: str = "",
        speaker_ids: Sequence[int] = (),
        position: int | None = None,
    ) -> int:
        self.day(day_id)
        title = v.clean_line(title, "title")
        v.check_duration(duration_min)
        if planned_start is None and position is None:
            existing = self.items(day_id)
            if existing and existing[-1].planned_start is not None:
                planned_start = existing[-1].planned_end
                if _minutes(existing[-1].planned_start) + existing[-1].duration_min >= 24 * 60:
                    planned_start = None  # the day is full: the new item gets no time
        elif planned_start is not None and position is None:
            # The order follows time: an item goes before the first one that starts later.
            position = position_for(self.items(day_id), planned_start)
        v.check_ends_by_midnight(planned_start, duration_min, title)
        with self.file.writing():
            item_id = self.repo.add_item(
                day_id,
                m.ItemKind(kind),
                title,
                planned_start,
                duration_min,
                v.clean_text(description, "description", required=False),
                v.clean_line(location, "location", required=False),
                position,
            )
            if speaker_ids:
                self.repo.set_item_speakers(item_id, speaker_ids)
        return item_id

    def update_item(self, item_id: int, **fields: Any) -> m.AgendaItem:
        """Change fields of an item. Returns the item as it was before (for undo)."""
        old = self.item(item_id)
        speakers = fields.pop("speaker_ids", _UNSET)
        if "title" in fields:
            fields["title"] = v.clean_line(fields["title"], "title")
        if "description" in fields:
            fields["description"] = v.clean_text(
                fields["description"], "description", required=False
            )
        if "location" in fields:
            fields["location"] = v.clean_line(fields["location"], "location", required=False)
        if "summary" in fields:
            fields["summary"] = v.clean_text(fields["summary"], "summary", required=False)
        if "duration_min" in fields:
            v.check_duration(fields["duration_min"])
        if "kind" in fields:
            fields["kind"] = m.ItemKind(fields["kind"])
        start = fields.get("actual_start", old.actual_start)
        end = fields.get("actual_end", old.actual_end)
        v.check_times(start, end)
        if "planned_start" in fields or "duration_min" in fields:
            v.check_ends_by_midnight(
                fields.get("planned_start", old.planned_start),
                fields.get("duration_min", old.duration_min),
                fields.get("title", old.title),
            )
        with self.file.writing():
            self.repo.update_item(item_id, **fields)
            if speakers is not _UNSET:
                self.repo.set_item_speakers(item_id, speakers)
        return old

    def set_duration(self, item_id: int, minutes: int) -> None:
        """Change an item's duration; the items after it on the same day move by the
        difference, as in a session planner."""
        v.check_duration(minutes)
        item = self.item(item_id)
        delta = minutes - item.duration_min
        v.check_ends_by_midnight(item.planned_start, minutes, item.title)
        # The rest of the day moves by the difference, as one block, but never before the
        # start of this item: an item imported beside an existing 09:00 one is not pulled
        # to 08:31 (listed after 09:00) when the first is shortened; the overlap stays, and
        # shows in Plan.
        later = [
            i
            for i in self.items(item.day_id)
            if i.position > item.position and i.planned_start is not None
        ]
        if later and delta < 0 and item.planned_start is not None:
            earliest = min(i.planned_start for i in later if i.planned_start)
            delta = max(delta, min(0, minutes_between(earliest, item.planned_start)))
        for after in later:  # nothing may be pushed past midnight (or before it)
            assert after.planned_start is not None
            start = _minutes(after.planned_start) + delta
            if delta and (start < 0 or start + after.duration_min > 24 * 60):
                v.check_ends_by_midnight(
                    dt.time(0, 0), max(start, 0) + after.duration_min, after.title
                )
        with self.file.writing():
            self.repo.update_item(item_id, duration_min=minutes)
            for i in later:
                if delta and i.planned_start is not None:
                    self.repo.update_item(i.id, planned_start=add_minutes(i.planned_start, delta))

    def reorder_items(self, day_id: int, item_ids: Sequence[int]) -> list[int]:
        """Put the day's items in a new order; planned starts are laid out again from the
        day's first start, keeping the gaps (lunch) where they were. Returns the old order."""
        items = self.items(day_id)
        old_order = [i.id for i in items]
        if sorted(old_order) != sorted(item_ids):
            raise ValidationError("order", "the new order must contain exactly the day's items")
        by_id = {i.id: i for i in items}
        gaps: list[int] = []
        for a, b in zip(items, items[1:], strict=False):
            if a.planned_start and b.planned_start and a.planned_end:
                start_b = dt.datetime.combine(dt.date.min, b.planned_start)
                end_a = dt.datetime.combine(dt.date.min, a.planned_end)
                gaps.append(max(0, int((start_b - end_a).total_seconds() // 60)))
            else:
                gaps.append(0)
        first_start = items[0].planned_start if items else None
        if first_start is not None:  # the new order must still end by midnight
            minute = _minutes(first_start)
            for n, item_id in enumerate(item_ids):
                v.check_ends_by_midnight(
                    dt.time(0, 0), minute + by_id[item_id].duration_min, by_id[item_id].title
                )
                minute += by_id[item_id].duration_min + (gaps[n] if n < len(gaps) else 0)
        with self.file.writing():
            self.repo.set_item_order(day_id, item_ids)
            if first_start is not None:
                clock = first_start
                for n, item_id in enumerate(item_ids):
                    self.repo.update_item(item_id, planned_start=clock)
                    clock = add_minutes(
                        clock, by_id[item_id].duration_min + (gaps[n] if n < len(gaps) else 0)
                    )
        return old_order

    def set_agenda_layout(
        self, day_id: int, item_ids: Sequence[int], starts: dict[int, dt.time | None]
    ) -> None:
        """Put back a day's order and planned starts exactly (undo of a reorder), in one
        transaction."""
        current = [i.id for i in self.items(day_id)]
        if sorted(current) != sorted(item_ids):
            raise ValidationError("order", "the new order must contain exactly the day's items")
        with self.file.writing():
            self.repo.set_item_order(day_id, item_ids)
            for item_id in item_ids:
                self.repo.update_item(item_id, planned_start=starts.get(item_id))

    def delete_item(self, item_id: int) -> None:
        self.item(item_id)
        if not self.repo.set_item_deleted(item_id, True):
            raise NotFound(f"no agenda item {item_id}: it may have been deleted already")

    def restore_item(self, item_id: int) -> None:
        self.repo.set_item_deleted(item_id, False)

    def start_item(self, item_id: int, at: dt.datetime | None = None) -> m.AgendaItem:
        """Record the actual start (now, UTC). Returns the item as it was."""
        return self.update_item(item_id, actual_start=at or utcnow(), actual_end=None)

    def stop_item(self, item_id: int, at: dt.datetime | None = None) -> m.AgendaItem:
        item = self.item(item_id)
        if item.actual_start is None:
            raise ValidationError("actual_start", "the item has not started", rule="not_started")
        return self.update_item(item_id, actual_end=at or utcnow())

    # --- organisations and participants --------------------------------------------------------

    def organisations(self) -> list[m.Organisation]:
        return self.repo.list_organisations()

    def ensure_organisation(
        self, name: str, kind: m.OrganisationKind = m.OrganisationKind.OTHER
    ) -> int | None:
        name = v.clean_line(name, "organisation", required=False)
        if not name:
            return None
        existing = self.repo.find_organisation(name)
        if existing is not None:
            return existing
        return self.repo.add_organisation(name, m.OrganisationKind(kind))

    def organisation(self, org_id: int) -> m.Organisation:
        for o in self.organisations():
            if o.id == org_id:
                return o
        raise NotFound(f"no organisation {org_id}")

    def update_organisation(self, org_id: int, name: str, kind: m.OrganisationKind) -> None:
        self.repo.update_organisation(org_id, v.clean_line(name, "name"), m.OrganisationKind(kind))

    def participants(self) -> list[m.Participant]:
        return self.repo.list_participants()

    def participant(self, pid: int) -> m.Participant:
        p = self.repo.get_participant(pid)
        if p is None:
            raise NotFound(f"no participant {pid}")
        return p

    def add_participant(
        self,
        name: str,
        organisation: str = "",
        role: m.Role = m.Role.PARTICIPANT,
        email: str = "",
        organisation_kind: m.OrganisationKind = m.OrganisationKind.OTHER,
    ) -> int:
        name = v.clean_line(name, "name")
        email = v.check_email(email)
        with self.file.writing():
            org_id = self.ensure_organisation(organisation, organisation_kind)
            return self.repo.add_participant(name, org_id, m.Role(role), email)

    def update_participant(
        self, pid: int, name: str, organisation: str, role: m.Role, email: str
    ) -> m.Participant:
        old = self.participant(pid)
        name = v.clean_line(name, "name")
        email = v.check_email(email)
        with self.file.writing():
            org_id = self.ensure_organisation(organisation)
            self.repo.update_participant(pid, name, org_id, m.Role(role), email)
        return old

    def restore_participant_fields(self, old: m.Participant) -> None:
        """Put back a participant's stored fields exactly (undo of an edit), with the
        organisation link as it was."""
        self.participant(old.id)
        self.repo.update_participant(
            old.id, old.name, old.organisation_id, m.Role(old.role), old.email
        )

    def delete_participant(self, pid: int) -> None:
        self.participant(pid)
        if not self.repo.set_participant_deleted(pid, True):
            raise NotFound(f"no participant {pid}: they may have been deleted already")

    def restore_participant(self, pid: int) -> None:
        self.repo.set_participant_deleted(pid, False)

    def set_present(self, day_id: int, participant_id: int, present: bool) -> None:
        self.day(day_id)
        self.participant(participant_id)
        self.repo.set_attendance(day_id, participant_id, present)

    def attendance_record(self, day_id: int, participant_id: int) -> bool | None:
        """What is stored for one participant on one day: True, False or None (nothing)."""
        return self.repo.attendance_of(day_id, participant_id)

    def restore_attendance(self, day_id: int, participant_id: int, record: bool | None) -> None:
        """Put back a stored check-in exactly (None: as if never recorded)."""
        if record is None:
            self.repo.clear_attendance(day_id, participant_id)
        else:
            self.repo.set_attendance(day_id, participant_id, record)

    def present(self, day_id: int) -> set[int]:
        return self.repo.present_ids(day_id)

    # --- categories -----------------------------------------------------------------------------

    def categories(self) -> list[m.Category]:
        return self.repo.list_categories()

    def category(self, cat_id: int) -> m.Category:
        for c in self.repo.list_categories(include_deleted=True):
            if c.id == cat_id:
                return c
        raise ValidationError("category", f"unknown category {cat_id}")

    def apply_template(self, template: str) -> list[int]:
        """Add the categories of a template (skipping names already present)."""
        if template not in TEMPLATES:
            raise ValidationError("template", f"unknown category template {template!r}")
        language = self.workshop().language
        existing = {c.name.lower() for c in self.categories()}
        used = {c.shortcut for c in self.categories() if c.shortcut}
        ids = []
        with self.file.writing():
            for t in TEMPLATES[template]:
                name = t.name(language)
                if name.lower() in existing:
                    continue
                shortcut = t.shortcut if t.shortcut not in used else ""
                used.add(shortcut)
                ids.append(self.repo.add_category(name, t.colour, shortcut, meaning=t.meaning))
        return ids

    def add_category(self, name: str, colour: str = "#808080", shortcut: str = "") -> int:
        name = v.clean_line(name, "name")
        colour = v.check_colour(colour)
        shortcut = self._free_shortcut(shortcut, None)
        return self.repo.add_category(name, colour, shortcut)

    def _free_shortcut(self, shortcut: str, cat_id: int | None) -> str:
        shortcut = v.check_shortcut(shortcut)
        if shortcut:
            for c in self.categories():
                if c.shortcut == shortcut and c.id != cat_id:
                    raise ValidationError(
                        "shortcut",
                        f"the shortcut {shortcut!r} is already used by {c.name!r}",
                        rule="shortcut_used",
                        value=shortcut,
                        other=c.name,
                    )
        return shortcut

    def update_category(self, cat_id: int, name: str, colour: str, shortcut: str) -> m.Category:
        old = self.category(cat_id)
        self.repo.update_category(
            cat_id,
            v.clean_line(name, "name"),
            v.check_colour(colour),
            self._free_shortcut(shortcut, cat_id),
        )
        return old

    def reorder_categories(self, cat_ids: Sequence[int]) -> list[int]:
        old = [c.id for c in self.categories()]
        if sorted(old) != sorted(cat_ids):
            raise ValidationError("order", "the new order must contain exactly the categories")
        self.repo.set_category_order(cat_ids)
        return old

    def delete_category(self, cat_id: int) -> None:
        self.category(cat_id)
        if not self.repo.set_category_deleted(cat_id, True):
            raise NotFound(f"no category {cat_id}: it may have been deleted already")

    def restore_category(self, cat_id: int) -> None:
        self.repo.set_category_deleted(cat_id, False)

    def set_categories_deleted(self, cat_ids: Sequence[int], deleted: bool) -> None:
        """Soft-delete (or restore) several categories in one transaction."""
        with self.file.writing():
            for cat_id in cat_ids:
                self.repo.set_category_deleted(cat_id, deleted)

    def categories_with_deleted(self) -> list[m.Category]:
        """Every category, deleted ones too (old notes still name them)."""
        return self.repo.list_categories(include_deleted=True)

    # --- notes ------------------------------------------------------------------------------------

    def _check_category(self, category_id: int | None) -> None:
        if category_id is not None and not self.repo.category_exists(category_id):
            raise ValidationError("category", f"unknown category {category_id}", rule="unknown")

    def _is_decision_category(self, category_id: int | None) -> bool:
        """A note in a "decision" category is a decision (one concept: the category)."""
        if category_id is None:
            return False
        return self.repo.category_meaning(category_id) == "decision"

    def _check_item(self, item_id: int | None) -> None:
        if item_id is not None and not self.repo.item_exists(item_id):
            raise ValidationError("agenda_item", f"unknown agenda item {item_id}", rule="unknown")

    def _speaker(self, speaker: str) -> tuple[int | None, str]:
        name = v.clean_line(speaker, "speaker", required=False)
        if not name:
            return None, ""
        return self.repo.find_participant(name), name

    def add_note(
        self,
        text: str,
        *,
        category_id: int | None = None,
        agenda_item_id: int | None = None,
        speaker: str = "",
        note_taker: str = "",
        created_at: dt.datetime | None = None,
        note_uuid: str | None = None,
        day_id: int | None = None,
    ) -> m.Note:
        """Store a note. It is on disk (synced) when this returns. ``note_uuid``: the
        note's UUID when it was first written elsewhere (a linked copy's note).
        ``day_id``: the day of a note outside the agenda (no item; ignored for a note of
        an item)."""
        text = v.clean_text(text, "text")
        if not text.strip():
            raise ValidationError("text", "a note must not be empty", rule="empty")
        text = text.strip("\n")
        self._check_category(category_id)
        self._check_item(agenda_item_id)
        if agenda_item_id is not None:
            day_id = None
        elif day_id is not None:
            self.day(day_id)
        speaker_id, speaker_name = self._speaker(speaker)
        taker = v.clean_line(note_taker, "note_taker", required=False)
        decision = self._is_decision_category(category_id)
        when = (created_at or utcnow()).astimezone(dt.UTC)
        note_uuid = note_uuid or new_uuid()
        note_id = self.repo.add_note(
            text,
            category_id,
            agenda_item_id,
            speaker_id,
            speaker_name,
            taker,
            when,
            note_uuid,
            day_id=day_id,
            is_decision=decision,
        )
        # What was written, without reading it back (the commit path stays short).
        return m.Note(
            id=note_id,
            uuid=note_uuid,
            text=text,
            category_id=category_id,
            agenda_item_id=agenda_item_id,
            speaker_id=speaker_id,
            speaker_name=speaker_name,
            note_taker=taker,
            created_at=when,
            updated_at=when,
            day_id=day_id,
            is_decision=decision,
        )

    def note(self, note_id: int) -> m.Note:
        n = self.repo.get_note(note_id)
        if n is None:
            raise NotFound(f"no note {note_id}")
        return n

    def update_note(self, note_id: int, **fields: Any) -> m.Note:
        """Edit a note: text, category_id, agenda_item_id, speaker, is_decision.
        Returns the note as it was."""
        old = self.note(note_id)
        changes: dict[str, Any] = {}
        if "text" in fields:
            text = v.clean_text(fields.pop("text"), "text")
            changes["text"] = text.strip("\n")
        if "category_id" in fields:
            self._check_category(fields["category_id"])
            changes["category_id"] = fields.pop("category_id")
            # Into a decision category: a decision; out of one: no longer one.
            if self._is_decision_category(changes["category_id"]):
                changes["is_decision"] = True
            elif self._is_decision_category(old.category_id):
                changes["is_decision"] = False
        if "agenda_item_id" in fields:
            self._check_item(fields["agenda_item_id"])
            changes["agenda_item_id"] = fields.pop("agenda_item_id")
        if "speaker" in fields:
            changes["speaker_id"], changes["speaker_name"] = self._speaker(fields.pop("speaker"))
        if "is_decision" in fields:
            changes["is_decision"] = bool(fields.pop("is_decision"))
        if fields:
            raise ValidationError("note", f"unknown note fields: {sorted(fields)}")
        self.repo.update_note(note_id, **changes)
        return old

    def restore_note_fields(self, old: m.Note) -> None:
        """Put back a note's fields exactly as they were (undo of an edit): the stored
        category, item and speaker link are written as they were, without the checks
        meant for new input (the category may have been deleted since, the speaker's
        name may now match a participant)."""
        self.note(old.id)
        self.repo.update_note(
            old.id,
            text=old.text,
            category_id=old.category_id,
            agenda_item_id=old.agenda_item_id,
            speaker_id=old.speaker_id,
            speaker_name=old.speaker_name,
            is_decision=old.is_decision,
            day_id=old.day_id,
        )

    def delete_note(self, note_id: int) -> None:
        self.note(note_id)
        if not self.repo.set_note_deleted(note_id, True):
            raise NotFound(f"no note {note_id}: it may have been deleted already")

    def restore_note(self, note_id: int) -> None:
        self.note(note_id)
        self.repo.set_note_deleted(note_id, False)

    def notes(self, agenda_item_id: int | None = None, day_id: int | None = None) -> list[m.Note]:
        return self.repo.list_notes(agenda_item_id, day_id)

    def note_ids(self, agenda_item_id: int | None = None, day_id: int | None = None) -> list[int]:
        return self.repo.note_ids(agenda_item_id, day_id)

    def notes_by_ids(self, ids: Sequence[int]) -> dict[int, m.Note]:
        return self.repo.notes_by_ids(ids)

    def outside_note_ids(self, day_id: int) -> list[int]:
        """The notes of a day taken outside the agenda (no item), oldest first."""
        return self.repo.outside_note_ids(day_id)

    def search(
        self,
        text: str,
        *,
        day_id: int | None = None,
        agenda_item_id: int | None = None,
        category_id: int | None = None,
        speaker: str | None = None,
        limit: int = SEARCH_LIMIT,
    ) -> list[m.SearchHit]:
        """Notes matching ``text`` (every word, the last as a prefix; accents ignored),
        best first, at most ``limit``; filters narrow it. Empty text with a filter lists
        the filtered notes in time order."""
        return self.repo.search_notes(text, day_id, agenda_item_id, category_id, speaker, limit)

    # --- drafts -------------------------------------------------------------------------------------

    def save_draft(
        self, key: str, text: str, category_id: int | None = None, speaker: str = ""
    ) -> None:
        """Keep the unsent text of a capture box (empty text clears it)."""
        try:
            text = v.clean_text(text, "text", required=False)
        except ValidationError:
            text = "".join(ch for ch in text if ch.isprintable() or ch in "\n\t")
            text = text.encode("utf-8", "replace").decode("utf-8")
        self.repo.save_draft(key, text, category_id, speaker[: v.MAX_LINE])

    def draft(self, key: str) -> tuple[str, int | None, str] | None:
        return self.repo.get_draft(key)

    # --- action items -----------------------------------------------------------------------------

    def actions(self) -> list[m.ActionItem]:
        return self.repo.list_actions()

    def action(self, action_id: int) -> m.ActionItem:
        a = self.repo.get_action(action_id)
        if a is None:
            raise NotFound(f"no action item {action_id}")
        return a

    def _check_owner(self, owner_id: int | None) -> None:
        if owner_id is not None and self.repo.get_participant(owner_id) is None:
            raise ValidationError("owner", f"unknown participant {owner_id}", rule="unknown")

    def add_action(
        self,
        text: str,
        *,
        owner_id: int | None = None,
        due_date: dt.date | None = None,
        status: m.ActionStatus = m.ActionStatus.OPEN,
        note_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> int:
        text = v.clean_text(text, "text", max_len=10_000).strip()
        self._check_owner(owner_id)
        self._check_item(agenda_item_id)
        if note_id is not None:
            self.note(note_id)
        return self.repo.add_action(
            text, owner_id, due_date, m.ActionStatus(status), note_id, agenda_item_id
        )

    def update_action(
        self,
        action_id: int,
        text: str,
        owner_id: int | None,
        due_date: dt.date | None,
        status: m.ActionStatus,
    ) -> m.ActionItem:
        old = self.action(action_id)
        text = v.clean_text(text, "text", max_len=10_000).strip()
        self._check_owner(owner_id)
        self.repo.update_action(action_id, text, owner_id, due_date, m.ActionStatus(status))
        return old

    def delete_action(self, action_id: int) -> None:
        self.action(action_id)
        if not self.repo.set_action_deleted(action_id, True):
            raise NotFound(f"no action item {action_id}: it may have been deleted already")

    def restore_action(self, action_id: int) -> None:
        self.repo.set_action_deleted(action_id, False)

    # --- overview -----------------------------------------------------------------------------------

    def counts(self) -> m.Counts:
        return self.repo.counts()

    # --- plan: organisations and bulk undo of imports ------------------------------------------

    def delete_organisation(self, org_id: int) -> None:
        self.repo.set_organisation_deleted(org_id, True)

    def restore_organisation(self, org_id: int) -> None:
        self.repo.set_organisation_deleted(org_id, False)

    def set_item_positions(self, positions: dict[int, int]) -> None:
        """Put items back at these positions in their days (undo/redo of an insertion)."""
        with self.file.writing():
            for item_id, position in positions.items():
                self.repo.update_item(item_id, position=position)

    def set_imported_deleted(
        self,
        deleted: bool,
        *,
        participants: Sequence[int] = (),
        items: Sequence[int] = (),
        days: Sequence[int] = (),
        organisations: Sequence[int] = (),
    ) -> None:
        """Soft-delete (or restore) what one import created, in one transaction (undo/redo)."""
        with self.file.writing():
            for pid in participants:
                self.repo.set_participant_deleted(pid, deleted)
            for item_id in items:
                self.repo.set_item_deleted(item_id, deleted)
            for day_id in days:
                self.repo.set_day_deleted(day_id, deleted)
            for org_id in organisations:
                self.repo.set_organisation_deleted(org_id, deleted)


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute
