"""Polls: rules, ballot validation and tallies. Pure functions; no Qt, no SQL.

A ballot is a mapping ``(option_id, criterion) -> value``; ``criterion`` is the
0-based position of a scoring criterion, and 0 for the methods without criteria.

- dot voting: value = dots on that option;
- approval: value = 1 for an approved option;
- ranked choice: value = rank (1 = first preference); Borda points are n - rank + 1;
- multi-criteria scoring: value = score on the criterion's scale.

A *tally* ballot (paper dots counted by the facilitator) stands for ``voters`` paper
ballots at once; its limits are multiplied by ``voters``. Only dot and approval
polls accept tallies.

Ranking: options are ordered by score (highest first) and then by their position in
the poll; options with the same score share a rank (competition ranking 1, 1, 3).
Scores are exact fractions, so equal scores are always recognised as ties.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from facilitator.domain.errors import ValidationError

Key = tuple[int, int]  # (option_id, criterion position; 0 when the method has none)

MAX_DOTS = 100
MAX_SCALE = 100


class Method(StrEnum):
    DOT = "dot"
    SCORE = "score"
    RANKED = "ranked"
    APPROVAL = "approval"


class PollState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class CastMode(StrEnum):
    TALLY = "tally"  # counts of paper dots typed by the facilitator
    VOTER = "voter"  # the facilitator enters one participant's ballot
    KIOSK = "kiosk"  # the laptop is passed around: one anonymous voter at a time


@dataclass(frozen=True)
class Criterion:
    name: str
    scale_min: int = 1
    scale_max: int = 5
    weight: float = 1.0


DEFAULT_CRITERIA: dict[str, tuple[str, str]] = {
    # key: (English, Italian)
    "impact": ("Impact", "Impatto"),
    "feasibility": ("Feasibility", "Fattibilità"),
    "transferability": ("Transferability", "Trasferibilità"),
}


def default_criteria(language: str = "en") -> tuple[Criterion, ...]:
    """Impact, feasibility, transferability on a 1–5 scale, weight 1."""
    index = 1 if language == "it" else 0
    return tuple(Criterion(names[index]) for names in DEFAULT_CRITERIA.values())


@dataclass(frozen=True)
class PollRules:
    """What a ballot must respect. ``option_ids`` are in the poll's display order."""

    method: Method
    option_ids: tuple[int, ...]
    state: PollState = PollState.OPEN
    dots_per_voter: int = 5
    max_per_option: int | None = None
    criteria: tuple[Criterion, ...] = ()
    require_complete: bool = True  # ranked / score: every option (and criterion) filled

    @property
    def criteria_count(self) -> int:
        return len(self.criteria) if self.method is Method.SCORE else 1


@dataclass(frozen=True)
class Ballot:
    values: Mapping[Key, int]
    voters: int = 1  # > 1 only for tally entry

    @classmethod
    def dots(cls, per_option: Mapping[int, int], voters: int = 1) -> Ballot:
        return cls({(o, 0): n for o, n in per_option.items()}, voters)

    @classmethod
    def approvals(cls, option_ids: Iterable[int]) -> Ballot:
        return cls({(o, 0): 1 for o in option_ids})

    @classmethod
    def approval_counts(cls, per_option: Mapping[int, int], voters: int) -> Ballot:
        return cls({(o, 0): n for o, n in per_option.items()}, voters)

    @classmethod
    def ranking(cls, ordered_option_ids: Sequence[int]) -> Ballot:
        return cls({(o, 0): rank for rank, o in enumerate(ordered_option_ids, start=1)})

    @classmethod
    def scores(cls, per_option: Mapping[int, Sequence[int]]) -> Ballot:
        return cls({(o, c): s for o, row in per_option.items() for c, s in enumerate(row)})

    def total(self) -> int:
        return sum(self.values.values())


# --- rules --------------------------------------------------------------------------------


