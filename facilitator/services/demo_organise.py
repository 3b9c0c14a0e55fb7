"""Demo data of the organise-and-decide features for the Torino study visit.

``add_demo_organise(svc)`` adds themes, solutions, action items and one closed poll of
each method with realistic ballots. It finds the demo's notes by their text (Italian
or English) and still works, with fewer links, on a workshop without them.
"""

from __future__ import annotations

import datetime as dt
import random

from facilitator.domain import model as m
from facilitator.domain.voting import Ballot, CastMode, Method, default_criteria
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService

# (it, en) title, indexes into facilitator.services.demo.NOTES
THEMES: list[tuple[tuple[str, str], tuple[int, ...]]] = [
    (("Co-progettazione e regole pubbliche", "Co-design and public rules"), (4, 5, 38, 39)),
    (("Finanziamento e sostenibilità", "Funding and sustainability"), (21, 22, 26, 27, 32, 40)),
    (("Capacità amministrativa", "Administrative capacity"), (9, 10, 15, 36)),
    (("Comunità e fiducia", "Community and trust"), (6, 24, 25, 34, 35)),
    (("Misurare l'impatto", "Measuring impact"), (1, 17, 31)),
]

# (it, en) title, (it, en) description, note indexes, theme index or None
SOLUTIONS: list[tuple[tuple[str, str], tuple[str, str], tuple[int, ...], int | None]] = [
    (
        (
            "Sportello regionale unico per la co-progettazione multi-fondo",
            "One regional desk for multi-fund co-design",
        ),
        (
            "Un solo punto di contatto che combina FSE+, FESR e fondi nazionali per i progetti "
            "co-progettati con il terzo settore.",
            "A single contact point that combines ESF+, ERDF and national funds for projects "
            "co-designed with the third sector.",
        ),
        (33, 32),
        None,
    ),
    (
        (
            "Tavoli di quartiere permanenti con verbali pubblici",
            "Standing neighbourhood tables with public minutes",
        ),
        (
            "Incontri regolari tra enti pubblici, terzo settore e residenti; i verbali sono "
            "pubblici per costruire fiducia.",
            "Regular meetings of public bodies, third sector and residents; public minutes "
            "build trust.",
        ),
        (35, 34),
        3,
    ),
    (
        (
            "Formazione congiunta per funzionari pubblici e operatori del terzo settore",
            "Joint training for civil servants and third-sector workers",
        ),
        (
            "Percorsi comuni per ridurre la dispersione di competenze dovuta al turnover.",
            "Shared courses to keep know-how despite staff turnover.",
        ),
        (36, 15),
        2,
    ),
    (
        (
            "Fondo rotativo per anticipare i pagamenti FSE+",
            "Revolving fund to advance ESF+ payments",
        ),
        (
            "Un fondo, anche gestito da una banca pubblica regionale, anticipa i pagamenti "
            "alle cooperative.",
            "A fund, possibly run by a regional public bank, advances payments to cooperatives.",
        ),
        (22, 40),
        None,
    ),
    (
        (
            "Case del quartiere: spazi pubblici gestiti dal terzo settore",
            "Neighbourhood houses: public spaces run by the third sector",
        ),
        (
            "Il Comune mette a disposizione gli spazi, una cooperativa li gestisce, i residenti "
            "co-decidono il programma.",
            "The City provides the spaces, a cooperative runs them, residents co-decide the "
            "programme.",
        ),
        (24, 25, 18),
        None,
    ),
]


def _at(hour: int, minute: int) -> dt.datetime:
    """A time on the morning of day 3 (7 November 2025) at the venue (UTC+1), in UTC."""
    return dt.datetime(2025, 11, 7, hour - 1, minute, tzinfo=dt.UTC)


def _demo_notes(svc: WorkshopService) -> dict[int, int]:
    """Index in the demo's NOTES -> note id in this file (only those found)."""
    try:
        from facilitator.services.demo import NOTES
    except ImportError:  # pragma: no cover - the demo module ships with the app
        return {}
    by_text = {n.text: n.id for n in svc.notes()}
    found: dict[int, int] = {}
    for index, (_item, _cat, _speaker, texts) in enumerate(NOTES):
        for text in texts:
            if text in by_text:
                found[index] = by_text[text]
    return found


