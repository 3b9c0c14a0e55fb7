"""Operations of the ecosystem map (issue 16): actors, their positions, relations and
the notes that are a relation's evidence. The same contract as ``operations.py``:
``do(svc) -> Changes``, ``undo(svc) -> Changes``, redo on the same rows.

An organisation's actor may get its map row during ``do`` (the first time a role, a
position or a relation is stored for it): the operation remembers the rows it made,
its undo deletes them (soft, like every deletion) and its redo brings the same rows back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from facilitator.domain import ecosystem as e
from facilitator.domain.model import OrganisationKind
from facilitator.services.operations import (
    NO_CHANGES,
    Changes,
    Kind,
    Operation,
    added,
    removed,
    updated,
)

if TYPE_CHECKING:
    from facilitator.services.ecosystem import MapService
    from facilitator.services.workshop import WorkshopService


def _map(svc: WorkshopService) -> MapService:
    from facilitator.services.ecosystem import MapService

    return MapService(svc)


class _MapOperation(Operation):
    """Keeps the actor rows its first ``do`` made for organisations."""

    def __init__(self) -> None:
        self.created: list[int] = []
        self.done_once = False

    def _bring_back_created(self, svc: WorkshopService) -> None:
        if self.created:
            _map(svc).set_actors_deleted(self.created, False)

    def _drop_created(self, svc: WorkshopService) -> None:
        if self.created:
            _map(svc).set_actors_deleted(self.created, True)

    def _created_added(self) -> Changes:
        return added(Kind.ACTOR, *self.created)

    def _created_removed(self) -> Changes:
        return removed(Kind.ACTOR, *self.created)


class AddActor(Operation):
    """An actor that did not attend (a ministry, a foundation) put on the map."""

    def __init__(
        self,
        name: str,
        kind: OrganisationKind,
        role: str = "",
        contributions: Iterable[str] = (),
        position: tuple[float, float] | None = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.role = role
        self.contributions = list(contributions)
        self.position = position
        self.actor_id: int | None = None

    @property
    def key(self) -> str | None:
        return None if self.actor_id is None else e.actor_key(None, self.actor_id)

    def do(self, svc: WorkshopService) -> Changes:
        m = _map(svc)
        if self.actor_id is None:
            with svc.file.writing():
                self.actor_id = m.add_actor(self.name, self.kind, self.role, self.contributions)
                if self.position is not None:
                    m.set_positions({self.actor_id: self.position})
        else:
            m.set_actors_deleted([self.actor_id], False)
        return added(Kind.ACTOR, self.actor_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.actor_id is not None
        _map(svc).set_actors_deleted([self.actor_id], True)
        return removed(Kind.ACTOR, self.actor_id)


class EditActor(_MapOperation):
    """Change an actor's name, kind, role and contributions (an organisation's name and
    kind are the organisation's: People shows the change too)."""

    def __init__(
        self,
        key: str,
        name: str,
        kind: OrganisationKind,
        role: str,
        contributions: Iterable[str],
    ) -> None:
        super().__init__()
        self.key = key
        self.name = name
        self.kind = kind
        self.role = role
        self.contributions = list(contributions)
        self.old: e.Actor | None = None
        self.actor_id: int | None = None

    def _changes(self) -> Changes:
        assert self.old is not None
        c = updated(Kind.ACTOR, self.actor_id)
        if self.old.organisation_id is not None:
            c = c | updated(Kind.ORGANISATION, self.old.organisation_id)
        return c

    def do(self, svc: WorkshopService) -> Changes:
        m = _map(svc)
        created: list[int] = []
        if self.done_once:
            self._bring_back_created(svc)
        old = m.edit_actor(self.key, self.name, self.kind, self.role, self.contributions, created)
        if not self.done_once:
            self.old, self.created, self.done_once = old, created, True
            self.actor_id = m.actor(self.key).actor_id
        return self._changes() | self._created_added()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        with svc.file.writing():
            _map(svc).restore_actor(self.old)
            self._drop_created(svc)
        return self._changes() | self._created_removed()


