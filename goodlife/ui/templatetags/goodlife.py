from django import template

register = template.Library()


@register.filter
def lowerfirst(value: str) -> str:
    """Lower-case only the first letter, so names inside the text keep their capitals."""
    value = str(value)
    return value[:1].lower() + value[1:]
