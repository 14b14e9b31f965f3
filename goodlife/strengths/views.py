from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe

from goodlife.accounts.access import WRITE_RECORDS
from goodlife.accounts.typed_work import submitted
from goodlife.errors import Conflict
from goodlife.people.access import person_view
from goodlife.strengths import ecomap, guidance, network, queries, services
from goodlife.strengths.forms import (
    AspirationForm,
    AspirationStatusForm,
    MemberForm,
    OfferForm,
    RetireForm,
    StrengthForm,
    suggested_member,
)
from goodlife.strengths.models import Aspiration, NetworkMember, Offer, Ring, Strength
from goodlife.ui.once import once_only
from goodlife.ui.versions import edited_version

RETIRABLE = {"strengths": Strength, "aspirations": Aspiration, "offers": Offer}


def _to_profile(person, anchor=""):
    return HttpResponseRedirect(reverse("strengths:profile", args=[person.pk]) + anchor)


def _form_page(
    request, person, form, *, title, questions, button, template="strengths/form.html", **extra
):
    return TemplateResponse(
        request,
        template,
        {
            "person": person,
            "form": form,
            "title": title,
            "questions": questions,
            "button": button,
            **extra,
        },
    )


def _map_svg(person, members) -> str:
    return mark_safe(  # noqa: S308 - ecomap.svg escapes every piece of text
        ecomap.svg(
            person.display_name,
            [
                {
                    "key": str(m.pk),
                    "name": m.name,
                    "ring": m.ring,
                    "kind": m.kind,
                    "kind_label": m.get_kind_display(),
                    "frequency": m.frequency,
                }
                for m in members
            ],
            title=f"{person.display_name}'s network map",
        )
    )


def _profile_context(person):
    strengths = list(Strength.objects.filter(person=person))
    aspirations = list(Aspiration.objects.filter(person=person).prefetch_related("interests"))
    offers = list(Offer.objects.filter(person=person))
    members = list(NetworkMember.objects.filter(person=person, retired_at__isnull=True))
    return {
        "person": person,
        "strengths": [s for s in strengths if s.is_current],
        "retired_strengths": [s for s in strengths if not s.is_current],
        "aspirations": [a for a in aspirations if a.is_current],
        "retired_aspirations": [a for a in aspirations if not a.is_current],
        "offers": [o for o in offers if o.is_current],
        "retired_offers": [o for o in offers if not o.is_current],
        "members": members,
        "rings": [
            (value, label, [m for m in members if m.ring == value]) for value, label in Ring.choices
        ],
        "map": _map_svg(person, members) if members else None,
    }


@person_view(summary="Viewed the strengths profile")
def profile(request, person):
    return TemplateResponse(request, "strengths/profile.html", _profile_context(person))


@person_view(summary="Viewed the About me summary")
def about_me(request, person):
    return TemplateResponse(request, "strengths/about_me.html", _profile_context(person))


def _adding(name, form_class, add, *, kind, noun, done, questions, button):
    """The page that adds a strength, an aspiration or an offer: one question set, one
    form, one service, back to that part of the profile."""

    def view(request, person):
        form = form_class(submitted(request))
        if request.method == "POST" and form.is_valid():
            add(person, by=request.user, **form.cleaned_data)
            messages.success(request, done)
            return _to_profile(person, f"#{kind}")
        return _form_page(
            request, person, form, title=f"Add {noun}", questions=questions, button=button
        )

    view.__name__ = view.__qualname__ = name
    return person_view(summary=f"Opened the add {kind[:-1]} form", writes=True)(once_only(view))


add_strength = _adding(
    "add_strength",
    StrengthForm,
    services.add_strength,
    kind="strengths",
    noun="a strength",
    done="Strength added.",
    questions=guidance.STRENGTH_QUESTIONS,
    button="Add strength",
)
add_aspiration = _adding(
    "add_aspiration",
    AspirationForm,
    services.add_aspiration,
    kind="aspirations",
    noun="an aspiration",
    done="Aspiration added.",
    questions=guidance.ASPIRATION_QUESTIONS,
    button="Add aspiration",
)
add_offer = _adding(
    "add_offer",
    OfferForm,
    services.add_offer,
    kind="offers",
    noun="something they can offer",
    done="Added to what the person can offer.",
    questions=guidance.OFFER_QUESTIONS,
    button="Add",
)


