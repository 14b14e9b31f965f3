from django.conf import settings

from goodlife.ui.navigation import items_for


def goodlife(request):
    return {
        "council_name": settings.GOODLIFE_COUNCIL_NAME,
        "navigation": items_for(request),
    }
