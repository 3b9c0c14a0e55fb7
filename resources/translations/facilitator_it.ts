<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it_IT">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Action item</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(nessuno per ora)</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Entro il</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
</context>
<context>
    <name>ActionsView</name>
    <message>
        <source>Action items</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>New action…</source>
        <translation>Nuova azione…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Only overdue (%1)</source>
        <translation>Solo scadute (%1)</translation>
    </message>
</context>
<context>
    <name>ActorDialog</name>
    <message>
        <source>Actor</source>
        <translation>Attore</translation>
    </message>
    <message>
        <source>New actor</source>
        <translation>Nuovo attore</translation>
    </message>
    <message>
        <source>e.g. orchestrates the local ecosystem</source>
        <translation>es. regia dell'ecosistema locale</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Role in the ecosystem:</source>
        <translation>Ruolo nell'ecosistema:</translation>
    </message>
    <message>
        <source>Contributes:</source>
        <translation>Contribuisce con:</translation>
    </message>
    <message>
        <source>An organisation of the workshop: its name and kind change in People too.</source>
        <translation>Un ente dell'incontro: nome e tipo cambiano anche in Persone.</translation>
    </message>
</context>
<context>
    <name>AgendaEditor</name>
    <message>
        <source>Add item</source>
        <translation>Aggiungi punto</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Elimina punto</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Sposta su</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Sposta giù</translation>
    </message>
    <message>
        <source>Import agenda from CSV…</source>
        <translation>Importa programma da CSV…</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Giorno:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>e.g. a site visit happens elsewhere</source>
        <translation>es. una visita si svolge altrove</translation>
    </message>
    <message>
        <source>What the session concluded: printed first in its minutes</source>
        <translation>Che cosa ha concluso la sessione: compare per primo nel suo verbale</translation>
    </message>
    <message>
        <source>Tick the participants who speak in this item</source>
        <translation>Spunta i partecipanti che intervengono in questo punto</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Start, duration</source>
        <translation>Inizio, durata</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Sintesi della sessione</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Relatori</translation>
    </message>
    <message>
        <source>No items on this day yet.</source>
        <translation>Nessun punto in questo giorno.</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 punto</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 punti</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>dalle %1 alle %2</translation>
    </message>
    <message>
        <source>“%1” overlaps “%2” by %3 min</source>
        <translation>“%1” si sovrappone a “%2” per %3 min</translation>
    </message>
    <message>
        <source>ends at %1</source>
        <translation>finisce alle %1</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nuovo punto</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Overlaps “%1” by %2 min</source>
        <translation>Si sovrappone a “%1” per %2 min</translation>
    </message>
    <message>
        <source>%2 min free after “%1”</source>
        <translation>%2 min liberi dopo “%1”</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Relatori</translation>
    </message>
    <message>
        <source>Outside the agenda</source>
        <translation>Fuori programma</translation>
    </message>
    <message>
        <source>Notes of this day taken outside any agenda item</source>
        <translation>Note della giornata prese fuori da ogni punto del programma</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>Find a person</source>
        <translation>Cerca una persona</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Giorno:</translation>
    </message>
    <message>
        <source>Tick a name (or select it and press Space) to check the person in.</source>
        <translation>Spunta un nome (o selezionalo e premi Spazio) per registrare la presenza.</translation>
    </message>
    <message>
        <source>apologies sent</source>
        <translation>giustificato</translation>
    </message>
    <message>
        <source>Apologies sent</source>
        <translation>Assenza giustificata</translation>
    </message>
    <message>
        <source>The selected absent person sent apologies for this day (in the minutes)</source>
        <translation>La persona assente selezionata ha giustificato l'assenza per questa giornata (nel verbale)</translation>
    </message>
    <message>
        <source>Present %1 of %2</source>
        <translation>Presenti %1 su %2</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Not yet grouped</source>
        <translation>Non ancora raggruppate</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Ingrandisci (Ctrl+rotella)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Riduci (Ctrl+rotella)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Adatta</translation>
    </message>
    <message>
        <source>Show the whole board</source>
        <translation>Mostra tutta la bacheca</translation>
    </message>
    <message>
        <source>Suggest groups</source>
        <translation>Suggerisci gruppi</translation>
    </message>
    <message>
        <source>Propose themes for the visible notes not yet grouped, by shared words</source>
        <translation>Proponi temi per le note visibili non ancora raggruppate, in base alle parole in comune</translation>
    </message>
    <message>
        <source>On the projector</source>
        <translation>Sul proiettore</translation>
    </message>
    <message>
        <source>Show this board in the presenter window</source>
        <translation>Mostra questa bacheca nella finestra del proiettore</translation>
    </message>
    <message>
        <source>Proposed themes: accept or reject each one. Nothing changes until you accept.</source>
        <translation>Temi proposti: accetta o rifiuta ciascuno. Nulla cambia finché non accetti.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accetta</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rifiuta</translation>
    </message>
    <message>
        <source>Rename theme…</source>
        <translation>Rinomina tema…</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>Separa</translation>
    </message>
    <message>
        <source>Out of the theme</source>
        <translation>Fuori dal tema</translation>
    </message>
    <message>
        <source>all days</source>
        <translation>tutti i giorni</translation>
    </message>
    <message>
        <source>all items</source>
        <translation>tutti i punti</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>tutte le categorie</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Giorno %1</translation>
    </message>
    <message>
        <source>Move on the board</source>
        <translation>Sposta sulla bacheca</translation>
    </message>
    <message>
        <source>Add to theme</source>
        <translation>Aggiungi al tema</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>Nuovo tema</translation>
    </message>
    <message>
        <source>Take out of theme</source>
        <translation>Togli dal tema</translation>
    </message>
    <message>
        <source>Rename theme</source>
        <translation>Rinomina tema</translation>
    </message>
    <message>
        <source>Name of the theme:</source>
        <translation>Nome del tema:</translation>
    </message>
    <message>
        <source>Looking for groups…</source>
        <translation>Ricerca dei gruppi…</translation>
    </message>
    <message>
        <source>%1 (%2 notes)</source>
        <translation>%1 (%2 note)</translation>
    </message>
    <message>
        <source>No groups found: too few shared words.</source>
        <translation>Nessun gruppo trovato: troppo poche parole in comune.</translation>
    </message>
</context>
<context>
    <name>CategoriesEditor</name>
    <message>
        <source>Add category</source>
        <translation>Aggiungi categoria</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Colore…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Sposta su</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Sposta giù</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Add from template</source>
        <translation>Aggiungi dal modello</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modello:</translation>
    </message>
    <message>
        <source>Double-click a name or a shortcut to change it. In the Live view, Ctrl+1…9 chooses the category in this order; its shortcut letter works too.</source>
        <translation>Fai doppio clic su un nome o su una scorciatoia per cambiarli. Nella vista Live, Ctrl+1…9 sceglie la categoria in quest'ordine; funziona anche la sua lettera di scorciatoia.</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Nuova categoria</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colore</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Scorciatoia</translation>
    </message>
</context>
<context>
    <name>CategoryDelegate</name>
    <message>
        <source>(no category)</source>
        <translation>(nessuna categoria)</translation>
    </message>
</context>
<context>
    <name>ConflictReview</name>
    <message>
        <source>open</source>
        <translation>aperta</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>chiusa</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
    <message>
        <source>Poll “%1”: closed on one laptop, open on the other</source>
        <translation>Votazione «%1»: chiusa su un portatile, aperta sull'altro</translation>
    </message>
    <message>
        <source>Deleted on one laptop, kept on the other: “%1”</source>
        <translation>Eliminato su un portatile, tenuto sull'altro: «%1»</translation>
    </message>
    <message>
        <source>“%1” or “%2”</source>
        <translation>«%1» oppure «%2»</translation>
    </message>
    <message>
        <source>resolved %1</source>
        <translation>risolto il %1</translation>
    </message>
    <message>
        <source>Poll “%1” · now %2 · ballots: %3</source>
        <translation>Votazione «%1» · ora %2 · schede: %3</translation>
    </message>
    <message>
        <source>no agenda item</source>
        <translation>nessun punto dell'agenda</translation>
    </message>
    <message>
        <source>category: %1</source>
        <translation>categoria: %1</translation>
    </message>
    <message>
        <source>speaker: %1</source>
        <translation>intervento di: %1</translation>
    </message>
    <message>
        <source>note-taker: %1</source>
        <translation>verbalizza: %1</translation>
    </message>
    <message>
        <source>the note is deleted now</source>
        <translation>l'appunto ora è eliminato</translation>
    </message>
    <message>
        <source>This workshop: the poll is %1</source>
        <translation>In questo workshop la votazione è %1</translation>
    </message>
    <message>
        <source>In the note now (the later edit, by %1)</source>
        <translation>Nell'appunto ora (la modifica più recente, di %1)</translation>
    </message>
    <message>
        <source>In the note now · changed %1</source>
        <translation>Nell'appunto ora · modificato il %1</translation>
    </message>
    <message>
        <source>The other laptop (%1): the poll was %2</source>
        <translation>L'altro portatile (%1): la votazione era %2</translation>
    </message>
    <message>
        <source>%1 deleted the note at %2; it had seen:</source>
        <translation>%1 ha eliminato l'appunto il %2; aveva visto:</translation>
    </message>
    <message>
        <source>Deleted here before %1's edit arrived at %2:</source>
        <translation>Eliminato qui prima che arrivasse la modifica di %1 (%2):</translation>
    </message>
    <message>
        <source>The text before %1's edit arrived at %2</source>
        <translation>Il testo prima che arrivasse la modifica di %1 (%2)</translation>
    </message>
    <message>
        <source>The other version, from %1 · changed %2</source>
        <translation>L'altra versione, da %1 · modificata il %2</translation>
    </message>
    <message>
        <source>Review conflicts</source>
        <translation>Conflitti da rivedere</translation>
    </message>
    <message>
        <source>These were changed on two laptops. Each note keeps the later text until you choose; the other version is kept here. Every choice can be undone (Ctrl+Z).</source>
        <translation>Questi appunti sono stati modificati su due portatili. Ogni appunto tiene il testo più recente finché non scegli; l'altra versione è conservata qui. Ogni scelta si può annullare (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Tieni questa versione</translation>
    </message>
    <message>
        <source>%1 conflicts wait for your decision (notes changed on both laptops, polls closed on one). Review them now?</source>
        <translation>%1 conflitti aspettano una tua decisione (appunti modificati su entrambi i portatili, votazioni chiuse su uno solo). Vuoi rivederli ora?</translation>
    </message>
    <message>
        <source>Keep the other</source>
        <translation>Tieni l'altra</translation>
    </message>
    <message>
        <source>Keep both (a second note)</source>
        <translation>Tienile entrambe (un secondo appunto)</translation>
    </message>
    <message>
        <source>Keep the poll closed</source>
        <translation>Tieni chiusa la votazione</translation>
    </message>
    <message>
        <source>Keep the poll open</source>
        <translation>Tieni aperta la votazione</translation>
    </message>
    <message>
        <source>Or write one text from both:</source>
        <translation>Oppure scrivi un solo testo da entrambe:</translation>
    </message>
    <message>
        <source>Save the combined text</source>
        <translation>Salva il testo unito</translation>
    </message>
    <message>
        <source>Show resolved conflicts too</source>
        <translation>Mostra anche i conflitti risolti</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>Nessun conflitto da rivedere.</translation>
    </message>
    <message>
        <source>Delete the note</source>
        <translation>Elimina l'appunto</translation>
    </message>
    <message>
        <source>Keep the note</source>
        <translation>Tieni l'appunto</translation>
    </message>
    <message>
        <source>Resolved %1.</source>
        <translation>Risolto il %1.</translation>
    </message>
    <message>
        <source>Keep this version of a note</source>
        <translation>Tieni questa versione di un appunto</translation>
    </message>
    <message>
        <source>Keep the other version of a note</source>
        <translation>Tieni l'altra versione di un appunto</translation>
    </message>
    <message>
        <source>Keep both versions of a note</source>
        <translation>Tieni entrambe le versioni di un appunto</translation>
    </message>
    <message>
        <source>Combine two versions of a note</source>
        <translation>Unisci due versioni di un appunto</translation>
    </message>
    <message>
        <source>open on another laptop when merged: kept open</source>
        <translation>aperta su un altro portatile all'unione dei file: tenuta aperta</translation>
    </message>
    <message>
        <source>1 conflict to review</source>
        <translation>1 conflitto da rivedere</translation>
    </message>
    <message>
        <source>%1 conflicts to review</source>
        <translation>%1 conflitti da rivedere</translation>
    </message>
    <message>
        <source>Notes changed on two laptops: click to review them</source>
        <translation>Appunti modificati su due portatili: fai clic per rivederli</translation>
    </message>
    <message>
        <source>Resolve a conflict</source>
        <translation>Risolvi un conflitto</translation>
    </message>
