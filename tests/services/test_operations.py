"""Operations on a bare service (no Qt), checked against a dump of every table of the
file: do then undo gives the file back, redo gives the done state back, for every kind
of operation; random runs of operations and undos equal a replay of what survived."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain import model as m
from facilitator.domain.ecosystem import RelationFields, RelationType
from facilitator.domain.errors import FacilitatorError, ValidationError
from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services import board_ops, conflict_ops, map_ops
from facilitator.services import importing as imp
from facilitator.services import operations as ops
from facilitator.services.ecosystem import MapService
from facilitator.services.operations import Changes, Kind
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.storage.conflicts import LINKED, MERGE
from facilitator.storage.linked import LinkedRepository
from tests.services.filedump import Dump, dump, normalised, touched, without_new_tombstones

DATA = Path(__file__).resolve().parents[1] / "data"
T0 = dt.datetime(2025, 11, 5, 8, 0, tzinfo=dt.UTC)


@dataclass
class Seed:
    days: list[int]
    items: list[int]
    people: list[int]
    org_id: int
    cats: list[int]
    notes: list[int]
    theme: int
    solution: int
    action: int
    draft_poll: int
    open_poll: int
    options: list[int]  # option ids of the open poll
    ballot: ops.CastBallot  # one kiosk ballot already cast on the open poll
    actor: str = ""  # the map: an actor that did not attend (its key)
    relation: int = 0  # a relation from it to org_id, with notes[0] as evidence
    org2: int = 0  # Land Berlin: an organisation with no map row yet


def make_seed(path: Path) -> tuple[WorkshopService, Seed]:
    """The same small workshop every time: three days, an agenda, people, notes, a
    theme, a solution, an action, a draft poll and an open poll with one ballot."""
    svc = WorkshopService.create(
        path,
        "Incontro-studio Torino",
        start_date=dt.date(2025, 11, 5),
        end_date=dt.date(2025, 11, 7),
    )
    days = [d.id for d in svc.days()]
    items = [
        svc.add_item(days[0], "Benvenuto", planned_start=dt.time(9, 0), duration_min=30),
        svc.add_item(days[0], "Ecosistema", duration_min=45),
        svc.add_item(days[0], "Tavoli", duration_min=60),
    ]
    people = [
        svc.add_participant("Anna Rossi", "Comune di Torino", email="anna@example.org"),
        svc.add_participant("Ben Weber", "Land Berlin"),
        svc.add_participant("Chiara Neri"),
    ]
    org_id = svc.participant(people[0]).organisation_id
    assert org_id is not None
    svc.set_present(days[0], people[0], True)
    cats = [c.id for c in svc.categories()]
    notes = [
        svc.add_note(t, agenda_item_id=items[0], category_id=cats[0], created_at=T0)
        for t in ("finanziamenti", "governance condivisa", "coprogettazione", "spazi")
    ]
    org = OrganiseService(svc)
    theme, _ = org.create_theme("Risorse", [notes[0].id, notes[1].id])
    solution = org.add_solution("Fondo comune", note_ids=[notes[0].id])
    action = svc.add_action("Scrivere il verbale", owner_id=people[0])
    draft_poll = org.create_poll(
        PollSettings("Priorità", Method.DOT, (("Fondo", solution), ("Spazi", None)))
    )
    open_poll = org.create_poll(
        PollSettings("Voto", Method.DOT, (("Uno", None), ("Due", None), ("Tre", None)))
    )
    org.open_poll(open_poll, at=T0)
    options = [o.id for o in org.poll(open_poll).options]
    ballot = ops.CastBallot(open_poll, Ballot.dots({options[0]: 3, options[1]: 2}), CastMode.KIOSK)
    ballot.do(svc)
    eco = MapService(svc)
    actor = f"a{eco.add_actor('Ministero del Lavoro', m.OrganisationKind.PUBLIC_AUTHORITY)}"
    relation = eco.add_relation(
        RelationFields(actor, f"o{org_id}", RelationType.FUNDING, True, 3, "2021-2027"),
        [notes[0].id],
        [],
    )
    org2 = svc.participant(people[1]).organisation_id
    assert org2 is not None
    seed = Seed(
        days,
        items,
        people,
        org_id,
        cats,
        [n.id for n in notes],
        theme,
        solution,
        action,
        draft_poll,
        open_poll,
        options,
        ballot,
        actor,
        relation,
        org2,
    )
    return svc, seed


@pytest.fixture(scope="session")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Seed]:
    """The seeded workshop, built once; each example works on a copy of it."""
    path = tmp_path_factory.mktemp("seed") / "seed.workshop"
    svc, seed = make_seed(path)
    svc.close()
    return path, seed


def _copy(seed_file: tuple[Path, Seed], path: Path) -> WorkshopService:
    source = seed_file[0]
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{path}{suffix}")
    return WorkshopService.open(path)


def _preview(svc: WorkshopService, name: str, kind: imp.ImportKind) -> imp.ImportPreview:
    return imp.make_preview(svc, imp.read_csv(DATA / name), kind)


def _linked_conflict(svc: WorkshopService, note_id: int, kind: str = "edit") -> str:
    """A conflict as the hub records it (another note-taker's text kept for review)."""
    repo = LinkedRepository(svc.file)
    repo.add_conflict(note_id, kind, svc.note(note_id).text, "co-progettazione civica", "Marta")
    return str(repo.conflicts()[-1].id)


def _merge_conflict(svc: WorkshopService, note_id: int) -> str:
    """A note text changed on two laptops, as a merge records it."""
    uid = f"c0ffee00-0000-4000-8000-{note_id:012d}"
    with svc.file.writing() as db:
        db.execute(
            "INSERT INTO merge_conflicts (uuid, table_name, row_uuid, field, kept_value, "
            "other_value, kept_hlc, other_hlc, needs_review, source, merged_at) "
            "VALUES (?, 'notes', ?, 'text', ?, ?, ?, ?, 1, 'b.workshop', ?)",
            (
                uid,
                svc.note(note_id).uuid,
                '"coprogettazione"',
                '"coprogettazione (versione di B)"',
                "1764620500000.000001.aaaaaaaa",
                "1764620400000.000000.bbbbbbbb",
                "2025-11-05T09:00:00+00:00",
            ),
        )
    return uid


Factory = Callable[[WorkshopService, Seed], ops.Operation]

# Every kind of operation, on the seeded workshop.
OPERATIONS: dict[str, Factory] = {
    "EditWorkshop": lambda s, k: ops.EditWorkshop(title="Nuovo titolo", place="Bari"),
    "AddDay": lambda s, k: ops.AddDay(dt.date(2025, 11, 8), "Extra"),
    "EditDay": lambda s, k: ops.EditDay(k.days[1], dt.date(2025, 11, 9), "Visite"),
    "DeleteDay": lambda s, k: ops.DeleteDay(k.days[2]),
    "AddItem": lambda s, k: ops.AddItem(k.days[0], "Pausa", duration_min=15),
    "EditItem": lambda s, k: ops.EditItem(
        k.items[1], title="Ecosistema torinese", speaker_ids=[k.people[1]]
    ),
    "StartItem": lambda s, k: ops.StartItem(k.items[0], T0),
    "StopItem": lambda s, k: ops.Batch(
        [ops.StartItem(k.items[0], T0), ops.StopItem(k.items[0], T0 + dt.timedelta(minutes=20))]
    ),
    "SetDuration": lambda s, k: ops.SetDuration(k.items[0], 50),
    "PauseTimer": lambda s, k: ops.Batch(
        [ops.StartItem(k.items[0], T0), ops.PauseTimer(k.items[0], T0 + dt.timedelta(minutes=3))]
    ),
    "ResumeTimer": lambda s, k: ops.Batch(
        [
            ops.StartItem(k.items[0], T0),
            ops.PauseTimer(k.items[0], T0 + dt.timedelta(minutes=3)),
            ops.ResumeTimer(k.items[0], T0 + dt.timedelta(minutes=5)),
        ]
    ),
    "ExtendTimer": lambda s, k: ops.Batch(
        [ops.StartItem(k.items[0], T0), ops.ExtendTimer(k.items[0], T0, 5)]
    ),
    "DeleteItem": lambda s, k: ops.DeleteItem(k.items[1]),
    "ReorderItems": lambda s, k: ops.ReorderItems(k.days[0], [k.items[2], k.items[0], k.items[1]]),
    "EditOrganisation": lambda s, k: ops.EditOrganisation(
        k.org_id, "Città di Torino", m.OrganisationKind.PUBLIC_AUTHORITY
    ),
    "AddParticipant": lambda s, k: ops.AddParticipant("Dora Blu", organisation="Nuova Org"),
    "EditParticipant": lambda s, k: ops.EditParticipant(
        k.people[2], "Chiara Neri", "Altra Org", m.Role.SPEAKER, "chiara@example.org"
    ),
    "DeleteParticipant": lambda s, k: ops.DeleteParticipant(k.people[1]),
    "SetPresent": lambda s, k: ops.SetPresent(k.days[0], k.people[1], True),
    "SetApologies": lambda s, k: ops.SetApologies(k.days[0], k.people[1], True),
    "EditParticipantDetails": lambda s, k: ops.EditParticipantDetails(
        k.people[2], "Direttrice", "Italia"
    ),
    "SetImage": lambda s, k: ops.SetImage("logo", _png()),
    "AddCategory": lambda s, k: ops.AddCategory("Rischi", "#aa0000", "z"),
    "EditCategory": lambda s, k: ops.EditCategory(k.cats[0], "Sfide!", "#123456", ""),
    "DeleteCategory": lambda s, k: ops.DeleteCategory(k.cats[1]),
    "ReorderCategories": lambda s, k: ops.ReorderCategories(list(reversed(k.cats))),
    "ApplyTemplate": lambda s, k: ops.ApplyTemplate("retrospective"),
    "AddNote": lambda s, k: ops.AddNote("una nota nuova", agenda_item_id=k.items[1]),
    "EditNote": lambda s, k: ops.EditNote(
        k.notes[2], text="coprogettazione civica", category_id=k.cats[1], speaker="Anna Rossi"
    ),
    "SetDecision": lambda s, k: ops.SetDecision(k.notes[3], True),
    "DeleteNote": lambda s, k: ops.DeleteNote(k.notes[1]),
    "CreateTheme": lambda s, k: ops.CreateTheme("Spazi", [k.notes[1], k.notes[3]]),
    "MoveNotes": lambda s, k: ops.MoveNotes([k.notes[0], k.notes[2]], None),
    "RenameTheme": lambda s, k: ops.RenameTheme(k.theme, "Soldi"),
    "Ungroup": lambda s, k: ops.Ungroup(k.theme),
    "AddSolution": lambda s, k: ops.AddSolution(
        "Sportello", "uno sportello unico", note_ids=[k.notes[2]], theme_id=k.theme
    ),
    "EditSolution": lambda s, k: ops.EditSolution(
        k.solution, title="Fondo rotativo", note_ids=[k.notes[1]]
    ),
    "DeleteSolution": lambda s, k: ops.DeleteSolution(k.solution),
    "AddAction": lambda s, k: ops.AddAction(
        "Inviare le slide", owner_id=k.people[1], due_date=dt.date(2025, 12, 1)
    ),
    "EditAction": lambda s, k: ops.EditAction(
        k.action, "Scrivere e inviare il verbale", None, None, m.ActionStatus.DONE
    ),
    "DeleteAction": lambda s, k: ops.DeleteAction(k.action),
    "CreatePoll": lambda s, k: ops.CreatePoll(
        PollSettings("Nuovo", Method.APPROVAL, (("Sì", None), ("No", None)))
    ),
    "EditPoll": lambda s, k: ops.EditPoll(
        k.draft_poll, PollSettings("Priorità 2", Method.DOT, (("A", None), ("B", None)))
    ),
    "DeletePoll": lambda s, k: ops.DeletePoll(k.draft_poll),
    "CastBallot": lambda s, k: ops.CastBallot(
        k.open_poll, Ballot.dots({k.options[2]: 5}), CastMode.VOTER, k.people[2]
    ),
    "WithdrawBallot": lambda s, k: ops.WithdrawBallot(k.ballot.receipt),  # type: ignore[arg-type]
    "ImportParticipants": lambda s, k: ops.Import(
        _preview(s, "participants_en_comma_utf8bom.csv", imp.ImportKind.PARTICIPANTS)
    ),
    "ImportAgenda": lambda s, k: ops.Import(
        _preview(s, "agenda_it_semicolon_utf8.csv", imp.ImportKind.AGENDA)
    ),
    "PlaceOnBoard": lambda s, k: board_ops.PlaceOnBoard(
        "workshop", {k.notes[2]: (120.0, -40.5), k.notes[3]: (0.0, 300.0)}, {k.theme: (10.0, 20.0)}
    ),
    "GroupOnBoard": lambda s, k: board_ops.GroupOnBoard(
        "item:an-agenda-item-uuid", "Spazi", [k.notes[2], k.notes[3]], (500.0, 80.0)
    ),
    "JoinOnBoard": lambda s, k: ops.Batch(
        [
            ops.MoveNotes([k.notes[3]], k.theme),
            board_ops.PlaceOnBoard("workshop", {k.notes[3]: (1.0, 2.0)}),
        ]
    ),
    "AddActor": lambda s, k: map_ops.AddActor(
        "Fondazione CRT", m.OrganisationKind.PRIVATE, "funder", ["funding"], (10.0, 20.0)
    ),
    "EditActor": lambda s, k: map_ops.EditActor(
        f"o{k.org_id}",
        "Città di Torino",
        m.OrganisationKind.PUBLIC_AUTHORITY,
        "orchestra",
        ["space"],
    ),
    "EditActorNotAttending": lambda s, k: map_ops.EditActor(
        k.actor, "Ministero", m.OrganisationKind.MANAGING_AUTHORITY, "regia", ["funding", "staff"]
    ),
    "DeleteActor": lambda s, k: map_ops.DeleteActor(k.actor),
    "MoveActors": lambda s, k: map_ops.MoveActors({k.actor: (1.0, 2.0), f"o{k.org2}": (3.5, -4.0)}),
    "AddRelation": lambda s, k: map_ops.AddRelation(
        RelationFields(f"o{k.org2}", f"o{k.org_id}", RelationType.KNOWLEDGE_EXCHANGE),
        [k.notes[2]],
    ),
    "EditRelation": lambda s, k: map_ops.EditRelation(
        k.relation,
        RelationFields(f"o{k.org2}", f"o{k.org_id}", RelationType.CO_DESIGN, False, 1, "2024"),
    ),
    "DeleteRelation": lambda s, k: map_ops.DeleteRelation(k.relation),
    "LinkEvidence": lambda s, k: map_ops.LinkEvidence(k.relation, [k.notes[3], k.notes[1]]),
    "UnlinkEvidence": lambda s, k: map_ops.LinkEvidence(k.relation, [k.notes[0]], linked=False),
    "ResolveConflictKeepThis": lambda s, k: conflict_ops.ResolveConflict(
        LINKED, _linked_conflict(s, k.notes[2]), conflict_ops.Resolution.KEEP_THIS
    ),
    "ResolveConflictKeepOther": lambda s, k: conflict_ops.ResolveConflict(
        LINKED, _linked_conflict(s, k.notes[2]), conflict_ops.Resolution.KEEP_OTHER
    ),
    "ResolveConflictKeepBoth": lambda s, k: conflict_ops.ResolveConflict(
        LINKED, _linked_conflict(s, k.notes[2]), conflict_ops.Resolution.KEEP_BOTH
    ),
    "ResolveConflictCombine": lambda s, k: conflict_ops.ResolveConflict(
        LINKED,
        _linked_conflict(s, k.notes[2]),
        conflict_ops.Resolution.COMBINE,
        "coprogettazione, anche civica",
    ),
    "ResolveConflictDeleted": lambda s, k: conflict_ops.ResolveConflict(
        LINKED, _linked_conflict(s, k.notes[3], "delete"), conflict_ops.Resolution.KEEP_OTHER
    ),
    "ResolveMergeConflictKeepOther": lambda s, k: conflict_ops.ResolveConflict(
        MERGE, _merge_conflict(s, k.notes[2]), conflict_ops.Resolution.KEEP_OTHER
    ),
    "IssueJoinCodes": lambda s, k: ops.IssueJoinCodes(),
    "ReissueJoinCode": lambda s, k: _reissue_claimed(s, k),
    "Batch": lambda s, k: ops.Batch(
        [ops.DeleteNote(k.notes[0]), ops.DeleteNote(k.notes[3]), ops.RenameTheme(k.theme, "X")]
    ),
}


def _reissue_claimed(svc: WorkshopService, seed: Seed) -> ops.Operation:
    """Codes issued and a phone that joined as the first participant: re-issuing that
    participant's code (a lost badge) replaces it and ends the phone's claim."""
    from facilitator.services.joincodes import JoinCodeService

    ops.IssueJoinCodes().do(svc)
    join = ops.JoinRoom("b" * 64, None, "it")
    join.do(svc)
    code = {c.participant_id: c.code for c in JoinCodeService(svc).codes()}[seed.people[0]]
    ops.ClaimJoinCode(join.result.id, seed.people[0], code).do(svc)
    return ops.IssueJoinCodes([seed.people[0]])


def _png() -> bytes:
    """A small real PNG (the minutes' logo)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 4), (0, 51, 153)).save(out, format="PNG")
    return out.getvalue()


# The modules that hold operations (a new module of operations is added here).
MODULES = {ops.__name__, board_ops.__name__, map_ops.__name__, conflict_ops.__name__}


def _all_operation_classes() -> set[type[ops.Operation]]:
    found: set[type[ops.Operation]] = set()
    todo = list(ops.Operation.__subclasses__())
    while todo:
        cls = todo.pop()
        if not cls.__name__.startswith("_") and cls.__module__ in MODULES:
            found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_operation_class_is_in_the_round_trip_list(tmp_path: Path) -> None:
    svc, seed = make_seed(tmp_path / "w.workshop")
    try:
        covered: set[type[ops.Operation]] = set()
        for factory in OPERATIONS.values():
            op = factory(svc, seed)
            covered.add(type(op))
            if isinstance(op, ops.Batch):
                covered.update(type(o) for o in op.ops)
    finally:
        svc.close()
    # not undoable: tested below
    events = {ops.OpenPoll, ops.ClosePoll, ops.ReopenPoll, conflict_ops.ResolvePollConflict}
    events |= {c for c in _all_operation_classes() if issubclass(c, ops._RoomEvent)}
    # another laptop's changes, not undoable here: tests/linked/test_linked_service.py
    events |= {ops.ApplyTakerNotes, ops.ApplyHubFeed, ops.AcknowledgeNotes}
    assert _all_operation_classes() - events - covered == set()


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_do_undo_redo_restore_the_file_exactly(
    tmp_path: Path, seed_file: tuple[Path, Seed], name: str
) -> None:
    path = tmp_path / "w.workshop"
    svc, seed = _copy(seed_file, path), seed_file[1]
    try:
        op = OPERATIONS[name](svc, seed)
        before = dump(path)
        done = op.do(svc)
        after = dump(path)
        assert after != before, "the operation changed nothing"
        named = {(k.value, i) for k, i in done.added | done.updated | done.removed}
        assert touched(before, after) <= named, "rows changed that Changes does not name"

        undone = op.undo(svc)
        back = dump(path)
        assert without_new_tombstones(before, back, path) == before
        assert undone.kinds() == done.kinds()
        assert touched(after, back) <= {
            (k.value, i) for k, i in undone.added | undone.updated | undone.removed
        }

        redone = op.do(svc)
        assert dump(path) == after
        assert redone == done

        op.undo(svc)  # and once more: undo after a redo
        assert without_new_tombstones(before, dump(path), path) == before
    finally:
        svc.close()


def test_a_refused_operation_writes_nothing_and_can_be_retried(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    svc, seed = make_seed(path)
    try:
        before = dump(path)
        for op in (
            ops.AddNote("   "),
            ops.EditItem(seed.items[0], duration_min=-5),
            ops.CreateTheme("", [seed.notes[0]]),
            ops.CastBallot(seed.draft_poll, Ballot.dots({0: 1}), CastMode.KIOSK),
            ops.Batch([ops.RenameTheme(seed.theme, "ok"), ops.AddCategory("")]),
            board_ops.PlaceOnBoard("workshop", {seed.notes[0]: (float("inf"), 0.0)}),
            board_ops.PlaceOnBoard("workshop", {seed.notes[0]: (0.0, 1e12)}),
            board_ops.PlaceOnBoard("nowhere", {seed.notes[0]: (0.0, 0.0)}),
            board_ops.PlaceOnBoard("workshop", {10_000: (0.0, 0.0)}),
            board_ops.PlaceOnBoard("workshop", themes={10_000: (0.0, 0.0)}),
            board_ops.GroupOnBoard("workshop", "", [seed.notes[0]], (0.0, 0.0)),
        ):
            with pytest.raises(ValidationError):
                op.do(svc)
            assert dump(path) == before, op
    finally:
        svc.close()


def test_changes_name_what_was_touched(tmp_path: Path) -> None:
    svc, seed = make_seed(tmp_path / "w.workshop")
    try:
        add = ops.AddNote("x", agenda_item_id=seed.items[0])
        c = add.do(svc)
        assert add.note_id is not None
        assert c.added_ids(Kind.NOTE) == {add.note_id} and c.kinds() == {Kind.NOTE}
        assert add.undo(svc).removed_ids(Kind.NOTE) == {add.note_id}
        c = ops.SetDuration(seed.items[0], 40).do(svc)
        assert c.updated_ids(Kind.AGENDA) == {seed.days[0]}
        c = ops.CastBallot(seed.open_poll, Ballot.dots({seed.options[0]: 1}), CastMode.KIOSK).do(
            svc
        )
        assert c.kinds() == {Kind.BALLOT} and c.ids(Kind.BALLOT) == {seed.open_poll}
        c = ops.MoveNotes([seed.notes[2]], seed.theme).do(svc)
        assert c.ids(Kind.THEME) == {seed.theme} and c.ids(Kind.NOTE) == {seed.notes[2]}
        assert (c | ops.added(Kind.POLL, 7)).touches(Kind.POLL)
        assert not Changes()
    finally:
        svc.close()


def test_poll_state_changes_are_events_not_undone(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    svc, seed = make_seed(path)
    try:
        org = OrganiseService(svc)
        opened = ops.OpenPoll(seed.draft_poll, at=T0)
        assert not opened.undoable
        assert opened.do(svc).updated_ids(Kind.POLL) == {seed.draft_poll}
        ops.ClosePoll(seed.draft_poll, at=T0).do(svc)
        with pytest.raises(ValidationError):
            ops.ReopenPoll(seed.draft_poll, "  ").do(svc)
        ops.ReopenPoll(seed.draft_poll, "a late vote", at=T0).do(svc)
        assert [e.event for e in org.events(seed.draft_poll)] == ["opened", "closed", "reopened"]
        with pytest.raises(TypeError):
            opened.undo(svc)
        assert not ops.Batch([ops.AddNote("x"), opened]).undoable
    finally:
        svc.close()


def test_the_timer_is_stored_in_the_item(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    svc, seed = make_seed(path)
    item_id = seed.items[0]
    try:
        with pytest.raises(ValidationError):
            ops.PauseTimer(item_id, T0).do(svc)  # not running
        ops.StartItem(item_id, T0).do(svc)
        ops.PauseTimer(item_id, T0 + dt.timedelta(minutes=10)).do(svc)
        with pytest.raises(ValidationError):
            ops.PauseTimer(item_id, T0 + dt.timedelta(minutes=11)).do(svc)
        ops.ResumeTimer(item_id, T0 + dt.timedelta(minutes=12)).do(svc)
        ops.ExtendTimer(item_id, T0, 5).do(svc)
    finally:
        svc.close()
    svc = WorkshopService.open(path)  # a restart
    try:
        item = svc.item(item_id)
        assert (item.paused_at, item.paused_seconds, item.extra_min) == (None, 120, 5)
        ops.StartItem(item_id, T0 + dt.timedelta(hours=1)).do(svc)  # started again: fresh
        item = svc.item(item_id)
        assert (item.paused_at, item.paused_seconds, item.extra_min) == (None, 0, 0)
    finally:
        svc.close()


def test_the_room_question_is_stored_and_an_event(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    svc, _seed = make_seed(path)
    try:
        first = ops.AskRoom("Quali sfide avete incontrato?")
        assert not first.undoable
        assert first.do(svc).added_ids(Kind.QUESTION) == {first.question_id}
        second = ops.AskRoom("E le soluzioni?")
        c = second.do(svc)
        assert c.updated_ids(Kind.QUESTION) == {first.question_id}
    finally:
        svc.close()
    from facilitator.services.room import RoomService

    svc = WorkshopService.open(path)
    try:
        assert RoomService(svc).summary().question == "E le soluzioni?"
        ops.AskRoom("  ").do(svc)
        assert RoomService(svc).summary().question == ""
    finally:
        svc.close()


def test_room_events_name_what_they_touch_and_are_not_undone(tmp_path: Path) -> None:
    """Every write of the room (a phone's join, ballot, idea, upvote; the facilitator's
    moderation and reveal) is an operation whose Changes name the rows it wrote."""
    path = tmp_path / "w.workshop"
    svc, seed = make_seed(path)
    try:
        join = ops.JoinRoom("a" * 64, None, "it")
        steps: list[ops.Operation] = [join]

        def device() -> int:
            return join.result.id  # type: ignore[no-any-return]

        ballot = Ballot.dots({seed.options[2]: 4})
        idea = ops.SendIdea(0, "key-idea-1", "Uno sportello unico")
        other = ops.SendIdea(0, "key-idea-2", "Sportello unico!")
        for op in (join, idea, other):
            before = dump(path)
            if op is not join:
                op.device_id = device()  # type: ignore[attr-defined]
            done = op.do(svc)
            named = {(k.value, i) for k, i in done.added | done.updated | done.removed}
            assert touched(before, dump(path)) <= named, op
            assert not op.undoable
        steps = [
            ops.CastFromPhone(device(), seed.open_poll, ballot, "key-ballot-1"),
            ops.AcceptIdea(idea.result.id, seed.cats[0]),
            ops.MergeIdeas(other.result.id, idea.result.id),
            ops.UpvoteIdea(device(), idea.result.id),
            ops.RevealResults(seed.open_poll),
            ops.RemoveDevice(device()),
        ]
        for op in steps:
            before = dump(path)
            done = op.do(svc)
            after = dump(path)
            assert after != before, op
            named = {(k.value, i) for k, i in done.added | done.updated | done.removed}
            assert touched(before, after) <= named, op
            with pytest.raises(TypeError):
                op.undo(svc)
        note_id = steps[1].result
        assert svc.note(note_id).text == "Uno sportello unico"
        again = ops.CastFromPhone(device(), seed.open_poll, ballot, "key-ballot-1")
        with pytest.raises(ValidationError):  # removed phones vote no more
            again.do(svc)
    finally:
        svc.close()


# --- random runs --------------------------------------------------------------------------

# Operations that only refer to seeded rows, so a replay on a fresh copy can build them
# again. Some are refused in some states (a second undo-less delete, a ballot on a closed
# poll...): a refused one must leave the file as it was and is not a survivor.
# (Resolving a conflict needs one recorded first, which its case writes before the
# operation: not a seeded row, so those are left out; tests/ui/test_conflict_review.py.
# Join codes are random: a replay cannot build the same ones.)
POOL = sorted(
    name
    for name in OPERATIONS
    if not name.startswith("Resolve") and name not in {"IssueJoinCodes", "ReissueJoinCode"}
)
Step = tuple[str, str]  # ("do", name) or ("undo", "")

steps = st.lists(
    st.one_of(
        st.tuples(st.just("do"), st.sampled_from(POOL)),
        st.tuples(st.just("undo"), st.just("")),
    ),
    max_size=12,
)


def _replay(seed_file: tuple[Path, Seed], path: Path, names: list[str]) -> Dump:
    svc = _copy(seed_file, path)
    try:
        for name in names:
            OPERATIONS[name](svc, seed_file[1]).do(svc)
        return dump(path)
    finally:
        svc.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_random_operations_and_undos_equal_a_replay_of_the_survivors(
    seed_file: tuple[Path, Seed], run: list[Step]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.workshop"
        svc = _copy(seed_file, path)
        seed = seed_file[1]
        seed_dump = dump(path)
        stack: list[tuple[str, ops.Operation]] = []
        try:
            for action, name in run:
                if action == "undo":
                    if stack:
                        stack.pop()[1].undo(svc)
                    continue
                op = OPERATIONS[name](svc, seed)
                before = dump(path)
                try:
                    done = op.do(svc)
                except FacilitatorError:
                    assert dump(path) == before
                    continue
                named = {(k.value, i) for k, i in done.added | done.updated | done.removed}
                assert touched(before, dump(path)) <= named, name
                stack.append((name, op))
            got = dump(path)
        finally:
            svc.close()
        replay_path = Path(tmp) / "replay.workshop"
        want = _replay(seed_file, replay_path, [name for name, _ in stack])
        # Both files start as copies of one seed: seeded rows have the same ids.
        assert normalised(got, seed_dump, path) == normalised(want, seed_dump, replay_path)
