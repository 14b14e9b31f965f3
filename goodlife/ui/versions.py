"""The version an edit form was opened at, read the same way by every edit page.

Each record that two people may edit at once carries a ``version``; its edit form sends
back the version it was opened at and the save is conditional on it (see "Concurrent
edits" in docs/architecture.md). A form that comes back without a usable version cannot
say what it was based on, so it is refused rather than treated as current: treating it as
current would silently overwrite whatever someone else saved in the meantime.
"""

FIELD = "version"

UNKNOWN_VERSION = (
    "This page was out of date, so nothing was saved: Goodlife could not tell which version "
    "of the record you were changing. What you typed is below. Check it against the saved "
    "record, then save again."
)


def parse_version(value) -> int | None:
    """A submitted version as a whole number from 1, or None when it is missing, empty,
    not written in digits, negative or zero."""
    if value is None:
        return None
    text = str(value).strip()
    # isascii: "²" and other digits of other scripts are not versions. 18 digits fit in
    # any database's integer, so no lookup can overflow.
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    number = int(text)
    return number if number >= 1 else None


def edited_version(data, form, *, current: int) -> int | None:
    """The version the worker's copy was opened at, from what they sent (``data``).

    When there is none, ``form`` is told why nothing was saved (it keeps what was typed)
    and None is returned. A form with its own version field then carries ``current``, so
    that saving again is a deliberate choice made with the message in view.
    """
    version = parse_version(data.get(FIELD) if data is not None else None)
    if version is None:
        form.add_error(None, UNKNOWN_VERSION)
        if FIELD in form.fields:
            form.data = form.data.copy()
            form.data[FIELD] = str(current)
    return version