def check_rules(rules: PollRules) -> None:
    """Reject settings a poll cannot run with."""
    if len(rules.option_ids) < 2:
        raise ValidationError("options", "a poll needs at least two options")
    if len(set(rules.option_ids)) != len(rules.option_ids):
        raise ValidationError("options", "an option appears twice in the poll")
    if rules.method is Method.DOT:
        if not 1 <= rules.dots_per_voter <= MAX_DOTS:
            raise ValidationError(
                "dots_per_voter",
                f"dots per voter must be 1 to {MAX_DOTS}, not {rules.dots_per_voter}",
            )
        if rules.max_per_option is not None and not (
            1 <= rules.max_per_option <= rules.dots_per_voter
        ):
            raise ValidationError(
                "max_per_option",
                f"the cap per option must be 1 to {rules.dots_per_voter} (the dots per voter), "
                f"not {rules.max_per_option}",
            )
    if rules.method is Method.SCORE:
        if not rules.criteria:
            raise ValidationError("criteria", "a scoring poll needs at least one criterion")
        names = [c.name.strip().lower() for c in rules.criteria]
        if any(not n for n in names):
            raise ValidationError("criteria", "every criterion needs a name")
        if len(set(names)) != len(names):
            raise ValidationError("criteria", "two criteria have the same name")
        for c in rules.criteria:
            if not (0 <= c.scale_min < c.scale_max <= MAX_SCALE):
                raise ValidationError(
                    "criteria",
                    f"the scale of “{c.name}” must go up from 0…{MAX_SCALE}, "
                    f"not {c.scale_min}–{c.scale_max}",
                )
            if not (0 < c.weight <= 100):
                raise ValidationError(
                    "criteria", f"the weight of “{c.name}” must be above 0, not {c.weight}"
                )


def rules_text(rules: PollRules, language: str = "en") -> str:
    """The rules in one sentence, in the workshop's language (for reports and screens)."""
    it = language == "it"
    if rules.method is Method.DOT:
        text = (
            f"Voto a punti: {rules.dots_per_voter} punti a testa"
            if it
            else f"Dot voting: {rules.dots_per_voter} dots per voter"
        )
        if rules.max_per_option is not None:
            text += (
                f", al massimo {rules.max_per_option} per opzione"
                if it
                else f", at most {rules.max_per_option} per option"
            )
        return text + "."
    if rules.method is Method.APPROVAL:
        return (
            "Voto per approvazione: si approvano quante opzioni si vuole."
            if it
            else "Approval voting: approve any number of options."
        )
    if rules.method is Method.RANKED:
        n = len(rules.option_ids)
        return (
            f"Classifica (Borda): da {n} punti alla prima scelta a 1 all'ultima; "
            "si contano anche le prime preferenze."
            if it
            else f"Ranked choice (Borda): {n} points for a first choice down to 1 for the last; "
            "first preferences are counted too."
        )
    parts = []
    for c in rules.criteria:
        number = f"{c.weight:g}".replace(".", ",") if it else f"{c.weight:g}"
        weight = f", {'peso' if it else 'weight'} {number}" if c.weight != 1 else ""
        parts.append(f"{c.name} {c.scale_min}–{c.scale_max}{weight}")
    lead = "Punteggio su più criteri" if it else "Multi-criteria scoring"
    tail = "totale = somma pesata delle medie" if it else "total = weighted sum of the averages"
    return f"{lead}: " + "; ".join(parts) + f" ({tail})."


# --- ballots --------------------------------------------------------------------------------


def validate_ballot(rules: PollRules, ballot: Ballot) -> Ballot:
    """Check ``ballot`` against ``rules``; return it without zero entries.

    Raises ValidationError with a sentence a voter understands.
    """
    if rules.state is PollState.CLOSED:
        raise ValidationError(
            "poll", "the poll is closed: it accepts no more ballots", rule="closed"
        )
    if rules.state is PollState.DRAFT:
        raise ValidationError("poll", "the poll is not open yet", rule="draft")
    voters = ballot.voters
    if not isinstance(voters, int) or voters < 1:
        raise ValidationError("voters", "the number of voters must be at least 1")
    if voters > 1 and rules.method not in (Method.DOT, Method.APPROVAL):
        raise ValidationError(
            "voters", "paper tallies are possible for dot and approval polls only"
        )
    options = set(rules.option_ids)
    values: dict[Key, int] = {}
    for (option, criterion), value in ballot.values.items():
        if option not in options:
            raise ValidationError("option", f"option {option} is not in this poll")
        if not 0 <= criterion < rules.criteria_count:
            raise ValidationError("criterion", f"criterion {criterion} is not in this poll")
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValidationError("value", f"{value!r} is not a whole number")
        if value < 0:
            raise ValidationError("value", "a vote cannot be negative")
        if value or rules.method is Method.SCORE:  # 0 may be a score on a 0–n scale
            values[(option, criterion)] = value
    check = _CHECKS[rules.method]
    check(rules, values, voters)
    return Ballot(values, voters)