</context>
<context>
    <name>DetailsView</name>
    <message>
        <source>Choose an image (PNG or JPEG)</source>
        <translation>Scegli un'immagine (PNG o JPEG)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Immagini (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The language of the workshop's category names and reports</source>
        <translation>La lingua dei nomi delle categorie e dei verbali del workshop</translation>
    </message>
    <message>
        <source>The venue's time zone: every time on screen and in the minutes is shown in it</source>
        <translation>Il fuso orario della sede: ogni orario sullo schermo e nel verbale è indicato in questo fuso</translation>
    </message>
    <message>
        <source>Dates known</source>
        <translation>Date note</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizzatore</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuso orario</translation>
    </message>
    <message>
        <source>From, to</source>
        <translation>Dal, al</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>e.g. Site visits</source>
        <translation>es. Visite ai progetti</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Aggiungi giorno</translation>
    </message>
    <message>
        <source>Delete day</source>
        <translation>Elimina giorno</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Giorni</translation>
    </message>
    <message>
        <source>Title of the day</source>
        <translation>Titolo del giorno</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Definitivo</translation>
    </message>
    <message>
        <source>the note-takers</source>
        <translation>i verbalizzanti</translation>
    </message>
    <message>
        <source>One recipient per line</source>
        <translation>Un destinatario per riga</translation>
    </message>
    <message>
        <source>Logo…</source>
        <translation>Logo…</translation>
    </message>
    <message>
        <source>EU emblem…</source>
        <translation>Emblema UE…</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Verbale</translation>
    </message>
    <message>
        <source>Status, version</source>
        <translation>Stato, versione</translation>
    </message>
    <message>
        <source>Drafted by</source>
        <translation>Redatto da</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approvazione</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribuzione</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Prossimo incontro</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Immagini</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>EU emblem</source>
        <translation>Emblema UE</translation>
    </message>
</context>
<context>
    <name>ExportMinutesDialog</name>
    <message>
        <source>Export minutes</source>
        <translation>Esporta il verbale</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Giornata %1</translation>
    </message>
    <message>
        <source>Whole event (full report)</source>
        <translation>Intero evento (resoconto completo)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Letter (USA)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Minutes of:</source>
        <translation>Verbale di:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Formato carta:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Salva come:</translation>
    </message>
    <message>
        <source>The report language follows the workshop; you may choose the other one.</source>
        <translation>La lingua del verbale è quella dell’incontro; si può scegliere l’altra.</translation>
    </message>
    <message>
        <source>Times are in the venue's time zone, %1.</source>
        <translation>Gli orari sono nel fuso orario della sede, %1.</translation>
    </message>
    <message>
        <source>Times are in this computer's time zone.</source>
        <translation>Gli orari sono nel fuso orario di questo computer.</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Esporta PDF</translation>
    </message>
    <message>
        <source>Choose the file to save the minutes to.</source>
        <translation>Scegli il file in cui salvare il verbale.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>La cartella «%1» non esiste.</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Scrittura del PDF in corso…</translation>
    </message>
    <message>
        <source>“%1” is the workshop file itself: choose another name.</source>
        <translation>«%1» è il file del workshop stesso: scegli un altro nome.</translation>
    </message>
    <message>
        <source>“%1” is a database (another workshop?): it will not be overwritten. Choose another name.</source>
        <translation>«%1» è un database (un altro workshop?): non verrà sovrascritto. Scegli un altro nome.</translation>
    </message>
    <message>
        <source>Saved “%1” (%2 pages).</source>
        <translation>Salvato «%1» (%2 pagine).</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>Non è stato possibile scrivere il PDF.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import participants</source>
        <translation>Importa partecipanti</translation>
    </message>
    <message>
        <source>Import agenda</source>
        <translation>Importa programma</translation>
    </message>
    <message>
        <source>%1: %2, %3-separated, %4 rows</source>
        <translation>%1: %2, separato da %3, %4 righe</translation>
    </message>
    <message>
        <source>Columns: what each column of the file holds</source>
        <translation>Colonne: che cosa contiene ogni colonna del file</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonna nel file</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Primo valore</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Importata come</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(senza nome)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Relatori</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Voce</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Cells in the file</source>
        <translation>Celle nel file</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>not found: %1</source>
        <translation>non trovati: %1</translation>
    </message>
    <message>
        <source>To import (%1)</source>
        <translation>Da importare (%1)</translation>
    </message>
    <message>
        <source>Duplicates (%1)</source>
        <translation>Duplicati (%1)</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Scartate (%1)</translation>
    </message>
    <message>
        <source>Import 1 row</source>
        <translation>Importa 1 riga</translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation>Importa %1 righe</translation>
    </message>
    <message>
        <source>1 day will be added to the workshop.</source>
        <translation>Verrà aggiunto 1 giorno al workshop.</translation>
    </message>
    <message>
        <source>%1 days will be added to the workshop.</source>
        <translation>Verranno aggiunti %1 giorni al workshop.</translation>
    </message>
    <message>
        <source>Only the rows in “To import” are imported; duplicates and rejected rows are left out. If anything fails while writing, nothing is imported.</source>
        <translation>Vengono importate solo le righe in «Da importare»; duplicati e righe scartate restano fuori. Se qualcosa va storto durante la scrittura, non viene importato nulla.</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join a room</source>
        <translation>Entra in una sala</translation>
    </message>
    <message>
        <source>Type the address and the note-takers' code shown on the facilitator's screen. Your notes are saved on this laptop first, then sent to the room.</source>
        <translation>Scrivi l'indirizzo e il codice per chi verbalizza che vedi sullo schermo del facilitatore. Le tue note sono salvate prima su questo portatile, poi inviate alla sala.</translation>
    </message>
    <message>
        <source>linked copy.workshop</source>
        <translation>copia collegata.workshop</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Room address:</source>
        <translation>Indirizzo della sala:</translation>
    </message>
    <message>
        <source>Note-takers' code:</source>
        <translation>Codice per chi verbalizza:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Il tuo nome:</translation>
    </message>
    <message>
        <source>Keep the copy in:</source>
        <translation>Salva la copia in:</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Entra</translation>
    </message>
    <message>
        <source>Keep the linked copy in</source>
        <translation>Salva la copia collegata in</translation>
    </message>
    <message>
        <source>Type the room's address, for example 192.168.1.20:8765.</source>
        <translation>Scrivi l'indirizzo della sala, per esempio 192.168.1.20:8765.</translation>
    </message>
    <message>
        <source>Type the note-takers' code shown on the facilitator's screen.</source>
        <translation>Scrivi il codice per chi verbalizza mostrato sullo schermo del facilitatore.</translation>
    </message>
    <message>
        <source>Type your name: it is shown with your notes.</source>
        <translation>Scrivi il tuo nome: compare accanto alle tue note.</translation>
    </message>
    <message>
        <source>Choose where to keep the copy.</source>
        <translation>Scegli dove salvare la copia.</translation>
    </message>
    <message>
        <source>That file already exists: choose another name.</source>
        <translation>Quel file esiste già: scegli un altro nome.</translation>
    </message>
    <message>
        <source>That folder does not exist.</source>
        <translation>Quella cartella non esiste.</translation>
    </message>
</context>
<context>
    <name>LinkEvidenceDialog</name>
    <message>
        <source>Evidence for a relation</source>
        <translation>Evidenza di una relazione</translation>
    </message>
    <message>
        <source>Filter by actor or type</source>
        <translation>Filtra per attore o tipo</translation>
    </message>
    <message>
        <source>New relation…</source>
        <translation>Nuova relazione…</translation>
    </message>
</context>
<context>
    <name>LinkedStatus</name>
    <message>
        <source>Connected to the room</source>
        <translation>Collegato alla sala</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Non in linea</translation>
    </message>
    <message>
        <source>1 note waiting to be sent</source>
        <translation>1 nota da inviare</translation>
    </message>
    <message>
        <source>%1 notes waiting to be sent</source>
        <translation>%1 note da inviare</translation>
    </message>
    <message>
        <source>every note sent</source>
        <translation>tutte le note inviate</translation>
    </message>
    <message>
        <source>Linked copy of the room at %1</source>
        <translation>Copia collegata alla sala su %1</translation>
    </message>
    <message>
        <source>%1 notes refused by the room</source>
        <translation>%1 note rifiutate dalla sala</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>Day:</source>
        <translation>Giorno:</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>Chi parla:</translation>
    </message>
    <message>
        <source>who is speaking (Ctrl+K)</source>
        <translation>chi sta parlando (Ctrl+K)</translation>
    </message>
    <message>
        <source>Question for the room:</source>
        <translation>Domanda per la sala:</translation>
    </message>
    <message>
        <source>shown on the presenter window (F5)</source>
        <translation>mostrata nella finestra del presentatore (F5)</translation>
    </message>
    <message>
        <source>Type a note and press Enter. Shift+Enter: new line. Ctrl+1…9 or “s: …”: category.</source>
        <translation>Scrivi una nota e premi Invio. Maiusc+Invio: a capo. Ctrl+1…9 o “s: …”: categoria.</translation>
    </message>
    <message>
        <source>Enter saves the note (it is on disk at once); Shift+Enter starts a new line.
Ctrl+1 … Ctrl+9 choose a category, Ctrl+0 none.
Or start with the category letter and a colon or slash, e.g. “s: text”.
Unsent text is kept as a draft, even after a crash.</source>
        <translation>Invio salva la nota (è subito su disco); Maiusc+Invio va a capo.
