"""Reading a feed: the service records of a JSON file or of a paginated ORUK ``/services``
URL. A file, or a page of a feed, larger than ``GOODLIFE_DIRECTORY_IMPORT_MAX_MB`` is not
read at all."""

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from goodlife.directory.openreferral.parse import SOURCE_LIMIT
from goodlife.directory.openreferral.values import whole_number_in

MAX_PAGES = 1000
TIMEOUT_SECONDS = 30


class SourceUnreadable(Exception):
    """The feed itself could not be read: a missing file, not JSON, an HTTP error."""


def max_bytes() -> int:
    """The most a directory import reads from one file or one page of a feed."""
    return settings.GOODLIFE_DIRECTORY_IMPORT_MAX_MB * 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def _too_big(what: str) -> SourceUnreadable:
    return SourceUnreadable(
        f"{what} more than the {settings.GOODLIFE_DIRECTORY_IMPORT_MAX_MB:,} MB a directory "
        "import reads (the setting GOODLIFE_DIRECTORY_IMPORT_MAX_MB)"
    )


def source_name(source: str) -> str:
    """What a feed is recorded as: its URL, or the full path of its file, at most 200
    characters (a longer one is shortened with a fingerprint to stay unique)."""
    name = source if _is_url(source) else str(Path(source).expanduser().resolve())
    if len(name) <= SOURCE_LIMIT:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    return f"…{name[-(SOURCE_LIMIT - 18) :]}#{digest}"


def read_source(source: str, *, per_page: int | None = None) -> Iterator[dict]:
    """The service records of a JSON file (one service, a list, or an ORUK page) or of a
    paginated ORUK ``/services`` URL. Raises SourceUnreadable when it cannot be read."""
    if _is_url(source):
        yield from _read_pages(source, per_page)
        return
    try:
        size = Path(source).stat().st_size
        if size > max_bytes():
            raise _too_big(f"{source} is {_megabytes(size)}:")
        data = json.loads(Path(source).read_bytes())
    except FileNotFoundError as error:
        raise SourceUnreadable(f"There is no file {source}") from error
    except RecursionError as error:
        raise SourceUnreadable(f"{source} is nested too deeply to be a feed") from error
    except (OSError, ValueError) as error:  # ValueError: not JSON, or not UTF-8
        raise SourceUnreadable(f"{source} is not a JSON file that can be read: {error}") from error
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        yield from data["contents"]
    elif isinstance(data, dict):
        yield data
    elif isinstance(data, list):
        yield from data
    else:
        raise SourceUnreadable(f"{source} holds neither a service, a list nor a page of them")


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _read_pages(url: str, per_page: int | None = None) -> Iterator[dict]:
    """Every record of a paginated endpoint, page by page, up to MAX_PAGES pages."""
    previous_ids, total_pages = None, None
    for number in range(1, MAX_PAGES + 1):
        data = _fetch_json(page_url(url, number, per_page))
        if isinstance(data, list):  # an endpoint without pages
            yield from data
            return
        if not isinstance(data, dict) or not isinstance(data.get("contents"), list):
            raise SourceUnreadable(f"{url} did not answer with a page of services")
        contents = data["contents"]
        ids = [item.get("id") if isinstance(item, dict) else None for item in contents]
        # An endpoint that ignores ?page= answers the same page again: stop there.
        if not contents or ids == previous_ids:
            return
        previous_ids = ids
        yield from contents
        # A page that leaves out total_pages keeps the count an earlier page gave.
        total_pages = whole_number_in(data.get("total_pages"), highest=10**9) or total_pages
        if data.get("last_page") is True or (total_pages is not None and number >= total_pages):
            return


def page_url(url: str, page: int, per_page: int | None = None) -> str:
    """The URL with ?page= (and ?per_page=) set, keeping its other parameters."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k not in {"page"}]
    query.append(("page", str(page)))
    if per_page:
        query = [(k, v) for k, v in query if k != "per_page"] + [("per_page", str(per_page))]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _fetch_json(url: str):
    request = urllib.request.Request(  # noqa: S310 - only http(s) URLs reach here
        url, headers={"Accept": "application/json", "User-Agent": "Goodlife directory import"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            body = response.read(max_bytes() + 1)
    except urllib.error.HTTPError as error:
        raise SourceUnreadable(f"{url} answered HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise SourceUnreadable(f"Could not reach {url}: {error.reason}") from error
    except (TimeoutError, OSError) as error:
        raise SourceUnreadable(f"Could not read {url}: {error}") from error
    if len(body) > max_bytes():
        raise _too_big(f"{url} answered with")
    try:
        return json.loads(body)
    except RecursionError as error:
        raise SourceUnreadable(f"{url} answered with JSON nested too deeply") from error
    except ValueError as error:
        raise SourceUnreadable(f"{url} did not answer with JSON: {error}") from error