def _check_dot(rules: PollRules, values: dict[Key, int], voters: int) -> None:
    total = sum(values.values())
    allowed = rules.dots_per_voter * voters
    if total == 0:
        raise ValidationError("dots", "the ballot is empty: place at least one dot", rule="empty")
    if total > allowed:
        raise ValidationError(
            "dots",
            f"too many dots: {total} placed, at most {allowed}",
            placed=total,
            allowed=allowed,
            rule="too_many_dots",
        )
    if rules.max_per_option is not None:
        cap = rules.max_per_option * voters
        for (option, _), n in values.items():
            if n > cap:
                raise ValidationError(
                    "dots",
                    f"too many dots on one option: {n}, at most {cap}",
                    option=option,
                    placed=n,
                    allowed=cap,
                    rule="over_cap",
                )


def _check_approval(rules: PollRules, values: dict[Key, int], voters: int) -> None:
    if not values:
        raise ValidationError(
            "approvals", "the ballot is empty: approve at least one option", rule="empty"
        )
    for (option, _), n in values.items():
        if n > voters:
            raise ValidationError(
                "approvals",
                f"{n} approvals for one option, but only {voters} voters",
                option=option,
            )


def _check_ranked(rules: PollRules, values: dict[Key, int], voters: int) -> None:
    n = len(rules.option_ids)
    ranks = sorted(values.values())
    if not ranks:
        raise ValidationError("ranks", "the ballot is empty: rank the options", rule="empty")
    for r in ranks:
        if r > n:
            raise ValidationError("ranks", f"rank {r} is beyond the {n} options")
    seen: set[int] = set()
    for r in ranks:
        if r in seen:
            raise ValidationError(
                "ranks", f"two options share rank {r}", rank=r, rule="shared_rank"
            )
        seen.add(r)
    if rules.require_complete and len(ranks) != n:
        raise ValidationError(
            "ranks",
            f"rank every option: {len(ranks)} of {n} ranked",
            ranked=len(ranks),
            total=n,
            rule="incomplete",
        )
    if ranks != list(range(1, len(ranks) + 1)):
        missing = next(i for i in range(1, len(ranks) + 2) if i not in seen)
        raise ValidationError(
            "ranks", f"rank {missing} is missing", rank=missing, rule="missing_rank"
        )


def _check_score(rules: PollRules, values: dict[Key, int], voters: int) -> None:
    for (option, c), s in values.items():
        crit = rules.criteria[c]
        if not crit.scale_min <= s <= crit.scale_max:
            raise ValidationError(
                "score",
                f"score {s} is outside the scale {crit.scale_min}–{crit.scale_max} "
                f"of “{crit.name}”",
                option=option,
                criterion=c,
                value=s,
                low=crit.scale_min,
                high=crit.scale_max,
                name=crit.name,
                rule="outside_scale",
            )
    if not values:
        raise ValidationError("score", "the ballot is empty: give at least one score", rule="empty")
    if rules.require_complete:
        expected = len(rules.option_ids) * len(rules.criteria)
        if len(values) != expected:
            raise ValidationError(
                "score",
                f"score every option on every criterion: {len(values)} of {expected} given",
                given=len(values),
                total=expected,
                rule="incomplete",
            )


_CHECKS = {
    Method.DOT: _check_dot,
    Method.APPROVAL: _check_approval,
    Method.RANKED: _check_ranked,
    Method.SCORE: _check_score,
}


# --- tallies -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    option_id: int
    rank: int  # 1 = best; equal scores share a rank
    score: Fraction  # dots, approvals, Borda points or weighted total
    first_preferences: int = 0  # ranked choice only
    criterion_averages: tuple[Fraction | None, ...] = ()  # scoring only, per criterion
    tied: bool = False  # shares its rank with another option

    @property
    def score_value(self) -> float:
        return float(self.score)


