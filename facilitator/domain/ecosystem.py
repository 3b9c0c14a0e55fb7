"""The ecosystem map: actors, the relations between them and the notes that are their
evidence. Plain data and rules; no Qt, no SQL (the analysis, with networkx, is in
``domain/ecosystem_analysis.py`` and imported only when a map is drawn or analysed).

An actor is either one of the workshop's organisations (it attended: its name and kind
are the organisation's) or an actor that did not attend (a ministry, a foundation), with
its own name and kind. Each has a stable *key*: ``o<organisation id>`` or
``a<actor id>``, used by the screens, the exports and the operations alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from facilitator.domain.errors import ValidationError
from facilitator.domain.model import OrganisationKind


class RelationType(StrEnum):
    FUNDING = "funding"
    PARTNERSHIP = "partnership"
    CO_DESIGN = "co_design"
    SERVICE_DELIVERY = "service_delivery"
    REFERRAL = "referral"
    KNOWLEDGE_EXCHANGE = "knowledge_exchange"
    GOVERNANCE = "governance"


class Contribution(StrEnum):
    FUNDING = "funding"
    SPACE = "space"
    STAFF = "staff"
    KNOWLEDGE = "knowledge"
    USERS = "users"
    SERVICES = "services"
    NETWORK = "network"
    LEGITIMACY = "legitimacy"


STRENGTHS = (1, 2, 3)  # weak, medium, strong
MAX_PERIOD = 40


def actor_key(organisation_id: int | None, actor_id: int | None) -> str:
    if organisation_id is not None:
        return f"o{organisation_id}"
    if actor_id is None:
        raise ValueError("an actor needs an organisation or a row of its own")
    return f"a{actor_id}"


def parse_key(key: str) -> tuple[str, int]:
    """("o", organisation id) or ("a", actor id); ValidationError for anything else."""
    if len(key) >= 2 and key[0] in "oa" and key[1:].isdigit():
        return key[0], int(key[1:])
    raise ValidationError("actor", f"unknown actor {key!r}")


@dataclass(frozen=True)
class Actor:
    key: str
    actor_id: int | None  # None: an organisation with nothing of the map stored yet
    organisation_id: int | None  # None: an actor that did not attend
    name: str
    kind: OrganisationKind
    role: str = ""  # role in the ecosystem, in the user's words
    contributions: tuple[Contribution, ...] = ()
    x: float | None = None  # position on the map (None: not placed yet)
    y: float | None = None

    @property
    def attended(self) -> bool:
        return self.organisation_id is not None

    @property
    def placed(self) -> bool:
        return self.x is not None and self.y is not None


@dataclass(frozen=True)
class Relation:
    id: int
    uuid: str
    source: str  # actor keys
    target: str
    type: RelationType
    directed: bool  # True: from source to target (funding, referral); False: mutual
    strength: int  # 1 weak, 2 medium, 3 strong
    period: str  # free text: "2021-2027", "since 2018"
    description: str
    note_ids: tuple[int, ...] = ()  # the notes that are its evidence


@dataclass(frozen=True)
class RelationFields:
    """What the user gives for a relation (new or edited)."""

    source: str
    target: str
    type: RelationType
    directed: bool = False
    strength: int = 2
    period: str = ""
    description: str = ""


def check_contributions(values: object) -> tuple[Contribution, ...]:
    out: list[Contribution] = []
    for value in values or ():  # type: ignore[attr-defined]
        try:
            c = Contribution(value)
        except ValueError:
            raise ValidationError("contributions", f"unknown contribution {value!r}") from None
        if c not in out:
            out.append(c)
    return tuple(out)


def check_relation(fields: RelationFields) -> RelationFields:
    parse_key(fields.source)
    parse_key(fields.target)
    if fields.source == fields.target:
        raise ValidationError(
            "target", "a relation links two different actors", rule="map_same_actor"
        )
    try:
        kind = RelationType(fields.type)
    except ValueError:
        raise ValidationError("type", f"unknown relation type {fields.type!r}") from None
    if fields.strength not in STRENGTHS:
        raise ValidationError("strength", "strength is 1 (weak), 2 (medium) or 3 (strong)")
    period = " ".join(fields.period.split())
    if len(period) > MAX_PERIOD:
        raise ValidationError(
            "period",
            f"the period is at most {MAX_PERIOD} characters",
            rule="map_period",
            max=MAX_PERIOD,
        )
    return RelationFields(
        fields.source,
        fields.target,
        kind,
        bool(fields.directed),
        fields.strength,
        period,
        fields.description.strip(),
    )


@dataclass(frozen=True)
class EvidenceNote:
    id: int
    text: str
    speaker: str


@dataclass(frozen=True)
class MapSnapshot:
    """Everything the minutes and the exports need of the map, read at one moment."""

    title: str
    language: str  # the workshop's: "it" or "en"
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    evidence: dict[int, EvidenceNote]  # note id -> the note (live notes only)

    def actor(self, key: str) -> Actor:
        return next(a for a in self.actors if a.key == key)

    def positions(self) -> dict[str, tuple[float, float]]:
        """Every actor's place: stored, or from the seeded layout around the placed ones
        (the same picture the map screen shows)."""
        from facilitator.domain.ecosystem_analysis import layout

        fixed = {a.key: (float(a.x or 0), float(a.y or 0)) for a in self.actors if a.placed}
        return layout(self.actors, self.relations, fixed)


# How the map looks, on screen and in the minutes alike (Okabe-Ito colours, readable by
# most colour-blind readers; the line pattern tells the relation types apart in grey).
KIND_COLOURS: dict[OrganisationKind, str] = {
    OrganisationKind.PUBLIC_AUTHORITY: "#0072B2",
    OrganisationKind.MANAGING_AUTHORITY: "#56B4E9",
    OrganisationKind.COMPETENCE_CENTRE: "#CC79A7",
    OrganisationKind.THIRD_SECTOR: "#009E73",
    OrganisationKind.PRIVATE: "#E69F00",
    OrganisationKind.UNIVERSITY: "#D55E00",
    OrganisationKind.CITIZENS: "#F0E442",
    OrganisationKind.OTHER: "#999999",
}
# colour, dash pattern (on, off... in line widths; empty: solid)
RELATION_STYLES: dict[RelationType, tuple[str, tuple[float, ...]]] = {
    RelationType.FUNDING: ("#1F4E79", ()),
    RelationType.PARTNERSHIP: ("#4D4D4D", ()),
    RelationType.CO_DESIGN: ("#7B2D8E", (6.0, 3.0)),
    RelationType.SERVICE_DELIVERY: ("#1B7F5A", (8.0, 3.0, 2.0, 3.0)),
    RelationType.REFERRAL: ("#A0522D", (1.5, 2.5)),
    RelationType.KNOWLEDGE_EXCHANGE: ("#3B73B9", (3.0, 3.0)),
    RelationType.GOVERNANCE: ("#000000", (12.0, 4.0)),
}


def node_radius(degree: int) -> float:
    """Sized by how connected the actor is (map units)."""
    return 10.0 + 3.0 * min(degree, 8)
