"""Suggest groups of notes by the words they share. Pure Python, offline, no model.

1. Words: lower case, accents folded ("attività" = "attivita"), Italian and English stop
   words dropped, then a light stemmer for both languages ("spazio", "spazi" → "spaz";
   "funding", "funds" → "fund"; "coprogettazione", "coprogettare" → "coprogett").
2. Each note becomes a tf-idf vector over the stems that at least two notes share and
   that are not in more than half of them (a word everyone uses groups nothing).
3. Average-linkage agglomerative clustering on cosine similarity, over each note's ten
   nearest notes: the two most similar groups are merged while their average
   similarity is at least ``threshold``.
4. Each group of two or more notes is a proposal, labelled with its most shared words
   (as people wrote them). Same input, same proposals, in the same order.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_IT = """
a ad al allo ai agli all alla alle agl anche ancora avere abbiamo avete hanno ho hai ha
aveva avevano c che chi ci cio col come con contro cui da dal dallo dai dagli dall dalla
dalle de del dello dei degli dell della delle di dove e ed era erano essere e gia gli
il in io la le lei li lo loro lui ma mi mio mia miei mie molto molti molte molta ne nei
negli nel nello nell nella nelle no noi non nostro nostra nostri nostre o od ogni per
perche piu poco poi possono puo quale quali quando quanto quella quelle quelli quello
questa queste questi questo qui se sei sia siamo siete sono su sua sue suo suoi sul sullo
sui sugli sull sulla sulle tra fra tu tutti tutto tutte tutta un una uno vi voi cosi
stato stata stati state fare fatto fatta fanno fa essere sempre senza tanto tanti
quindi pero oppure invece dove altro altri altra altre stesso stessa deve devono
serve servono bisogna cosa cose ecc etc via
"""
_EN = """
a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers him his how i if in into is it its
itself just me more most my no nor not now of off on once only or other our ours out
over own same she should so some such than that the their theirs them then there these
they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours also need needs get gets got make
makes made many much lot lots via etc
"""
STOP_WORDS = frozenset((_IT + _EN).split())

# Longest first; a stem keeps at least three letters.
_SUFFIX_TEXT = """
    amente mente azioni azione zioni zione ita ismi ismo iste ista isti ibile ibili abile
    abili menti mento ando endo are ere ire ato ata ati ate ito iti ite uto uta uti ute
    ations ation ments ment ings ing ed es s ly ness ity
"""
_SUFFIXES = sorted(_SUFFIX_TEXT.split(), key=len, reverse=True)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A light stemmer for Italian and English (``word`` already folded)."""
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"  # communities -> community
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    for _ in range(2):
        if len(word) > 3 and word[-1] in "aeiouy":
            word = word[:-1]
    return word


def words(text: str) -> list[tuple[str, str]]:
    """(stem, the word as written, lower case) of each content word of ``text``."""
    out = []
    for match in _WORD.finditer(text):
        written = match.group(0).casefold()
        folded = fold(written)
        if len(folded) < 3 or folded in STOP_WORDS:
            continue
        out.append((stem(folded), written))
    return out


@dataclass(frozen=True)
class Group:
    note_ids: tuple[int, ...]
    label: str  # the most shared words, as written ("spazi · comunità")
    stems: tuple[str, ...]


