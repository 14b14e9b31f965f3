"""What Goodlife will not do, as one family of exceptions every app raises and every
view answers the same way.

A service raises one of these when it refuses a request for a reason the member of staff
can act on; ``str()`` of it is a sentence for them. Anything else that goes wrong is a
fault, answered by the error pages (goodlife/operations/errors.py), not by a message.
"""


class Refused(Exception):
    """A request Goodlife will not carry out, said in words the member of staff can act on."""


class NotAllowed(Refused):
    """The member of staff may not make this change (their role, their team, the record's
    state: an agreed plan, a finished record, a member who has left the map)."""


class Conflict(Refused):
    """Someone else saved the row after the editor opened it, so nothing was saved.

    ``current`` is the row as it is now; ``base`` is what it held at the version the
    editor started from, where that is kept (a person's details, for a three-way merge).
    """

    def __init__(self, current, base: dict | None = None, message: str = ""):
        super().__init__(message or "This was changed by someone else after you opened it")
        self.current = current
        self.base = base


class NotReady(Refused):
    """What was asked for needs other things first; ``problems`` says which."""

    def __init__(self, problems, message: str = ""):
        super().__init__(message or "Some things need doing first")
        self.problems = problems


class NhsNumberRecorded(Refused, ValueError):
    """Someone with this NHS number is already recorded (perhaps in a record the worker
    may not open, so the message names nobody)."""
