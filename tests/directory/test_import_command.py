"""`goodlife directory import SOURCE`: the report on screen, and exit status 2 when the
feed cannot be read."""

import io
import shutil
import socket
from pathlib import Path

import pytest
from django.core.management import ManagementUtility, call_command

from goodlife.directory.models import Service

FIXTURES = Path(__file__).parent / "fixtures"
MESSY = FIXTURES / "messy_feed.json"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("directory", *args, stdout=out)
    return out.getvalue()


def exit_status(*args: str) -> int:
    """Run the command as the console would, returning its exit status."""
    try:
        ManagementUtility(["goodlife", "directory", *args]).execute()
    except SystemExit as exit:
        return exit.code
    return 0


@pytest.mark.django_db
def test_it_prints_the_report_with_each_skipped_record(tmp_path):
    feed = tmp_path / "messy.json"
    shutil.copy(MESSY, feed)

    printed = run("import", str(feed))

    assert printed.splitlines() == [
        "Created 2, updated 0, unchanged 0, skipped 5",
        "- empty-name: name is missing",
        "- walk-1: duplicate id in this feed",
        '- bad-status: status "open" is not one of active, inactive, defunct, temporarily closed',
        "- (no id): id is missing",
        "- (no id): not a service object",
    ]
    # The feed is recorded under its full path, so running from elsewhere finds it again.
    assert set(Service.objects.values_list("source", flat=True)) == {str(feed.resolve())}


@pytest.mark.django_db
def test_running_it_again_changes_nothing(tmp_path, monkeypatch):
    feed = tmp_path / "messy.json"
    shutil.copy(MESSY, feed)
    run("import", str(feed))
    monkeypatch.chdir(tmp_path)

    printed = run("import", "messy.json")

    assert printed.startswith("Created 0, updated 0, unchanged 2, skipped 5\n")
    assert Service.objects.count() == 2


def test_a_missing_file_exits_with_status_2(tmp_path, capsys):
    assert exit_status("import", str(tmp_path / "nowhere.json")) == 2
    err = capsys.readouterr().err
    assert "Could not read the feed: There is no file" in err
    assert "nowhere.json" in err


def test_a_file_that_is_not_json_exits_with_status_2(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("<html>not json</html>")
    assert exit_status("import", str(broken)) == 2
    assert "is not a JSON file that can be read" in capsys.readouterr().err


def test_an_address_that_does_not_answer_exits_with_status_2(capsys):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert exit_status("import", f"http://127.0.0.1:{port}/services") == 2
    assert f"Could not reach http://127.0.0.1:{port}/services?page=1" in capsys.readouterr().err


def test_it_needs_a_subcommand(capsys):
    assert exit_status() != 0
    assert "import" in capsys.readouterr().err
