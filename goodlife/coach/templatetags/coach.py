from django import template

from goodlife import language

register = template.Library()


@register.simple_tag
def language_balance(*texts):
    """The balance of strengths and problems across a record's texts."""
    return language.balance("\n\n".join(t for t in texts if t))
