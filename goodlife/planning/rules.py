"""What a support plan needs before the person and worker agree it. Plain Python.

Council-funded support is short-term by default, with an end date, and a manager signs
it off; every plan has a contingency plan and a plan for the worker's disengagement; and
every service traces back to an outcome (the golden thread).
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from goodlife.planning.models import Decision
from goodlife.planning.tiers import COUNCIL_FUNDED


@dataclass(frozen=True)
class Problem:
    item: object | None  # the plan item concerned, or None for the plan as a whole
    message: str


def item_problems(item, outcome_count: int) -> list[Problem]:
    problems = []
    if outcome_count == 0:
        problems.append(
            Problem(
                item,
                f"“{item.description}” serves no outcome: link it to "
                "one, or ask whether it is needed",
            )
        )
    if item.tier in COUNCIL_FUNDED:
        if item.starts_on is None:
            problems.append(Problem(item, f"“{item.description}” needs a start date"))
        if item.ends_on is None and not item.open_ended_reason.strip():
            problems.append(
                Problem(
                    item,
                    f"“{item.description}” needs a planned end date, or "
                    "a reason why it is open-ended",
                )
            )
        if item.weekly_cost is None:
            problems.append(Problem(item, f"“{item.description}” needs its weekly cost"))
        if item.signed_off_at is None:
            problems.append(
                Problem(
                    item,
                    f"“{item.description}” needs a manager's sign-off: send the plan for sign-off",
                )
            )
    return problems


# Where a step's support comes from, by who does it: the start of a plan item made from a
# step (the worker changes it where it is wrong).
TIER_OF_WHO = {
    "person": "own_strengths",
    "family": "family_friends",
    "worker": "information",
    "other": "community",
}


def needs_sign_off(items) -> list:
    """The council-funded items a manager has not signed off (or whose cost or dates have
    changed since)."""
    return [i for i in items if i.tier in COUNCIL_FUNDED and i.signed_off_at is None]


def sign_off_fingerprint(items) -> str:
    """What a manager saw when deciding: the items waiting, with their costs and dates. A
    sign-off is refused when the plan no longer matches it (someone changed it meanwhile)."""
    seen = sorted(
        (str(i.pk), i.description, i.tier, str(i.weekly_cost), str(i.starts_on), str(i.ends_on))
        for i in needs_sign_off(items)
    )
    return hashlib.sha256(repr(seen).encode()).hexdigest()[:32]


def total_cost(item) -> Decimal | None:
    """What an item costs from its start to its planned end, at its weekly cost; None when
    it is open-ended or its cost or dates are not known."""
    if item.weekly_cost is None or item.starts_on is None or item.ends_on is None:
        return None
    days = (item.ends_on - item.starts_on).days
    return (item.weekly_cost * Decimal(days) / Decimal(7)).quantize(Decimal("0.01"))


def change_needs_sign_off(item, *, weekly_cost, ends_on) -> bool:
    """A change at review that a manager signs off again: council-funded support that will
    cost more each week or run longer than what was signed off."""
    if item.tier not in COUNCIL_FUNDED:
        return False
    costs_more = (
        weekly_cost is not None and item.weekly_cost is not None and weekly_cost > item.weekly_cost
    )
    runs_longer = ends_on is not None and (item.ends_on is None or ends_on > item.ends_on)
    return costs_more or runs_longer


def edit_needs_sign_off(item, changes: dict) -> bool:
    """An edit to a draft's signed-off item that needs signing off again: its amount, its
    dates or where it comes from changed."""
    return any(
        key in changes and changes[key] != getattr(item, key)
        for key in ("weekly_cost", "starts_on", "ends_on", "tier")
    )


def budget_totals(items, lines) -> tuple[Decimal, Decimal]:
    """A week's cost of council-funded support, and what its sources of funding come to."""
    cost = sum(
        (i.weekly_cost for i in items if i.tier in COUNCIL_FUNDED and i.weekly_cost is not None),
        Decimal(0),
    )
    return cost, sum((line.weekly_amount for line in lines), Decimal(0))


def budget_problems(items, lines) -> list[Problem]:
    """The personal budget adds up: every pound of council-funded support has a source."""
    total_cost, total_funding = budget_totals(items, lines)
    if total_cost == total_funding:
        return []
    return [
        Problem(
            None,
            f"The budget does not add up: support costs £{total_cost:.2f} a week "
            f"and the sources of funding come to £{total_funding:.2f}",
        )
    ]


def plan_problems(plan, items_with_outcome_counts) -> list[Problem]:
    """Everything standing between this plan and its agreement; empty when it is ready."""
    problems = []
    if not items_with_outcome_counts:
        problems.append(Problem(None, "Add at least one item to the plan"))
    for item, count in items_with_outcome_counts:
        problems.extend(item_problems(item, count))
    if not plan.contingency.strip():
        problems.append(
            Problem(None, "Write the contingency plan: what happens if things do not go as planned")
        )
    if not plan.disengagement.strip():
        problems.append(Problem(None, "Write the plan for the worker's gradual disengagement"))
    items = [item for item, _ in items_with_outcome_counts]
    problems.extend(budget_problems(items, list(plan.budget.all())))
    return problems


# What a worker must say when deciding, checked by the form (beside the box) and again by
# the service (for any other caller), in the same words.


def not_wanted_problem(not_wanted: bool, reason: str) -> str | None:
    if not_wanted and not (reason or "").strip():
        return "Say why the person did not want it: it is kept with the idea"
    return None


def decision_problem(item, decision: str, reason: str) -> str | None:
    """A review that changes or stops an item says why."""
    if decision in (Decision.CHANGE, Decision.STOP) and not (reason or "").strip():
        return f"Say why “{item.description}” changes or stops"
    return None


def change_problem(item, changes: dict) -> str | None:
    """A "Change" says what changes: at least one of the wording, provider, weekly cost or
    end date differs from what the item has now."""
    if not any(
        value not in (None, "") and value != getattr(item, key) for key, value in changes.items()
    ):
        return (
            f"Say what changes for “{item.description}”: its wording, who provides it, its "
            "weekly cost or its end date"
        )
    return None


def next_review_problem(reviewed_on, next_review_by) -> str | None:
    if reviewed_on and next_review_by and next_review_by <= reviewed_on:
        return "The next review must be after this one"
    return None


def agreed_review_problem(agreed_on, review_by) -> str | None:
    if agreed_on and review_by and review_by <= agreed_on:
        return "The review date must be after the date it was agreed"
    return None