def add_demo_organise(svc: WorkshopService) -> None:
    it = svc.workshop().language is m.Language.ITALIAN
    lang = 0 if it else 1
    org = OrganiseService(svc)
    notes = _demo_notes(svc)
    items = svc.items()
    conclusion_item = items[9].id if len(items) > 9 else (items[-1].id if items else None)
    group_item = items[8].id if len(items) > 8 else conclusion_item
    people = svc.participants()
    rnd = random.Random(20251107)

    with svc.file.writing():
        theme_ids: list[int | None] = []
        for titles, indexes in THEMES:
            ids = [notes[i] for i in indexes if i in notes]
            theme_ids.append(org.create_theme(titles[lang], ids)[0] if ids else None)
        solution_ids = []
        for titles, descriptions, indexes, theme in SOLUTIONS:
            ids = [notes[i] for i in indexes if i in notes]
            solution_ids.append(
                org.add_solution(
                    titles[lang],
                    descriptions[lang],
                    note_ids=ids,
                    agenda_item_id=group_item,
                    theme_id=theme_ids[theme] if theme is not None else None,
                )
            )
        if 33 in notes:  # the regional desk was agreed as a decision of group 1
            org.set_decision(notes[33], True)

        # --- actions -------------------------------------------------------------------
        facilitators = [p.id for p in people if p.role is m.Role.FACILITATOR]
        owner = facilitators[0] if facilitators else (people[0].id if people else None)
        svc.add_action(
            "Inviare a tutti gli NCC i risultati delle votazioni"
            if it
            else "Send the poll results to every NCC",
            owner_id=owner,
            due_date=dt.date(2025, 11, 10),
            status=m.ActionStatus.DONE,
            agenda_item_id=conclusion_item,
        )
        svc.add_action(
            "Fissare il calendario degli incontri online della comunità di pratica"
            if it
            else "Set the calendar of the community of practice's online meetings",
            owner_id=next((p.id for p in people if p.role is m.Role.NOTE_TAKER), owner),
            due_date=dt.date(2025, 11, 28),
            status=m.ActionStatus.IN_PROGRESS,
            note_id=notes.get(42),
            agenda_item_id=conclusion_item,
        )

        options = tuple(("", sid) for sid in solution_ids)
        named = [p.id for p in people if p.role in (m.Role.PARTICIPANT, m.Role.SPEAKER)]
        # participants vote by name; when the workshop has too few, kiosk ballots fill in
        voters: list[int | None] = [*named[:10], *[None] * (10 - len(named[:10]))]

        # --- dot voting: paper dots counted by the facilitator + two late kiosk voters --
        dot = org.create_poll(
            PollSettings(
                title="Quali soluzioni portereste nel vostro Paese?"
                if it
                else "Which solutions would you take home?",
                method=Method.DOT,
                options=options,
                agenda_item_id=conclusion_item,
                dots_per_voter=5,
                max_per_option=3,
            )
        )
        org.open_poll(dot, at=_at(9, 5))
        ids = [o.id for o in org.poll(dot).options]
        org.cast_ballot(
            dot,
            Ballot.dots(dict(zip(ids, (14, 9, 11, 7, 9), strict=True)), voters=10),
            CastMode.TALLY,
        )
        org.cast_ballot(dot, Ballot.dots({ids[0]: 2, ids[2]: 2, ids[4]: 1}), CastMode.KIOSK)
        org.cast_ballot(dot, Ballot.dots({ids[1]: 3, ids[3]: 2}), CastMode.KIOSK)
        org.close_poll(dot, at=_at(9, 15))

        # --- multi-criteria scoring: named ballots of the participants ------------------
        score = org.create_poll(
            PollSettings(
                title="Valutazione delle soluzioni" if it else "Rating the solutions",
                method=Method.SCORE,
                options=options[:4],
                agenda_item_id=conclusion_item,
                anonymous=False,
                criteria=default_criteria("it" if it else "en"),
            )
        )
        org.open_poll(score, at=_at(9, 15))
        ids = [o.id for o in org.poll(score).options]
        leaning = [(4, 3, 4), (4, 4, 3), (3, 4, 5), (4, 2, 3)]
        for voter in voters[:8]:
            rows = {
                oid: [max(1, min(5, base + rnd.choice((-1, 0, 0, 1)))) for base in leaning[i]]
                for i, oid in enumerate(ids)
            }
            mode = CastMode.VOTER if voter is not None else CastMode.KIOSK
            org.cast_ballot(score, Ballot.scores(rows), mode, voter)
        org.close_poll(score, at=_at(9, 30))

        # --- ranked choice: kiosk ballots -----------------------------------------------
        ranked = org.create_poll(
            PollSettings(
                title="Priorità per il piano d'azione della comunità di pratica"
                if it
                else "Priorities for the community of practice's action plan",
                method=Method.RANKED,
                options=options[:4],
                agenda_item_id=conclusion_item,
            )
        )
        org.open_poll(ranked, at=_at(9, 30))
        ids = [o.id for o in org.poll(ranked).options]
        orders = [
            (0, 2, 1, 3),
            (2, 0, 3, 1),
            (0, 1, 2, 3),
            (1, 0, 2, 3),
            (2, 0, 1, 3),
            (0, 2, 3, 1),
            (3, 2, 0, 1),
            (1, 2, 0, 3),
            (2, 1, 0, 3),
        ]
        for order in orders:
            org.cast_ballot(ranked, Ballot.ranking([ids[i] for i in order]), CastMode.KIOSK)
        org.close_poll(ranked, at=_at(9, 40))

        # --- approval: per voter, anonymous; reopened once for a late voter --------------
        approval = org.create_poll(
            PollSettings(
                title="Quali soluzioni sperimentare entro il 2026?"
                if it
                else "Which solutions should we pilot by 2026?",
                method=Method.APPROVAL,
                options=options,
                agenda_item_id=conclusion_item,
                hide_results=False,
            )
        )
        org.open_poll(approval, at=_at(9, 40))
        ids = [o.id for o in org.poll(approval).options]
        picks = [
            (0, 1),
            (0, 4),
            (1, 2, 4),
            (0,),
            (2, 3),
            (0, 1, 4),
            (4,),
            (0, 2),
            (1, 4),
            (0, 3, 4),
        ]
        for n, pick in enumerate(picks):
            voter = voters[n]
            mode = CastMode.VOTER if voter is not None else CastMode.KIOSK
            org.cast_ballot(approval, Ballot.approvals(ids[i] for i in pick), mode, voter)
        org.close_poll(approval, at=_at(9, 50))
        org.reopen_poll(
            approval,
            "Una partecipante è arrivata dopo la chiusura" if it else "A participant arrived late",
            at=_at(9, 55),
        )
        org.cast_ballot(approval, Ballot.approvals([ids[0], ids[4]]), CastMode.KIOSK)
        org.close_poll(approval, at=_at(9, 57))
