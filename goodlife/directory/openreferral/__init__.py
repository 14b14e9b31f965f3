"""Open Referral UK (HSDS 3, and the version 2 shape still served by many councils):
reading feeds into the directory and publishing the directory as a feed.

Real feeds are messy. A record we cannot trust (no id, no name or one too long, a broken
web or email address, an unknown status, an id seen earlier in the same feed, objects nested
deeper than any ORUK record) is reported and skipped; anything else is cleaned (HTML and NUL
characters stripped, numbers read from strings, unknown keys ignored) and kept. Every
record is saved in its own transaction, so one bad record loses only itself. A file, or a
page of a feed, larger than ``GOODLIFE_DIRECTORY_IMPORT_MAX_MB`` is not read at all.

``values`` cleans single values, ``parse`` reads one record into plain data, ``importer``
saves parsed records, ``fetch`` reads a file or a paginated URL, and ``export`` writes the
directory out as ORUK.
"""

from goodlife.directory.openreferral.export import page_of_services, service_to_oruk
from goodlife.directory.openreferral.fetch import SourceUnreadable, read_source, source_name
from goodlife.directory.openreferral.importer import ImportReport, import_feed
from goodlife.directory.openreferral.parse import MalformedRecord, parse_service

__all__ = [
    "ImportReport",
    "MalformedRecord",
    "SourceUnreadable",
    "import_feed",
    "page_of_services",
    "parse_service",
    "read_source",
    "service_to_oruk",
    "source_name",
]
