"""How the directory plugs into the rest of Goodlife: timeline, person page, menu and demo
story. Called from ``DirectoryConfig.ready()``."""

from django.urls import reverse

from goodlife.accounts.access import COMMISSION, KEEP_DIRECTORY_CURRENT, USE_DIRECTORY
from goodlife.people import demo as people_demo
from goodlife.people import panels, timeline
from goodlife.people.timeline import TimelineEntry
from goodlife.ui.navigation import NavItem
from goodlife.ui.navigation import register as register_nav


def noted_entries(n):
    yield TimelineEntry(
        n.noted_at,
        "directory",
        f"Suggested: {n.service.name}",
        n.reason,
        reverse("directory:service", args=[n.service_id]),
        n.noted_by.full_name,
    )


def need_entries(n):
    yield TimelineEntry(
        n.logged_at, "directory", "Unmet need logged", n.what, "", n.logged_by.full_name
    )


def suggestions_panel(request, person):
    return {"person": person}


def register_all():
    from goodlife.directory.models import NotedSuggestion, UnmetNeed

    timeline.register(
        timeline.TimelineSource(
            "directory",
            "Community suggestions",
            (
                timeline.Feed(NotedSuggestion, noted_entries, related=("service", "noted_by")),
                timeline.Feed(UnmetNeed, need_entries, related=("logged_by",)),
            ),
            35,
        )
    )
    panels.register(
        panels.PersonPanel("suggestions", "directory/_suggestions_panel.html", suggestions_panel, 8)
    )
    register_nav(NavItem("Directory", "directory:search", USE_DIRECTORY.allows, order=35))
    register_nav(NavItem("Unmet needs", "directory:unmet-needs", COMMISSION.allows, order=36))
    register_nav(
        NavItem("Stale entries", "directory:stale", KEEP_DIRECTORY_CURRENT.allows, order=37)
    )
    from goodlife.directory import demo

    people_demo.register_step("directory", demo.load)