Ctrl+1 … Ctrl+9 scelgono una categoria, Ctrl+0 nessuna.
Oppure inizia con la lettera della categoria e due punti o barra, es. “s: testo”.
Il testo non inviato resta come bozza, anche dopo un arresto anomalo.</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Elimina nota</translation>
    </message>
    <message>
        <source>Pause or resume the timer (F7)</source>
        <translation>Metti in pausa o riprendi il timer (F7)</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5 min</translation>
    </message>
    <message>
        <source>Give the current item five more minutes (F8)</source>
        <translation>Dai cinque minuti in più al punto in corso (F8)</translation>
    </message>
    <message>
        <source>This file is open read-only: no new notes.</source>
        <translation>Il file è aperto in sola lettura: niente nuove note.</translation>
    </message>
    <message>
        <source>Make the action note an action item</source>
        <translation>Trasforma la nota di azione in un'azione</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Giorno %1</translation>
    </message>
    <message>
        <source>Outside the agenda</source>
        <translation>Fuori programma</translation>
    </message>
    <message>
        <source>No agenda item yet: add the day's programme in the Plan view.</source>
        <translation>Ancora nessun punto: aggiungi il programma della giornata nella vista Pianificazione.</translation>
    </message>
    <message>
        <source>Notes of this day taken outside any agenda item</source>
        <translation>Note della giornata prese fuori da ogni punto del programma</translation>
    </message>
    <message>
        <source>add the day's programme in the Plan view</source>
        <translation>aggiungi il programma della giornata nella vista Pianificazione</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Selected (next)</source>
        <translation>Selezionato (a seguire)</translation>
    </message>
    <message>
        <source>Running now: %1</source>
        <translation>In corso: %1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Avvia</translation>
    </message>
    <message>
        <source>Record the end of this item (F6)</source>
        <translation>Registra la fine di questo punto (F6)</translation>
    </message>
    <message>
        <source>Record the start of this item and start its timer (F6)</source>
        <translation>Registra l'inizio di questo punto e avvia il timer (F6)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Resume the timer of “%1” (F7)</source>
        <translation>Riprendi il timer di “%1” (F7)</translation>
    </message>
    <message>
        <source>Start item</source>
        <translation>Avvia punto</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>non iniziato</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>tempo rimasto</translation>
    </message>
    <message>
        <source>time left — 20% of the timebox</source>
        <translation>tempo rimasto — 20% del tempo previsto</translation>
    </message>
    <message>
        <source>time left — almost over</source>
        <translation>tempo rimasto — quasi finito</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>fuori tempo</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>in pausa</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Nessuna categoria</translation>
    </message>
    <message>
        <source>Pinned: %1</source>
        <translation>Fissata: %1</translation>
    </message>
    <message>
        <source>no category</source>
        <translation>nessuna categoria</translation>
    </message>
    <message>
        <source>Every note gets this category until you unpin it (Ctrl+Shift+P)</source>
        <translation>Ogni nota riceve questa categoria finché non la sblocchi (Ctrl+Maiusc+P)</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fissa</translation>
    </message>
    <message>
        <source>The category applies to the next note only; pin it to keep it for the following notes (Ctrl+Shift+P)</source>
        <translation>La categoria vale solo per la prossima nota; fissala per tenerla anche per le note seguenti (Ctrl+Maiusc+P)</translation>
    </message>
    <message>
        <source>Pin the category</source>
        <translation>Fissa la categoria</translation>
    </message>
    <message>
        <source>Category of the next note only: Ctrl+1…9, or type its letter and “:”</source>
        <translation>Categoria della sola prossima nota: Ctrl+1…9, oppure digita la sua lettera e “:”</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Categoria: %1</translation>
    </message>
    <message>
        <source>Letters: %1</source>
        <translation>Lettere: %1</translation>
    </message>
    <message>
        <source>Note-taker: %1</source>
        <translation>Note di: %1</translation>
    </message>
    <message>
        <source>Note-taker: (no name)</source>
        <translation>Note di: (nessun nome)</translation>
    </message>
    <message>
        <source>Set your name in Settings: it is saved with each note.</source>
        <translation>Imposta il tuo nome nelle Impostazioni: viene salvato con ogni nota.</translation>
    </message>
    <message>
        <source>Action note saved. Ctrl+Shift+A: make it an action item (owner, due date).</source>
        <translation>Nota di azione salvata. Ctrl+Maiusc+A: trasformala in un'azione (responsabile, scadenza).</translation>
    </message>
    <message>
        <source>Delete %1 notes</source>
        <translation>Elimina %1 note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>READ-ONLY</source>
        <translation>SOLA LETTURA</translation>
    </message>
    <message>
        <source>This file is open read-only: you can look and search, not change it.</source>
        <translation>Il file è aperto in sola lettura: puoi consultarlo e cercare, non modificarlo.</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>[read-only]</source>
        <translation>[sola lettura]</translation>
    </message>
    <message>
        <source>The file itself is marked read-only.</source>
        <translation>Il file stesso è contrassegnato come di sola lettura.</translation>
    </message>
    <message>
        <source>Its folder is read-only: Facilitator cannot keep its working files next to it. Copy it to a folder you can write to, to change it.</source>
        <translation>La sua cartella è di sola lettura: Facilitator non può tenere accanto i suoi file di lavoro. Copialo in una cartella in cui puoi scrivere, per modificarlo.</translation>
    </message>
    <message>
        <source>It is on a network share, where locks cannot be trusted (two laptops could write it at once). Copy it to this computer to change it.</source>
        <translation>Si trova su una cartella di rete, dove i blocchi non sono affidabili (due portatili potrebbero scriverci insieme). Copialo su questo computer per modificarlo.</translation>
    </message>
    <message>
        <source>Its disk cannot lock it against a second writer. Copy it to this computer to change it.</source>
        <translation>Il suo disco non può bloccarlo contro un secondo programma che scrive. Copialo su questo computer per modificarlo.</translation>
    </message>
    <message>
        <source>Rescued into %1; the damaged file was not changed.</source>
        <translation>Recuperato in %1; il file danneggiato non è stato modificato.</translation>
    </message>
    <message>
        <source>Open workshop</source>
        <translation>Apri workshop</translation>
    </message>
    <message>
        <source>Workshops (*.workshop);;All files (*)</source>
        <translation>Workshop (*.workshop);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Save the new workshop as</source>
        <translation>Salva il nuovo workshop come</translation>
    </message>
    <message>
        <source>Workshops (*.workshop)</source>
        <translation>Workshop (*.workshop)</translation>
    </message>
    <message>
        <source>Choose a new file name: “%1” already exists.</source>
        <translation>Scegli un altro nome: “%1” esiste già.</translation>
    </message>
    <message>
        <source>Facilitator demo</source>
        <translation>Facilitator demo</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Salva una copia come</translation>
    </message>
    <message>
        <source>A copy was saved to %1</source>
        <translation>Copia salvata in %1</translation>
    </message>
    <message>
        <source>The automatic snapshot failed: %1</source>
        <translation>L'istantanea automatica non è riuscita: %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Pianificazione</translation>
    </message>
    <message>
        <source>Themes and solutions</source>
        <translation>Temi e soluzioni</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Votazioni</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <source>No recent workshops</source>
        <translation>Nessun workshop recente</translation>
    </message>
    <message>
        <source>Timer: %1</source>
        <translation>Timer: %1</translation>
    </message>
    <message>
        <source>About Facilitator</source>
        <translation>Informazioni su Facilitator</translation>
    </message>
    <message>
        <source>Facilitator %1 — run multi-day workshops offline, from one file.</source>
        <translation>Facilitator %1 — gestisci workshop di più giorni offline, da un solo file.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Add actor…</source>
        <translation>Aggiungi attore…</translation>
    </message>
    <message>
        <source>An actor that did not attend (a ministry, a foundation)</source>
        <translation>Un attore non presente all'incontro (un ministero, una fondazione)</translation>
    </message>
    <message>
        <source>Add relation…</source>
        <translation>Aggiungi relazione…</translation>
    </message>
    <message>
        <source>Relation types</source>
        <translation>Tipi di relazione</translation>
    </message>
    <message>
        <source>Actor kinds</source>
        <translation>Tipi di attore</translation>
    </message>
    <message>
        <source>Focus:</source>
        <translation>Primo piano:</translation>
    </message>
    <message>
        <source>Lay out again</source>
        <translation>Ridisponi</translation>
    </message>
    <message>
        <source>Place every actor by the automatic layout (undo puts them back)</source>
        <translation>Dispone tutti gli attori con il layout automatico (Annulla li rimette dov'erano)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Adatta</translation>
    </message>
    <message>
        <source>On the projector</source>
        <translation>Sul proiettore</translation>
    </message>
    <message>
        <source>Show the map in the presenter window, with these filters and focus (F5)</source>
        <translation>Mostra la mappa nella finestra del relatore, con questi filtri e questo primo piano (F5)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>GraphML (Gephi, yEd, networkx)…</source>
        <translation>GraphML (Gephi, yEd, networkx)…</translation>
    </message>
    <message>
        <source>Nodes and edges, CSV (Gephi, Kumu)…</source>
        <translation>Nodi e archi, CSV (Gephi, Kumu)…</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analisi</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relazioni</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relazione</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Intensità</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Salvato «%1».</translation>
    </message>
    <message>
        <source>Saved nodes.csv and edges.csv in “%1”.</source>
        <translation>Salvati nodes.csv ed edges.csv in «%1».</translation>
    </message>
    <message>
        <source>The map could not be written: %1</source>
        <translation>Non è stato possibile scrivere la mappa: %1</translation>
    </message>
    <message>
        <source>“%1” is the workshop file itself: choose another name.</source>
        <translation>«%1» è il file del workshop stesso: scegli un altro nome.</translation>
    </message>
    <message>
        <source>“%1” is a database (another workshop?): it will not be overwritten. Choose another name.</source>
        <translation>«%1» è un database (un altro workshop?): non verrà sovrascritto. Scegli un altro nome.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>La cartella «%1» non esiste.</translation>
    </message>
    <message>
        <source>“%1” is a file: choose a folder for the CSV files.</source>
        <translation>«%1» è un file: scegli una cartella per i file CSV.</translation>
    </message>
    <message>
        <source>“%1” cannot be written: choose another name.</source>
        <translation>«%1» non si può scrivere: scegli un altro nome.</translation>
    </message>
    <message>
        <source>Delete from the map</source>
        <translation>Elimina dalla mappa</translation>
    </message>
    <message>
        <source>Edit actor…</source>
        <translation>Modifica attore…</translation>
    </message>
    <message>
        <source>Focus on this actor</source>
        <translation>Metti in primo piano questo attore</translation>
    </message>
    <message>
        <source>New relation from here…</source>
        <translation>Nuova relazione da qui…</translation>
    </message>
    <message>
        <source>Delete actor</source>
        <translation>Elimina attore</translation>
    </message>
    <message>
        <source>Edit relation…</source>
        <translation>Modifica relazione…</translation>
    </message>
    <message>
        <source>Delete relation</source>
        <translation>Elimina relazione</translation>
    </message>
    <message>
        <source>Show everyone</source>
        <translation>Mostra tutti</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>Larger discs have more partners; thicker lines are stronger relations; arrows show a direction; a dashed rim marks an actor that did not attend.</source>
        <translation>I cerchi più grandi hanno più partner; le linee più spesse sono relazioni più intense; le frecce indicano una direzione; un bordo tratteggiato indica un attore non presente.</translation>
    </message>
    <message>
        <source>%1 actors, %2 relations.</source>
        <translation>%1 attori, %2 relazioni.</translation>
    </message>
    <message>
        <source>Most connected</source>
        <translation>I più collegati</translation>
    </message>
    <message>
        <source>Degree: how many different actors each one has a relation with. The most connected hold the ecosystem together.</source>
        <translation>Grado: con quanti attori diversi ciascuno ha una relazione. I più collegati tengono insieme l'ecosistema.</translation>
    </message>
    <message>
        <source>%1: %2 partners</source>
        <translation>%1: %2 partner</translation>
    </message>
    <message>
        <source>Who brokers</source>
        <translation>Chi fa da ponte</translation>
    </message>
    <message>
        <source>Betweenness: the share of shortest paths between two other actors that pass through this one. A broker links actors that would otherwise lose touch.</source>
        <translation>Intermediazione (betweenness): la quota dei percorsi più brevi tra due altri attori che passa da questo. Chi fa da ponte collega attori che altrimenti perderebbero il contatto.</translation>
    </message>
    <message>
        <source>Groups and isolated actors</source>
        <translation>Gruppi e attori isolati</translation>
    </message>
    <message>
        <source>Components: groups of actors linked to each other directly or through others. An isolated actor has no recorded relation with anyone.</source>
        <translation>Componenti: gruppi di attori collegati direttamente o tramite altri. Un attore isolato non ha alcuna relazione registrata.</translation>
    </message>
    <message>
        <source>Group of %1: %2</source>
        <translation>Gruppo di %1: %2</translation>
    </message>
    <message>
        <source>Main group: %1 of %2 actors</source>
        <translation>Gruppo principale: %1 attori su %2</translation>
    </message>
    <message>
        <source>Isolated: %1</source>
        <translation>Isolati: %1</translation>
    </message>
    <message>
        <source>Collaboration between kinds</source>
        <translation>Collaborazioni tra tipi di attori</translation>
    </message>
    <message>
        <source>How many relations link each pair of actor kinds. Empty cells are collaborations the map does not show (yet).</source>
        <translation>Quante relazioni collegano ogni coppia di tipi di attori. Le caselle vuote sono collaborazioni che la mappa non mostra (ancora).</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Contributi</translation>
    </message>
    <message>
        <source>Export the map</source>
        <translation>Esporta la mappa</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Workshop details</source>
        <translation>Dati del workshop</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Enti</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Giornate</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Punti dell'agenda</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Appunti</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temi</translation>
    </message>
    <message>
        <source>Solutions</source>
        <translation>Soluzioni</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Votazioni</translation>
    </message>
    <message>
        <source>Ballots</source>
        <translation>Schede di voto</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenze</translation>
    </message>
    <message>
        <source>A note's text was changed on both laptops: both versions are kept for review.</source>
        <translation>Il testo di un appunto è stato cambiato su entrambi i portatili: si tengono le due versioni da rivedere.</translation>
    </message>
    <message>
        <source>%1: deleted on one laptop, edited on the other: kept (an edit beats a delete).</source>
        <translation>%1: eliminato su un portatile, modificato sull'altro: si tiene (una modifica prevale su un'eliminazione).</translation>
    </message>
    <message>
        <source>A poll is closed on one laptop and open on the other: check it in Organise.</source>
        <translation>Una votazione è chiusa su un portatile e aperta sull'altro: controllala in Organizza.</translation>
    </message>
    <message>
        <source>%1: “%2” changed on both laptops: the later change is kept.</source>
        <translation>%1: «%2» cambiato su entrambi i portatili: si tiene la modifica più recente.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titolo</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>colore</translation>
    </message>
    <message>
        <source>shortcut</source>
        <translation>scorciatoia</translation>
    </message>
    <message>
        <source>order</source>
        <translation>ordine</translation>
    </message>
    <message>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoria</translation>
    </message>
    <message>
        <source>agenda item</source>
        <translation>punto dell'agenda</translation>
    </message>
    <message>
        <source>Merge another workshop file</source>
        <translation>Unisci un altro file di workshop</translation>
    </message>
    <message>
        <source>Merge “%1” (%2) into this workshop: %3 new, %4 changed, %5 in conflict.</source>
        <translation>Unisci «%1» (%2) a questo workshop: %3 nuovi, %4 cambiati, %5 in conflitto.</translation>
    </message>
    <message>
        <source>It is added as a second workshop: nothing is matched.</source>
        <translation>Viene aggiunto come secondo workshop: nulla viene abbinato.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovi</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Cambiati</translation>
    </message>
    <message>
        <source>In conflict</source>
        <translation>In conflitto</translation>
    </message>
    <message>
        <source>Matched by name or date (created on both laptops):</source>
        <translation>Abbinati per nome o data (creati su entrambi i portatili):</translation>
    </message>
    <message>
        <source>Conflicts and how they are resolved:</source>
        <translation>Conflitti e come vengono risolti:</translation>
    </message>
    <message>
        <source>A snapshot of this workshop is kept first (File › Restore from snapshot…). The other file is not changed.</source>
        <translation>Prima viene conservata un'istantanea di questo workshop (File › Ripristina da un'istantanea…). L'altro file non viene modificato.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unisci</translation>
    </message>
    <message>
        <source>This workshop already has everything in “%1”.</source>
        <translation>Questo workshop ha già tutto il contenuto di «%1».</translation>
    </message>
    <message>
        <source>Workshop files (*.workshop);;All files (*)</source>
        <translation>File di workshop (*.workshop);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>This file is another workshop, not a copy of this one. Add all of it to this workshop as a second workshop (nothing is matched)?</source>
        <translation>Questo file è un altro workshop, non una copia di questo. Aggiungerlo tutto a questo workshop come secondo workshop (senza abbinare nulla)?</translation>
    </message>
    <message>
        <source>&amp;Merge another workshop file…</source>
        <extracomment>The projector (presenter window, preview, room panel) is built this long after a workshop opens, off the first paint; F5, the panel or the room build it at once.</extracomment>
        <translation>&amp;Unisci un altro file di workshop…</translation>
    </message>