@dataclass(frozen=True)
class PollResult:
    method: Method
    ballots: int  # number of voters (a tally of 12 paper ballots counts 12)
    rows: tuple[ResultRow, ...]
    criteria: tuple[Criterion, ...] = field(default=())

    @property
    def max_score(self) -> Fraction:
        return max((r.score for r in self.rows), default=Fraction(0))

    def row(self, option_id: int) -> ResultRow:
        for r in self.rows:
            if r.option_id == option_id:
                return r
        raise KeyError(option_id)


def tally(rules: PollRules, ballots: Iterable[Ballot]) -> PollResult:
    """Count accepted ballots. Ballots are assumed valid (use :func:`validate_ballot`)."""
    options = rules.option_ids
    position = {o: i for i, o in enumerate(options)}
    score: dict[int, Fraction] = {o: Fraction(0) for o in options}
    firsts = dict.fromkeys(options, 0)
    ncrit = len(rules.criteria) if rules.method is Method.SCORE else 0
    sums = {o: [0] * ncrit for o in options}
    counts = {o: [0] * ncrit for o in options}
    n = len(options)
    voters = 0
    for ballot in ballots:
        voters += ballot.voters
        for (option, c), value in ballot.values.items():
            if option not in score:
                continue
            if rules.method in (Method.DOT, Method.APPROVAL):
                score[option] += value
            elif rules.method is Method.RANKED:
                score[option] += n - value + 1
                if value == 1:
                    firsts[option] += 1
            else:
                sums[option][c] += value
                counts[option][c] += 1
    averages: dict[int, tuple[Fraction | None, ...]] = {}
    if rules.method is Method.SCORE:
        for o in options:
            avg = tuple(
                Fraction(sums[o][c], counts[o][c]) if counts[o][c] else None for c in range(ncrit)
            )
            averages[o] = avg
            score[o] = sum(
                (
                    Fraction(rules.criteria[c].weight) * a
                    for c, a in enumerate(avg)
                    if a is not None
                ),
                Fraction(0),
            )
    order = sorted(options, key=lambda o: (-score[o], position[o]))
    rows: list[ResultRow] = []
    count_by_score: dict[Fraction, int] = {}
    for o in options:
        count_by_score[score[o]] = count_by_score.get(score[o], 0) + 1
    rank = 0
    previous: Fraction | None = None
    for i, o in enumerate(order, start=1):
        if previous is None or score[o] != previous:
            rank = i
            previous = score[o]
        rows.append(
            ResultRow(
                option_id=o,
                rank=rank,
                score=score[o],
                first_preferences=firsts[o],
                criterion_averages=averages.get(o, ()),
                tied=count_by_score[score[o]] > 1,
            )
        )
    return PollResult(rules.method, voters, tuple(rows), rules.criteria if ncrit else ())


def round_half_up(value: Fraction | float, places: int = 2) -> Fraction:
    """``value`` rounded to ``places`` decimals, halves away from zero (2.625 → 2.63),
    as a reader rounds: not to even, as binary floats and ``round()`` do."""
    exact = Fraction(value) if not isinstance(value, Fraction) else value
    scale = 10**places
    scaled = abs(exact) * scale
    whole = int(scaled + Fraction(1, 2))
    return Fraction(whole if exact >= 0 else -whole, scale)


def format_score(value: Fraction | float | None, method: Method) -> str:
    """Whole numbers stay whole; averages and weighted totals get two decimals, rounded
    half up."""
    if value is None:
        return "–"
    if method in (Method.DOT, Method.APPROVAL, Method.RANKED):
        return str(int(value))
    shown = round_half_up(value)
    sign = "-" if shown < 0 else ""
    cents = abs(shown.numerator * (100 // shown.denominator))
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def shown_total(row: ResultRow, criteria: Sequence[Criterion]) -> Fraction:
    """A scoring row's total as the weighted sum of its averages *as shown* (two
    decimals): the printed row then adds up (4.00 + 2.88 + 4.25 = 11.13)."""
    return sum(
        (
            Fraction(c.weight) * round_half_up(a)
            for c, a in zip(criteria, row.criterion_averages, strict=False)
            if a is not None
        ),
        Fraction(0),
    )
