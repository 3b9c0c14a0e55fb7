"""Translated names of the map's relation types and contributions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.domain.ecosystem import Contribution, RelationType


def relation_label(kind: RelationType) -> str:
    return {
        RelationType.FUNDING: QCoreApplication.translate("map", "Funding"),
        RelationType.PARTNERSHIP: QCoreApplication.translate("map", "Partnership"),
        RelationType.CO_DESIGN: QCoreApplication.translate("map", "Co-design"),
        RelationType.SERVICE_DELIVERY: QCoreApplication.translate("map", "Service delivery"),
        RelationType.REFERRAL: QCoreApplication.translate("map", "Referral"),
        RelationType.KNOWLEDGE_EXCHANGE: QCoreApplication.translate("map", "Knowledge exchange"),
        RelationType.GOVERNANCE: QCoreApplication.translate("map", "Governance"),
    }[RelationType(kind)]


def contribution_label(c: Contribution) -> str:
    return {
        Contribution.FUNDING: QCoreApplication.translate("map", "funding"),
        Contribution.SPACE: QCoreApplication.translate("map", "space"),
        Contribution.STAFF: QCoreApplication.translate("map", "staff"),
        Contribution.KNOWLEDGE: QCoreApplication.translate("map", "knowledge"),
        Contribution.USERS: QCoreApplication.translate("map", "users"),
        Contribution.SERVICES: QCoreApplication.translate("map", "services"),
        Contribution.NETWORK: QCoreApplication.translate("map", "network"),
        Contribution.LEGITIMACY: QCoreApplication.translate("map", "legitimacy"),
    }[Contribution(c)]


def strength_label(strength: int) -> str:
    return {
        1: QCoreApplication.translate("map", "weak"),
        2: QCoreApplication.translate("map", "medium"),
        3: QCoreApplication.translate("map", "strong"),
    }.get(strength, str(strength))


def rule_message(rule: str, params: dict[str, object]) -> str | None:
    """A sentence for a refused change of the map (``ui/errors.py`` asks)."""
    if rule == "map_same_actor":
        return QCoreApplication.translate("map", "A relation links two different actors.")
    if rule == "map_period":
        return QCoreApplication.translate(
            "map", "The period is too long: at most %1 characters."
        ).replace("%1", str(params.get("max", "")))
    if rule == "map_duplicate":
        return QCoreApplication.translate("map", "“%1” is already on the map.").replace(
            "%1", str(params.get("value", ""))
        )
    if rule == "map_organisation_stays":
        return QCoreApplication.translate(
            "map", "An organisation of the workshop stays on the map: remove it in People."
        )
    if rule == "map_already_evidence":
        return QCoreApplication.translate(
            "map", "Those notes are already evidence for this relation."
        )
    if rule == "map_not_evidence":
        return QCoreApplication.translate("map", "Those notes are not evidence for this relation.")
    return None