</context>
<context>
    <name>NewWorkshopDialog</name>
    <message>
        <source>New workshop</source>
        <translation>Nuovo workshop</translation>
    </message>
    <message>
        <source>Ecosystem analysis</source>
        <translation>Analisi dell'ecosistema</translation>
    </message>
    <message>
        <source>Retrospective</source>
        <translation>Retrospettiva</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>Generico</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titolo:</translation>
    </message>
    <message>
        <source>First day:</source>
        <translation>Primo giorno:</translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation>Ultimo giorno:</translation>
    </message>
    <message>
        <source>Language of the notes:</source>
        <translation>Lingua delle note:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Luogo:</translation>
    </message>
    <message>
        <source>Organiser:</source>
        <translation>Organizzatore:</translation>
    </message>
    <message>
        <source>Note categories:</source>
        <translation>Categorie delle note:</translation>
    </message>
    <message>
        <source>Please give the workshop a title.</source>
        <translation>Dai un titolo al workshop.</translation>
    </message>
    <message>
        <source>The last day cannot come before the first.</source>
        <translation>L'ultimo giorno non può precedere il primo.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Chi parla</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Taken by %1</source>
        <translation>Presa da %1</translation>
    </message>
</context>
<context>
    <name>OpenRoomDialog</name>
    <message>
        <source>Open the room</source>
        <translation>Apri la sala</translation>
    </message>
    <message>
        <source>local network</source>
        <translation>rete locale</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>solo questo computer</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>una porta libera</translation>
    </message>
    <message>
        <source>optional: a QR code to join the Wi-Fi</source>
        <translation>facoltativo: un codice QR per collegarsi al Wi-Fi</translation>
    </message>
    <message>
        <source>Anonymous phones</source>
        <translation>Telefoni anonimi</translation>
    </message>
    <message>
        <source>Ask phones for a name</source>
        <translation>Chiedi un nome ai telefoni</translation>
    </message>
    <message>
        <source>Phones pick a name from the participant list and type its join code</source>
        <translation>I telefoni scelgono un nome dall'elenco dei partecipanti e scrivono il suo codice</translation>
    </message>
    <message>
        <source>Add participants in Plan first.</source>
        <translation>Prima aggiungi i partecipanti in Pianificazione.</translation>
    </message>
    <message>
        <source>%1 participants; only they can vote (print their codes first).</source>
        <translation>%1 partecipanti; votano solo loro (prima stampa i loro codici).</translation>
    </message>
    <message>
        <source>%1 without a code get one now.</source>
        <translation>%1 senza codice lo ricevono ora.</translation>
    </message>
    <message>
        <source>Phones:</source>
        <translation>Telefoni:</translation>
    </message>
    <message>
        <source>This computer is on no local network: only this computer can join. Connect to the venue Wi-Fi, a travel router or your hotspot first.</source>
        <translation>Questo computer non è in nessuna rete locale: può partecipare solo questo computer. Collegati prima al Wi-Fi della sede, a un router da viaggio o al tuo hotspot.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Indirizzo:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Porta:</translation>
    </message>
    <message>
        <source>Wi-Fi name:</source>
        <translation>Nome del Wi-Fi:</translation>
    </message>
    <message>
        <source>Wi-Fi password:</source>
        <translation>Password del Wi-Fi:</translation>
    </message>
</context>
<context>
    <name>OrganisationsModel</name>
    <message>
        <source>Organisation</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Persone</translation>
    </message>
</context>
<context>
    <name>OrganiseView</name>
    <message>
        <source>List</source>
        <extracomment>the board's "On the projector" button (the window shows it in the presenter)</extracomment>
        <translation>Elenco</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Bacheca</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temi</translation>
    </message>
    <message>
        <source>Solutions</source>
        <translation>Soluzioni</translation>
    </message>
    <message>
        <source>Notes of</source>
        <translation>Note di</translation>
    </message>
    <message>
        <source>Group into theme…</source>
        <translation>Raggruppa in un tema…</translation>
    </message>
    <message>
        <source>Move to theme…</source>
        <translation>Sposta nel tema…</translation>
    </message>
    <message>
        <source>Rename theme…</source>
        <translation>Rinomina tema…</translation>
    </message>
    <message>
        <source>Ungroup</source>
        <translation>Separa</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisione</translation>
    </message>
    <message>
        <source>Mark or unmark the selected notes as decisions</source>
        <translation>Segna o togli il segno di decisione alle note selezionate</translation>
    </message>
    <message>
        <source>Action item…</source>
        <translation>Azione…</translation>
    </message>
    <message>
        <source>To solution…</source>
        <translation>A soluzione…</translation>
    </message>
    <message>
        <source>Promote the selected note or theme to a solution</source>
        <translation>Trasforma la nota o il tema selezionato in una soluzione</translation>
    </message>
    <message>
        <source>New solution…</source>
        <translation>Nuova soluzione…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>the whole workshop</source>
        <translation>tutto il workshop</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>Nuovo tema</translation>
    </message>
    <message>
        <source>Name of the theme:</source>
        <translation>Nome del tema:</translation>
    </message>
    <message>
        <source>Out of any theme</source>
        <translation>Fuori da ogni tema</translation>
    </message>
    <message>
        <source>Rename theme</source>
        <translation>Rinomina tema</translation>
    </message>
    <message>
        <source>Select a solution to see it. Promote notes or themes to add one.</source>
        <translation>Seleziona una soluzione per vederla. Per aggiungerne una, trasforma note o temi in soluzioni.</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Da: %1</translation>
    </message>
    <message>
        <source>Linked notes: %1</source>
        <translation>Note collegate: %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsEditor</name>
    <message>
        <source>Filter by name, organisation, role, e-mail</source>
        <translation>Filtra per nome, ente, ruolo, e-mail</translation>
    </message>
    <message>
        <source>Import participants from CSV…</source>
        <translation>Importa partecipanti da CSV…</translation>
    </message>
    <message>
        <source>Print join codes…</source>
        <translation>Stampa i codici di accesso…</translation>
    </message>
    <message>
        <source>A badge per participant with the code their phone types to join the room</source>
        <translation>Un cartellino per partecipante con il codice che il suo telefono scrive per entrare nella sala</translation>
    </message>
    <message>
        <source>New join codes…</source>
        <translation>Nuovi codici di accesso…</translation>
    </message>
    <message>
        <source>Everyone gets a new code: the printed ones stop working</source>
        <translation>Tutti ricevono un nuovo codice: quelli stampati non valgono più</translation>
    </message>
    <message>
        <source>e.g. Head of unit</source>
        <translation>es. Dirigente di settore</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Partecipante</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Qualifica</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <source>Save organisation</source>
        <translation>Salva ente</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Enti</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>1 participant</source>
        <translation>1 partecipante</translation>
    </message>
    <message>
        <source>%1 participants</source>
        <translation>%1 partecipanti</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Nuovo partecipante</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Workshop and days</source>
        <translation>Workshop e giorni</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Partecipanti</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenze</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Import participants from CSV</source>
        <translation>Importa partecipanti da CSV</translation>
    </message>
    <message>
        <source>Import agenda from CSV</source>
        <translation>Importa programma da CSV</translation>
    </message>
