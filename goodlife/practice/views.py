from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from goodlife.accounts.access import CASEWORK, access, refuse
from goodlife.accounts.typed_work import submitted
from goodlife.audit.decorators import audit_shown, people_ids
from goodlife.errors import Conflict, NotAllowed
from goodlife.people import next_steps
from goodlife.people.access import person_view, visible_people
from goodlife.people.my_work import sections_for as work_sections
from goodlife.practice import amendments, services
from goodlife.practice.forms import (
    AmendForm,
    CloseForm,
    EpisodeForm,
    HoldingReviewForm,
    HoldingSupportForm,
    MoveForm,
    RecordForm,
)
from goodlife.practice.framework import CONVERSATIONS, STEPS, STEPS_BY_KEY, conversation_label
from goodlife.practice.models import (
    RECORD_FIELDS,
    ConversationRecord,
    Episode,
    HoldingSupport,
)
from goodlife.practice.work import my_work_for
from goodlife.ui.once import once_only
from goodlife.ui.versions import edited_version, parse_version


def _episode(person, episode_id) -> Episode:
    return get_object_or_404(Episode.objects.select_related("worker"), pk=episode_id, person=person)


def _record(person, record_id) -> ConversationRecord:
    return get_object_or_404(
        ConversationRecord.objects.select_related("author", "episode"), pk=record_id, person=person
    )