def suggest_groups(
    notes: Sequence[tuple[int, str]],
    threshold: float = 0.18,
    max_share: float = 0.5,
    neighbours: int = 10,
    ignore: Iterable[str] = (),
) -> list[Group]:
    """Groups of the notes ``(id, text)`` that share words, largest first. Words in
    ``ignore`` (the categories' names: "Sfida:", "Decisione:" typed before a note) link
    nothing."""
    skip = {s for text in ignore for s, _ in words(text)}
    parsed = {note_id: [(s, w) for s, w in words(text) if s not in skip] for note_id, text in notes}
    n = len(parsed)
    df: Counter[str] = Counter()
    for ws in parsed.values():
        df.update({s for s, _ in ws})
    limit = max(2.0, max_share * n)
    keep = {s for s, c in df.items() if 2 <= c <= limit}
    vectors: dict[int, dict[str, float]] = {}
    for note_id, ws in parsed.items():
        tf = Counter(s for s, _ in ws if s in keep)
        if not tf:
            continue
        vec = {s: c * (math.log(n / df[s]) + 1.0) for s, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        vectors[note_id] = {s: v / norm for s, v in vec.items()}

    # pairwise similarities through an inverted index (only pairs sharing a stem)
    index: dict[str, list[int]] = defaultdict(list)
    for note_id in sorted(vectors):
        for s in vectors[note_id]:
            index[s].append(note_id)
    sims: dict[tuple[int, int], float] = defaultdict(float)
    for s, ids in index.items():
        for i, a in enumerate(ids):
            wa = vectors[a][s]
            for bb in ids[i + 1 :]:
                sims[(a, bb)] += wa * vectors[bb][s]

    # Keep each note's ``neighbours`` most similar notes only (a sparse k-nearest graph:
    # a missing link counts as no similarity), so hundreds of notes that share common
    # words do not make the merging quadratic.
    near: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, bb), sim in sims.items():
        if sim >= threshold:
            near[a].append((sim, bb))
            near[bb].append((sim, a))
    kept: set[tuple[int, int]] = set()
    for a, candidates in near.items():
        for _sim, bb in heapq.nlargest(neighbours, candidates):
            kept.add((min(a, bb), max(a, bb)))
    members: dict[int, list[int]] = {note_id: [note_id] for note_id in vectors}
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for a, bb in kept:
        links[a][bb] = sims[(a, bb)]
        links[bb][a] = sims[(a, bb)]
    heap: list[tuple[float, int, int]] = []

    def push(a: int, bb: int) -> None:
        lo, hi = min(a, bb), max(a, bb)
        avg = links[lo][hi] / (len(members[lo]) * len(members[hi]))
        if avg >= threshold:
            heapq.heappush(heap, (-avg, lo, hi))

    for a, bb in sorted(kept):
        push(a, bb)
    next_id = max(vectors, default=0) + 1
    while heap:
        _neg, a, bb = heapq.heappop(heap)
        if a not in members or bb not in members:
            continue  # merged already
        c = next_id
        next_id += 1
        members[c] = members.pop(a) + members.pop(bb)
        joined: dict[int, float] = defaultdict(float)
        for old in (a, bb):
            for k, total in links.pop(old, {}).items():
                links[k].pop(old, None)
                if k not in (a, bb):
                    joined[k] += total
        for k, total in sorted(joined.items()):
            links[c][k] = total
            links[k][c] = total
            push(c, k)

    groups = []
    for ids in members.values():
        if len(ids) < 2:
            continue
        ids = sorted(ids)
        groups.append(_label(ids, parsed, vectors))
    groups.sort(key=lambda g: (-len(g.note_ids), g.note_ids[0]))
    return groups


def _label(
    ids: Sequence[int],
    parsed: dict[int, list[tuple[str, str]]],
    vectors: dict[int, dict[str, float]],
) -> Group:
    present: Counter[str] = Counter()
    weight: dict[str, float] = defaultdict(float)
    for note_id in ids:
        present.update(vectors[note_id].keys())
        for s, v in vectors[note_id].items():
            weight[s] += v
    ranked = sorted(present, key=lambda s: (-present[s], -weight[s], s))
    chosen = [s for s in ranked if present[s] * 2 >= len(ids)][:2] or ranked[:1]
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for note_id in ids:
        for s, w in parsed[note_id]:
            if s in chosen:
                written[s][w] += 1
    label = " · ".join(_most_common(written[s]) for s in chosen)
    return Group(tuple(ids), label, tuple(chosen))


def _most_common(counts: Counter[str]) -> str:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