</context>
<context>
    <name>PollDialog</name>
    <message>
        <source>Poll</source>
        <translation>Votazione</translation>
    </message>
    <message>
        <source>(no agenda item)</source>
        <translation>(nessun punto del programma)</translation>
    </message>
    <message>
        <source>A free option, not a solution</source>
        <translation>Un'opzione libera, non una soluzione</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Aggiungi opzione</translation>
    </message>
    <message>
        <source>Anonymous ballots (who voted is kept, not how)</source>
        <translation>Schede anonime (si registra chi ha votato, non come)</translation>
    </message>
    <message>
        <source>Hide results until the poll closes</source>
        <translation>Nascondi i risultati fino alla chiusura</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>nessun limite</translation>
    </message>
    <message>
        <source>Every option must be ranked or scored</source>
        <translation>Ogni opzione deve ricevere una posizione o un punteggio</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Peso</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>Aggiungi criterio</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>Rimuovi criterio</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Domanda</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punto del programma</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opzioni</translation>
    </message>
    <message>
        <source>Dots per voter</source>
        <translation>Punti per votante</translation>
    </message>
    <message>
        <source>At most per option</source>
        <translation>Al massimo per opzione</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criteri</translation>
    </message>
</context>
<context>
    <name>PollsView</name>
    <message>
        <source>New poll…</source>
        <translation>Nuova votazione…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Open voting</source>
        <translation>Apri la votazione</translation>
    </message>
    <message>
        <source>Close voting</source>
        <translation>Chiudi la votazione</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Riapri…</translation>
    </message>
    <message>
        <source>Show on the projector</source>
        <translation>Mostra sul proiettore</translation>
    </message>
    <message>
        <source>Tally entry</source>
        <translation>Conteggio su carta</translation>
    </message>
    <message>
        <source>Per voter</source>
        <translation>Per votante</translation>
    </message>
    <message>
        <source>Private kiosk</source>
        <translation>Chiosco riservato</translation>
    </message>
    <message>
        <source>Add paper tally</source>
        <translation>Aggiungi conteggio su carta</translation>
    </message>
    <message>
        <source>Voter</source>
        <translation>Votante</translation>
    </message>
    <message>
        <source>Cast ballot</source>
        <translation>Registra la scheda</translation>
    </message>
    <message>
        <source>The laptop goes round the room: each person sees an empty ballot, votes, and hands it on. Earlier ballots are never shown. Leaving the kiosk asks for confirmation.</source>
        <translation>Il portatile gira nella sala: ogni persona vede una scheda vuota, vota e lo passa. Le schede precedenti non vengono mai mostrate. Per uscire dal chiosco serve una conferma.</translation>
    </message>
    <message>
        <source>Start the kiosk</source>
        <translation>Avvia il chiosco</translation>
    </message>
    <message>
        <source>Facilitator's PIN to leave (optional):</source>
        <translation>PIN del facilitatore per uscire (facoltativo):</translation>
    </message>
    <message>
        <source>none: anyone can leave with Esc</source>
        <translation>nessuno: chiunque può uscire con Esc</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Risultati</translation>
    </message>
    <message>
        <source>No poll selected</source>
        <translation>Nessuna votazione selezionata</translation>
    </message>
    <message>
        <source>Create a poll on the solutions, or on free options, with “New poll…”.</source>
        <translation>Crea una votazione sulle soluzioni, o su opzioni libere, con «Nuova votazione…».</translation>
    </message>
    <message>
        <source>Anonymous ballots</source>
        <translation>Schede anonime</translation>
    </message>
    <message>
        <source>Named ballots</source>
        <translation>Schede nominative</translation>
    </message>
    <message>
        <source>Agenda item: %1</source>
        <translation>Punto del programma: %1</translation>
    </message>
    <message>
        <source>Reopened %1: %2</source>
        <translation>Riaperta il %1: %2</translation>
    </message>
    <message>
        <source>Open voting to cast ballots.</source>
        <translation>Apri la votazione per registrare le schede.</translation>
    </message>
    <message>
        <source>Voting is closed: the ballots can no longer change.</source>
        <translation>La votazione è chiusa: le schede non possono più cambiare.</translation>
    </message>
    <message>
        <source>Already voted: %1</source>
        <translation>Hanno già votato: %1</translation>
    </message>
    <message>
        <source>Reopen voting</source>
        <translation>Riapri la votazione</translation>
    </message>
    <message>
        <source>Why is the poll reopened? (recorded in the workshop file)</source>
        <translation>Perché la votazione viene riaperta? (resta registrato nel file del workshop)</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <source>Facilitator — presenter</source>
        <translation>Facilitator — presentatore</translation>
    </message>
</context>
<context>
    <name>ProjectorControl</name>
    <message>
        <source>Projector</source>
        <translation>Proiettore</translation>
    </message>
    <message>
        <source>the room could not listen on %1: %2</source>
        <translation>la sala non ha potuto mettersi in ascolto su %1: %2</translation>
    </message>
    <message>
        <source>Merge ideas</source>
        <translation>Unisci idee</translation>
    </message>
</context>
<context>
    <name>ProjectorPanel</name>
    <message>
        <source>Show on projector:</source>
        <translation>Mostra sul proiettore:</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Domanda</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Risultati</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Codice d'accesso</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Idee</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>Schermo nero</translation>
    </message>
    <message>
        <source>On the projector (F5)</source>
        <translation>Sul proiettore (F5)</translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <source>Relation</source>
        <translation>Relazione</translation>
    </message>
    <message>
        <source>From the first actor to the second (money, referrals)</source>
        <translation>Dal primo attore al secondo (risorse, invii)</translation>
    </message>
    <message>
        <source>e.g. 2021-2027</source>
        <translation>es. 2021-2027</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Da:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Intensità:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descrizione:</translation>
    </message>
