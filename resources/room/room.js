/* Facilitator room page: vote and send ideas from a phone. No external assets.
   The server checks every rule; this page only helps (counts dots, fills ranks). */
"use strict";
(function () {
  var T = {
    it: {
      other: "English", join_title: "Entra nella sala", code_label: "Codice della sala (6 caratteri)",
      name_label: "Il tuo nome (facoltativo: altrimenti anonimo)", join: "Entra", vote: "Vota",
      results: "Risultati", no_poll: "Nessuna votazione aperta in questo momento.", ideas: "Idee",
      idea_label: "La tua idea", send: "Invia", wall: "Idee accettate", wall_empty: "Ancora nessuna.",
      mine: "Le tue idee", me: "Tu", save: "Salva", sending: "Invio in corso…",
      retrying: "Rete instabile: nuovo tentativo…", failed: "Non inviato: controlla il Wi-Fi e riprova.",
      offline: "Collegamento perso: riprovo…", joined: "Sei nella sala.", saved: "Salvato.",
      dots_left: "Punti rimasti: {n} di {t}", cap: "al massimo {c} per opzione",
      add_dot: "Aggiungi un punto a {o}", remove_dot: "Togli un punto a {o}",
      up: "Sposta su {o}", down: "Sposta giù {o}", rank_help: "Ordina le opzioni: la prima è la tua preferita.",
      approve_help: "Seleziona tutte le opzioni che approvi.", score_help: "Dai un punteggio a ogni opzione per ogni criterio.",
      already_voted: "Hai già votato: puoi cambiare il voto finché la votazione è aperta.",
      closed: "La votazione è chiusa.", question: "Domanda: {q}", item: "Punto in corso: {q}",
      no_target: "Le idee arrivano al facilitatore.", upvote: "Sostieni: {t}", votes: "{n} voti",
      status_pending: "in attesa", status_accepted: "accettata", status_rejected: "non accettata",
      status_merged: "unita a un'altra", ballots: "Schede: {n}", none: "–", code_missing: "Scrivi il codice della sala.",
      who_title: "Chi sei?", who_help: "Scegli il tuo nome dall'elenco e scrivi il codice stampato accanto al tuo nome.",
      who_search: "Cerca il tuo nome", who_none: "Nessun nome trovato.", who_code: "Il tuo codice (6 caratteri)",
      who_confirm: "Conferma", who_other: "Non sono io: scegli un altro nome", who_taken: "già entrato",
      who_missing: "Scrivi il tuo codice.", me_line: "Sei {n}."
    },
    en: {
      other: "Italiano", join_title: "Join the room", code_label: "Room code (6 characters)",
      name_label: "Your name (optional: otherwise anonymous)", join: "Join", vote: "Vote",
      results: "Results", no_poll: "No poll is open right now.", ideas: "Ideas",
      idea_label: "Your idea", send: "Send", wall: "Accepted ideas", wall_empty: "None yet.",
      mine: "Your ideas", me: "You", save: "Save", sending: "Sending…",
      retrying: "Unsteady network: trying again…", failed: "Not sent: check the Wi-Fi and try again.",
      offline: "Connection lost: retrying…", joined: "You are in the room.", saved: "Saved.",
      dots_left: "Dots left: {n} of {t}", cap: "at most {c} per option",
      add_dot: "Add a dot to {o}", remove_dot: "Remove a dot from {o}",
      up: "Move {o} up", down: "Move {o} down", rank_help: "Put the options in order: the first is your favourite.",
      approve_help: "Tick every option you approve of.", score_help: "Score every option on every criterion.",
      already_voted: "You have voted: you can change your vote while the poll is open.",
      closed: "The poll is closed.", question: "Question: {q}", item: "Now: {q}",
      no_target: "Ideas go to the facilitator.", upvote: "Support: {t}", votes: "{n} votes",
      status_pending: "waiting", status_accepted: "accepted", status_rejected: "not accepted",
      status_merged: "merged with another", ballots: "Ballots: {n}", none: "–", code_missing: "Type the room code.",
      who_title: "Who are you?", who_help: "Pick your name from the list and type the code printed next to your name.",
      who_search: "Find your name", who_none: "No name found.", who_code: "Your code (6 characters)",
      who_confirm: "Confirm", who_other: "Not me: pick another name", who_taken: "already joined",
      who_missing: "Type your code.", me_line: "You are {n}."
    }
  };
  var lang = "it", chosen = false, code = "", view = null, pollKey = "", ws = null, wsDelay = 1000;
  var mode = "anonymous", people = [], picked = null; /* the participants' mode */
  var picks = {}; /* option id -> dots / 1 / [scores] */
  var order = []; /* ranked: option ids in order */
  function $(id) { return document.getElementById(id); }
  function t(key, args) {
    var s = (T[lang] && T[lang][key]) || T.en[key] || key;
    if (args) { Object.keys(args).forEach(function (k) { s = s.split("{" + k + "}").join(String(args[k])); }); }
    return s;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function newKey() {
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ("0" + x.toString(16)).slice(-2); }).join("");
  }
  function status(id, text, kind) { var s = $(id); s.textContent = text || ""; s.className = "status" + (kind ? " " + kind : ""); }
  function translatePage() {
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (e) { e.textContent = t(e.getAttribute("data-t")); });
    var other = lang === "it" ? "en" : "it";
    $("lang").textContent = T[lang].other; $("lang").setAttribute("lang", other);
  }

  /* --- requests: retried with the same key until the server answers ---------------- */
  function api(method, path, body) {
    var opts = { method: method, credentials: "same-origin", headers: { "X-Room-Code": code } };
    if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(path, opts).then(function (res) {
      return res.json().catch(function () { return { ok: false, error: "bad_request", message: "" }; })
        .then(function (data) { data.httpStatus = res.status; return data; });
    });
  }
  function send(path, body, statusId) {
    var tries = 0, said = "";
    status(statusId, t("sending"));
    return new Promise(function (resolve) {
      function attempt() {
        api("POST", path, body).then(function (data) {
          if (data.httpStatus >= 500 || data.httpStatus === 429) { said = data.message || ""; retry(); return; }
          resolve(data);
        }, function () { said = ""; retry(); });
      }
      function retry() {
        tries += 1;
        if (tries > 6) { status(statusId, said || t("failed"), "bad"); resolve(null); return; }
        status(statusId, t("retrying"));
        setTimeout(attempt, Math.min(8000, 500 * Math.pow(2, tries)));
      }
      attempt();
    });
  }

  /* --- joining ---------------------------------------------------------------------- */
  function codeFromPath() {
    var m = /^\/j\/([A-Za-z0-9]{1,32})/.exec(location.pathname);
    return m ? m[1].toUpperCase() : "";
  }
  function join(name) {
    /* The language is the server's choice (the phone's if it prefers Italian or English,
       else the workshop's) unless this phone picked one with the button. */
    var body = {};
    if (chosen) { body.lang = lang; }
    if (name !== undefined) { body.name = name; }
    return send("/api/join", body, "join-status").then(function (data) {
      if (!data) { return false; }
      if (!data.ok) { showJoin(data.message); return false; }
      lang = data.lang; mode = data.mode || "anonymous";
      if (location.pathname !== "/j/" + code) { history.replaceState(null, "", "/j/" + code); }
      $("join").hidden = true; $("me").hidden = !data.ask_name;
      $("name").value = data.name || "";
      translatePage();
      if (mode === "participants" && !data.participant) { showWho(); } else { $("ideas").hidden = false; refresh(); }
      connect();
      return true;
    });
  }
  function showJoin(message) {
    $("join").hidden = false; $("vote").hidden = true; $("no-poll").hidden = true;
    $("ideas").hidden = true; $("me").hidden = true; $("who").hidden = true; $("me-line").hidden = true;
    status("join-status", message || "", message ? "bad" : "");
  }

  /* --- the participants' mode: pick your name, type your code ---------------------- */
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function showWho(message) {
    $("who").hidden = false; $("vote").hidden = true; $("no-poll").hidden = true; $("ideas").hidden = true;
    $("me-line").hidden = true; pollKey = "";
    if (picked === null) { $("who-pick").hidden = false; $("claim-form").hidden = true; }
    status("claim-status", message || "", message ? "bad" : "");
    loadPeople();
  }
  function loadPeople() {
    api("GET", "/api/participants").then(function (data) {
      if (!data.ok) { if (data.httpStatus === 401 || data.httpStatus === 403) { showJoin(data.message); } return; }
      people = data.participants; drawPeople();
      if (data.workshop) { $("title").textContent = data.workshop; document.title = data.workshop; }
    }, function () { $("conn").textContent = t("offline"); });
  }
  function drawPeople() {
    var q = fold($("who-search").value.trim()), list = $("who-list"), shown = 0;
    list.textContent = "";
    people.forEach(function (p) {
      if (q && fold(p.name + " " + p.org).indexOf(q) < 0) { return; }
      shown += 1;
      var li = el("li"), b = el("button", { type: "button", "data-id": String(p.id) });
      b.appendChild(el("span", null, p.name));
      var sub = [p.org, p.taken ? t("who_taken") : ""].filter(function (x) { return x; }).join(" · ");
      if (sub) { b.appendChild(el("small", null, sub)); }
      b.disabled = p.taken;
      b.addEventListener("click", function () { pick(p); });
      li.appendChild(b); list.appendChild(li);
    });
    $("who-none").hidden = shown > 0;
  }
  function pick(p) {
    picked = p; $("who-pick").hidden = true; $("claim-form").hidden = false;
    $("who-chosen").textContent = p.org ? p.name + " — " + p.org : p.name;
    status("claim-status", ""); $("join-code").value = ""; $("join-code").focus();
  }
  function unpick() {
    picked = null; $("who-pick").hidden = false; $("claim-form").hidden = true; status("claim-status", "");
    $("who-search").focus();
  }
  function sendClaim(ev) {
    ev.preventDefault();
    var c = $("join-code").value.replace(/[\s-]+/g, "").toUpperCase();
    if (!c) { status("claim-status", t("who_missing"), "bad"); return; }
    send("/api/claim", { participant: picked.id, code: c }, "claim-status").then(function (data) {
      if (!data) { return; }
      if (!data.ok) { status("claim-status", data.message, "bad"); if (data.error === "code_used") { showWho(data.message); } return; }
      picked = null; $("who").hidden = true; $("ideas").hidden = false;
      status("claim-status", ""); refresh();
    });
  }

  /* --- state ------------------------------------------------------------------------ */
  function refresh() {
    return api("GET", "/api/state").then(function (data) {
      if (!data.ok) { if (data.httpStatus === 401 || data.httpStatus === 403) { showJoin(data.message); } return; }
      mode = data.mode || mode;
      if (mode === "participants" && !data.participant) {
        view = null; if ($("who").hidden) { showWho(); } else { loadPeople(); } return;
      }
      view = data; $("who").hidden = true; $("ideas").hidden = false; render();
    }, function () { $("conn").textContent = t("offline"); });
  }
  function render() {
    $("title").textContent = view.workshop || "Facilitator";
    document.title = view.workshop || "Facilitator";
    $("me-line").hidden = !view.participant;
    $("me-line").textContent = view.participant ? t("me_line", { n: view.participant }) : "";
    var p = view.poll;
    $("vote").hidden = !p; $("no-poll").hidden = !!p;
    if (p) {
      var key = p.id + ":" + p.state + ":" + lang;
      if (key !== pollKey) { pollKey = key; buildBallot(p, view.ballot); }
      renderResults(view.results);
    }
    var tg = view.target;
    $("idea-target").textContent = tg.kind === "question" ? t("question", { q: tg.title }) :
      tg.kind === "item" ? t("item", { q: tg.title }) : t("no_target");
    var wall = $("wall"); wall.textContent = "";
    $("wall-empty").hidden = view.wall.length > 0;
    view.wall.forEach(function (w) {
      var li = el("li"); li.appendChild(el("span", null, w.text));
      var b = el("button", { type: "button", "class": "plain", "aria-pressed": w.voted ? "true" : "false",
        "aria-label": t("upvote", { t: w.text }) + " (" + t("votes", { n: w.votes }) + ")" }, "▲ " + w.votes);
      b.disabled = w.voted;
      b.addEventListener("click", function () { upvote(w.id, b); });
      li.appendChild(b); wall.appendChild(li);
    });
    var mine = $("my-ideas"); mine.textContent = "";
    view.ideas.forEach(function (i) {
      var li = el("li"); li.appendChild(el("span", null, i.text));
      li.appendChild(el("small", null, t("status_" + i.status))); mine.appendChild(li);
    });
  }
  function renderResults(res) {
    $("results").hidden = !res;
    if (!res) { return; }
    var ol = $("result-rows"); ol.textContent = "";
    res.rows.forEach(function (row) {
      if (!res.ballots) { return; }
      var li = el("li"); li.appendChild(el("div", null, row.rank + ". " + row.label + " — " + row.score));
      var bar = el("progress", { max: "1", value: String(row.share), "aria-hidden": "true" });
      li.appendChild(bar); ol.appendChild(li);
    });
    $("ballot-count").textContent = t("ballots", { n: res.ballots });
  }

  /* --- ballots ---------------------------------------------------------------------- */
  function buildBallot(p, mine) {
    $("poll-title").textContent = p.title; $("poll-rules").textContent = p.rules;
    var box = $("options"); box.textContent = ""; picks = {}; order = p.options.map(function (o) { return o.id; });
    (mine || []).forEach(function (e) {
      if (p.method === "score") { (picks[e[0]] = picks[e[0]] || [])[e[1]] = e[2]; } else { picks[e[0]] = e[2]; }
    });
    if (p.method === "ranked" && mine && mine.length) {
      order.sort(function (a, b) { return (picks[a] || 999) - (picks[b] || 999); });
    }
    var closed = p.state !== "open";
    $("vote-button").disabled = closed;
    status("ballot-status", closed ? t("closed") : (mine ? t("already_voted") : ""), mine && !closed ? "ok" : "");
    if (p.method === "dot") { buildDots(p, box); }
    else if (p.method === "approval") { buildApproval(p, box); }
    else if (p.method === "ranked") { buildRanked(p, box); }
    else { buildScore(p, box); }
  }
  function label(p, id) { for (var i = 0; i < p.options.length; i++) { if (p.options[i].id === id) { return p.options[i].label; } } return ""; }
  function buildDots(p, box) {
    function used() { return Object.keys(picks).reduce(function (s, k) { return s + (picks[k] || 0); }, 0); }
    function help() {
      var text = t("dots_left", { n: p.dots - used(), t: p.dots });
      if (p.cap) { text += " · " + t("cap", { c: p.cap }); }
      $("ballot-help").textContent = text;
      Array.prototype.forEach.call(box.querySelectorAll(".opt"), function (row) {
        var id = Number(row.getAttribute("data-id")), n = picks[id] || 0;
        row.querySelector("output").textContent = String(n);
        row.querySelector(".minus").disabled = n <= 0;
        row.querySelector(".plus").disabled = used() >= p.dots || (p.cap && n >= p.cap);
      });
    }
    p.options.forEach(function (o) {
      var row = el("div", { "class": "opt", "data-id": String(o.id) });
      row.appendChild(el("span", { "class": "label", id: "o" + o.id }, o.label));
      var minus = el("button", { type: "button", "class": "plain minus", "aria-label": t("remove_dot", { o: o.label }) }, "−");
      var out = el("output", { "aria-labelledby": "o" + o.id, "aria-live": "polite" }, "0");
      var plus = el("button", { type: "button", "class": "plus", "aria-label": t("add_dot", { o: o.label }) }, "+");
      minus.addEventListener("click", function () { picks[o.id] = Math.max(0, (picks[o.id] || 0) - 1); help(); });
      plus.addEventListener("click", function () { picks[o.id] = (picks[o.id] || 0) + 1; help(); });
      var ctrl = el("span", { "class": "ctrl" });
      ctrl.appendChild(minus); ctrl.appendChild(out); ctrl.appendChild(plus); row.appendChild(ctrl); box.appendChild(row);
    });
    help();
  }
  function buildApproval(p, box) {
    $("ballot-help").textContent = t("approve_help");
    p.options.forEach(function (o) {
      var row = el("div", { "class": "opt" }), lab = el("label", { "class": "check" });
      var cb = el("input", { type: "checkbox", value: String(o.id) });
      cb.checked = !!picks[o.id];
      cb.addEventListener("change", function () { picks[o.id] = cb.checked ? 1 : 0; });
      lab.appendChild(cb); lab.appendChild(el("span", null, o.label)); row.appendChild(lab); box.appendChild(row);
    });
  }
  function buildRanked(p, box) {
    $("ballot-help").textContent = t("rank_help");
    var list = el("ol", { "class": "ranked" });
    function draw(focusId, dir) {
      list.textContent = "";
      order.forEach(function (id, i) {
        var o = label(p, id), li = el("li", { "class": "opt", "data-id": String(id) });
        li.appendChild(el("span", { "class": "rank", "aria-hidden": "true" }, (i + 1) + "."));
        li.appendChild(el("span", { "class": "label" }, o));
        var up = el("button", { type: "button", "class": "plain up", "aria-label": t("up", { o: o }) }, "↑");
        var down = el("button", { type: "button", "class": "plain down", "aria-label": t("down", { o: o }) }, "↓");
        up.disabled = i === 0; down.disabled = i === order.length - 1;
        up.addEventListener("click", function () { move(i, -1); });
        down.addEventListener("click", function () { move(i, 1); });
        var ctrl = el("span", { "class": "ctrl" });
        ctrl.appendChild(up); ctrl.appendChild(down); li.appendChild(ctrl); list.appendChild(li);
      });
      if (focusId !== undefined) {
        var row = list.querySelector('[data-id="' + focusId + '"]');
        var b = row && row.querySelector(dir < 0 ? ".up" : ".down");
        if (b && b.disabled) { b = row.querySelector(dir < 0 ? ".down" : ".up"); }
        if (b) { b.focus(); }
      }
    }
    function move(i, d) { var j = i + d, id = order[i]; order[i] = order[j]; order[j] = id; draw(id, d); }
    box.appendChild(list); draw();
  }
  function buildScore(p, box) {
    $("ballot-help").textContent = t("score_help");
    p.options.forEach(function (o) {
      var fs = el("fieldset"); fs.appendChild(el("legend", null, o.label));
      p.criteria.forEach(function (c, ci) {
        var id = "s" + o.id + "_" + ci, lab = el("label", { "for": id }, c.name + " (" + c.min + "–" + c.max + ")");
        var sel = el("select", { id: id });
        sel.appendChild(el("option", { value: "" }, t("none")));
        for (var v = c.min; v <= c.max; v++) { sel.appendChild(el("option", { value: String(v) }, String(v))); }
        var cur = picks[o.id] && picks[o.id][ci];
        if (cur !== undefined && cur !== null) { sel.value = String(cur); }
        sel.addEventListener("change", function () {
          picks[o.id] = picks[o.id] || [];
          picks[o.id][ci] = sel.value === "" ? null : Number(sel.value);
        });
        fs.appendChild(lab); fs.appendChild(sel);
      });
      box.appendChild(fs);
    });
  }
  function entries(p) {
    var out = [];
    if (p.method === "ranked") { order.forEach(function (id, i) { out.push([id, 0, i + 1]); }); return out; }
    p.options.forEach(function (o) {
      var v = picks[o.id];
      if (p.method === "score") {
        (v || []).forEach(function (s, ci) { if (s !== null && s !== undefined) { out.push([o.id, ci, s]); } });
      } else if (v) { out.push([o.id, 0, v]); }
    });
    return out;
  }
  function vote(ev) {
    ev.preventDefault();
    var p = view && view.poll; if (!p) { return; }
    var b = $("vote-button"); b.disabled = true;
    send("/api/ballot", { poll: p.id, key: newKey(), entries: entries(p) }, "ballot-status").then(function (data) {
      b.disabled = false;
      if (!data) { return; }
      if (data.ok) { status("ballot-status", data.message, "ok"); }
      else {
        status("ballot-status", data.message, "bad");
        if (data.error === "closed" || data.error === "not_current" || data.error === "pick_name") { refresh(); }
      }
    });
  }

  /* --- ideas ------------------------------------------------------------------------ */
  function sendIdea(ev) {
    ev.preventDefault();
    var box = $("idea-text"), text = box.value;
    if (!text.trim()) { box.focus(); return; }
    send("/api/idea", { key: newKey(), text: text }, "idea-status").then(function (data) {
      if (!data) { return; }
      if (data.ok) { status("idea-status", data.message, "ok"); box.value = ""; refresh(); }
      else { status("idea-status", data.message, "bad"); }
    });
  }
  function upvote(id, button) {
    button.disabled = true;
    send("/api/upvote", { idea: id }, "idea-status").then(function (data) {
      if (data && !data.ok) { status("idea-status", data.message, "bad"); } else { status("idea-status", ""); }
      refresh();
    });
  }

  /* --- live updates ----------------------------------------------------------------- */
  function connect() {
    if (ws) { return; }
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(scheme + location.host + "/api/ws?code=" + encodeURIComponent(code));
    ws.onopen = function () { wsDelay = 1000; $("conn").textContent = ""; };
    ws.onmessage = function (m) {
      var data; try { data = JSON.parse(m.data); } catch (e) { return; }
      if (data.t === "changed") { refresh(); }
      else if (data.t === "results" && view && view.poll && data.results.poll === view.poll.id) { renderResults(data.results); }
    };
    ws.onclose = function () {
      ws = null; $("conn").textContent = t("offline");
      setTimeout(function () { refresh(); connect(); }, wsDelay); wsDelay = Math.min(15000, wsDelay * 2);
    };
  }

  /* --- start ------------------------------------------------------------------------ */
  function start() {
    var stored = null; try { stored = localStorage.getItem("fac-lang"); } catch (e) { /* private mode */ }
    var nav = (navigator.language || "").slice(0, 2).toLowerCase();
    chosen = stored === "it" || stored === "en";
    lang = chosen ? stored : (nav === "en" ? "en" : "it");
    translatePage();
    $("lang").addEventListener("click", function () {
      lang = lang === "it" ? "en" : "it"; chosen = true;
      try { localStorage.setItem("fac-lang", lang); } catch (e) { /* private mode */ }
      translatePage(); pollKey = "";
      if (code && $("join").hidden) { join(); } else if (view) { render(); }
      if (!$("who").hidden) { drawPeople(); }
    });
    $("join-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var c = $("code").value.replace(/\s+/g, "").toUpperCase();
      if (!c) { status("join-status", t("code_missing"), "bad"); return; }
      code = c; join();
    });
    $("name-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var body = { name: $("name").value };
      if (chosen) { body.lang = lang; }
      send("/api/join", body, "name-status").then(function (d) {
        if (d) { status("name-status", d.ok ? t("saved") : d.message, d.ok ? "ok" : "bad"); }
      });
    });
    $("ballot").addEventListener("submit", vote);
    $("claim-form").addEventListener("submit", sendClaim);
    $("who-back").addEventListener("click", unpick);
    $("who-search").addEventListener("input", drawPeople);
    $("idea-form").addEventListener("submit", sendIdea);
    setInterval(function () { if (code && $("join").hidden) { refresh(); } }, 20000);
    code = codeFromPath();
    if (code) { join(); } else { showJoin(""); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
