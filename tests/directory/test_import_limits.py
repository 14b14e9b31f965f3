"""`goodlife directory import` with feeds built to hurt: too deep, too large, names too long,
NUL characters; and a large import says how far it has got."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from goodlife.directory.models import Location, Service
from goodlife.directory.openreferral import importer, values


def service(feed_id, **fields):
    return {"id": feed_id, "name": f"Service {feed_id}", **fields}


def write(tmp_path, data, name="feed.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def run(path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("directory", "import", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_json_nested_deeper_than_python_can_read_is_refused_plainly(tmp_path):
    path = write(tmp_path, "[" * 200_000 + "]" * 200_000)
    with pytest.raises(CommandError, match="is nested too deeply to be a feed") as refused:
        run(path)
    assert refused.value.returncode == 2


@pytest.mark.django_db
def test_a_record_nested_deeper_than_any_service_is_skipped_with_the_reason(tmp_path):
    deep = "leaf"
    for _ in range(40):
        deep = {"more": deep}
    path = write(tmp_path, [service("deep", attributes=deep), service("fine")])
    printed, _ = run(path)
    assert printed.splitlines() == [
        "Created 1, updated 0, unchanged 0, skipped 1",
        "- deep: nested more than 20 levels deep",
    ]


@pytest.mark.django_db
def test_a_name_too_long_is_reported_as_too_long_not_missing(tmp_path):
    path = write(
        tmp_path,
        [
            {"id": "huge", "name": "a" * 100_000},
            {"id": "long", "name": "Walking group " * 30},
            service("fine", description="d" * 30_000),
        ],
    )
    printed, _ = run(path)
    assert printed.splitlines() == [
        "Created 1, updated 0, unchanged 0, skipped 2",
        "- huge: name is longer than 300 characters (it has 100,000)",
        "- long: name is longer than 300 characters (it has 419)",
    ]
    # A long description is kept, cut at the directory's limit.
    kept = Service.objects.get(feed_id="fine")
    assert len(kept.description) <= values.DESCRIPTION_LIMIT


@pytest.mark.django_db
def test_a_file_larger_than_the_setting_is_not_read(tmp_path, settings):
    settings.GOODLIFE_DIRECTORY_IMPORT_MAX_MB = 1
    path = write(tmp_path, [service(str(n), description="x" * 1000) for n in range(2000)])
    with pytest.raises(CommandError) as refused:
        run(path)
    assert str(refused.value) == (
        f"Could not read the feed: {path} is 2.0 MB: more than the 1 MB a directory import "
        "reads (the setting GOODLIFE_DIRECTORY_IMPORT_MAX_MB)"
    )
    assert not Service.objects.exists()


@pytest.mark.django_db
def test_nul_characters_are_taken_out_of_every_string(tmp_path):
    record = service(
        "nul\x00-1",
        name="Lunch\x00 club",
        description="Soup\x00 and bread",
        service_at_locations=[
            {
                "location": {
                    "id": "place\x00",
                    "name": "Hall\x00",
                    "addresses": [{"address_1": "1 High\x00 St", "postal_code": "EB1\x00 4QT"}],
                }
            }
        ],
    )
    printed, _ = run(write(tmp_path, [record]))
    assert printed.startswith("Created 1,")
    saved = Service.objects.get()
    assert (saved.feed_id, saved.name, saved.description) == (
        "nul-1",
        "Lunch club",
        "Soup and bread",
    )
    place = Location.objects.get()
    assert "\x00" not in place.name + place.address + place.postcode + place.feed_id
    assert (place.name, place.address, place.postcode) == ("Hall", "1 High St", "EB1 4QT")


@pytest.mark.django_db
def test_a_large_import_shows_its_progress_on_stderr(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "PROGRESS_EVERY", 4)
    path = write(tmp_path, [service(str(n)) for n in range(10)] + [{"id": "x"}])
    printed, progress = run(path)
    assert progress.splitlines() == [
        "Read 4 services: created 4, updated 0, unchanged 0, skipped 0",
        "Read 8 services: created 8, updated 0, unchanged 0, skipped 0",
    ]
    assert printed.splitlines()[0] == "Created 10, updated 0, unchanged 0, skipped 1"
