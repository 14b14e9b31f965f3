"""The language coach's one write: a wording a worker keeps, remembered for them."""

from django.db import IntegrityError, transaction

from goodlife.coach.models import Dismissal
from goodlife.coach.queries import FIELD_NAME, scope_for


def keep_asked(user, *, path: str, value: str, sent) -> bool:
    """A coached form's "Keep my wording" (``field|phrase|text``), remembered for this
    worker on this page's box; False when the button's value does not name a box of the
    form that was sent (``sent``, the submitted data) and a wording."""
    field_name, _, rest = value.partition("|")
    phrase, _, text = rest.partition("|")
    if not (FIELD_NAME.match(field_name) and field_name in sent and phrase and text):
        return False
    keep(user, scope=scope_for(path, field_name), phrase=phrase, text=text)
    return True


def keep(user, *, scope: str, phrase: str, text: str) -> None:
    """Remember that this worker keeps this wording here. Saying it twice is harmless."""
    try:
        with transaction.atomic():
            Dismissal.objects.get_or_create(
                user=user, scope=scope[:300], phrase=phrase[:200], text=text.lower()[:200]
            )
    except IntegrityError:
        pass  # kept at the same moment in another tab


def forget_page(path: str) -> int:
    """Forget the wordings kept on the boxes of a page that is gone for good (a discarded
    draft's edit page, whose address is never used again); how many."""
    deleted, _ = Dismissal.objects.filter(scope__startswith=scope_for(path, "")).delete()
    return deleted
