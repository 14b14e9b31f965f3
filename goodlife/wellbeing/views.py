from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.safestring import mark_safe

from goodlife.accounts.access import CASEWORK, OPEN_RECORDS, access
from goodlife.accounts.typed_work import submitted
from goodlife.audit.decorators import audit_shown
from goodlife.errors import Conflict
from goodlife.people.access import person_view
from goodlife.ui.once import once_only
from goodlife.ui.versions import edited_version
from goodlife.wellbeing import charts, progression, services, well12
from goodlife.wellbeing.forms import Well12AmendForm, Well12Form
from goodlife.wellbeing.models import ITEM_FIELDS, Well12Response
from goodlife.wellbeing.team import team_distribution


@person_view(summary="Opened the WELL12 form", writes=True)
@once_only
def record(request, person):
    form = Well12Form(
        submitted(request),
        initial={"completed_on": timezone.localdate(), "completed_by": person.display_name},
    )
    if request.method == "POST" and form.is_valid():
        response = services.record_well12(person, by=request.user, **form.values())
        result = response.score
        messages.success(
            request,
            f"WELL12 recorded: {result.total} out of 48"
            + ("" if result.is_complete else f" from {result.answered} statements")
            + ".",
        )
        return redirect("wellbeing:progression", person_id=person.pk)
    return TemplateResponse(
        request,
        "wellbeing/well12_form.html",
        {"person": person, "form": form, "scale": well12.SCALE, "amending": None},
    )


@person_view(summary="Viewed a WELL12")
def detail(request, person, response_id):
    response = get_object_or_404(Well12Response, pk=response_id, person=person)
    rows = [
        {"number": n, "statement": s, "answer": a, "label": well12.label(a)}
        for n, (s, a) in enumerate(zip(well12.STATEMENTS, response.answers, strict=True), 1)
    ]
    amendments = []
    for amendment in response.amendments.select_related("amended_by"):
        amendments.append(
            {
                "amendment": amendment,
                "changes": [
                    (_field_label(name), _shown(name, c["before"]), _shown(name, c["after"]))
                    for name, c in amendment.changes.items()
                ],
            }
        )
    return TemplateResponse(
        request,
        "wellbeing/well12_detail.html",
        {
            "person": person,
            "response": response,
            "score": response.score,
            "rows": rows,
            "amendments": amendments,
            "recent_event_question": well12.RECENT_EVENT_QUESTION,
        },
    )


def _field_label(name: str) -> str:
    if name in ITEM_FIELDS:
        number = ITEM_FIELDS.index(name) + 1
        return f"{number}. {well12.STATEMENTS[number - 1]}"
    return {
        "completed_on": "Date",
        "completed_by": "Who completed it",
        "how": "How",
        "recent_event": "13. Recent event",
        "recent_event_detail": "What happened",
        "notes": "14. Notes",
    }.get(name, name)


def _shown(name: str, value) -> str:
    if name in ITEM_FIELDS:
        return well12.label(value)
    return "" if value is None else str(value)


@person_view(summary="Opened a WELL12 to correct it", writes=True)
def amend(request, person, response_id):
    response = get_object_or_404(Well12Response, pk=response_id, person=person)
    initial = {name: getattr(response, name) for name in services.RESPONSE_FIELDS}
    data = submitted(request)
    form = Well12AmendForm(data, initial=initial)
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and (version := edited_version(data, form, current=response.version)) is not None
    ):
        try:
            amendment = services.amend_well12(
                response,
                by=request.user,
                reason=form.cleaned_data["amendment_reason"],
                expected_version=version,
                **form.values(),
            )
        except Conflict as exc:
            conflict = exc.current
        else:
            if amendment is None:
                messages.info(request, "Nothing was changed, so there is no amendment.")
            else:
                messages.success(request, "WELL12 corrected. The original answers are kept.")
            return redirect("wellbeing:detail", person_id=person.pk, response_id=response.pk)
    return TemplateResponse(
        request,
        "wellbeing/well12_form.html",
        {
            "person": person,
            "form": form,
            "scale": well12.SCALE,
            "amending": response,
            "conflict": conflict,
        },
    )


@person_view(summary="Viewed WELL12 progression")
def progression_page(request, person):
    responses = list(Well12Response.objects.filter(person=person))
    context = {"person": person, "responses": responses}
    if responses:
        first, latest = responses[0], responses[-1]
        previous = responses[-2] if len(responses) > 1 else None
        points = [(f"{r.completed_on:%-d %b %Y}", r.total, r.score.is_complete) for r in responses]
        context.update(
            {
                "first": first,
                "latest": latest,
                "previous": previous,
                "latest_score": latest.score,
                "since_previous": progression.in_words(
                    progression.compare(previous.answers, latest.answers)
                )
                if previous
                else None,
                "since_first": progression.in_words(
                    progression.compare(first.answers, latest.answers)
                )
                if len(responses) > 2
                else None,
                "item_rows": _item_rows(first, previous or first, latest),
                "domains": progression.domain_changes(first.answers, latest.answers),
                "totals_chart": mark_safe(charts.totals_chart(points)),  # noqa: S308 - escaped
                "items_chart": mark_safe(  # noqa: S308 - built with escaped text only
                    charts.items_chart(
                        first.answers,
                        latest.answers,
                        f"First, {first.completed_on:%-d %b %Y}",
                        f"Latest, {latest.completed_on:%-d %b %Y}",
                    )
                )
                if len(responses) > 1
                else None,
            }
        )
    return TemplateResponse(request, "wellbeing/progression.html", context)


def _answer_text(answer) -> str:
    return well12.label(answer) if answer is None else f"{answer} – {well12.label(answer)}"


def _item_rows(first, previous, latest) -> list[dict]:
    changes = progression.compare(first.answers, latest.answers)
    return [
        {
            "number": change.number,
            "statement": change.statement,
            "first": _answer_text(change.before),
            "previous": _answer_text(previous.answers[change.number - 1]),
            "latest": _answer_text(change.after),
            "direction": change.direction,
        }
        for change in changes
    ]


@access(OPEN_RECORDS)
def blank(request):
    """The WELL12 on paper, for people who prefer to fill it in by hand."""
    return TemplateResponse(
        request,
        "wellbeing/blank.html",
        {
            "statements": list(enumerate(well12.STATEMENTS, 1)),
            "scale": well12.SCALE,
            "instruction": well12.INSTRUCTION,
            "recent_event_question": well12.RECENT_EVENT_QUESTION,
            "recent_event_detail_question": well12.RECENT_EVENT_DETAIL_QUESTION,
        },
    )


@access(CASEWORK)
@audit_shown("Viewed team WELL12 progression", lambda context: {})
def team(request):
    result = team_distribution(request.user.team_ids)
    return TemplateResponse(
        request,
        "wellbeing/team.html",
        {"result": result, "teams": request.user.teams.all()},
    )
