"""Use cases of WorkshopService on real files: validation, notes, agenda planning, search."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.domain.errors import NotFound, ValidationError
from facilitator.domain.model import ActionStatus, ItemKind, Language, Role
from facilitator.services.workshop import WorkshopService


def test_create_makes_days_and_categories(svc: WorkshopService) -> None:
    days = svc.days()
    assert [d.date for d in days] == [
        dt.date(2025, 11, 5),
        dt.date(2025, 11, 6),
        dt.date(2025, 11, 7),
    ]
    assert [d.number for d in days] == [1, 2, 3]
    names = [c.name for c in svc.categories()]
    assert names[:5] == [
        "Collaborazioni",
        "Ruoli e contributi",
        "Sfide",
        "Soluzioni",
        "Trasferibilità",
    ]


def test_english_workshop_gets_english_categories(tmp_path: Path) -> None:
    with WorkshopService.create(
        tmp_path / "en.workshop", "Study visit", language=Language.ENGLISH
    ) as s:
        assert s.categories()[0].name == "Collaborations"
        assert len(s.days()) == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": "   "}, "title"),
        (
            {"title": "ok", "start_date": dt.date(2025, 11, 7), "end_date": dt.date(2025, 11, 5)},
            "end_date",
        ),
        ({"title": "ok", "template": "nope"}, "template"),
    ],
)
def test_create_validation(tmp_path: Path, kwargs: dict, field: str) -> None:
    path = tmp_path / "bad.workshop"
    with pytest.raises(ValidationError) as err:
        WorkshopService.create(path, **kwargs)
    assert err.value.field == field
    assert not path.exists()


def test_note_lifecycle_and_reopen(svc: WorkshopService, workshop_path: Path) -> None:
    day = svc.days()[0]
    item = svc.add_item(day.id, "Benvenuto", planned_start=dt.time(9), duration_min=30)
    cat = svc.categories()[2]
    note = svc.add_note(
        "La sfida è la continuità", category_id=cat.id, agenda_item_id=item, speaker="Marco"
    )
    svc.update_note(note.id, text="La sfida è la sostenibilità")
    n2 = svc.add_note("seconda\nriga", agenda_item_id=item)
    svc.delete_note(n2.id)
    assert [n.id for n in svc.notes(agenda_item_id=item)] == [note.id]
    svc.restore_note(n2.id)
    svc.close()
    with WorkshopService.open(workshop_path) as again:
        notes = again.notes(agenda_item_id=item)
        assert [n.text for n in notes] == ["La sfida è la sostenibilità", "seconda\nriga"]
        assert notes[0].category_id == cat.id
        assert notes[0].speaker_name == "Marco"
        assert notes[0].created_at.tzinfo is not None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": " \n "}, "text"),
        ({"text": "x", "category_id": 9999}, "category"),
        ({"text": "x", "agenda_item_id": 9999}, "agenda_item"),
        ({"text": "bad \x00 byte"}, "text"),
        ({"text": "lone \ud800 surrogate"}, "text"),
    ],
)
def test_add_note_rejects_bad_input_and_stores_nothing(
    svc: WorkshopService, kwargs: dict, field: str
) -> None:
    text = kwargs.pop("text")
    with pytest.raises(ValidationError) as err:
        svc.add_note(text, **kwargs)
    assert err.value.field == field
    assert svc.counts().notes == 0


def test_search_accents_prefix_filters_and_deleted(svc: WorkshopService) -> None:
    d1, d2 = svc.days()[0], svc.days()[1]
    i1 = svc.add_item(d1.id, "Uno")
    i2 = svc.add_item(d2.id, "Due")
    cats = svc.categories()
    a = svc.add_note(
        "La Città di Torino coordina",
        category_id=cats[0].id,
        agenda_item_id=i1,
        speaker="Marco Rossi",
    )
    b = svc.add_note("Le cooperative gestiscono", category_id=cats[1].id, agenda_item_id=i2)
    assert [h.note.id for h in svc.search("citta")] == [a.id]
    assert [h.note.id for h in svc.search("coop")] == [b.id]
    assert svc.search("coop", day_id=d1.id) == []
    assert [h.note.id for h in svc.search("", category_id=cats[1].id)] == [b.id]
    assert [h.note.id for h in svc.search("rossi")] == [a.id]
    assert [h.note.id for h in svc.search("coordina", speaker="marco rossi")] == [a.id]
    # FTS syntax typed by a user is taken literally, never an error
    for hostile in ['"', "AND", "NEAR(", "*", "a OR", "-x", "col:val", "(((", "'"]:
        svc.search(hostile)
    svc.delete_note(a.id)
    assert svc.search("citta") == []
    svc.restore_note(a.id)
    assert [h.note.id for h in svc.search("citta")] == [a.id]
    svc.update_note(a.id, text="testo nuovo")
    assert svc.search("citta") == []
    assert [h.note.id for h in svc.search("nuovo")] == [a.id]


def test_durations_move_the_following_items(svc: WorkshopService) -> None:
    day = svc.days()[0].id
    a = svc.add_item(day, "A", planned_start=dt.time(9), duration_min=30)
    b = svc.add_item(day, "B", duration_min=45)
    c = svc.add_item(day, "C", planned_start=dt.time(14), duration_min=60)  # after lunch
    assert svc.item(b).planned_start == dt.time(9, 30)
    svc.set_duration(a, 60)
    assert [svc.item(x).planned_start for x in (a, b, c)] == [
        dt.time(9),
        dt.time(10),
        dt.time(14, 30),
    ]
    with pytest.raises(ValidationError):
        svc.set_duration(a, -5)


def test_reorder_keeps_first_start_and_gaps(svc: WorkshopService) -> None:
    day = svc.days()[0].id
    a = svc.add_item(day, "A", planned_start=dt.time(9), duration_min=30)
    b = svc.add_item(day, "B", duration_min=60)
    old = svc.reorder_items(day, [b, a])
    assert old == [a, b]
    assert [(i.title, i.planned_start) for i in svc.items(day)] == [
        ("B", dt.time(9)),
        ("A", dt.time(10)),
    ]
    with pytest.raises(ValidationError):
        svc.reorder_items(day, [a])


def test_start_stop_records_utc_times(svc: WorkshopService) -> None:
    item = svc.add_item(
        svc.days()[0].id, "A", kind=ItemKind.SITE_VISIT, location="Barriera di Milano"
    )
    with pytest.raises(ValidationError):
        svc.stop_item(item)
    svc.start_item(item)
    svc.stop_item(item)
    it = svc.item(item)
    assert it.actual_start is not None and it.actual_end is not None
    assert it.actual_start.utcoffset() == dt.timedelta(0)
    with pytest.raises(ValidationError):
        svc.update_item(item, actual_end=it.actual_start - dt.timedelta(minutes=1))


def test_participants_organisations_attendance(svc: WorkshopService) -> None:
    p = svc.add_participant("Giulia Ferraris", "Città di Torino", Role.FACILITATOR, "g@example.org")
    q = svc.add_participant("Zoë Ó Briain", "città di torino ", Role.SPEAKER)
    assert len(svc.organisations()) == 1
    with pytest.raises(ValidationError):
        svc.add_participant("X", email="not-an-email")
    with pytest.raises(ValidationError):
        svc.add_participant("  ")
    day = svc.days()[0].id
    svc.set_present(day, p, True)
    svc.set_present(day, q, True)
    svc.set_present(day, q, False)
    assert svc.present(day) == {p}
    svc.delete_participant(p)
    assert svc.present(day) == set()
    svc.restore_participant(p)
    assert [x.name for x in svc.participants()] == ["Giulia Ferraris", "Zoë Ó Briain"]
    with pytest.raises(NotFound):
        svc.set_present(day, 999, True)


def test_categories_shortcuts_are_unique(svc: WorkshopService) -> None:
    cats = svc.categories()
    with pytest.raises(ValidationError):
        svc.add_category("Nuova", "#112233", cats[0].shortcut)
    with pytest.raises(ValidationError):
        svc.add_category("Nuova", "red")
    new = svc.add_category("Nuova", "#112233", "z")
    old = svc.update_category(new, "Rinominata", "#445566", "y")
    assert old.name == "Nuova"
    assert svc.category(new).shortcut == "y"


def test_drafts_round_trip_and_clear(svc: WorkshopService) -> None:
    svc.save_draft("capture:chiara", "non ancora inviato", None, "Marco")
    assert svc.draft("capture:chiara") == ("non ancora inviato", None, "Marco")
    svc.save_draft("capture:chiara", "")
    assert svc.draft("capture:chiara") is None


def test_actions(svc: WorkshopService) -> None:
    p = svc.add_participant("Giulia")
    a = svc.add_action("Raccogliere indicatori", owner_id=p, due_date=dt.date(2025, 11, 20))
    svc.update_action(a, "Raccogliere gli indicatori", p, None, ActionStatus.DONE)
    assert svc.action(a).status is ActionStatus.DONE
    with pytest.raises(ValidationError):
        svc.add_action("x", owner_id=12345)
    svc.delete_action(a)
    assert svc.actions() == []


def test_read_only_service_refuses_writes(svc: WorkshopService, workshop_path: Path) -> None:
    from facilitator.domain.errors import ReadOnlyFile

    svc.close()
    with WorkshopService.open(workshop_path, read_only=True) as ro:
        assert ro.read_only
        with pytest.raises(ReadOnlyFile):
            ro.add_note("x")
        assert ro.counts().notes == 0


def test_save_copy_is_a_complete_workshop(svc: WorkshopService, tmp_path: Path) -> None:
    svc.add_note("da copiare")
    target = svc.save_copy(tmp_path / "copia.workshop")
    with WorkshopService.open(target) as copy:
        assert [n.text for n in copy.notes()] == ["da copiare"]


def test_search_ranks_by_relevance_and_caps_the_work(
    svc: WorkshopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.storage import notes as note_rows

    once = svc.add_note("la rete del quartiere")
    often = svc.add_note("rete rete rete: la rete delle reti")
    svc.add_note("nessuna corrispondenza qui")
    hits = svc.search("rete")
    assert [h.note.id for h in hits] == [often.id, once.id]
    assert "\x02rete\x03" in hits[0].snippet
    # A common word: only the newest SEARCH_RANKED matches are ranked.
    monkeypatch.setattr(note_rows, "SEARCH_RANKED", 2)
    newest = [svc.add_note(f"rete nuova {i}") for i in range(2)]
    assert {h.note.id for h in svc.search("rete", limit=2)} == {n.id for n in newest}
    assert len(svc.search("rete", limit=10)) == 4  # an explicit limit ranks that many


def test_add_note_returns_exactly_what_is_stored(svc: WorkshopService) -> None:
    item = svc.add_item(svc.days()[0].id, "A")
    svc.add_participant("Marco Rossi")
    when = dt.datetime(2025, 11, 5, 9, 30, 12, 345678, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    note = svc.add_note(
        "\nIl testo\n",
        category_id=svc.categories()[1].id,
        agenda_item_id=item,
        speaker="marco rossi",
        note_taker="  Chiara  ",
        created_at=when,
    )
    assert note == svc.note(note.id)
    assert note.created_at == when and note.created_at.utcoffset() == dt.timedelta(0)
    assert note.text == "Il testo" and note.speaker_id is not None and note.note_taker == "Chiara"


def test_a_refused_creation_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c1.workshop"
    with pytest.raises(ValidationError):
        WorkshopService.create(path, "T", organiser="x" * 600)
    assert list(tmp_path.iterdir()) == []
    # a failure while filling the new file removes it too
    from facilitator.storage.repository import Repository

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(Repository, "add_category", boom)
    with pytest.raises(RuntimeError):
        WorkshopService.create(path, "T")
    assert list(tmp_path.iterdir()) == []


def test_migrations_and_version_land_in_one_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from facilitator.storage import schema

    def crash(db: object) -> None:
        raise RuntimeError("killed during the last migration")

    last = schema.MIGRATIONS._migrations[-1]
    monkeypatch.setattr(last, "fn", crash)
    with pytest.raises(RuntimeError):
        WorkshopService.create(tmp_path / "half.workshop", "T")
    assert not (tmp_path / "half.workshop").exists()
    # On an existing file: nothing of the migration nor of the version is left.
    conn = sqlite3.connect(":memory:")
    from sqlite_utils import Database

    db = Database(conn, execute_plugins=False)
    with pytest.raises(RuntimeError):
        schema.apply_migrations(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_deleted_items_days_and_speakers_hide_what_hangs_on_them(svc: WorkshopService) -> None:
    d1, d2 = svc.days()[0].id, svc.days()[1].id
    item = svc.add_item(d1, "Visita")
    other = svc.add_item(d2, "Plenaria")
    speaker = svc.add_participant("Zoë Ó Briain")
    svc.update_item(item, speaker_ids=[speaker])
    n1 = svc.add_note("rete di quartiere", agenda_item_id=item)
    n2 = svc.add_note("rete regionale", agenda_item_id=other)
    loose = svc.add_note("rete senza punto")
    svc.delete_item(item)
    assert [h.note.id for h in svc.search("rete")] != [] and n1.id not in {
        h.note.id for h in svc.search("rete")
    }
    assert n1.id not in svc.note_ids()
    assert svc.note_ids(day_id=d1) == []
    with pytest.raises(ValidationError):
        svc.add_note("su un punto cancellato", agenda_item_id=item)
    svc.delete_day(d2)
    assert {h.note.id for h in svc.search("rete")} == {loose.id}
    svc.restore_day(d2)
    svc.restore_item(item)
    assert {h.note.id for h in svc.search("rete")} == {n1.id, n2.id, loose.id}
    svc.delete_participant(speaker)
    assert svc.item(item).speaker_ids == ()
