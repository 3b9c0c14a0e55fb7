"""The map's rules on a real file: what a deleted note, organisation or actor does to
the relations, and the refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.domain.ecosystem import RelationFields, RelationType
from facilitator.domain.errors import ValidationError
from facilitator.domain.model import OrganisationKind
from facilitator.services import map_ops
from facilitator.services import operations as ops
from facilitator.services.ecosystem import MapService
from facilitator.services.workshop import WorkshopService
from tests.services.filedump import dump


@pytest.fixture
def world(svc: WorkshopService) -> tuple[WorkshopService, MapService, str, str, int, int]:
    anna = svc.add_participant("Anna Rossi", "Comune di Torino")
    org = svc.participant(anna).organisation_id
    note = svc.add_note("La fondazione co-finanzia i progetti del Comune").id
    eco = MapService(svc)
    foundation = f"a{eco.add_actor('Fondazione CRT', OrganisationKind.PRIVATE)}"
    city = f"o{org}"
    relation = eco.add_relation(
        RelationFields(foundation, city, RelationType.FUNDING, True, 3), [note], []
    )
    return svc, eco, foundation, city, relation, note


def test_an_organisation_is_an_actor_before_anything_is_stored_for_it(
    world: tuple[WorkshopService, MapService, str, str, int, int],
) -> None:
    svc, eco, _foundation, _city, _relation, _note = world
    svc.add_participant("Ben Weber", "Land Berlin")
    berlin = next(a for a in eco.actors() if a.name == "Land Berlin")
    assert berlin.attended and berlin.actor_id is None and berlin.key.startswith("o")


def test_a_deleted_note_is_no_longer_evidence_and_comes_back_with_undo(
    world: tuple[WorkshopService, MapService, str, str, int, int],
) -> None:
    svc, eco, _f, _c, relation, note = world
    delete = ops.DeleteNote(note)
    delete.do(svc)
    assert eco.relation(relation).note_ids == ()
    assert eco.snapshot().evidence == {}
    delete.undo(svc)
    assert eco.relation(relation).note_ids == (note,)


def test_deleting_an_actor_takes_its_relations_and_undo_brings_them_back(
    world: tuple[WorkshopService, MapService, str, str, int, int],
) -> None:
    svc, eco, foundation, _c, relation, _n = world
    op = map_ops.DeleteActor(foundation)
    op.do(svc)
    assert eco.relations() == [] and foundation not in {a.key for a in eco.actors()}
    op.undo(svc)
    assert [r.id for r in eco.relations()] == [relation]


def test_an_organisation_deleted_in_people_takes_its_relations_off_the_map(
    world: tuple[WorkshopService, MapService, str, str, int, int],
) -> None:
    svc, eco, _f, city, relation, _n = world
    anna = svc.participants()[0].id
    org = int(city[1:])
    ops.DeleteParticipant(anna).do(svc)
    svc.delete_organisation(org)
    assert eco.relations() == []
    svc.restore_organisation(org)
    assert [r.id for r in eco.relations()] == [relation]


@pytest.mark.parametrize(
    "op",
    [
        lambda f, c, r, n: map_ops.AddRelation(RelationFields(f, f, RelationType.REFERRAL)),
        lambda f, c, r, n: map_ops.AddRelation(RelationFields(f, "a999", RelationType.REFERRAL)),
        lambda f, c, r, n: map_ops.AddRelation(
            RelationFields(f, c, RelationType.REFERRAL, strength=7)
        ),
        lambda f, c, r, n: map_ops.AddRelation(
            RelationFields(f, c, RelationType.REFERRAL, period="x" * 41)
        ),
        lambda f, c, r, n: map_ops.AddRelation(RelationFields(f, c, RelationType.REFERRAL), [999]),
        lambda f, c, r, n: map_ops.AddActor("fondazione crt", OrganisationKind.PRIVATE),
        lambda f, c, r, n: map_ops.AddActor("  ", OrganisationKind.PRIVATE),
        lambda f, c, r, n: map_ops.EditActor(f, "Comune di Torino", OrganisationKind.OTHER, "", []),
        lambda f, c, r, n: map_ops.EditActor(c, "Comune", OrganisationKind.OTHER, "", ["gold"]),
        lambda f, c, r, n: map_ops.DeleteActor(c),
        lambda f, c, r, n: map_ops.LinkEvidence(r, [n]),
        lambda f, c, r, n: map_ops.LinkEvidence(r, [12345], linked=False),
        lambda f, c, r, n: map_ops.MoveActors({c: (float("nan"), 0.0)}),
        lambda f, c, r, n: map_ops.MoveActors({"x1": (0.0, 0.0)}),
    ],
)
def test_refused_map_changes_write_nothing(
    world: tuple[WorkshopService, MapService, str, str, int, int],
    op,
    workshop_path: Path,  # noqa: ANN001
) -> None:
    svc, _eco, foundation, city, relation, note = world
    before = dump(workshop_path)
    with pytest.raises(ValidationError):
        op(foundation, city, relation, note).do(svc)
    assert dump(workshop_path) == before
