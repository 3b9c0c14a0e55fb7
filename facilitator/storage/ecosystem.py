"""SQL of the ecosystem map (migration 0009_map): actors, relations, relation_notes.

An organisation of the workshop is an actor whether or not it has a row in ``actors``:
the row is made (by :meth:`EcosystemRepository.materialise`) the first time something
of the map is stored for it (a role, a position, a relation). Every write runs inside
:meth:`WorkshopFile.writing`: durable when it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from facilitator.domain import ecosystem as e
from facilitator.domain.model import OrganisationKind
from facilitator.storage.rows import Rows, new_uuid, now_text


def _kind(value: str) -> OrganisationKind:
    try:
        return OrganisationKind(value)
    except ValueError:
        return OrganisationKind.OTHER


def _contributions(value: str) -> tuple[e.Contribution, ...]:
    out = []
    for part in value.split(","):
        try:
            out.append(e.Contribution(part.strip()))
        except ValueError:
            continue  # a word a newer version knows: not shown, kept in the file
    return tuple(out)


_ACTOR_COLUMNS = (
    "a.id, o.id, coalesce(o.name, a.name), coalesce(o.kind, a.kind), "
    "coalesce(a.role, ''), coalesce(a.contributions, ''), a.x, a.y"
)


class EcosystemRepository(Rows):
    # --- actors -------------------------------------------------------------------------

    @staticmethod
    def _actor(row: Sequence[Any]) -> e.Actor:
        actor_id, org_id, name, kind, role, contributions, x, y = row
        return e.Actor(
            e.actor_key(org_id, actor_id),
            actor_id,
            org_id,
            name,
            _kind(kind),
            role,
            _contributions(contributions),
            x,
            y,
        )

    def list_actors(self) -> list[e.Actor]:
        """Every live organisation (with its map row if it has one), then every live
        actor that did not attend; by name."""
        rows = self._rows(
            f"SELECT {_ACTOR_COLUMNS} FROM organisations o "
            "LEFT JOIN actors a ON a.organisation_id = o.id AND a.deleted_at IS NULL "
            "WHERE o.deleted_at IS NULL "
            f"UNION ALL SELECT {_ACTOR_COLUMNS} FROM actors a "
            "LEFT JOIN organisations o ON 0 "
            "WHERE a.organisation_id IS NULL AND a.deleted_at IS NULL"
        )
        return sorted((self._actor(r) for r in rows), key=lambda a: (a.name.casefold(), a.key))

    def get_actor(self, key: str) -> e.Actor | None:
        """The live actor of ``key`` (None: no such live organisation or actor)."""
        letter, number = e.parse_key(key)
        if letter == "o":
            rows = self._rows(
                f"SELECT {_ACTOR_COLUMNS} FROM organisations o "
                "LEFT JOIN actors a ON a.organisation_id = o.id AND a.deleted_at IS NULL "
                "WHERE o.id = ? AND o.deleted_at IS NULL",
                (number,),
            )
        else:
            rows = self._rows(
                f"SELECT {_ACTOR_COLUMNS} FROM actors a LEFT JOIN organisations o ON 0 "
                "WHERE a.id = ? AND a.organisation_id IS NULL AND a.deleted_at IS NULL",
                (number,),
            )
        return self._actor(rows[0]) if rows else None

    def materialise(self, organisation_id: int) -> int:
        """A new (empty) map row for an organisation that has none; its id."""
        now = now_text()
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO actors (uuid, organisation_id, created_at, updated_at) "
                "VALUES (?,?,?,?)",
                (new_uuid(), organisation_id, now, now),
            )
            return int(cur.lastrowid or 0)

    def add_actor(self, name: str, kind: str, role: str, contributions: Iterable[str]) -> int:
        now = now_text()
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO actors (uuid, name, kind, role, contributions, created_at, "
                "updated_at) VALUES (?,?,?,?,?,?,?)",
                (new_uuid(), name, kind, role, ",".join(contributions), now, now),
            )
            return int(cur.lastrowid or 0)

    def update_actor(self, actor_id: int, **fields: Any) -> None:
        """Set ``name``, ``kind``, ``role``, ``contributions`` (a sequence), ``x``, ``y``."""
        allowed = {"name", "kind", "role", "contributions", "x", "y"}
        assert set(fields) <= allowed, fields
        if "contributions" in fields:
            fields["contributions"] = ",".join(fields["contributions"])
        if not fields:
            return
        sets = ", ".join(f"{k} = ?" for k in fields)
        with self.wf.writing():
            self.conn.execute(
                f"UPDATE actors SET {sets}, updated_at = ? WHERE id = ?",
                (*fields.values(), now_text(), actor_id),
            )

    def set_positions(self, positions: Mapping[int, tuple[float | None, float | None]]) -> None:
        now = now_text()
        with self.wf.writing():
            self.conn.executemany(
                "UPDATE actors SET x = ?, y = ?, updated_at = ? WHERE id = ?",
                [(x, y, now, actor_id) for actor_id, (x, y) in positions.items()],
            )

    def set_actors_deleted(self, actor_ids: Iterable[int], deleted: bool) -> None:
        now = now_text()
        with self.wf.writing():
            self.conn.executemany(
                "UPDATE actors SET deleted_at = ?, updated_at = ? WHERE id = ?",
                [(now if deleted else None, now, i) for i in actor_ids],
            )

    # --- relations ----------------------------------------------------------------------

    def _evidence(self, relation_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        out: dict[int, list[int]] = {r: [] for r in relation_ids}
        for start in range(0, len(relation_ids), 500):
            chunk = list(relation_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for relation_id, note_id in self._rows(
                "SELECT rn.relation_id, rn.note_id FROM relation_notes rn "
                "JOIN notes n ON n.id = rn.note_id "
                f"WHERE rn.relation_id IN ({marks}) AND n.deleted_at IS NULL "
                "ORDER BY n.created_at, n.id",
                chunk,
            ):
                out[relation_id].append(note_id)
        return {k: tuple(v) for k, v in out.items()}

    _RELATION_SQL = (
        "SELECT r.id, r.uuid, s.organisation_id, s.id, t.organisation_id, t.id, r.type, "
        "r.directed, r.strength, r.period, r.description FROM relations r "
        "JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id "
        "LEFT JOIN organisations so ON so.id = s.organisation_id "
        "LEFT JOIN organisations tgo ON tgo.id = t.organisation_id "
        "WHERE r.deleted_at IS NULL AND s.deleted_at IS NULL AND t.deleted_at IS NULL "
        "AND so.deleted_at IS NULL AND tgo.deleted_at IS NULL"
    )

    def list_relations(self, relation_id: int | None = None) -> list[e.Relation]:
        """Live relations between live actors (an actor deleted, or an organisation
        deleted in People, takes its relations off the map; they come back with it)."""
        sql = self._RELATION_SQL
        params_: tuple[int, ...] = ()
        if relation_id is not None:
            sql, params_ = sql + " AND r.id = ?", (relation_id,)
        rows = self._rows(sql + " ORDER BY r.id", params_)
        evidence = self._evidence([r[0] for r in rows])
        out = []
        for r in rows:
            try:
                kind = e.RelationType(r[6])
            except ValueError:
                continue
            out.append(
                e.Relation(
                    r[0],
                    r[1],
                    e.actor_key(r[2], r[3]),
                    e.actor_key(r[4], r[5]),
                    kind,
                    bool(r[7]),
                    r[8],
                    r[9],
                    r[10],
                    evidence.get(r[0], ()),
                )
            )
        return out

    def relation_row(self, relation_id: int) -> tuple[int, int, bool] | None:
        """(source actor id, target actor id, deleted) of any relation row."""
        row = self.conn.execute(
            "SELECT source_id, target_id, deleted_at FROM relations WHERE id = ?",
            (relation_id,),
        ).fetchone()
        return None if row is None else (row[0], row[1], row[2] is not None)

    def relation_ids_of_actor(self, actor_id: int) -> list[int]:
        return [
            r[0]
            for r in self._rows(
                "SELECT id FROM relations WHERE deleted_at IS NULL "
                "AND (source_id = ? OR target_id = ?) ORDER BY id",
                (actor_id, actor_id),
            )
        ]

    def add_relation(self, source_id: int, target_id: int, fields: e.RelationFields) -> int:
        now = now_text()
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO relations (uuid, source_id, target_id, type, directed, strength, "
                "period, description, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    new_uuid(),
                    source_id,
                    target_id,
                    fields.type.value,
                    int(fields.directed),
                    fields.strength,
                    fields.period,
                    fields.description,
                    now,
                    now,
                ),
            )
            return int(cur.lastrowid or 0)

    def update_relation(
        self, relation_id: int, source_id: int, target_id: int, fields: e.RelationFields
    ) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE relations SET source_id = ?, target_id = ?, type = ?, directed = ?, "
                "strength = ?, period = ?, description = ?, updated_at = ? WHERE id = ?",
                (
                    source_id,
                    target_id,
                    fields.type.value,
                    int(fields.directed),
                    fields.strength,
                    fields.period,
                    fields.description,
                    now_text(),
                    relation_id,
                ),
            )

    def set_relations_deleted(self, relation_ids: Iterable[int], deleted: bool) -> None:
        now = now_text()
        with self.wf.writing():
            self.conn.executemany(
                "UPDATE relations SET deleted_at = ?, updated_at = ? WHERE id = ?",
                [(now if deleted else None, now, i) for i in relation_ids],
            )

    def evidence_of(self, relation_id: int) -> set[int]:
        """Every note id linked to the relation (deleted notes too: undo is exact)."""
        return {
            r[0]
            for r in self._rows(
                "SELECT note_id FROM relation_notes WHERE relation_id = ?", (relation_id,)
            )
        }

    def set_evidence(self, relation_id: int, note_ids: Iterable[int], linked: bool) -> None:
        with self.wf.writing():
            if linked:
                self.conn.executemany(
                    "INSERT OR IGNORE INTO relation_notes (relation_id, note_id) VALUES (?,?)",
                    [(relation_id, n) for n in note_ids],
                )
            else:
                self.conn.executemany(
                    "DELETE FROM relation_notes WHERE relation_id = ? AND note_id = ?",
                    [(relation_id, n) for n in note_ids],
                )

    def relations_of_note(self, note_id: int) -> list[int]:
        return [
            r[0]
            for r in self._rows(
                "SELECT rn.relation_id FROM relation_notes rn "
                "JOIN relations r ON r.id = rn.relation_id "
                "WHERE rn.note_id = ? AND r.deleted_at IS NULL ORDER BY rn.relation_id",
                (note_id,),
            )
        ]
