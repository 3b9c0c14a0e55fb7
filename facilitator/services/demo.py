"""The demo workshop: the three-day study meeting in Torino on the local social-innovation
ecosystem (ESF+ bodies and national competence centres), with fictional people.

``python main.py demo PATH`` writes it; the welcome screen offers it too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from facilitator.domain.model import ItemKind, Language, OrganisationKind, Role
from facilitator.services.workshop import WorkshopService

# The venue is in Torino: November is UTC+1 there.
VENUE_ZONE = "Europe/Rome"  # Torino: the venue's zone, stored in the demo file
VENUE_UTC_OFFSET = dt.timedelta(hours=1)  # Europe/Rome in November (CET)
START = dt.date(2025, 11, 5)

ORGANISATIONS: list[tuple[str, OrganisationKind]] = [
    ("Centro di Competenza europeo per l'Innovazione Sociale", OrganisationKind.COMPETENCE_CENTRE),
    ("Città di Torino", OrganisationKind.PUBLIC_AUTHORITY),
    ("PN Metro Plus", OrganisationKind.MANAGING_AUTHORITY),
    ("Fondazione Compagnia di San Paolo", OrganisationKind.PRIVATE),
    ("Cooperativa sociale Il Ponte", OrganisationKind.THIRD_SECTOR),
    ("Rete Case del Quartiere", OrganisationKind.THIRD_SECTOR),
    ("Università di Torino", OrganisationKind.UNIVERSITY),
    ("Comitato di quartiere Barriera di Milano", OrganisationKind.CITIZENS),
    ("Centre national de compétence (FR)", OrganisationKind.COMPETENCE_CENTRE),
    ("Nationales Kompetenzzentrum (DE)", OrganisationKind.COMPETENCE_CENTRE),
    ("Unidad Administradora del FSE+ (ES)", OrganisationKind.MANAGING_AUTHORITY),
    ("Ministry of Labour (EL)", OrganisationKind.MANAGING_AUTHORITY),
    ("National Competence Centre (PL)", OrganisationKind.COMPETENCE_CENTRE),
    ("Национален компетентен център (BG)", OrganisationKind.COMPETENCE_CENTRE),
]

# name, organisation index, role, e-mail (all fictional)
PEOPLE: list[tuple[str, int, Role, str]] = [
    ("Giulia Ferraris", 0, Role.FACILITATOR, "giulia.ferraris@example.org"),
    ("Chiara Dell'Acqua", 0, Role.NOTE_TAKER, "chiara.dellacqua@example.org"),
    ("Marco Rossi", 1, Role.SPEAKER, "marco.rossi@example.org"),
    ("Niccolò Bertè", 2, Role.SPEAKER, "n.berte@example.org"),
    ("Andrea Càrdenas", 3, Role.SPEAKER, "a.cardenas@example.org"),
    ("Zoë Ó Briain", 4, Role.SPEAKER, "zoe.obriain@example.org"),
    ("Luca Ferrero", 5, Role.SPEAKER, "luca.ferrero@example.org"),
    ("Elena Gallo", 6, Role.PARTICIPANT, "elena.gallo@example.org"),
    ("Paolo Esposito", 7, Role.PARTICIPANT, "paolo.esposito@example.org"),
    ("Sophie Lefèvre", 8, Role.PARTICIPANT, "sophie.lefevre@example.org"),
    ("Jürgen Möller", 9, Role.PARTICIPANT, "j.moeller@example.org"),
    ("Íñigo Peña", 10, Role.PARTICIPANT, "inigo.pena@example.org"),
    ("Eleni Papadopoulou", 11, Role.PARTICIPANT, "eleni.p@example.org"),
    ("Małgorzata Wiśniewska", 12, Role.PARTICIPANT, "m.wisniewska@example.org"),
    ("Георги Иванов", 13, Role.PARTICIPANT, "g.ivanov@example.org"),
]

# day, start, minutes, kind, (it title, en title), location key, speaker indexes, (it, en) description
LOC_HALL = ("Torino, sede comunale – Sala delle Colonne", "Torino, City Hall – Sala delle Colonne")
LOC_VISIT1 = (
    "Torino, Barriera di Milano – Casa del Quartiere",
    "Torino, Barriera di Milano – Neighbourhood House",
)
LOC_VISIT2 = (
    "Torino, San Salvario – Bagni pubblici di via Agliè",
    "Torino, San Salvario – via Agliè public baths",
)

AGENDA: list[
    tuple[
        int, str, int, ItemKind, tuple[str, str], tuple[str, str], tuple[int, ...], tuple[str, str]
    ]
] = [
    (
        1,
        "09:00",
        30,
        ItemKind.PLENARY,
        ("Benvenuto e obiettivi dell'incontro-studio", "Welcome and aims of the study meeting"),
        LOC_HALL,
        (0,),
        ("Presentazione del programma e dei partecipanti.", "The programme and the participants."),
    ),
    (
        1,
        "09:30",
        45,
        ItemKind.PRESENTATION,
        (
            "L'ecosistema torinese dell'innovazione sociale urbana",
            "Torino's urban social-innovation ecosystem",
        ),
        LOC_HALL,
        (2,),
        ("Attori, reti e strumenti della città.", "Actors, networks and tools of the city."),
    ),
    (
        1,
        "10:15",
        45,
        ItemKind.PRESENTATION,
        (
            "PN Metro Plus: dal Pon Metro 2014-2020 alla nuova programmazione",
            "PN Metro Plus: from Pon Metro 2014-2020 to the new programming period",
        ),
        LOC_HALL,
        (3,),
        (
            "334 milioni di euro, di cui 246 FSE+ e 87 FESR.",
            "EUR 334 million: 246 from ESF+ and 87 from ERDF.",
        ),
    ),
    (1, "11:00", 15, ItemKind.BREAK, ("Pausa caffè", "Coffee break"), ("", ""), (), ("", "")),
    (
        1,
        "11:15",
        90,
        ItemKind.DISCUSSION,
        (
            "Tipi di collaborazione tra gli attori: ruoli e contributi",
            "Kinds of collaboration between actors: roles and contributions",
        ),
        LOC_HALL,
        (0,),
        ("Analisi guidata in plenaria.", "Guided analysis in plenary."),
    ),
    (
        1,
        "14:00",
        60,
        ItemKind.PRESENTATION,
        (
            "Il ruolo delle fondazioni nel finanziamento dell'innovazione sociale",
            "The role of foundations in funding social innovation",
        ),
        LOC_HALL,
        (4,),
        ("", ""),
    ),
    (
        2,
        "09:00",
        180,
        ItemKind.SITE_VISIT,
        (
            "Visita ai progetti: case di quartiere e servizi di prossimità",
            "Project visits: neighbourhood houses and local services",
        ),
        LOC_VISIT1,
        (5, 6),
        (
            "Partenza in autobus alle 8:45 davanti al municipio.",
            "Bus leaves at 8:45 in front of City Hall.",
        ),
    ),
    (
        2,
        "14:00",
        30,
        ItemKind.SITE_VISIT,
        (
            "Bagni pubblici di via Agliè: welfare di comunità",
            "Via Agliè public baths: community welfare",
        ),
        LOC_VISIT2,
        (6,),
        ("", ""),
    ),
    (
        2,
        "14:45",
        90,
        ItemKind.GROUP_WORK,
        ("Sfide affrontate e soluzioni trovate", "Challenges met and solutions found"),
        LOC_HALL,
        (0,),
        ("Tre gruppi misti per paese.", "Three groups mixed by country."),
    ),
    (
        3,
        "09:30",
        90,
        ItemKind.GROUP_WORK,
        (
            "Come adattare le soluzioni ad altri contesti",
            "How to adapt the solutions to other contexts",
        ),
        LOC_HALL,
        (0,),
        ("", ""),
    ),
    (3, "11:00", 15, ItemKind.BREAK, ("Pausa", "Break"), ("", ""), (), ("", "")),
    (
        3,
        "11:15",
        60,
        ItemKind.PLENARY,
        (
            "Conclusioni e prossimi passi della comunità di pratica",
            "Conclusions and next steps for the community of practice",
        ),
        LOC_HALL,
        (0, 3),
        ("", ""),
    ),
]

# agenda index, category index (ecosystem template order), speaker index or None, (it, en)
NOTES: list[tuple[int, int, int | None, tuple[str, str]]] = [
    (
        0,
        5,
        0,
        (
            "Obiettivo: capire quali collaborazioni rendono solido un ecosistema di innovazione sociale.",
            "Aim: understand which collaborations make a social-innovation ecosystem robust.",
        ),
    ),
    (
        0,
        7,
        9,
        (
            "Come si misura la solidità di un ecosistema? Esistono indicatori condivisi tra gli NCC?",
            "How do we measure how robust an ecosystem is? Do NCCs share indicators?",
        ),
    ),
    (
        1,
        0,
        2,
        (
            "La Città coordina una rete di 11 case del quartiere con patti di collaborazione con i cittadini.",
            "The City coordinates 11 neighbourhood houses through collaboration pacts with citizens.",
        ),
    ),
    (
        1,
        1,
        2,
        (
            "Il Comune fa da regista: mette spazi e personale, il terzo settore gestisce i servizi.",
            "The municipality orchestrates: it provides spaces and staff, the third sector runs the services.",
        ),
    ),
    (
        1,
        2,
        2,
        (
            "Sfida: i tempi delle procedure pubbliche non seguono quelli dei progetti di comunità.",
            "Challenge: public procedures do not keep pace with community projects.",
        ),
    ),
    (
        1,
        3,
        2,
        (
            "Soluzione: la co-progettazione (art. 55 del Codice del Terzo settore) sostituisce i bandi a gara.",
            "Solution: co-design (art. 55 of the Third Sector Code) replaces competitive tenders.",
        ),
    ),
    (
        1,
        5,
        8,
        (
            "I cittadini partecipano se vedono risultati in pochi mesi, non in anni.",
            "Citizens take part when they see results within months, not years.",
        ),
    ),
    (
        2,
        1,
        3,
        (
            "Il PN Metro Plus finanzia 14 città metropolitane e accompagna le città medie delle regioni meno sviluppate.",
            "PN Metro Plus funds 14 metropolitan cities and supports mid-sized cities in less developed regions.",
        ),
    ),
    (
        2,
        0,
        3,
        (
            "Gemellaggi tra città: chi ha esperienza dal Pon Metro 2014-2020 forma le città nuove.",
            "City twinning: cities with Pon Metro 2014-2020 experience train the new ones.",
        ),
    ),
    (
        2,
        2,
        3,
        (
            "Sfida: poca capacità amministrativa nelle città più piccole per gestire fondi FSE+.",
            "Challenge: small cities lack the administrative capacity to manage ESF+ funds.",
        ),
    ),
    (
        2,
        3,
        3,
        (
            "Soluzione: un'assistenza tecnica condivisa e modelli di atti già pronti.",
            "Solution: shared technical assistance and ready-made templates for official acts.",
        ),
    ),
    (
        2,
        7,
        11,
        (
            "Quanta parte dei 246 milioni FSE+ va a interventi di innovazione sociale in senso stretto?",
            "How much of the EUR 246 million ESF+ goes to social innovation in the strict sense?",
        ),
    ),
    (
        4,
        0,
        0,
        (
            "Tre tipi di collaborazione: istituzionale (Comune-Regione), di filiera (enti-cooperative), di comunità (cittadini).",
            "Three kinds of collaboration: institutional (city-region), supply chain (bodies-cooperatives), community (citizens).",
        ),
    ),
    (
        4,
        1,
        4,
        (
            "Le fondazioni coprono il rischio iniziale che il pubblico non può assumersi.",
            "Foundations cover the start-up risk the public sector cannot take.",
        ),
    ),
    (
        4,
        1,
        10,
        (
            "In Germania i centri di competenza fanno da intermediari tra ministero e Länder.",
            "In Germany competence centres mediate between the ministry and the Länder.",
        ),
    ),
    (
        4,
        2,
        12,
        (
            "Sfida: la rotazione del personale nelle autorità di gestione disperde le competenze.",
            "Challenge: staff turnover in managing authorities scatters know-how.",
        ),
    ),
    (
        4,
        2,
        13,
        (
            "In Polonia il terzo settore rurale fatica a rispondere a bandi complessi.",
            "In Poland the rural third sector struggles with complex calls.",
        ),
    ),
    (
        4,
        3,
        7,
        (
            "L'università può fare valutazione d'impatto indipendente e leggera.",
            "The university can provide independent, lightweight impact evaluation.",
        ),
    ),
    (
        4,
        4,
        9,
        (
            "Il modello delle case del quartiere è trasferibile se c'è un ente che garantisce la continuità.",
            "The neighbourhood-house model travels if one body guarantees continuity.",
        ),
    ),
    (
        4,
        6,
        None,
        (
            "Decisione: ogni NCC porta nel gruppo di lavoro di domani una sfida concreta del proprio paese.",
            "Decision: each NCC brings one concrete challenge from its country to tomorrow's group work.",
        ),
    ),
    (
        4,
        8,
        0,
        (
            "Azione: raccogliere entro il 20 novembre gli indicatori usati dagli NCC.",
            "Action: collect the indicators used by NCCs by 20 November.",
        ),
    ),
    (
        5,
        1,
        4,
        (
            "La fondazione co-finanzia i progetti solo con un impegno pluriennale del Comune.",
            "The foundation co-funds projects only with a multi-year commitment from the City.",
        ),
    ),
    (
        5,
        3,
        4,
        (
            "Fondi rotativi per anticipare i pagamenti FSE+ alle cooperative.",
            "Revolving funds to advance ESF+ payments to cooperatives.",
        ),
    ),
    (
        5,
        7,
        14,
        (
            "Questo schema funziona anche dove non ci sono grandi fondazioni bancarie?",
            "Does this scheme work where there are no large banking foundations?",
        ),
    ),
    (
        6,
        0,
        5,
        (
            "La Casa del Quartiere ospita 40 associazioni: la cooperativa gestisce, il Comune è proprietario.",
            "The Neighbourhood House hosts 40 associations: the cooperative runs it, the City owns it.",
        ),
    ),
    (
        6,
        1,
        6,
        (
            "I residenti sono co-gestori: un comitato decide la programmazione delle attività.",
            "Residents co-manage it: a committee decides the programme of activities.",
        ),
    ),
    (
        6,
        2,
        5,
        (
            "Sfida: la sostenibilità economica dopo la fine del finanziamento FSE+.",
            "Challenge: financial sustainability once ESF+ funding ends.",
        ),
    ),
    (
        6,
        3,
        5,
        (
            "Soluzione: un mix di affitti sociali degli spazi, servizi a pagamento e contributi comunali.",
            "Solution: a mix of social rents for the spaces, paid services and municipal grants.",
        ),
    ),
    (
        6,
        5,
        12,
        (
            "Lo sportello di prossimità intercetta persone che i servizi sociali non raggiungono.",
            "The local help desk reaches people social services do not.",
        ),
    ),
    (
        6,
        4,
        11,
        (
            "In Grecia potremmo partire da spazi scolastici inutilizzati il pomeriggio.",
            "In Greece we could start from school buildings unused in the afternoon.",
        ),
    ),
    (
        7,
        0,
        6,
        (
            "I bagni pubblici sono diventati un presidio di welfare di comunità con docce, lavanderia e sportelli.",
            "The public baths became a community-welfare hub with showers, laundry and help desks.",
        ),
    ),
    (
        7,
        2,
        6,
        (
            "Sfida: misurare l'impatto sociale senza appesantire i volontari.",
            "Challenge: measuring social impact without burdening volunteers.",
        ),
    ),
    (
        8,
        2,
        None,
        (
            "Gruppo 1: la frammentazione dei finanziamenti tra FSE+, FESR e fondi nazionali.",
            "Group 1: funding is fragmented between ESF+, ERDF and national funds.",
        ),
    ),
    (
        8,
        3,
        None,
        (
            "Gruppo 1: un unico sportello regionale per la co-progettazione multi-fondo.",
            "Group 1: one regional desk for multi-fund co-design.",
        ),
    ),
    (
        8,
        2,
        None,
        (
            "Gruppo 2: la fiducia tra pubblico e terzo settore si costruisce lentamente.",
            "Group 2: trust between public bodies and the third sector is slow to build.",
        ),
    ),
    (
        8,
        3,
        None,
        (
            "Gruppo 2: tavoli permanenti di quartiere con verbali pubblici.",
            "Group 2: standing neighbourhood tables with public minutes.",
        ),
    ),
    (
        8,
        3,
        None,
        (
            "Gruppo 3: formazione congiunta per funzionari pubblici e operatori del terzo settore.",
            "Group 3: joint training for civil servants and third-sector workers.",
        ),
    ),
    (
        8,
        6,
        None,
        (
            "Decisione: le tre soluzioni dei gruppi vanno al voto domani mattina.",
            "Decision: the three group solutions go to a vote tomorrow morning.",
        ),
    ),
    (
        9,
        4,
        10,
        (
            "La co-progettazione è trasferibile dove la legge nazionale la consente: verificare caso per caso.",
            "Co-design travels where national law allows it: check case by case.",
        ),
    ),
    (
        9,
        4,
        9,
        (
            "I patti di collaborazione richiedono un regolamento comunale: serve un modello europeo di riferimento.",
            "Collaboration pacts need a municipal regulation: a European reference model would help.",
        ),
    ),
    (
        9,
        4,
        13,
        (
            "Il fondo rotativo può essere gestito anche da una banca pubblica regionale.",
            "The revolving fund can also be managed by a regional public bank.",
        ),
    ),
    (
        9,
        8,
        0,
        (
            "Azione: il Centro di Competenza prepara una scheda di trasferibilità per ogni soluzione.",
            "Action: the Competence Centre drafts a transferability sheet for each solution.",
        ),
    ),
    (
        11,
        6,
        0,
        (
            "Decisione: la comunità di pratica si riunisce online ogni due mesi.",
            "Decision: the community of practice meets online every two months.",
        ),
    ),
    (
        11,
        8,
        3,
        (
            "Azione: PN Metro Plus condivide i modelli di atti per la co-progettazione.",
            "Action: PN Metro Plus shares its templates for co-design acts.",
        ),
    ),
]


def _utc(day: int, hhmm: str, plus_minutes: int = 0) -> dt.datetime:
    local = dt.datetime.combine(START + dt.timedelta(days=day - 1), dt.time.fromisoformat(hhmm))
    local += dt.timedelta(minutes=plus_minutes)
    return (local - VENUE_UTC_OFFSET).replace(tzinfo=dt.UTC)


@contextlib.contextmanager
def write_demo(path: Path | str, language: str = "it") -> Iterator[WorkshopService]:
    """Write the demo workshop to a new file at ``path``; yields the open service."""
    lang = Language(language)
    en = lang is Language.ENGLISH
    svc = WorkshopService.create(
        path,
        "Ecosystem ESF+ SI: a model of collaboration between the main stakeholders"
        if en
        else "Ecosistema FSE+ SI, modello di collaborazione tra le principali parti interessate",
        language=lang,
        organiser="Centro di Competenza europeo per l'Innovazione Sociale",
        place="Torino",
        start_date=START,
        end_date=START + dt.timedelta(days=2),
        template="ecosystem",
        time_zone=VENUE_ZONE,
    )
    try:
        with svc.file.writing():
            _fill(svc, en)
        yield svc
    finally:
        svc.close()


COUNTRIES = {"(EL)": ("Greece", "Grecia"), "(DE)": ("Germany", "Germania"),
             "(FR)": ("France", "Francia"), "(ES)": ("Spain", "Spagna"),
             "(BG)": ("Bulgaria", "Bulgaria")}  # fmt: skip


def _frame(svc: WorkshopService, en: bool, days: list[Any], people: list[int]) -> None:
    """The minutes' frame: status and version, approval, distribution, next meeting;
    participants' country; an apology for absence."""
    from facilitator.services.minutes import MinutesService

    svc.update_workshop(
        minutes_status="draft",
        minutes_version="0.1",
        approval=(
            "The steering group approves the minutes at its next meeting; comments to the "
            "Competence Centre within ten working days."
            if en
            else "Il gruppo di pilotaggio approva il verbale alla riunione successiva; "
            "osservazioni al Centro di Competenza entro dieci giorni lavorativi."
        ),
        distribution="\n".join(
            (
                "Participants of the study visit",
                "ESF+ managing authorities of the partner countries",
                "European Commission, DG EMPL (for information)",
            )
            if en
            else (
                "Partecipanti all'incontro-studio",
                "Autorità di gestione FSE+ dei Paesi partner",
                "Commissione europea, DG EMPL (per conoscenza)",
            )
        ),
        next_meeting=(
            "Online, 15 January 2026, 10:00–12:00 (community of practice)"
            if en
            else "Online, 15 gennaio 2026, 10:00–12:00 (comunità di pratica)"
        ),
    )
    frame = MinutesService(svc)
    for pid in people:
        org = svc.participant(pid).organisation_name
        marker = next((k for k in COUNTRIES if org.endswith(k)), None)
        country = COUNTRIES[marker] if marker else ("Italy", "Italia")
        frame.set_participant_details(pid, country=country[0 if en else 1])
    frame.set_apologies(days[2].id, people[14], True)


