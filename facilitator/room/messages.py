"""Sentences a phone reads, in Italian and English (the phone's page language).

Errors carry a stable ``rule`` code from the domain; this turns it into a sentence.
"""

from __future__ import annotations

from typing import Any

from facilitator.domain.errors import FacilitatorError, ValidationError

_TEXT: dict[str, tuple[str, str]] = {
    # rule: (English, Italian)
    "closed": (
        "The poll is closed: it accepts no more ballots.",
        "La votazione è chiusa: non accetta altre schede.",
    ),
    "draft": ("The poll is not open yet.", "La votazione non è ancora aperta."),
    "not_current": (
        "This poll is no longer open in the room.",
        "Questa votazione non è più aperta in sala.",
    ),
    "empty": ("The ballot is empty.", "La scheda è vuota."),
    "too_many_dots": (
        "Too many dots: {placed} placed, at most {allowed}.",
        "Troppi punti: {placed} assegnati, al massimo {allowed}.",
    ),
    "over_cap": (
        "Too many dots on one option: at most {allowed}.",
        "Troppi punti su un'opzione: al massimo {allowed}.",
    ),
    "shared_rank": (
        "Two options share rank {rank}.",
        "Due opzioni hanno la stessa posizione ({rank}).",
    ),
    "incomplete": (
        "Please complete the ballot: every option is needed.",
        "Completa la scheda: servono tutte le opzioni.",
    ),
    "missing_rank": ("Rank {rank} is missing.", "Manca la posizione {rank}."),
    "outside_scale": (
        "A score is outside the scale {low}–{high}.",
        "Un punteggio è fuori dalla scala {low}–{high}.",
    ),
    "removed": (
        "This phone was removed from the room.",
        "Questo telefono è stato escluso dalla sala.",
    ),
    "not_accepted": (
        "Only accepted ideas can be upvoted.",
        "Si possono sostenere solo le idee accettate.",
    ),
    "too_long": (
        "The text is too long (at most {max} characters).",
        "Il testo è troppo lungo (al massimo {max} caratteri).",
    ),
    "bad_char": (
        "The text contains a character that cannot be stored.",
        "Il testo contiene un carattere che non si può salvare.",
    ),
    "not_text": ("Please send text.", "Invia del testo."),
    "invalid": (
        "This was not accepted: please check and try again.",
        "Non accettato: controlla e riprova.",
    ),
    "bad_request": ("The request was not understood.", "Richiesta non valida."),
    "code": ("Wrong room code.", "Codice della sala errato."),
    "no_device": ("Please join the room first.", "Prima entra nella sala."),
    "rate": ("Too many requests: wait a moment.", "Troppe richieste: attendi un momento."),
    "full": ("The room is full.", "La sala è piena."),
    "joining_closed": ("Joining is closed.", "Non si può più entrare nella sala."),
    "busy": (
        "The laptop could not save this: try again.",
        "Il portatile non ha potuto salvare: riprova.",
    ),
    "recorded": ("Vote recorded.", "Voto registrato."),
    "replaced": (
        "Vote recorded (it replaces your earlier one).",
        "Voto registrato (sostituisce il precedente).",
    ),
    "sent": ("Sent: it will appear after moderation.", "Inviata: la vedrai dopo la moderazione."),
    "too_big": ("The request is too large.", "La richiesta è troppo grande."),
    # the participants' mode (join codes)
    "wrong_code": (
        "This is not the code printed for that name: check it and try again.",
        "Non è il codice stampato per questo nome: controllalo e riprova.",
    ),
    "code_used": (
        "This code is already in use on another phone: ask the facilitator.",
        "Questo codice è già in uso su un altro telefono: chiedi al facilitatore.",
    ),
    "phone_taken": (
        "This phone already joined as another participant: ask the facilitator.",
        "Questo telefono è già entrato come un altro partecipante: chiedi al facilitatore.",
    ),
    "pick_name": (
        "Pick your name and type your code first.",
        "Prima scegli il tuo nome e scrivi il tuo codice.",
    ),
    "voted_on_laptop": (
        "Your ballot in this poll was already entered on the facilitator's laptop.",
        "La tua scheda per questa votazione è già stata inserita sul portatile del facilitatore.",
    ),
    "no_list": (
        "This room does not use the participant list.",
        "Questa sala non usa l'elenco dei partecipanti.",
    ),
    "claimed": ("You are in the room as {name}.", "Sei nella sala come {name}."),
}


def text(rule: str, language: str, /, **params: Any) -> str:
    en, it = _TEXT.get(rule, _TEXT["invalid"])
    template = it if language == "it" else en
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return _TEXT["invalid"][1] if language == "it" else _TEXT["invalid"][0]


def for_error(exc: FacilitatorError, language: str) -> tuple[str, str]:
    """(rule, sentence) of an error a phone caused."""
    if isinstance(exc, ValidationError):
        rule = str(exc.params.get("rule") or "invalid")
        if rule not in _TEXT:
            rule = "invalid"
        params = {k: v for k, v in exc.params.items() if k != "rule"}
        return rule, text(rule, language, **params)
    return "busy", text("busy", language)