@person_view(summary="Opened an aspiration to update it", writes=True)
def aspiration_status(request, person, entry_id):
    aspiration = get_object_or_404(Aspiration, pk=entry_id, person=person)
    form = AspirationStatusForm(submitted(request), initial={"status": aspiration.status})
    if request.method == "POST" and form.is_valid():
        services.set_aspiration_status(aspiration, by=request.user, **form.cleaned_data)
        messages.success(request, "Aspiration updated.")
        return _to_profile(person, "#aspirations")
    return _form_page(
        request,
        person,
        form,
        title="Update an aspiration",
        questions=(),
        button="Save",
        quoted=aspiration.text,
    )


@person_view(summary="Opened an entry to retire it", writes=True)
def retire(request, person, kind, entry_id):
    model = RETIRABLE.get(kind)
    if model is None:
        raise Http404("Nothing of that kind")
    entry = get_object_or_404(model, pk=entry_id, person=person)
    if not entry.is_current:
        return _to_profile(person)
    form = RetireForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        services.retire(entry, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, "Marked as no longer current. It is still on the record.")
        return _to_profile(person, f"#{kind}")
    return _form_page(
        request,
        person,
        form,
        title=f"Retire this {model._meta.verbose_name}",
        questions=(),
        button="Retire",
        quoted=str(entry),
    )


@person_view(summary="Viewed the network map")
def network_page(request, person):
    context = _profile_context(person)
    context["history"] = network.history(person)
    if WRITE_RECORDS.allows(request.user):
        context["mentioned"] = queries.people_mentioned(
            person,
            strengths=context["strengths"],
            aspirations=context["aspirations"],
            offers=context["offers"],
            members=context["members"],
        )
    return TemplateResponse(request, "strengths/network.html", context)


_FILLED_IN = (
    "Filled in from {name}'s record: check the name and how they are connected with {name} "
    "before adding them."
)


@person_view(summary="Opened the add network member form", writes=True)
@once_only
def add_member(request, person):
    data = submitted(request)
    # A suggestion from the network map fills in who they are; nothing is added until the
    # worker saves the form.
    initial = suggested_member(request.GET) if data is None else {}
    form = MemberForm(data, person=person, initial=initial)
    if request.method == "POST" and form.is_valid():
        member = services.add_member(person, by=request.user, **form.cleaned_data)
        messages.success(request, f"{member.name} added to the network map.")
        return redirect("strengths:network", person_id=person.pk)
    return _form_page(
        request,
        person,
        form,
        title="Add to the network map",
        questions=guidance.NETWORK_QUESTIONS,
        button="Add to the map",
        quoted=_FILLED_IN.format(name=person.display_name) if initial else "",
    )


@person_view(summary="Opened a network member to change it", writes=True)
def edit_member(request, person, member_id):
    member = get_object_or_404(NetworkMember, pk=member_id, person=person, retired_at__isnull=True)
    initial = {name: getattr(member, name) for name in services.MEMBER_FIELDS}
    data = submitted(request)
    form = MemberForm(data, initial=initial, person=person, member=member)
    conflict = None
    if (
        request.method == "POST"
        and form.is_valid()
        and (version := edited_version(data, form, current=member.version)) is not None
    ):
        try:
            services.change_member(
                member, by=request.user, expected_version=version, **form.cleaned_data
            )
        except Conflict as exc:
            conflict = exc.current
        else:
            messages.success(request, f"{member.name} updated.")
            return redirect("strengths:network", person_id=person.pk)
    return _form_page(
        request,
        person,
        form,
        title=f"Change {member.name}",
        questions=(),
        button="Save changes",
        version=(conflict or member).version,
        conflict=conflict,
        remove_url=reverse("strengths:remove-member", args=[person.pk, member.pk]),
    )


@person_view(summary="Opened a network member to remove it", writes=True)
def remove_member(request, person, member_id):
    member = get_object_or_404(NetworkMember, pk=member_id, person=person, retired_at__isnull=True)
    form = RetireForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        services.remove_member(member, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, f"{member.name} is no longer on the map. The history keeps them.")
        return redirect("strengths:network", person_id=person.pk)
    return _form_page(
        request,
        person,
        form,
        title=f"Take {member.name} off the map",
        questions=(),
        button="Take off the map",
        quoted=member.name,
    )
