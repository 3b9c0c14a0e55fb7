"""Category templates. Names are data written into the file in the workshop's language."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.model import Language


@dataclass(frozen=True)
class CategoryTemplate:
    en: str
    it: str
    colour: str
    shortcut: str
    meaning: str = ""  # "decision" / "action": see Category.meaning

    def name(self, language: Language) -> str:
        return self.it if language is Language.ITALIAN else self.en


TEMPLATES: dict[str, tuple[CategoryTemplate, ...]] = {
    "ecosystem": (
        CategoryTemplate("Collaborations", "Collaborazioni", "#1f77b4", "c"),
        CategoryTemplate("Roles and contributions", "Ruoli e contributi", "#9467bd", "r"),
        CategoryTemplate("Challenges", "Sfide", "#d62728", "s"),
        CategoryTemplate("Solutions", "Soluzioni", "#2ca02c", "o"),
        CategoryTemplate("Transferability", "Trasferibilità", "#17becf", "t"),
        CategoryTemplate("Insight", "Spunto", "#bcbd22", "i"),
        CategoryTemplate("Decision", "Decisione", "#ff7f0e", "d", "decision"),
        CategoryTemplate("Question", "Domanda", "#e377c2", "q"),
        CategoryTemplate("Action", "Azione", "#8c564b", "a", "action"),
    ),
    "retrospective": (
        CategoryTemplate("Went well", "Cosa è andato bene", "#2ca02c", "w"),
        CategoryTemplate("To improve", "Da migliorare", "#d62728", "m"),
        CategoryTemplate("Ideas", "Idee", "#1f77b4", "i"),
        CategoryTemplate("Actions", "Azioni", "#8c564b", "a", "action"),
    ),
    "generic": (
        CategoryTemplate("Note", "Nota", "#7f7f7f", "n"),
        CategoryTemplate("Idea", "Idea", "#1f77b4", "i"),
        CategoryTemplate("Question", "Domanda", "#e377c2", "q"),
        CategoryTemplate("Decision", "Decisione", "#ff7f0e", "d", "decision"),
        CategoryTemplate("Action", "Azione", "#8c564b", "a", "action"),
    ),
}


# The categories whose notes *are* decisions or actions, in every template and language:
# a note in "Decisione" counts as a decision like a note flagged as one, so the minutes
# give one number of decisions everywhere.
DECISION_CATEGORIES = frozenset({"decision", "decisions", "decisione", "decisioni"})
ACTION_CATEGORIES = frozenset({"action", "actions", "azione", "azioni"})


def is_decision_category(name: str) -> bool:
    return " ".join(name.split()).casefold() in DECISION_CATEGORIES


def is_action_category(name: str) -> bool:
    return " ".join(name.split()).casefold() in ACTION_CATEGORIES