class DeleteActor(Operation):
    """Take an actor that did not attend off the map, with its relations."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.actor_id: int | None = None
        self.relation_ids: list[int] = []

    def do(self, svc: WorkshopService) -> Changes:
        self.actor_id, self.relation_ids = _map(svc).delete_actor(self.key)
        return removed(Kind.ACTOR, self.actor_id) | removed(Kind.RELATION, *self.relation_ids)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.actor_id is not None
        _map(svc).undelete_actor(self.actor_id, self.relation_ids)
        return added(Kind.ACTOR, self.actor_id) | added(Kind.RELATION, *self.relation_ids)


class MoveActors(_MapOperation):
    """Put actors at new places on the map (one drag of several nodes, or a layout)."""

    def __init__(self, positions: Mapping[str, tuple[float, float]]) -> None:
        super().__init__()
        self.positions = dict(positions)
        self.previous: dict[int, tuple[float | None, float | None]] = {}

    def do(self, svc: WorkshopService) -> Changes:
        m = _map(svc)
        if not self.done_once:
            created: list[int] = []
            self.previous = m.move(self.positions, created)
            self.created, self.done_once = created, True
        else:
            with svc.file.writing():
                self._bring_back_created(svc)
                m.move(self.positions, [])
        return updated(Kind.ACTOR, *self.previous) | self._created_added()

    def undo(self, svc: WorkshopService) -> Changes:
        with svc.file.writing():
            _map(svc).set_positions(self.previous)
            self._drop_created(svc)
        return updated(Kind.ACTOR, *self.previous) | self._created_removed()


class AddRelation(_MapOperation):
    def __init__(self, fields: e.RelationFields, note_ids: Sequence[int] = ()) -> None:
        super().__init__()
        self.fields = fields
        self.note_ids = list(note_ids)
        self.relation_id: int | None = None

    def do(self, svc: WorkshopService) -> Changes:
        m = _map(svc)
        if self.relation_id is None:
            created: list[int] = []
            self.relation_id = m.add_relation(self.fields, self.note_ids, created)
            self.created, self.done_once = created, True
        else:
            with svc.file.writing():
                self._bring_back_created(svc)
                m.set_relations_deleted([self.relation_id], False)
        return added(Kind.RELATION, self.relation_id) | self._created_added()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.relation_id is not None
        with svc.file.writing():
            _map(svc).set_relations_deleted([self.relation_id], True)
            self._drop_created(svc)
        return removed(Kind.RELATION, self.relation_id) | self._created_removed()


class EditRelation(_MapOperation):
    def __init__(self, relation_id: int, fields: e.RelationFields) -> None:
        super().__init__()
        self.relation_id = relation_id
        self.fields = fields
        self.old: e.RelationFields | None = None

    def do(self, svc: WorkshopService) -> Changes:
        m = _map(svc)
        if not self.done_once:
            created: list[int] = []
            self.old = m.edit_relation(self.relation_id, self.fields, created)
            self.created, self.done_once = created, True
        else:
            with svc.file.writing():
                self._bring_back_created(svc)
                m.edit_relation(self.relation_id, self.fields, [])
        return updated(Kind.RELATION, self.relation_id) | self._created_added()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        with svc.file.writing():
            _map(svc).restore_relation(self.relation_id, self.old)
            self._drop_created(svc)
        return updated(Kind.RELATION, self.relation_id) | self._created_removed()


class DeleteRelation(Operation):
    def __init__(self, relation_id: int) -> None:
        self.relation_id = relation_id

    def do(self, svc: WorkshopService) -> Changes:
        _map(svc).set_relations_deleted([self.relation_id], True)
        return removed(Kind.RELATION, self.relation_id)

    def undo(self, svc: WorkshopService) -> Changes:
        _map(svc).set_relations_deleted([self.relation_id], False)
        return added(Kind.RELATION, self.relation_id)


class LinkEvidence(Operation):
    """Link notes to a relation as its evidence (``linked=False``: unlink them)."""

    def __init__(self, relation_id: int, note_ids: Sequence[int], linked: bool = True) -> None:
        self.relation_id = relation_id
        self.note_ids = list(note_ids)
        self.linked = linked
        self.changed: list[int] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        m = _map(svc)
        if self.changed is None:
            self.changed = m.link_notes(self.relation_id, self.note_ids, self.linked)
        else:
            m.set_evidence(self.relation_id, self.changed, self.linked)
        return updated(Kind.RELATION, self.relation_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.changed is not None
        _map(svc).set_evidence(self.relation_id, self.changed, not self.linked)
        return updated(Kind.RELATION, self.relation_id)


__all__ = [
    "NO_CHANGES",
    "AddActor",
    "AddRelation",
    "DeleteActor",
    "DeleteRelation",
    "EditActor",
    "EditRelation",
    "LinkEvidence",
    "MoveActors",
]
