"""Use cases of the ecosystem map: actors, relations and their evidence notes.

No Qt, no SQL. Every method validates first (``ValidationError`` with a sentence,
nothing written). An organisation's actor gets its row in ``actors`` the first time
something of the map is stored for it; the methods that may make such rows return their
ids (``created``), so that an operation's undo can take them away again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from facilitator.domain import ecosystem as e
from facilitator.domain import validation as v
from facilitator.domain.errors import NotFound, ValidationError
from facilitator.domain.model import OrganisationKind
from facilitator.services.workshop import WorkshopService
from facilitator.storage.ecosystem import EcosystemRepository

Positions = dict[int, tuple[float | None, float | None]]  # actor row id -> (x, y)


class MapService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = EcosystemRepository(svc.file)

    # --- reading ------------------------------------------------------------------------

    def actors(self) -> list[e.Actor]:
        return self.repo.list_actors()

    def actor(self, key: str) -> e.Actor:
        a = self.repo.get_actor(key)
        if a is None:
            raise NotFound(f"no actor {key}")
        return a

    def relations(self) -> list[e.Relation]:
        return self.repo.list_relations()

    def relation(self, relation_id: int) -> e.Relation:
        found = self.repo.list_relations(relation_id)
        if not found:
            raise NotFound(f"no relation {relation_id}")
        return found[0]

    def snapshot(self) -> e.MapSnapshot:
        """The map as the minutes and the exports read it."""
        w = self.svc.workshop()
        relations = tuple(self.relations())
        wanted = sorted({n for r in relations for n in r.note_ids})
        notes = self.svc.notes_by_ids(wanted)
        evidence = {
            i: e.EvidenceNote(i, n.text, n.speaker_name)
            for i, n in notes.items()
            if n.deleted_at is None
        }
        return e.MapSnapshot(w.title, w.language.value, tuple(self.actors()), relations, evidence)

    def relations_of_note(self, note_id: int) -> list[int]:
        return self.repo.relations_of_note(note_id)

    # --- actors -------------------------------------------------------------------------

    def _live(self, key: str) -> e.Actor:
        a = self.repo.get_actor(key)
        if a is None:
            raise ValidationError("actor", f"unknown actor {key}")
        return a

    def resolve(self, key: str, created: list[int]) -> int:
        """The actor row id of ``key``, made for an organisation that has none (its id
        is appended to ``created``)."""
        a = self._live(key)
        if a.actor_id is not None:
            return a.actor_id
        assert a.organisation_id is not None
        with self.svc.file.writing():
            actor_id = self.repo.materialise(a.organisation_id)
        created.append(actor_id)
        return actor_id

    def add_actor(
        self,
        name: str,
        kind: OrganisationKind,
        role: str = "",
        contributions: Iterable[str] = (),
    ) -> int:
        """An actor that did not attend (a ministry, a foundation)."""
        name = v.clean_line(name, "name")
        kind = OrganisationKind(kind)
        role = v.clean_line(role, "role", required=False)
        given = e.check_contributions(contributions)
        for a in self.actors():
            if a.name.casefold() == name.casefold():
                raise ValidationError(
                    "name", f"{a.name!r} is already on the map", rule="map_duplicate", value=a.name
                )
        with self.svc.file.writing():
            return self.repo.add_actor(name, kind.value, role, [c.value for c in given])

    def edit_actor(
        self,
        key: str,
        name: str,
        kind: OrganisationKind,
        role: str,
        contributions: Iterable[str],
        created: list[int],
    ) -> e.Actor:
        """Change an actor; returns it as it was. An organisation's name and kind are
        the organisation's (changed for People too)."""
        old = self._live(key)
        name = v.clean_line(name, "name")
        kind = OrganisationKind(kind)
        role = v.clean_line(role, "role", required=False)
        given = [c.value for c in e.check_contributions(contributions)]
        for a in self.actors():
            if a.key != key and a.name.casefold() == name.casefold():
                raise ValidationError(
                    "name", f"{a.name!r} is already on the map", rule="map_duplicate", value=a.name
                )
        with self.svc.file.writing():
            if old.organisation_id is not None:
                if (name, kind) != (old.name, old.kind):
                    self.svc.update_organisation(old.organisation_id, name, kind)
                actor_id = self.resolve(key, created)
                self.repo.update_actor(actor_id, role=role, contributions=given)
            else:
                assert old.actor_id is not None
                self.repo.update_actor(
                    old.actor_id, name=name, kind=kind.value, role=role, contributions=given
                )
        return old

    def restore_actor(self, old: e.Actor) -> None:
        """Put back an actor's fields as :meth:`edit_actor` returned them."""
        with self.svc.file.writing():
            if old.organisation_id is not None:
                org = self.svc.organisation(old.organisation_id)
                if (old.name, old.kind) != (org.name, org.kind):
                    self.svc.update_organisation(old.organisation_id, old.name, old.kind)
            if old.actor_id is not None:
                fields: dict[str, object] = {
                    "role": old.role,
                    "contributions": [c.value for c in old.contributions],
                }
                if old.organisation_id is None:
                    fields.update(name=old.name, kind=old.kind.value)
                self.repo.update_actor(old.actor_id, **fields)

    def delete_actor(self, key: str) -> tuple[int, list[int]]:
        """Take an actor that did not attend off the map, with its relations. Returns
        (its row id, the relations deleted with it)."""
        a = self._live(key)
        if a.organisation_id is not None or a.actor_id is None:
            raise ValidationError(
                "actor",
                "an organisation of the workshop stays on the map (remove it in People)",
                rule="map_organisation_stays",
            )
        relations = self.repo.relation_ids_of_actor(a.actor_id)
        with self.svc.file.writing():
            self.repo.set_relations_deleted(relations, True)
            self.repo.set_actors_deleted([a.actor_id], True)
        return a.actor_id, relations

    def undelete_actor(self, actor_id: int, relation_ids: Sequence[int]) -> None:
        with self.svc.file.writing():
            self.repo.set_actors_deleted([actor_id], False)
            self.repo.set_relations_deleted(relation_ids, False)

    def set_actors_deleted(self, actor_ids: Iterable[int], deleted: bool) -> None:
        with self.svc.file.writing():
            self.repo.set_actors_deleted(actor_ids, deleted)

    def move(self, positions: Mapping[str, tuple[float, float]], created: list[int]) -> Positions:
        """Place actors; returns their previous positions (by row id)."""
        for x, y in positions.values():
            if not all(isinstance(c, int | float) and abs(c) < 1e7 for c in (x, y)):
                raise ValidationError("position", "a position is two numbers")
        previous: Positions = {}
        new: Positions = {}
        with self.svc.file.writing():
            for key, (x, y) in positions.items():
                a = self._live(key)
                actor_id = self.resolve(key, created)
                previous[actor_id] = (a.x, a.y)
                new[actor_id] = (float(x), float(y))
            self.repo.set_positions(new)
        return previous

    def set_positions(self, positions: Positions) -> None:
        with self.svc.file.writing():
            self.repo.set_positions(positions)

    # --- relations ----------------------------------------------------------------------

    def _check_notes(self, note_ids: Iterable[int]) -> list[int]:
        ids = list(dict.fromkeys(note_ids))
        found = self.svc.notes_by_ids(ids)
        for n in ids:
            if n not in found or found[n].deleted_at is not None:
                raise ValidationError("notes", f"unknown note {n}")
        return ids

    def add_relation(
        self, fields: e.RelationFields, note_ids: Sequence[int], created: list[int]
    ) -> int:
        fields = e.check_relation(fields)
        notes = self._check_notes(note_ids)
        with self.svc.file.writing():
            source = self.resolve(fields.source, created)
            target = self.resolve(fields.target, created)
            relation_id = self.repo.add_relation(source, target, fields)
            self.repo.set_evidence(relation_id, notes, True)
        return relation_id

    def edit_relation(
        self, relation_id: int, fields: e.RelationFields, created: list[int]
    ) -> e.RelationFields:
        """Change a relation; returns its fields as they were."""
        old = self.relation(relation_id)
        fields = e.check_relation(fields)
        with self.svc.file.writing():
            source = self.resolve(fields.source, created)
            target = self.resolve(fields.target, created)
            self.repo.update_relation(relation_id, source, target, fields)
        return e.RelationFields(
            old.source,
            old.target,
            old.type,
            old.directed,
            old.strength,
            old.period,
            old.description,
        )

    def restore_relation(self, relation_id: int, fields: e.RelationFields) -> None:
        with self.svc.file.writing():
            self.repo.update_relation(
                relation_id,
                self._row_id(fields.source),
                self._row_id(fields.target),
                fields,
            )

    def _row_id(self, key: str) -> int:
        a = self._live(key)
        if a.actor_id is None:
            raise NotFound(f"actor {key} has no map row")
        return a.actor_id

    def set_relations_deleted(self, relation_ids: Iterable[int], deleted: bool) -> None:
        ids = list(relation_ids)
        if deleted:
            live = {r.id for r in self.relations()}
            for i in ids:
                if i not in live:
                    raise ValidationError("relation", f"unknown relation {i}")
        with self.svc.file.writing():
            self.repo.set_relations_deleted(ids, deleted)

    def link_notes(self, relation_id: int, note_ids: Sequence[int], linked: bool) -> list[int]:
        """Link notes to a relation as its evidence (or unlink them). Returns the notes
        whose link changed (a note already linked is not linked twice)."""
        self.relation(relation_id)
        notes = self._check_notes(note_ids) if linked else list(dict.fromkeys(note_ids))
        have = self.repo.evidence_of(relation_id)
        changing = [n for n in notes if (n in have) != linked]
        if linked is False and not changing:
            raise ValidationError(
                "notes", "those notes are not evidence of this relation", rule="map_not_evidence"
            )
        if linked and not changing:
            raise ValidationError(
                "notes",
                "those notes are already evidence of this relation",
                rule="map_already_evidence",
            )
        with self.svc.file.writing():
            self.repo.set_evidence(relation_id, changing, linked)
        return changing

    def set_evidence(self, relation_id: int, note_ids: Sequence[int], linked: bool) -> None:
        with self.svc.file.writing():
            self.repo.set_evidence(relation_id, note_ids, linked)


def with_fields(fields: e.RelationFields, **changes: object) -> e.RelationFields:
    return replace(fields, **changes)  # type: ignore[arg-type]