</context>
<context>
    <name>RestoreSnapshotDialog</name>
    <message>
        <source>automatic, while capturing</source>
        <translation>automatica, durante la presa di appunti</translation>
    </message>
    <message>
        <source>end of day</source>
        <translation>fine giornata</translation>
    </message>
    <message>
        <source>taken by hand</source>
        <translation>presa a mano</translation>
    </message>
    <message>
        <source>before merging another file</source>
        <translation>prima di unire un altro file</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Presa il</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Appunti</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illeggibile</translation>
    </message>
    <message>
        <source>This snapshot cannot be restored: %1</source>
        <translation>Questa istantanea non può essere ripristinata: %1</translation>
    </message>
    <message>
        <source>Restore from snapshot</source>
        <translation>Ripristina da un'istantanea</translation>
    </message>
    <message>
        <source>Facilitator keeps copies of this workshop taken while you work. Choose one to restore it into a new file: the open workshop is not changed.</source>
        <translation>Facilitator conserva copie di questo workshop prese mentre lavori. Scegline una per ripristinarla in un nuovo file: il workshop aperto non viene modificato.</translation>
    </message>
    <message>
        <source>No snapshots yet. One is taken every few minutes while notes are captured, and at the end of each day.</source>
        <translation>Nessuna istantanea per ora. Ne viene presa una a intervalli di pochi minuti mentre si prendono appunti, e alla fine di ogni giornata.</translation>
    </message>
    <message>
        <source>Restore into new file…</source>
        <translation>Ripristina in un nuovo file…</translation>
    </message>
    <message>
        <source>Take a snapshot now</source>
        <translation>Prendi un'istantanea ora</translation>
    </message>
    <message>
        <source>%1 (restored %2)</source>
        <translation>%1 (ripristinato %2)</translation>
    </message>
    <message>
        <source>Restore snapshot into a new file</source>
        <translation>Ripristina l'istantanea in un nuovo file</translation>
    </message>
    <message>
        <source>Workshop files (*.workshop)</source>
        <translation>File workshop (*.workshop)</translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message>
        <source>Ballots: %1</source>
        <translation>Schede: %1</translation>
    </message>
    <message>
        <source>Results are hidden until the poll closes.</source>
        <translation>I risultati sono nascosti fino alla chiusura della votazione.</translation>
    </message>
    <message>
        <source>No ballots yet.</source>
        <translation>Ancora nessuna scheda.</translation>
    </message>
    <message>
        <source>first preferences: %1</source>
        <translation>prime preferenze: %1</translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Phones may join</source>
        <translation>I telefoni possono entrare</translation>
    </message>
    <message>
        <source>Reveal results to phones</source>
        <translation>Mostra i risultati ai telefoni</translation>
    </message>
    <message>
        <source>a question for the room's phones</source>
        <translation>una domanda per i telefoni della sala</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Chiedi</translation>
    </message>
    <message>
        <source>Remove phone</source>
        <translation>Rimuovi telefono</translation>
    </message>
    <message>
        <source>Accept as note</source>
        <translation>Accetta come nota</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rifiuta</translation>
    </message>
    <message>
        <source>Merge duplicates</source>
        <translation>Unisci i doppioni</translation>
    </message>
    <message>
        <source>Select two or more ideas: the later ones join the first</source>
        <translation>Seleziona due o più idee: le successive si uniscono alla prima</translation>
    </message>
    <message>
        <source>New code…</source>
        <translation>Nuovo codice…</translation>
    </message>
    <message>
        <source>A lost badge: the selected participant gets a new code, the old one stops</source>
        <translation>Un cartellino perso: il partecipante selezionato riceve un nuovo codice, il vecchio non vale più</translation>
    </message>
    <message>
        <source>Free phone</source>
        <translation>Libera il telefono</translation>
    </message>
    <message>
        <source>The selected participant's phone is nobody again: their code works once more</source>
        <translation>Il telefono del partecipante selezionato torna anonimo: il suo codice vale di nuovo</translation>
    </message>
    <message>
        <source>Print join codes…</source>
        <translation>Stampa i codici di accesso…</translation>
    </message>
    <message>
        <source>Close the room</source>
        <translation>Chiudi la sala</translation>
    </message>
    <message>
        <source>Open the room…</source>
        <translation>Apri la sala…</translation>
    </message>
    <message>
        <source>The room is closed: phones cannot join.</source>
        <translation>La sala è chiusa: i telefoni non possono entrare.</translation>
    </message>
    <message>
        <source>Open at %1 · code %2</source>
        <translation>Aperta su %1 · codice %2</translation>
    </message>
    <message>
        <source>anonymous phone %1</source>
        <translation>telefono anonimo %1</translation>
    </message>
    <message>
        <source>Phones joined: %1</source>
        <translation>Telefoni collegati: %1</translation>
    </message>
    <message>
        <source>Ideas waiting: %1</source>
        <translation>Idee in attesa: %1</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Nessuna categoria</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>nessun codice</translation>
    </message>
    <message>
        <source>Participants joined: %1 of %2</source>
        <translation>Partecipanti entrati: %1 su %2</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Find notes</source>
        <translation>Trova note</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Parole:</translation>
    </message>
    <message>
        <source>Filters:</source>
        <translation>Filtri:</translation>
    </message>
    <message>
        <source>words to find, e.g. rete OR network, "exact phrase", comun*</source>
        <translation>parole da cercare, es. rete OR network, "frase esatta", comun*</translation>
    </message>
    <message>
        <source>any speaker</source>
        <translation>chiunque parli</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Tutti i giorni</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Giorno %1</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Tutti i punti</translation>
    </message>
    <message>
        <source>More than %1 notes found: add words or filters to narrow.</source>
        <translation>Trovate più di %1 note: aggiungi parole o filtri per restringere.</translation>
    </message>
    <message>
        <source>Notes found: %1</source>
        <translation>Note trovate: %1</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nessun risultato.</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Chi parla</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Like the system</source>
        <translation>Come il sistema</translation>
    </message>
    <message>
        <source>your name, saved with every note</source>
        <translation>il tuo nome, salvato con ogni nota</translation>
    </message>
    <message>
        <source>Automatic (the second screen if there is one)</source>
        <translation>Automatico (il secondo schermo, se c'è)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <source>Note-taker name:</source>
        <translation>Nome di chi prende le note:</translation>
    </message>
    <message>
        <source>Presenter window on:</source>
        <translation>Finestra del presentatore su:</translation>
    </message>
    <message>
        <source>Backup copy every:</source>
        <translation>Copia di sicurezza ogni:</translation>
    </message>
</context>
<context>
    <name>SolutionDialog</name>
    <message>
        <source>Solution</source>
        <translation>Soluzione</translation>
    </message>
    <message>
        <source>(no agenda item)</source>
        <translation>(nessun punto del programma)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Punto del programma</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Plan the days, capture notes live, and write the minutes of your workshop. Everything stays in one file on this computer.</source>
        <translation>Pianifica le giornate, prendi note in diretta e scrivi il verbale del tuo workshop. Tutto resta in un solo file su questo computer.</translation>
    </message>
    <message>
        <source>New workshop…</source>
        <translation>Nuovo workshop…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Apri…</translation>
    </message>
    <message>
        <source>Open the demo workshop</source>
        <translation>Apri il workshop dimostrativo</translation>
    </message>
    <message>
        <source>Recent workshops (double-click to open):</source>
        <translation>Workshop recenti (doppio clic per aprire):</translation>
    </message>
    <message>
        <source>No recent workshops yet.</source>
        <translation>Ancora nessun workshop recente.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>non trovato</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New workshop…</source>
        <translation>&amp;Nuovo workshop…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Apri…</translation>
    </message>
    <message>
        <source>Open &amp;demo workshop</source>
        <translation>Apri il workshop &amp;dimostrativo</translation>
    </message>
    <message>
        <source>&amp;Join a room…</source>
        <translation>&amp;Entra in una sala…</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Salva una &amp;copia…</translation>
    </message>
    <message>
        <source>&amp;Export minutes…</source>
        <translation>&amp;Esporta verbale…</translation>
    </message>
    <message>
        <source>&amp;Restore from snapshot…</source>
        <translation>&amp;Ripristina da un'istantanea…</translation>
    </message>
    <message>
        <source>Re&amp;view conflicts…</source>
        <translation>Ri&amp;vedi i conflitti…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Impostazioni…</translation>
    </message>
    <message>
        <source>&amp;Find notes…</source>
        <translation>&amp;Trova note…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ingrandisci</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Riduci</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>Dimensione &amp;normale</translation>
    </message>
    <message>
        <source>&amp;Presenter window</source>
        <translation>Finestra del &amp;presentatore</translation>
    </message>
    <message>
        <source>&amp;Start / stop item</source>
        <translation>&amp;Avvia / ferma il punto</translation>
    </message>
    <message>
        <source>&amp;Pause / resume timer</source>
        <translation>&amp;Pausa / riprendi il timer</translation>
    </message>
    <message>
        <source>&amp;Extend by 5 minutes</source>
        <translation>&amp;Estendi di 5 minuti</translation>
    </message>
    <message>
        <source>&amp;Next item</source>
        <translation>Punto &amp;successivo</translation>
    </message>
    <message>
        <source>P&amp;revious item</source>
        <translation>Punto p&amp;recedente</translation>
    </message>
    <message>
        <source>Next &amp;day</source>
        <translation>&amp;Giorno successivo</translation>
    </message>
    <message>
        <source>Previous d&amp;ay</source>
        <translation>Giorn&amp;o precedente</translation>
    </message>
    <message>
        <source>Open the &amp;room…</source>
        <translation>Apri la &amp;sala…</translation>
    </message>
    <message>
        <source>Print &amp;join codes…</source>
        <translation>Stampa i &amp;codici di accesso…</translation>
    </message>
    <message>
        <source>Pro&amp;jector panel (preview and switch)</source>
        <translation>Pannello del pro&amp;iettore (anteprima e scelta)</translation>
    </message>
    <message>
        <source>&amp;Write a note</source>
        <translation>Scrivi una &amp;nota</translation>
    </message>
    <message>
        <source>Choose the &amp;speaker</source>
        <translation>Scegli chi par&amp;la</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Your &amp;first workshop, step by step</source>
        <translation>Il tuo &amp;primo laboratorio, passo per passo</translation>
    </message>
    <message>
        <source>&amp;About Facilitator</source>
        <translation>&amp;Informazioni su Facilitator</translation>
    </message>
    <message>
        <source>Save the note (it is on disk at once)</source>
        <translation>Salva la nota (è subito su disco)</translation>
    </message>
    <message>
        <source>A new line in the same note</source>
        <translation>Va a capo nella stessa nota</translation>
    </message>
    <message>
        <source>The n-th category, for the next note only</source>
        <translation>L'n-esima categoria, solo per la prossima nota</translation>
    </message>
    <message>
        <source>No category for the next note</source>
        <translation>Nessuna categoria per la prossima nota</translation>
    </message>
    <message>
        <source>s: text</source>
        <translation>s: testo</translation>
    </message>
    <message>
        <source>A category by its letter, for this note only</source>
        <translation>Una categoria con la sua lettera, solo per questa nota</translation>
    </message>
    <message>
        <source>Pin the category for the following notes, or unpin it</source>
        <translation>Fissa la categoria per le note seguenti, o sbloccala</translation>
    </message>
    <message>
        <source>Make the last action note an action item</source>
        <translation>Trasforma l'ultima nota di azione in un'azione</translation>
    </message>
    <message>
        <source>Delete the selected notes (in the notes list)</source>
        <translation>Elimina le note selezionate (nell'elenco delle note)</translation>
    </message>
    <message>
        <source>Themes: group the selected notes into a theme</source>
        <translation>Temi: raggruppa le note selezionate in un tema</translation>
    </message>
    <message>
        <source>Themes: rename the theme</source>
        <translation>Temi: rinomina il tema</translation>
    </message>
    <message>
        <source>Themes: ungroup</source>
        <translation>Temi: separa</translation>
    </message>
    <message>
        <source>Themes: mark or unmark as decision</source>
        <translation>Temi: segna o togli come decisione</translation>
    </message>
    <message>
        <source>Themes: make a solution of the selection</source>
        <translation>Temi: crea una soluzione dalla selezione</translation>
    </message>
    <message>
        <source>Plan: a new agenda item</source>
        <translation>Pianificazione: un nuovo punto del programma</translation>
    </message>
    <message>
        <source>Plan: move the item or category</source>
        <translation>Pianificazione: sposta il punto o la categoria</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The file “%1” does not exist (any more). It may have been moved or renamed.</source>
        <translation>Il file “%1” non esiste (più). Forse è stato spostato o rinominato.</translation>
    </message>
    <message>
        <source>“%1” is not a workshop file: it is empty, a folder, or another kind of file.</source>
        <translation>“%1” non è un file di workshop: è vuoto, è una cartella o è un altro tipo di file.</translation>
    </message>
    <message>
        <source>“%1” is a database made by another program, not a Facilitator workshop. It was not changed.</source>
        <translation>“%1” è un database di un altro programma, non un workshop di Facilitator. Non è stato modificato.</translation>
    </message>
    <message>
        <source>“%1” is damaged and cannot be read. It was not changed. Open a backup copy, or try “facilitator check --recover” on it.</source>
        <translation>“%1” è danneggiato e non si può leggere. Non è stato modificato. Apri una copia di sicurezza, oppure prova “facilitator check --recover”.</translation>
    </message>
    <message>
        <source>“%1” was written by a newer version of Facilitator. Update Facilitator to open it; the file was not changed.</source>
        <translation>“%1” è stato scritto da una versione più recente di Facilitator. Aggiorna Facilitator per aprirlo; il file non è stato modificato.</translation>
    </message>
    <message>
        <source>“%1” contains things Facilitator never writes (for example triggers). For your safety it is not opened.</source>
        <translation>“%1” contiene elementi che Facilitator non scrive mai (per esempio trigger). Per sicurezza non viene aperto.</translation>
    </message>
    <message>
        <source>“%1” is already open in another Facilitator window or program.</source>
        <translation>“%1” è già aperto in un'altra finestra di Facilitator o in un altro programma.</translation>
    </message>
    <message>
        <source>“%1” is open read-only: nothing can be changed in it.</source>
        <translation>“%1” è aperto in sola lettura: non si può modificare nulla.</translation>
    </message>
    <message>
        <source>The disk is full: the last change could not be saved. Your text is still on screen; free some space and try again.</source>
        <translation>Il disco è pieno: l'ultima modifica non è stata salvata. Il testo è ancora sullo schermo; libera spazio e riprova.</translation>
    </message>
    <message>
        <source>Another program is using “%1”; the change was not saved. Try again.</source>
        <translation>Un altro programma sta usando “%1”; la modifica non è stata salvata. Riprova.</translation>
    </message>
    <message>
        <source>This cannot be saved: %2</source>
        <translation>Impossibile salvare: %2</translation>
    </message>
    <message>
        <source>This item no longer exists: %2</source>
        <translation>Questo elemento non esiste più: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be opened: %2</source>
        <translation>Impossibile aprire “%1”: %2</translation>
    </message>
    <message>
        <source>Something went wrong: %2</source>
        <translation>Qualcosa è andato storto: %2</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>Il titolo</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>Il nome</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>Il testo</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>La descrizione</translation>
    </message>
    <message>
        <source>The place</source>
        <translation>Il luogo</translation>
    </message>
    <message>
        <source>The organiser</source>
        <translation>L'organizzatore</translation>
    </message>
    <message>
        <source>The organisation</source>
        <translation>L'ente</translation>
    </message>
    <message>
        <source>The speaker</source>
        <translation>Chi parla</translation>
    </message>
    <message>
        <source>The note-taker's name</source>
        <translation>Il nome di chi verbalizza</translation>
    </message>
    <message>
        <source>The category</source>
        <translation>La categoria</translation>
    </message>
    <message>
        <source>The agenda item</source>
        <translation>Il punto del programma</translation>
    </message>
    <message>
        <source>The owner</source>
        <translation>Il responsabile</translation>
    </message>
    <message>
        <source>This field</source>
        <translation>Questo campo</translation>
    </message>
    <message>
        <source>%1 must not be empty.</source>
        <translation>%1 non può essere vuoto.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 è troppo lungo: al massimo %2 caratteri.</translation>
    </message>
    <message>
        <source>%1 contains a character that cannot be stored (%2). Remove it and try again.</source>
        <translation>%1 contiene un carattere che non si può salvare (%2). Toglilo e riprova.</translation>
    </message>
    <message>
        <source>%1 no longer exists: choose another one.</source>
        <translation>%1 non esiste più: scegline un altro.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>«%1» non è un indirizzo e-mail.</translation>
    </message>
    <message>
        <source>“%1” is not a colour (expected #rrggbb).</source>
        <translation>«%1» non è un colore (atteso #rrggbb).</translation>
    </message>
    <message>
        <source>A category shortcut is a single letter, not “%1”.</source>
        <translation>La scorciatoia di una categoria è una sola lettera, non «%1».</translation>
    </message>
    <message>
        <source>The shortcut “%1” is already used by the category “%2”.</source>
        <translation>La scorciatoia «%1» è già usata dalla categoria «%2».</translation>
    </message>
    <message>
        <source>A duration is between 0 and 1440 minutes.</source>
        <translation>La durata va da 0 a 1440 minuti.</translation>
    </message>
    <message>
        <source>The item would end at %1 the next day: an item must end by midnight. Shorten it, start it earlier or put it on the next day.</source>
        <translation>Il punto finirebbe alle %1 del giorno dopo: un punto deve finire entro mezzanotte. Accorcialo, anticipalo o spostalo al giorno dopo.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La data di fine è precedente a quella di inizio.</translation>
    </message>
    <message>
        <source>The end time is before the start time.</source>
        <translation>L'ora di fine è precedente a quella di inizio.</translation>
    </message>
    <message>
        <source>The file is not a PNG or JPEG image.</source>
        <translation>Il file non è un'immagine PNG o JPEG.</translation>
    </message>
    <message>
        <source>The image is too large: at most %1 KiB.</source>
        <translation>L'immagine è troppo grande: al massimo %1 KiB.</translation>
    </message>
    <message>
        <source>This is not a time zone: write it as Europe/Rome, Europe/Lisbon…</source>
        <translation>Questo non è un fuso orario: scrivilo come Europe/Rome, Europe/Lisbon…</translation>
    </message>
    <message>
        <source>A phone has already joined with one of these codes: give new codes instead.</source>
        <translation>Un telefono è già entrato con uno di questi codici: assegna invece nuovi codici.</translation>
    </message>
    <message>
        <source>This phone has not joined as a participant.</source>
        <translation>Questo telefono non è entrato come partecipante.</translation>
    </message>
    <message>
        <source>This item has not started yet.</source>
        <translation>Questo punto non è ancora iniziato.</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>File in uso</translation>
    </message>
    <message>
        <source>Open it read-only, to look and search without changing it?</source>
        <translation>Aprirlo in sola lettura, per consultarlo e cercare senza modificarlo?</translation>
    </message>
    <message>
        <source>Damaged file</source>
        <translation>File danneggiato</translation>
    </message>
    <message>
        <source>Copy what can still be read into a new file? The damaged file is not changed.</source>
        <translation>Copiare quello che si può ancora leggere in un nuovo file? Il file danneggiato non viene modificato.</translation>
    </message>
    <message>
        <source>Save the rescued workshop as</source>
        <translation>Salva il workshop recuperato come</translation>
    </message>
    <message>
        <source>Workshops (*.workshop)</source>
        <translation>Workshop (*.workshop)</translation>
    </message>
    <message>
        <source>Unsent text</source>
        <translation>Testo non inviato</translation>
    </message>
    <message>
        <source>The text you are typing could not be saved (see the previous message). If you close now it is lost. Close anyway?</source>
        <translation>Il testo che stai scrivendo non è stato salvato (vedi il messaggio precedente). Se chiudi ora va perso. Chiudere comunque?</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Export minutes</source>
        <translation>Esporta il verbale</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation>«%1» esiste già. Sostituirlo?</translation>
    </message>
    <message>
        <source>The minutes were saved to “%1” (%2 pages).</source>
        <translation>Il verbale è stato salvato in «%1» (%2 pagine).</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Apri il PDF</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Undo</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ripeti</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>File › New workshop: give it a title, its days, the language of the notes and a set of note categories. It is one file: keep it where you keep documents.</source>
        <translation>File › Nuovo laboratorio: dagli un titolo, le giornate, la lingua delle note e un insieme di categorie. È un unico file: tienilo dove tieni i documenti.</translation>
    </message>
    <message>
        <source>Plan: add the programme of each day (or import it from a CSV file), the participants and their organisations.</source>
        <translation>Pianificazione: aggiungi il programma di ogni giornata (o importalo da un file CSV), i partecipanti e i loro enti.</translation>
    </message>
    <message>
        <source>Settings: type your name; it is saved with every note you take.</source>
        <translation>Impostazioni: scrivi il tuo nome; viene salvato con ogni nota che prendi.</translation>
    </message>
    <message>
        <source>Live: choose the day and the item, press F6 when it starts, and type. Enter saves each note at once; Ctrl+1…9 or “s: …” give the next note a category; the speaker field starts with the item's speaker.</source>
        <translation>Live: scegli la giornata e il punto, premi F6 quando inizia e scrivi. Invio salva subito ogni nota; Ctrl+1…9 o “s: …” danno una categoria alla prossima nota; il campo di chi parla parte con il relatore del punto.</translation>
    </message>
    <message>
        <source>F5 shows the presenter window on the projector: the item, the timer and the question for the room.</source>
        <translation>F5 mostra la finestra del presentatore sul proiettore: il punto, il timer e la domanda per la sala.</translation>
    </message>
    <message>
        <source>Themes and solutions: group the notes, mark decisions, make action items; Polls: let the room vote.</source>
        <translation>Temi e soluzioni: raggruppa le note, segna le decisioni, crea le azioni; Votazioni: fai votare la sala.</translation>
    </message>
    <message>
        <source>File › Export minutes (Ctrl+E): the PDF of the day or of the whole event, in the workshop's language.</source>
        <translation>File › Esporta verbale (Ctrl+E): il PDF della giornata o dell'intero evento, nella lingua del laboratorio.</translation>
    </message>
    <message>
        <source>Your first workshop, step by step</source>
        <translation>Il tuo primo laboratorio, passo per passo</translation>
    </message>
</context>
<context>
    <name>joincodes</name>
    <message>
        <source>Print join codes</source>
        <translation>Stampa i codici di accesso</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Join codes</source>
        <translation>Codici di accesso</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>Apri il PDF</translation>
    </message>
    <message>
        <source>The participant list is empty: add participants first.</source>
        <translation>L'elenco dei partecipanti è vuoto: prima aggiungi i partecipanti.</translation>
    </message>
    <message>
        <source>No participant has a code yet (the file is read-only).</source>
        <translation>Nessun partecipante ha ancora un codice (il file è in sola lettura).</translation>
    </message>
    <message>
        <source>%1 badges with their join codes were saved to “%2” (%3 pages).</source>
        <translation>%1 cartellini con i codici di accesso sono stati salvati in “%2” (%3 pagine).</translation>
    </message>
    <message>
        <source>Give %1 a new join code? The old one stops working, and a phone that joined with it is nobody again.</source>
        <translation>Dare a %1 un nuovo codice di accesso? Il vecchio non vale più e il telefono entrato con esso torna anonimo.</translation>
    </message>
    <message>
        <source>The new code of %1 is %2. Write it on the badge, or print the codes again.</source>
        <translation>Il nuovo codice di %1 è %2. Scrivilo sul cartellino o stampa di nuovo i codici.</translation>
    </message>
    <message>
        <source>Give every participant a new join code? Every printed code stops working and every phone that joined as a participant must join again.</source>
        <translation>Dare a ogni partecipante un nuovo codice di accesso? Nessun codice stampato varrà più e ogni telefono entrato come partecipante dovrà entrare di nuovo.</translation>
    </message>
</context>
<context>
    <name>kiosk</name>
    <message>
        <source>Cast my vote</source>
        <translation>Registra il mio voto</translation>
    </message>
    <message>
        <source>Thank you, your vote is saved.
Please pass the laptop to the next person.</source>
        <translation>Grazie, il tuo voto è registrato.
Passa il portatile alla persona successiva.</translation>
    </message>
    <message>
        <source>Next voter</source>
        <translation>Prossimo votante</translation>
    </message>
    <message>
        <source>Your ballot</source>
        <translation>La tua scheda</translation>
    </message>
    <message>
        <source>Voting has closed: no more ballots can be cast.</source>
        <translation>La votazione è chiusa: non si possono più esprimere voti.</translation>
    </message>
    <message>
        <source>Facilitator: leave the kiosk</source>
        <translation>Facilitatore: esci dal chiosco</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <source>Evidence for a relation…</source>
        <translation>Evidenza di una relazione…</translation>
    </message>
    <message>
        <source>Link the selected notes to a relation of the ecosystem map</source>
        <translation>Collega le note selezionate a una relazione della mappa dell'ecosistema</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Finanziamento</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Partenariato</translation>
    </message>
    <message>
        <source>Co-design</source>
        <translation>Co-progettazione</translation>
    </message>
    <message>
        <source>Service delivery</source>
        <translation>Erogazione di servizi</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Invio</translation>
    </message>
    <message>
        <source>Knowledge exchange</source>
        <translation>Scambio di conoscenze</translation>
    </message>
    <message>
        <source>Governance</source>
        <translation>Governance</translation>
    </message>
    <message>
        <source>funding</source>
        <translation>risorse economiche</translation>
    </message>
    <message>
        <source>space</source>
        <translation>spazi</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personale</translation>
    </message>
    <message>
        <source>knowledge</source>
        <translation>conoscenze</translation>
    </message>
    <message>
        <source>users</source>
        <translation>utenti</translation>
    </message>
    <message>
        <source>services</source>
        <translation>servizi</translation>
    </message>
    <message>
        <source>network</source>
        <translation>rete</translation>
    </message>
    <message>
        <source>legitimacy</source>
        <translation>legittimazione</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>debole</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>forte</translation>
    </message>
    <message>
        <source>A relation links two different actors.</source>
        <translation>Una relazione collega due attori diversi.</translation>
    </message>
    <message>
        <source>The period is too long: at most %1 characters.</source>
        <translation>Il periodo è troppo lungo: al massimo %1 caratteri.</translation>
    </message>
    <message>
        <source>“%1” is already on the map.</source>
        <translation>«%1» è già sulla mappa.</translation>
    </message>
    <message>
        <source>An organisation of the workshop stays on the map: remove it in People.</source>
        <translation>Un ente dell'incontro resta sulla mappa: si toglie in Persone.</translation>
    </message>
    <message>
        <source>Those notes are already evidence for this relation.</source>
        <translation>Queste note documentano già questa relazione.</translation>
    </message>
    <message>
        <source>Those notes are not evidence for this relation.</source>
        <translation>Queste note non documentano questa relazione.</translation>
    </message>
</context>
<context>
    <name>organise</name>
    <message>
        <source>Leave the kiosk</source>
        <translation>Esci dal chiosco</translation>
    </message>
    <message>
        <source>Facilitator's PIN:</source>
        <translation>PIN del facilitatore:</translation>
    </message>
    <message>
        <source>Wrong PIN: the kiosk stays open.</source>
        <translation>PIN errato: il chiosco resta aperto.</translation>
    </message>
    <message>
        <source>Leave the kiosk?</source>
        <translation>Uscire dal chiosco?</translation>
    </message>
    <message>
        <source>Only the facilitator should leave the kiosk. Leave it and go back to the poll?</source>
        <translation>Solo il facilitatore dovrebbe uscire dal chiosco. Uscire e tornare alla votazione?</translation>
    </message>
    <message>
        <source>Too many dots: %1 placed, at most %2.</source>
        <translation>Troppi punti: %1 assegnati, al massimo %2.</translation>
    </message>
    <message>
        <source>Too many dots on one option: %1, at most %2.</source>
        <translation>Troppi punti su un'opzione: %1, al massimo %2.</translation>
    </message>
    <message>
        <source>The ballot is empty.</source>
        <translation>La scheda è vuota.</translation>
    </message>
    <message>
        <source>Two options share rank %1: each rank once.</source>
        <translation>Due opzioni hanno la posizione %1: ogni posizione una sola volta.</translation>
    </message>
    <message>
        <source>Rank %1 is missing.</source>
        <translation>Manca la posizione %1.</translation>
    </message>
    <message>
        <source>Rank every option: %1 of %2 ranked.</source>
        <translation>Dai una posizione a ogni opzione: %1 su %2.</translation>
    </message>
    <message>
        <source>Score every option on every criterion: %1 of %2 given.</source>
        <translation>Dai un punteggio a ogni opzione per ogni criterio: %1 su %2.</translation>
    </message>
    <message>
        <source>Score %1 is outside the scale %2–%3 of “%4”.</source>
        <translation>Il punteggio %1 è fuori dalla scala %2–%3 di «%4».</translation>
    </message>
    <message>
        <source>The poll is closed: it accepts no more ballots.</source>
        <translation>La votazione è chiusa: non accetta altre schede.</translation>
    </message>
    <message>
        <source>The poll is not open yet.</source>
        <translation>La votazione non è ancora aperta.</translation>
    </message>
    <message>
        <source>Paper ballots counted</source>
        <translation>Schede cartacee contate</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approvo</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>posizione</translation>
    </message>
    <message>
        <source>Type how many paper dots each option received.</source>
        <translation>Scrivi quanti punti su carta ha ricevuto ogni opzione.</translation>
    </message>
    <message>
        <source>Type how many approvals each option received.</source>
        <translation>Scrivi quante approvazioni ha ricevuto ogni opzione.</translation>
    </message>
    <message>
        <source>Place %1 dots.</source>
        <translation>Assegna %1 punti.</translation>
    </message>
    <message>
        <source>At most %1 on one option.</source>
        <translation>Al massimo %1 su una stessa opzione.</translation>
    </message>
    <message>
        <source>Approve every option you would support.</source>
        <translation>Approva tutte le opzioni che sosterresti.</translation>
    </message>
    <message>
        <source>Give every option a rank: 1 is your first choice.</source>
        <translation>Dai una posizione a ogni opzione: 1 è la tua prima scelta.</translation>
    </message>
    <message>
        <source>Rank the options you want: 1 is your first choice.</source>
        <translation>Dai una posizione alle opzioni che vuoi: 1 è la tua prima scelta.</translation>
    </message>
    <message>
        <source>Score every option on each criterion.</source>
        <translation>Dai un punteggio a ogni opzione per ciascun criterio.</translation>
    </message>
    <message>
        <source>At most %1 here: the number was set to %1.</source>
        <translation>Al massimo %1 qui: il numero è stato portato a %1.</translation>
    </message>
    <message>
        <source>Ready. Dots left: %1</source>
        <translation>Pronto. Punti rimasti: %1</translation>
    </message>
    <message>
        <source>Ready to cast.</source>
        <translation>Pronta per essere registrata.</translation>
    </message>
    <message>
        <source>Dot voting</source>
        <translation>Voto a punti</translation>
    </message>
    <message>
        <source>Multi-criteria scoring</source>
        <translation>Punteggio su più criteri</translation>
    </message>
    <message>
        <source>Ranked choice (Borda)</source>
        <translation>Classifica (Borda)</translation>
    </message>
    <message>
        <source>Approval voting</source>
        <translation>Voto per approvazione</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aperta</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Chiusa</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Da fare</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>Dots</source>
        <translation>Punti</translation>
    </message>
    <message>
        <source>Weighted total</source>
        <translation>Totale pesato</translation>
    </message>
    <message>
        <source>Borda points</source>
        <translation>Punti Borda</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvazioni</translation>
    </message>
    <message>
        <source>Themes and notes</source>
        <translation>Temi e note</translation>
    </message>
    <message>
        <source>Ungrouped notes</source>
        <translation>Note non raggruppate</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Scaduta</translation>
    </message>
    <message>
        <source>Mark as decision</source>
        <translation>Segna come decisione</translation>
    </message>
    <message>
        <source>Unmark decision</source>
        <translation>Togli il segno di decisione</translation>
    </message>
    <message>
        <source>Group notes into a theme</source>
        <translation>Raggruppa le note in un tema</translation>
    </message>
    <message>
        <source>Take notes out of their theme</source>
        <translation>Togli le note dal loro tema</translation>
    </message>
    <message>
        <source>Move notes to a theme</source>
        <translation>Sposta le note in un tema</translation>
    </message>
    <message>
        <source>Rename theme</source>
        <translation>Rinomina tema</translation>
    </message>
    <message>
        <source>Ungroup theme</source>
        <translation>Separa il tema</translation>
    </message>
    <message>
        <source>Add solution</source>
        <translation>Aggiungi soluzione</translation>
    </message>
    <message>
        <source>Edit solution</source>
        <translation>Modifica soluzione</translation>
    </message>
    <message>
        <source>Delete solution</source>
        <translation>Elimina soluzione</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>Aggiungi azione</translation>
    </message>
    <message>
        <source>Edit action item</source>
        <translation>Modifica azione</translation>
    </message>
    <message>
        <source>Delete action item</source>
        <translation>Elimina azione</translation>
    </message>
    <message>
        <source>Create poll</source>
        <translation>Crea votazione</translation>
    </message>
    <message>
        <source>Edit poll</source>
        <translation>Modifica votazione</translation>
    </message>
    <message>
        <source>Delete poll</source>
        <translation>Elimina votazione</translation>
    </message>
    <message>
        <source>Enter paper tally</source>
        <translation>Inserisci conteggio su carta</translation>
    </message>
    <message>
        <source>Cast ballot</source>
        <translation>Registra la scheda</translation>
    </message>
    <message>
        <source>Cast kiosk ballot</source>
        <translation>Registra scheda dal chiosco</translation>
    </message>
    <message>
        <source>Withdraw ballot</source>
        <translation>Ritira la scheda</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>File CSV (*.csv *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Giorno %1</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Presentazione</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Discussione</translation>
    </message>
    <message>
        <source>Group work</source>
        <translation>Lavoro di gruppo</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Plenaria</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitatore</translation>
    </message>
    <message>
        <source>Note-taker</source>
        <translation>Verbalizzante</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Relatore</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Partecipante</translation>
    </message>
    <message>
        <source>Public authority</source>
        <translation>Pubblica amministrazione</translation>
    </message>
    <message>
        <source>Managing authority</source>
        <translation>Autorità di gestione</translation>
    </message>
    <message>
        <source>Competence centre</source>
        <translation>Centro di competenza</translation>
    </message>
    <message>
        <source>Third sector</source>
        <translation>Terzo settore</translation>
    </message>
    <message>
        <source>Private company</source>
        <translation>Impresa privata</translation>
    </message>
    <message>
        <source>University or research</source>
        <translation>Università o ricerca</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Cittadini</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
    <message>
        <source>Ecosystem analysis</source>
        <translation>Analisi dell'ecosistema</translation>
    </message>
    <message>
        <source>Retrospective</source>
        <translation>Retrospettiva</translation>
    </message>
    <message>
        <source>Generic</source>
        <translation>Generico</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(ignora questa colonna)</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nome e cognome</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ente</translation>
    </message>
    <message>
        <source>Organisation kind</source>
        <translation>Tipo di ente</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Giorno</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Duration (min)</source>
        <translation>Durata (min)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Luogo</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Relatori</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 con BOM</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (Europa occidentale)</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>virgola</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>punto e virgola</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulazione</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>il nome è vuoto</translation>
    </message>
    <message>
        <source>no column is mapped to the name</source>
        <translation>nessuna colonna è associata al nome</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address</source>
        <translation>«%1» non è un indirizzo e-mail</translation>
    </message>
    <message>
        <source>unknown role “%1” (facilitator, note-taker, speaker, participant)</source>
        <translation>ruolo sconosciuto «%1» (facilitatore, verbalizzante, relatore, partecipante)</translation>
    </message>
    <message>
        <source>unknown organisation kind “%1”</source>
        <translation>tipo di ente sconosciuto «%1»</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>il titolo è vuoto</translation>
    </message>
    <message>
        <source>no column is mapped to the title</source>
        <translation>nessuna colonna è associata al titolo</translation>
    </message>
    <message>
        <source>“%1” is not a day number (1, 2, 3…)</source>
        <translation>«%1» non è un numero di giorno (1, 2, 3…)</translation>
    </message>
    <message>
        <source>“%1” is not a time (like 09:30)</source>
        <translation>«%1» non è un orario (come 09:30)</translation>
    </message>
    <message>
        <source>“%1” is not a duration in minutes (0 to 1440)</source>
        <translation>«%1» non è una durata in minuti (da 0 a 1440)</translation>
    </message>
    <message>
        <source>unknown kind “%1” (plenary, presentation, break, discussion, site visit, group work)</source>
        <translation>tipo sconosciuto «%1» (plenaria, presentazione, pausa, discussione, visita, lavoro di gruppo)</translation>
    </message>
    <message>
        <source>the row has more cells than the header: a separator inside a value?</source>
        <translation>la riga ha più celle dell'intestazione: un separatore dentro un valore?</translation>
    </message>
    <message>
        <source>repeats row %1 (same e-mail)</source>
        <translation>ripete la riga %1 (stessa e-mail)</translation>
    </message>
    <message>
        <source>repeats row %1 (same name)</source>
        <translation>ripete la riga %1 (stesso nome)</translation>
    </message>
    <message>
        <source>already in the workshop (same e-mail)</source>
        <translation>già nel workshop (stessa e-mail)</translation>
    </message>
    <message>
        <source>already in the agenda of that day (same title)</source>
        <translation>già nel programma di quel giorno (stesso titolo)</translation>
    </message>
    <message>
        <source>already in the workshop (same name)</source>
        <translation>già nel workshop (stesso nome)</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Aggiungi giorno</translation>
    </message>
    <message>
        <source>Edit day</source>
        <translation>Modifica giorno</translation>
    </message>
    <message>
        <source>Delete day</source>
        <translation>Elimina giorno</translation>
    </message>
    <message>
        <source>Edit organisation</source>
        <translation>Modifica ente</translation>
    </message>
    <message>
        <source>Add categories from a template</source>
        <translation>Aggiungi categorie da un modello</translation>
    </message>
    <message>
        <source>Import participants</source>
        <translation>Importa partecipanti</translation>
    </message>
    <message>
        <source>Import agenda</source>
        <translation>Importa programma</translation>
    </message>
</context>
<context>
    <name>polls</name>
    <message>
        <source>Which solutions travel best to other contexts?</source>
        <translation>Quali soluzioni si trasferiscono meglio in altri contesti?</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <source>Edit workshop details</source>
        <translation>Modifica dati del workshop</translation>
    </message>
    <message>
        <source>Add agenda item</source>
        <translation>Aggiungi punto del programma</translation>
    </message>
    <message>
        <source>Start item</source>
        <translation>Avvia punto</translation>
    </message>
    <message>
        <source>Stop item</source>
        <translation>Ferma punto</translation>
    </message>
    <message>
        <source>Edit agenda item</source>
        <translation>Modifica punto del programma</translation>
    </message>
    <message>
        <source>Change duration</source>
        <translation>Cambia durata</translation>
    </message>
    <message>
        <source>Delete agenda item</source>
        <translation>Elimina punto del programma</translation>
    </message>
    <message>
        <source>Reorder agenda</source>
        <translation>Riordina programma</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Aggiungi partecipante</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Modifica partecipante</translation>
    </message>
    <message>
        <source>Delete participant</source>
        <translation>Elimina partecipante</translation>
    </message>
    <message>
        <source>New join code</source>
        <translation>Nuovo codice di accesso</translation>
    </message>
    <message>
        <source>Issue join codes</source>
        <translation>Assegna i codici di accesso</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registra presenza</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Togli presenza</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Aggiungi categoria</translation>
    </message>
    <message>
        <source>Edit category</source>
        <translation>Modifica categoria</translation>
    </message>
    <message>
        <source>Delete category</source>
        <translation>Elimina categoria</translation>
    </message>
    <message>
        <source>Reorder categories</source>
        <translation>Riordina categorie</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Aggiungi nota</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modifica nota</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Elimina nota</translation>
    </message>
</context>
</TS>