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
        <source>Present %1 of %2</source>
        <translation>Presenti %1 su %2</translation>
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
    <name>DetailsView</name>
    <message>
        <source>The language of the workshop's category names and reports</source>
        <translation>La lingua dei nomi delle categorie e dei verbali del workshop</translation>
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
        <source>The report language follows the workshop; you may choose the other one. Times are shown in this computer's time zone.</source>
        <translation>La lingua del verbale è quella dell’incontro; si può scegliere l’altra. Gli orari sono mostrati nel fuso orario di questo computer.</translation>
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
        <source>Note-taker: (set your name in Settings)</source>
        <translation>Note di: (imposta il tuo nome in Impostazioni)</translation>
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
        <source>The end date is before the start date.</source>
        <translation>La data di fine è precedente a quella di inizio.</translation>
    </message>
    <message>
        <source>The end time is before the start time.</source>
        <translation>L'ora di fine è precedente a quella di inizio.</translation>
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