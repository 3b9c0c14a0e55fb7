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
