"""Synthetic workshops for the benchmarks: Italian-ish notes of varied length.

The structure (days, agenda items, participants, categories) is built through
``WorkshopService`` so it is exactly what the app writes; the notes go in with
``Repository.add_notes_bulk`` (one transaction) so 100,000 notes take seconds.
Deterministic: the same ``seed`` gives the same texts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from facilitator.services.workshop import WorkshopService

START = dt.date(2025, 11, 5)
DAYS = 3
ITEMS_PER_DAY = 8

# A word that appears in about one note in a thousand: the "rare word" query.
RARE_WORD = "zanzariera"
COMMON_WORD = "progetto"
PREFIX = "coprog"

_SUBJECTS = (
    "Il comune",
    "La cooperativa sociale",
    "Il centro di competenza",
    "L'autorità di gestione",
    "La rete dei partner",
    "Il terzo settore",
    "La fondazione",
    "Il gruppo di lavoro",
    "L'ufficio regionale",
    "Ogni partecipante",
    "La scuola",
    "L'assessorato al welfare",
)
_VERBS = (
    "propone",
    "chiede di rafforzare",
    "ha avviato",
    "sottolinea l'importanza di",
    "intende finanziare",
    "valuta",
    "coordina",
    "ha misurato",
    "vuole semplificare",
    "condivide",
    "racconta",
    "mette a disposizione",
)
_OBJECTS = (
    "il progetto di coprogettazione",
    "un bando per l'innovazione sociale",
    "la misurazione dell'impatto",
    "i servizi di prossimità",
    "la formazione degli operatori",
    "un tavolo di coordinamento",
    "la valutazione dei risultati",
    "il partenariato pubblico-privato",
    "le competenze digitali dei giovani",
    "un modello di governance condivisa",
    "l'inclusione lavorativa delle persone fragili",
    "la trasferibilità delle buone pratiche",
    "un progetto pilota nei quartieri",
    "la coprogrammazione con gli enti locali",
    "il fondo sociale europeo plus",
    "la rendicontazione semplificata",
)
_TAILS = (
    "entro la fine dell'anno",
    "con risorse del FSE+",
    "perché i tempi sono troppo lunghi",
    "nei prossimi sei mesi",
    "coinvolgendo anche le università",
    "come già fatto a Torino",
    "ma servono più dati",
    "e chiede un confronto con le altre regioni",
    "senza aumentare la burocrazia",
    "per non perdere la continuità del progetto",
    "",
    "",
)
_SHORT = (
    "Domanda dal pubblico sul cofinanziamento.",
    "Decisione: si procede con il progetto.",
    "Pausa caffè anticipata.",
    "Serve una scheda riassuntiva.",
    "D'accordo tutti i presenti.",
    "Verificare i dati del 2024.",
    "Punto da riprendere domani.",
    "Citato l'esempio di Barcellona.",
)
_FIRST = ("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Paolo", "Elena", "Andrea", "Sara")
_LAST = ("Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino")


def note_text(rng: random.Random) -> str:
    """One note: mostly one or two sentences, sometimes a short remark, sometimes long."""
    roll = rng.random()
    if roll < 0.2:
        text = rng.choice(_SHORT)
    else:
        sentences = 1 if roll < 0.6 else (2 if roll < 0.85 else rng.randint(3, 8))
        parts = []
        for _ in range(sentences):
            tail = rng.choice(_TAILS)
            sentence = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
            parts.append(sentence + (f" {tail}" if tail else "") + ".")
        text = " ".join(parts)
    if rng.random() < 0.001:
        text += f" Nota: portare la {RARE_WORD} per la sala."
    return text


def participant_names(count: int) -> Iterator[str]:
    n = 0
    for last in _LAST:
        for first in _FIRST:
            if n >= count:
                return
            yield f"{first} {last}"
            n += 1


def build(path: Path, notes: int, seed: int = 7) -> Path:
    """Write a three-day workshop with ``notes`` notes to ``path`` (which must not exist)."""
    rng = random.Random(seed)
    with WorkshopService.create(
        path,
        f"Laboratorio sintetico ({notes} note)",
        organiser="Centro di Competenza",
        place="Torino",
        start_date=START,
        end_date=START + dt.timedelta(days=DAYS - 1),
        template="ecosystem",
    ) as svc:
        with svc.file.writing():
            people = [
                svc.add_participant(name, f"Ente {i % 7 + 1}")
                for i, name in enumerate(participant_names(30))
            ]
            names = {pid: svc.participant(pid).name for pid in people}
            items: list[tuple[int, int, int]] = []  # (item id, day index, slot in day)
            for d, day in enumerate(svc.days()):
                for i in range(ITEMS_PER_DAY):
                    item_id = svc.add_item(
                        day.id,
                        f"Sessione {d + 1}.{i + 1}: {rng.choice(_OBJECTS)}",
                        planned_start=dt.time(9, 0) if i == 0 else None,
                        duration_min=45,
                    )
                    items.append((item_id, d, i))
        categories = [c.id for c in svc.categories()]
        svc.repo.add_notes_bulk(_rows(rng, notes, items, categories, names))
    return path


def _rows(
    rng: random.Random,
    count: int,
    items: list[tuple[int, int, int]],
    categories: list[int],
    names: dict[int, str],
) -> Iterator[tuple[object, ...]]:
    people = list(names)
    per_item = max(1, count // len(items))
    for n in range(count):
        item_id, day, slot = items[min(n // per_item, len(items) - 1)]
        # spread the item's notes evenly over its 45 minutes (08:00 UTC = 09:00 in Torino)
        offset = slot * 2700 + (n % per_item) * 2700 // per_item
        when = dt.datetime.combine(START, dt.time(8), dt.UTC) + dt.timedelta(
            days=day, seconds=offset
        )
        speaker = rng.choice(people) if rng.random() < 0.6 else None
        yield (
            note_text(rng),
            rng.choice(categories) if rng.random() < 0.8 else None,
            item_id,
            speaker,
            names[speaker] if speaker is not None else "",
            "Sara Rossi",
            when,
        )


class Cache:
    """Synthetic files built once per run, in one temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: dict[int, Path] = {}
        self.build_seconds: dict[int, float] = {}

    def get(self, notes: int) -> Path:
        if notes not in self.built:
            import time

            t0 = time.perf_counter()
            self.built[notes] = build(self.folder / f"synthetic-{notes}.workshop", notes)
            self.build_seconds[notes] = time.perf_counter() - t0
        return self.built[notes]

    def copy(self, notes: int, name: str) -> Path:
        """A fresh copy of the ``notes`` file (for benchmarks that write)."""
        import shutil

        src = self.get(notes)
        target = self.folder / name
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        shutil.copyfile(src, target)
        return target