@person_view(summary="Opened the new episode form", writes=True)
@once_only
def open_episode(request, person):
    form = EpisodeForm(submitted(request), initial={"contact_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        episode = services.open_episode(person, by=request.user, **form.cleaned_data)
        messages.success(request, "Episode opened. Conversation 1 has started.")
        return redirect("practice:episode", person_id=person.pk, episode_id=episode.pk)
    return TemplateResponse(request, "practice/episode_new.html", {"person": person, "form": form})


@person_view(summary="Viewed an episode")
def episode(request, person, episode_id):
    episode = _episode(person, episode_id)
    records = list(episode.records.select_related("author").order_by("happened_on", "created_at"))
    current = [r for r in records if r.conversation == episode.conversation]
    steps = []
    for step in STEPS:
        in_step = [r for r in current if r.step == step.key]
        steps.append(
            {
                "step": step,
                "records": in_step,
                "status": _step_status(in_step),
                "new_url": reverse("practice:record-new", args=[person.pk, episode.pk])
                + f"?step={step.key}",
            }
        )
    return TemplateResponse(
        request,
        "practice/episode.html",
        {
            "person": person,
            "episode": episode,
            "conversation": CONVERSATIONS[episode.conversation],
            "heading": conversation_label(episode.conversation)
            if episode.is_open
            else f"Episode from {episode.contact_on:%-d %B %Y}",
            "steps": steps,
            "unsorted": [r for r in current if not r.step],
            "earlier": [r for r in records if r.conversation != episode.conversation],
            "stages": episode.stages.select_related("started_by"),
            "holding": episode.holding_support.filter(ended_on__isnull=True),
            "next_steps": next_steps.steps_for(person),
        },
    )


def _step_status(records) -> dict:
    finished = [r for r in records if not r.is_draft]
    if finished:
        return {"text": f"{len(finished)} recorded", "class": "govuk-tag--green"}
    if records:
        return {"text": "Draft", "class": "govuk-tag--light-blue"}
    return {"text": "Nothing recorded yet", "class": "govuk-tag--grey"}


@person_view(summary="Opened the change conversation form", writes=True)
@once_only
def move(request, person, episode_id):
    episode = _episode(person, episode_id)
    if not episode.is_open:
        return redirect("practice:episode", person_id=person.pk, episode_id=episode.pk)
    form = MoveForm(submitted(request), current=episode.conversation)
    if request.method == "POST" and form.is_valid():
        services.move_to_conversation(episode, by=request.user, **form.cleaned_data)
        messages.success(request, f"Moved to {conversation_label(episode.conversation)}.")
        return redirect("practice:episode", person_id=person.pk, episode_id=episode.pk)
    return TemplateResponse(
        request,
        "practice/move.html",
        {"person": person, "episode": episode, "form": form, "conversations": CONVERSATIONS},
    )


@person_view(summary="Opened the close episode form", writes=True)
def close(request, person, episode_id):
    episode = _episode(person, episode_id)
    if not episode.is_open:
        return redirect("practice:episode", person_id=person.pk, episode_id=episode.pk)
    form = CloseForm(submitted(request), initial={"closed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        episode = services.close_episode(episode, by=request.user, **form.cleaned_data)
        if episode.is_celebrated:
            messages.success(
                request,
                f"Episode closed: {episode.get_outcome_display().lower()}. "
                f"{person.display_name} is getting on with life without ongoing support – "
                "a good outcome.",
            )
        else:
            messages.success(request, f"Episode closed: {episode.get_outcome_display().lower()}.")
        return redirect("practice:episode", person_id=person.pk, episode_id=episode.pk)
    return TemplateResponse(
        request, "practice/close.html", {"person": person, "episode": episode, "form": form}
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _autosave_response(person, record) -> JsonResponse:
    edit_url = reverse("practice:record-edit", args=[person.pk, record.pk])
    response = JsonResponse(
        {
            "saved": True,
            "version": record.version,
            "saved_at": timezone.localtime(record.updated_at).strftime("%H:%M:%S"),
            "edit_url": edit_url,
        }
    )
    # A new record saved in the background: sent again, its form leads to this draft.
    response.once_result = edit_url
    return response


@person_view(summary="Opened a new conversation record", writes=True)
@once_only
def record_new(request, person, episode_id):
    episode = _episode(person, episode_id)
    if not episode.is_open:
        messages.info(request, "This episode is closed: open a new one to record a conversation.")
        return redirect("practice:episode", person_id=person.pk, episode_id=episode.pk)
    data = submitted(request)
    restored = request.method == "GET" and data is not None
    finishing = request.method == "POST" and "finish" in request.POST
    step = request.GET.get("step")
    form = RecordForm(
        data,
        finishing=finishing,
        initial={
            "step": step if step in STEPS_BY_KEY else None,
            "happened_on": timezone.localdate(),
        },
    )
    if data is not None and form.is_valid():
        record = services.start_record(
            episode, by=request.user, values=form.values(), finish=finishing
        )
        if _wants_json(request):
            return _autosave_response(person, record)
        return _after_save(request, person, record, restored=restored)
    if _wants_json(request):
        return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
    return _record_form(request, person, episode, form)


@person_view(summary="Opened a draft conversation record", writes=True, read_at="practice:record")
def record_edit(request, person, record_id):
    record = _record(person, record_id)
    if not record.is_draft:
        return redirect("practice:record", person_id=person.pk, record_id=record.pk)
    if record.author_id != request.user.pk:
        messages.info(request, f"Only {record.author.full_name} can change their draft.")
        return redirect("practice:record", person_id=person.pk, record_id=record.pk)
    data = submitted(request)
    restored = request.method == "GET" and data is not None
    finishing = request.method == "POST" and "finish" in request.POST
    initial = {name: getattr(record, name) for name in RECORD_FIELDS}
    form = RecordForm(data, finishing=finishing, initial=initial)
    conflict = None
    if (
        data is not None
        and form.is_valid()
        and (version := edited_version(data, form, current=record.version)) is not None
    ):
        try:
            record = services.save_draft(
                record,
                by=request.user,
                expected_version=version,
                values=form.values(),
                finish=finishing,
                autosave=_wants_json(request),
            )
        except Conflict as exc:
            if _wants_json(request):
                return JsonResponse({"saved": False, "conflict": True}, status=409)
            conflict = exc.current
            record = exc.current
        else:
            if _wants_json(request):
                return _autosave_response(person, record)
            return _after_save(request, person, record, restored=restored)
    elif _wants_json(request):
        return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
    return _record_form(request, person, record.episode, form, record=record, conflict=conflict)


def _after_save(request, person, record, *, restored: bool):
    if restored:
        messages.success(
            request,
            "You were signed out before your note was saved. It has been kept as a draft: "
            "check it, then finish it.",
        )
        return redirect("practice:record-edit", person_id=person.pk, record_id=record.pk)
    if record.is_draft:
        messages.success(request, "Draft saved. You can finish it later from My work.")
        return redirect("practice:record-edit", person_id=person.pk, record_id=record.pk)
    messages.success(request, "Conversation record finished.")
    return redirect("practice:episode", person_id=person.pk, episode_id=record.episode_id)


def _record_form(request, person, episode, form, *, record=None, conflict=None):
    number = record.conversation if record else episode.conversation
    return TemplateResponse(
        request,
        "practice/record_form.html",
        {
            "person": person,
            "episode": episode,
            "record": record,
            "form": form,
            "conflict": conflict,
            "conversation": CONVERSATIONS[number],
            "steps": STEPS,
        },
    )


DISCARD_OUT_OF_DATE = (
    "This page was out of date, so the draft was not discarded: Goodlife could not tell "
    "which version of the draft you were shown. Check the draft below, then discard it if "
    "you still want to."
)


@person_view(summary="Asked whether to discard a draft", writes=True, read_at="practice:record")
def record_discard(request, person, record_id):
    """Asks "are you sure?" before a draft is thrown away (GET), and throws it away (POST)."""
    record = _record(person, record_id)
    if not record.is_draft:
        messages.info(request, services.FINISHED_NOT_DISCARDED)
        return redirect("practice:record", person_id=person.pk, record_id=record.pk)
    if record.author_id != request.user.pk:
        return refuse(
            request,
            reason=f"Only {record.author.full_name}, who wrote this draft, can discard it.",
            person_id=person.pk,
        )
    errors = []
    if request.method == "POST":
        version = parse_version(request.POST.get("version"))
        if version is None:
            errors.append(DISCARD_OUT_OF_DATE)
        else:
            try:
                services.discard_draft(record, by=request.user, expected_version=version)
            except Conflict as exc:
                record = exc.current
                saved_at = timezone.localtime(record.updated_at)
                errors.append(
                    f"This draft was saved again at {saved_at:%H:%M}, after you opened this "
                    "page (perhaps in another tab), so it was not discarded. Check it below, "
                    "then discard it if you still want to."
                )
            except NotAllowed as exc:  # finished or discarded in another tab meanwhile
                messages.info(request, str(exc))
                return redirect(
                    "practice:episode", person_id=person.pk, episode_id=record.episode_id
                )
            else:
                messages.success(request, f"Draft discarded: {_draft_name(person, record)}.")
                return redirect("practice:my-work")
    return TemplateResponse(
        request,
        "practice/discard.html",
        {
            "person": person,
            "record": record,
            "episode": record.episode,
            "conversation": conversation_label(record.conversation),
            "errors": errors,
        },
    )


def _draft_name(person, record) -> str:
    """Which draft, in words: "Tom, conversation 1, gather information, last saved 9 Nov"."""
    step = f", {record.get_step_display().lower()}" if record.step else ""
    saved = timezone.localtime(record.updated_at)
    return (
        f"{person.display_name}, conversation {record.conversation}{step}, "
        f"last saved {saved:%-d %b %Y at %H:%M}"
    )


@person_view(summary="Viewed a conversation record")
def record_detail(request, person, record_id):
    record = _record(person, record_id)
    return TemplateResponse(
        request,
        "practice/record.html",
        {
            "person": person,
            "record": record,
            "episode": record.episode,
            "conversation": CONVERSATIONS[record.conversation],
            "heading": f"{conversation_label(record.conversation)}: "
            f"{record.get_step_display().lower() if record.step else 'note'}",
            "amendments": amendments.history(record),
            "original": amendments.original(record) if record.amendments.exists() else None,
        },
    )


@person_view(summary="Opened a record to amend it", writes=True)
def record_amend(request, person, record_id):
    record = _record(person, record_id)
    if record.is_draft:
        return redirect("practice:record-edit", person_id=person.pk, record_id=record.pk)
    initial = {name: getattr(record, name) for name in RECORD_FIELDS}
    data = submitted(request)
    form = AmendForm(data, initial=initial)
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and (version := edited_version(data, form, current=record.version)) is not None
    ):
        try:
            amendment = services.amend_record(
                record,
                by=request.user,
                reason=form.cleaned_data["amendment_reason"],
                values=form.values(),
                expected_version=version,
            )
        except Conflict as exc:
            conflict = exc.current
            return TemplateResponse(
                request,
                "practice/amend.html",
                {
                    "person": person,
                    "record": conflict,
                    "form": form,
                    "conflict": conflict,
                    "episode": record.episode,
                },
            )
        if amendment is None:
            messages.info(request, "Nothing was changed, so there is no amendment.")
        else:
            messages.success(request, "Amendment saved. The original is still readable below.")
        return redirect("practice:record", person_id=person.pk, record_id=record.pk)
    return TemplateResponse(
        request,
        "practice/amend.html",
        {"person": person, "record": record, "form": form, "episode": record.episode},
    )


@person_view(summary="Opened the holding support form", writes=True)
@once_only
def holding_new(request, person):
    episode = Episode.objects.filter(person=person, closed_at__isnull=True).first()
    today = timezone.localdate()
    form = HoldingSupportForm(submitted(request), initial={"starts_on": today})
    if request.method == "POST" and form.is_valid():
        services.start_holding_support(
            person, by=request.user, episode=episode, **form.cleaned_data
        )
        messages.success(
            request, "Holding support recorded. It shows on the person's page until it ends."
        )
        return redirect("people:overview", person_id=person.pk)
    return TemplateResponse(
        request, "practice/holding_new.html", {"person": person, "form": form, "episode": episode}
    )


@person_view(summary="Opened a holding support review", writes=True)
@once_only
def holding_review(request, person, holding_id):
    support = get_object_or_404(HoldingSupport, pk=holding_id, person=person)
    if not support.is_active:
        return redirect("people:overview", person_id=person.pk)
    form = HoldingReviewForm(submitted(request), initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.review_holding_support(
            support,
            by=request.user,
            end_on=data["ended_on"] if data["decision"] == "end" else None,
            continue_until=data["continue_until"] if data["decision"] == "continue" else None,
            note=data["note"],
        )
        messages.success(request, "Holding support review saved.")
        return redirect("people:overview", person_id=person.pk)
    return TemplateResponse(
        request,
        "practice/holding_review.html",
        {"person": person, "support": support, "form": form},
    )


@access(CASEWORK)
@audit_shown(
    "Viewed my work",
    lambda context: {
        "people": sorted(
            set(people_ids(context["work"].people()))
            | {p for _, section in context["sections"] for p in people_ids(section["people"])}
        )
    },
)
def my_work(request):
    visible = visible_people(request.user)
    work = my_work_for(request.user, visible)
    return TemplateResponse(
        request,
        "practice/my_work.html",
        {
            "work": work,
            "sections": work_sections(request, visible),
            "today": timezone.localdate(),
        },
    )
