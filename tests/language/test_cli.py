"""`goodlife language-check`: text and JSON output, contexts, exit statuses."""

import io
import json
import subprocess
import sys

from goodlife.language.cli import main

NOTE = "Tom suffers from asthma.\nHe said “I refused it” and refused the visit.\n"


class Stdin(io.StringIO):
    def __init__(self, data: bytes):
        super().__init__()
        self.buffer = io.BytesIO(data)


def run(*args, stdin=b""):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdin=Stdin(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_json_is_an_array_of_findings_per_input(tmp_path):
    note = tmp_path / "note.txt"
    note.write_bytes(NOTE.encode())
    code, out, _ = run("--json", str(note), "-", stdin=b"Risk of harm.")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert [list(f) for f in first] == [
        ["start", "end", "text", "phrase", "reason", "suggestions"]
    ] * 2
    assert [(f["start"], f["end"], f["text"], f["phrase"]) for f in first] == [
        (4, 16, "suffers from", "suffers from"),
        (NOTE.index("refused the"), NOTE.index("refused the") + 7, "refused", "refused"),
    ]
    assert all(isinstance(f["suggestions"], list) and f["suggestions"] for f in first)
    assert [f["phrase"] for f in second] == ["risk", "harm"]


def test_json_is_stable(tmp_path):
    note = tmp_path / "note.txt"
    note.write_bytes(NOTE.encode())
    assert run("--json", str(note))[1] == run("--json", str(note))[1]


def test_offsets_are_characters_and_line_endings_are_kept(tmp_path):
    text = "Zoë’s café\r\nShe refused.\r\n"
    note = tmp_path / "crlf.txt"
    note.write_bytes(text.encode())
    finding = json.loads(run("--json", str(note))[1])[0]
    assert text[finding["start"] : finding["end"]] == "refused"


def test_context_spares_words(tmp_path):
    note = tmp_path / "s.txt"
    note.write_text("Financial abuse by a neighbour.", encoding="utf-8")
    assert json.loads(run("--json", str(note))[1])[0]["phrase"] == "abuse"
    assert json.loads(run("--json", "--context", "safeguarding", str(note))[1]) == []


def test_text_output_names_line_and_column(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(NOTE, encoding="utf-8")
    code, out, _ = run(str(note))
    assert code == 0
    assert f"{note}:1:5: “suffers from”:" in out
    assert f"{note}:2:" in out and "Try: declined; chose not to; said no to." in out
    assert f"{note}: 2 findings." in out and "not a score" in out


def test_nothing_found_is_still_success():
    code, out, _ = run("--json", "-", stdin=b"Tom loves the library.")
    assert (code, out) == (0, "[]\n")


def test_bad_input_exits_with_2(tmp_path):
    assert run("missing.txt")[0] == 2
    assert "cannot be read" in run("missing.txt")[2]
    assert run()[0] == 2
    assert run("--context", "court", "-")[0] == 2
    code, _, err = run("-", stdin=b"caf\xe9")
    assert code == 2 and "not UTF-8" in err
    broken = tmp_path / "l.toml"
    broken.write_text("[[entry]]\n", encoding="utf-8")
    assert run("--lexicon", str(broken), "-", stdin=b"x")[0] == 2


def test_the_goodlife_command_runs_it(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("The service user refused.", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "goodlife", "language-check", "--json", str(note)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert [f["phrase"] for f in json.loads(done.stdout)] == ["the service user", "refused"]
