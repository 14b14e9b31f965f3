"""Timeline, person page, menu and demo registrations for the directory."""

from django.urls import reverse

from goodlife.accounts.models import Role
from goodlife.people import demo as people_demo
from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry
from goodlife.ui.navigation import NavItem
from goodlife.ui.navigation import register as register_nav


def directory_entries(person, before, limit):
    from goodlife.directory.models import NotedSuggestion, UnmetNeed

    noted = NotedSuggestion.objects.filter(person=person).select_related("service", "noted_by")
    needs = UnmetNeed.objects.filter(person=person).select_related("logged_by")
    if before is not None:
        noted, needs = noted.filter(noted_at__lt=before), needs.filter(logged_at__lt=before)
    entries = [
        TimelineEntry(
            n.noted_at,
            "directory",
            f"Suggested: {n.service.name}",
            n.reason,
            reverse("directory:service", args=[n.service_id]),
            n.noted_by.full_name,
        )
        for n in noted.order_by("-noted_at")[:limit]
    ] + [
        TimelineEntry(
            n.logged_at, "directory", "Unmet need logged", n.what, "", n.logged_by.full_name
        )
        for n in needs.order_by("-logged_at")[:limit]
    ]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]


def suggestions_panel(request, person):
    return {"person": person}


def register():
    timeline.register(
        timeline.TimelineSource("directory", "Community suggestions", directory_entries, 35)
    )
    panels.register(
        panels.PersonPanel("suggestions", "directory/_suggestions_panel.html", suggestions_panel, 8)
    )
    register_nav(
        NavItem("Directory", "directory:search", lambda u: u.role != Role.PROVIDER, order=35)
    )
    register_nav(
        NavItem(
            "Unmet needs", "directory:unmet-needs", lambda u: u.role == Role.COMMISSIONER, order=36
        )
    )
    register_nav(
        NavItem(
            "Stale entries", "directory:stale", lambda u: u.role == Role.DIRECTORY_EDITOR, order=37
        )
    )
    from goodlife.directory import demo

    people_demo.register_step("directory", demo.load)
