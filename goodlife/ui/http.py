"""Writes reached by a button are POST only.

A link, a prefetching browser or a crawler sends GET; none of them may change a record. A
view that only writes is decorated ``@post_only``: a GET (or any method but POST) is
answered 405 with an ``Allow: POST`` header and runs nothing. Django's ``require_POST``
does the work; the mark lets a test find every such view and prove it
(tests/test_write_urls.py).
"""

from django.views.decorators.http import require_POST


def post_only(view):
    wrapped = require_POST(view)
    wrapped.post_only = True
    return wrapped


def is_post_only(view) -> bool:
    return getattr(view, "post_only", False)