def _fill(svc: WorkshopService, en: bool) -> None:
    svc.update_workshop(
        description=(
            "Study meeting for ESF+ bodies and national competence centres: presentations, "
            "project visits and analysis of how local actors collaborate."
            if en
            else "Incontro-studio per gli organismi FSE+ e i Centri nazionali di competenza: "
            "presentazioni, visite ai progetti e analisi delle collaborazioni tra attori locali."
        )
    )
    days = svc.days()
    titles = (
        (
            "Presentations and the Torino ecosystem",
            "Project visits and group work",
            "Transferability and conclusions",
        )
        if en
        else (
            "Presentazioni e l'ecosistema torinese",
            "Visite ai progetti e lavoro di gruppo",
            "Trasferibilità e conclusioni",
        )
    )
    for day, title in zip(days, titles, strict=True):
        svc.update_day(day.id, day.date, title)
    kinds = {name: kind for name, kind in ORGANISATIONS}
    people: list[int] = []
    for name, org, role, email in PEOPLE:
        org_name = ORGANISATIONS[org][0]
        people.append(
            svc.add_participant(name, org_name, role, email, organisation_kind=kinds[org_name])
        )
    for n, day in enumerate(days):
        for i, pid in enumerate(people):
            # one participant leaves after day 2, another arrives on day 2
            present = not ((n == 2 and i == 14) or (n == 0 and i == 13))
            svc.set_present(day.id, pid, present)
    _frame(svc, en, days, people)
    lang = 1 if en else 0
    item_ids: list[int] = []
    for day_no, start, minutes, kind, titles2, location, speakers, description in AGENDA:
        item_ids.append(
            svc.add_item(
                days[day_no - 1].id,
                titles2[lang],
                kind=kind,
                planned_start=dt.time.fromisoformat(start),
                duration_min=minutes,
                location=location[lang],
                description=description[lang],
                speaker_ids=[people[s] for s in speakers],
            )
        )
    # Session summaries, written by the facilitator after the session
    summaries = {
        0: (
            "Gli obiettivi sono condivisi: capire come gli attori torinesi collaborano e che "
            "cosa ogni Centro nazionale di competenza può portare nel proprio Paese.",
            "The aims are shared: understand how Torino's actors work together and what each "
            "national competence centre can take home.",
        ),
        len(AGENDA) - 1: (
            "Tre soluzioni passano alla sperimentazione; la comunità di pratica si riunisce "
            "online ogni due mesi e riparte il 15 gennaio.",
            "Three solutions go on to a pilot; the community of practice meets online every "
            "two months, from 15 January.",
        ),
    }
    for index, texts in summaries.items():
        svc.update_item(item_ids[index], summary=texts[lang])
    # Days 1 and 2 are over: actual times recorded, a little late as usual.
    for index, (day_no, start, minutes, *_rest) in enumerate(AGENDA):
        if day_no <= 2:
            svc.update_item(
                item_ids[index],
                actual_start=_utc(day_no, start, 5),
                actual_end=_utc(day_no, start, 5 + minutes + (10 if index == 4 else 0)),
            )
    categories = svc.categories()
    seen: dict[int, int] = {}
    for item_index, cat_index, speaker, texts in NOTES:
        day_no, start = AGENDA[item_index][0], AGENDA[item_index][1]
        seen[item_index] = seen.get(item_index, 0) + 1
        note = svc.add_note(
            texts[lang],
            category_id=categories[cat_index].id,
            agenda_item_id=item_ids[item_index],
            speaker=PEOPLE[speaker][0] if speaker is not None else "",
            note_taker=PEOPLE[1][0],
            created_at=_utc(day_no, start, 6 + 4 * seen[item_index]),
        )
        if cat_index == 6:
            svc.update_note(note.id, is_decision=True)
    svc.add_action(
        "Collect the impact indicators used by each NCC"
        if en
        else "Raccogliere gli indicatori d'impatto usati da ciascun NCC",
        owner_id=people[0],
        due_date=dt.date(2025, 11, 20),
        agenda_item_id=item_ids[4],
    )
    svc.add_action(
        "Draft a transferability sheet for each solution"
        if en
        else "Preparare una scheda di trasferibilità per ogni soluzione",
        owner_id=people[1],
        due_date=dt.date(2025, 12, 5),
        agenda_item_id=item_ids[9],
    )
    svc.add_action(
        "Share the templates for co-design acts"
        if en
        else "Condividere i modelli di atti per la co-progettazione",
        owner_id=people[3],
        due_date=dt.date(2025, 11, 30),
        agenda_item_id=item_ids[11],
    )
    if importlib.util.find_spec("facilitator.services.demo_organise") is not None:
        module = importlib.import_module("facilitator.services.demo_organise")
        module.add_demo_organise(svc)
