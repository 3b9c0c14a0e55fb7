"""Demo data of the ecosystem map for the Torino study visit.

``add_demo_map(svc)`` gives the organisations their roles and contributions, adds the
actors that did not attend (the ministry, the region's ESF+ managing authority, a
foundation, a university, a cooperative, the European Commission) and the relations
between them, each linked to the demo notes that are its evidence; all read from the
``map`` part of ``resources/demo/torino.json``. Notes are found by their text, as in
``demo_organise``; a relation whose notes are missing is added without evidence.
"""

from __future__ import annotations

from typing import Any

from facilitator.domain import model as m
from facilitator.domain.ecosystem import RelationFields, RelationType
from facilitator.services import demo_data
from facilitator.services.demo_organise import _demo_notes
from facilitator.services.ecosystem import MapService
from facilitator.services.workshop import WorkshopService


def add_demo_map(svc: WorkshopService) -> None:
    data: dict[str, Any] = demo_data.load()["map"]
    names = [o["name"] for o in demo_data.load()["organisations"]]
    lang = "it" if svc.workshop().language is m.Language.ITALIAN else "en"
    eco = MapService(svc)
    notes = _demo_notes(svc)
    by_name = {o.name: o.id for o in svc.organisations()}
    keys: dict[str, str] = {}
    for n, name in enumerate(names):
        if name in by_name:
            keys[f"org:{n}"] = f"o{by_name[name]}"
    with svc.file.writing():
        for ref, given in data["roles"].items():
            if ref in keys:
                a = eco.actor(keys[ref])
                eco.edit_actor(
                    a.key, a.name, a.kind, given["role"][lang], given["contributions"], []
                )
        for n, actor in enumerate(data["actors"]):
            actor_id = eco.add_actor(
                actor["name"],
                m.OrganisationKind(actor["kind"]),
                actor["role"][lang],
                actor["contributions"],
            )
            keys[f"new:{n}"] = f"a{actor_id}"
        for r in data["relations"]:
            if r["source"] not in keys or r["target"] not in keys:
                continue
            eco.add_relation(
                RelationFields(
                    keys[r["source"]],
                    keys[r["target"]],
                    RelationType(r["type"]),
                    r["directed"],
                    r["strength"],
                    r["period"],
                    r["description"][lang],
                ),
                [notes[i] for i in r["notes"] if i in notes],
                [],
            )
