from urllib.parse import urlsplit

from django import template
from django.urls import Resolver404, get_script_prefix, resolve, reverse
from django.utils.html import format_html

from goodlife.ui.once import FIELD, new_token

register = template.Library()


@register.filter
def lowerfirst(value: str) -> str:
    """Lower-case only the first letter, so names inside the text keep their capitals."""
    value = str(value)
    return value[:1].lower() + value[1:]


_DAYS = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat", "SU": "Sun"}


@register.filter
def weekdays(byday: str) -> str:
    """RFC 5545 day codes as people read them: "TU,TH" → "Tue, Thu"."""
    codes = [c.strip().upper()[-2:] for c in (byday or "").split(",") if c.strip()]
    if len(codes) == 7:
        return "Every day"
    return ", ".join(_DAYS.get(c, c) for c in codes)


@register.filter
def for_reader(url: str, can) -> str:
    """A stored address in a person's record (a timeline entry's) as this reader may
    follow it. Staff who read records without changing them (``can.write_records`` false)
    are refused a record's form pages (``person_view(writes=True)``): a link to one leads
    them to the page that shows the same thing (the view's ``read_at``), or is no link."""
    if not url or can.write_records:
        return url
    try:
        match = resolve("/" + urlsplit(url).path.removeprefix(get_script_prefix()))
    except Resolver404:
        return url
    if not getattr(match.func, "writes", False):
        return url
    read_at = getattr(match.func, "read_at", "")
    return reverse(read_at, kwargs=match.kwargs) if read_at else ""


@register.simple_tag(takes_context=True)
def once_token(context):
    """The hidden one-time token a create form carries (``ui.once``)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token(user.pk))
