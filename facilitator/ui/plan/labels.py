"""Translated names of the domain's enums and of the import's fields and reasons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.domain import model as m


def kind_label(kind: m.ItemKind) -> str:
    return {
        m.ItemKind.PRESENTATION: QCoreApplication.translate("plan", "Presentation"),
        m.ItemKind.SITE_VISIT: QCoreApplication.translate("plan", "Site visit"),
        m.ItemKind.DISCUSSION: QCoreApplication.translate("plan", "Discussion"),
        m.ItemKind.GROUP_WORK: QCoreApplication.translate("plan", "Group work"),
        m.ItemKind.PLENARY: QCoreApplication.translate("plan", "Plenary"),
        m.ItemKind.BREAK: QCoreApplication.translate("plan", "Break"),
    }[m.ItemKind(kind)]


def role_label(role: m.Role) -> str:
    return {
        m.Role.FACILITATOR: QCoreApplication.translate("plan", "Facilitator"),
        m.Role.NOTE_TAKER: QCoreApplication.translate("plan", "Note-taker"),
        m.Role.SPEAKER: QCoreApplication.translate("plan", "Speaker"),
        m.Role.PARTICIPANT: QCoreApplication.translate("plan", "Participant"),
    }[m.Role(role)]


def org_kind_label(kind: m.OrganisationKind) -> str:
    return {
        m.OrganisationKind.PUBLIC_AUTHORITY: QCoreApplication.translate("plan", "Public authority"),
        m.OrganisationKind.MANAGING_AUTHORITY: QCoreApplication.translate(
            "plan", "Managing authority"
        ),
        m.OrganisationKind.COMPETENCE_CENTRE: QCoreApplication.translate(
            "plan", "Competence centre"
        ),
        m.OrganisationKind.THIRD_SECTOR: QCoreApplication.translate("plan", "Third sector"),
        m.OrganisationKind.PRIVATE: QCoreApplication.translate("plan", "Private company"),
        m.OrganisationKind.UNIVERSITY: QCoreApplication.translate("plan", "University or research"),
        m.OrganisationKind.CITIZENS: QCoreApplication.translate("plan", "Citizens"),
        m.OrganisationKind.OTHER: QCoreApplication.translate("plan", "Other"),
    }[m.OrganisationKind(kind)]


def template_label(name: str) -> str:
    return {
        "ecosystem": QCoreApplication.translate("plan", "Ecosystem analysis"),
        "retrospective": QCoreApplication.translate("plan", "Retrospective"),
        "generic": QCoreApplication.translate("plan", "Generic"),
    }.get(name, name)


def field_label(name: str | None) -> str:
    if name is None:
        return QCoreApplication.translate("plan", "(ignore this column)")
    return {
        "name": QCoreApplication.translate("plan", "Full name"),
        "first_name": QCoreApplication.translate("plan", "First name"),
        "last_name": QCoreApplication.translate("plan", "Last name"),
        "organisation": QCoreApplication.translate("plan", "Organisation"),
        "organisation_kind": QCoreApplication.translate("plan", "Organisation kind"),
        "role": QCoreApplication.translate("plan", "Role"),
        "email": QCoreApplication.translate("plan", "E-mail"),
        "day": QCoreApplication.translate("plan", "Day"),
        "start": QCoreApplication.translate("plan", "Start"),
        "duration": QCoreApplication.translate("plan", "Duration (min)"),
        "kind": QCoreApplication.translate("plan", "Kind"),
        "title": QCoreApplication.translate("plan", "Title"),
        "location": QCoreApplication.translate("plan", "Location"),
        "speakers": QCoreApplication.translate("plan", "Speakers"),
        "description": QCoreApplication.translate("plan", "Description"),
    }.get(name, name)


def encoding_label(encoding: str) -> str:
    return {
        "utf-8-sig": QCoreApplication.translate("plan", "UTF-8 with BOM"),
        "utf-8": QCoreApplication.translate("plan", "UTF-8"),
        "utf-16": QCoreApplication.translate("plan", "UTF-16"),
        "cp1252": QCoreApplication.translate("plan", "Windows-1252 (Western European)"),
    }.get(encoding, encoding)


def delimiter_label(delimiter: str) -> str:
    return {
        ",": QCoreApplication.translate("plan", "comma"),
        ";": QCoreApplication.translate("plan", "semicolon"),
        "\t": QCoreApplication.translate("plan", "tab"),
    }.get(delimiter, delimiter)


def reject_reason(code: str, params: dict[str, object], fallback: str) -> str:
    """The sentence for a rejected CSV row, in the current language."""
    value = str(params.get("value", ""))
    texts = {
        "missing_name": QCoreApplication.translate("plan", "the name is empty"),
        "no_name_column": QCoreApplication.translate("plan", "no column is mapped to the name"),
        "bad_email": QCoreApplication.translate("plan", "“%1” is not an e-mail address"),
        "unknown_role": QCoreApplication.translate(
            "plan", "unknown role “%1” (facilitator, note-taker, speaker, participant)"
        ),
        "unknown_org_kind": QCoreApplication.translate("plan", "unknown organisation kind “%1”"),
        "missing_title": QCoreApplication.translate("plan", "the title is empty"),
        "no_title_column": QCoreApplication.translate("plan", "no column is mapped to the title"),
        "bad_day": QCoreApplication.translate("plan", "“%1” is not a day number (1, 2, 3…)"),
        "bad_time": QCoreApplication.translate("plan", "“%1” is not a time (like 09:30)"),
        "bad_duration": QCoreApplication.translate(
            "plan", "“%1” is not a duration in minutes (0 to 1440)"
        ),
        "unknown_kind": QCoreApplication.translate(
            "plan",
            "unknown kind “%1” (plenary, presentation, break, discussion, site visit, group work)",
        ),
        "extra_cells": QCoreApplication.translate(
            "plan", "the row has more cells than the header: a separator inside a value?"
        ),
    }
    text = texts.get(code)
    if text is None:
        return fallback
    return text.replace("%1", value)


def duplicate_reason(reason: str, by: str, other_line: int | None) -> str:
    if reason == "csv":
        if by == "email":
            return QCoreApplication.translate("plan", "repeats row %1 (same e-mail)").replace(
                "%1", str(other_line)
            )
        return QCoreApplication.translate("plan", "repeats row %1 (same name)").replace(
            "%1", str(other_line)
        )
    if by == "email":
        return QCoreApplication.translate("plan", "already in the workshop (same e-mail)")
    if by == "title":
        return QCoreApplication.translate("plan", "already in the agenda of that day (same title)")
    return QCoreApplication.translate("plan", "already in the workshop (same name)")
