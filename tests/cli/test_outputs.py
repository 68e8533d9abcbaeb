"""``--output``: FORMAT:FILE only for a known format, the format of FILE alone from its suffix, and a
bad value or a failed write is one line naming what was asked, exit code 2, nothing written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.running.config
from checker.running.config import FORMATS, SUFFIX_FORMATS, parse_output, suffix_format
from cli.main import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str):
    result = CliRunner().invoke(app, ["check", "seeds", "--rules", str(ROOT / "rules"), "--no-cache", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    return result


@pytest.mark.parametrize(("value", "message"), [
    ("sarf:recoupe.sarif", "--output 'sarf:recoupe.sarif': unknown format 'sarf' (known formats: table, json, sarif, github, markdown"),
    ("foo:/tmp/x", "--output 'foo:/tmp/x': unknown format 'foo'"),
    ("json:", "--output 'json:': no file name after 'json:'"),
    ("", "--output '': no file name"),
])
def test_a_bad_output_is_a_usage_error_and_nothing_is_written(workspace: Path, value: str, message: str) -> None:
    before = sorted(workspace.iterdir())
    result = _check("--output", value)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(f"recoupe: {message}")
    assert result.stdout == ""
    assert sorted(workspace.iterdir()) == before  # no file named after the typo, no folder 'foo:'


@pytest.mark.parametrize(("file", "expected"), [
    ("r.json", "json"), ("r.sarif", "sarif"), ("r.md", "markdown"), ("r.markdown", "markdown"), ("r.txt", "table"), ("r", "table"),
])
def test_the_format_of_a_file_alone_comes_from_its_suffix(workspace: Path, file: str, expected: str) -> None:
    result = _check("--output", file)
    assert result.exit_code == 1 and result.stdout == ""  # the report went to the file instead
    written = (workspace / file).read_text(encoding="utf-8")
    if expected == "json":
        assert json.loads(written)["schema_version"]
    elif expected == "sarif":
        assert json.loads(written)["version"] == "2.1.0"
    elif expected == "markdown":
        assert written.startswith("#")
    else:
        assert "sasn-funding" in written and not written.lstrip().startswith(("{", "#"))
    assert _check("--format", "json", "--output", "r.txt").exit_code == 1
    assert json.loads((workspace / "r.txt").read_text(encoding="utf-8"))["schema_version"]


def test_a_suffix_against_the_format_asked_is_a_usage_error(workspace: Path) -> None:
    result = _check("--format", "json", "--output", "r.md")
    assert result.exit_code == 2 and not (workspace / "r.md").exists()
    assert result.stderr == "recoupe: --output 'r.md': its suffix names markdown, the format asked is json; write json:r.md or markdown:r.md\n"
    assert _check("--format", "json", "--output", "markdown:r.md").exit_code == 1  # said explicitly: both


@pytest.mark.skipif(os.name == "nt", reason="a colon cannot be in a file name on Windows")
def test_a_file_name_with_a_colon_is_written_as_a_path(workspace: Path) -> None:
    assert _check("--output", "./sarf:x.sarif").exit_code == 1
    assert json.loads((workspace / "sarf:x.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_an_unknown_format_in_the_configuration_names_the_file_and_line(workspace: Path) -> None:
    (workspace / "recoupe.toml").write_text('fail_on = "never"\noutput = ["sarif:ok.sarif", "jsn:r.json"]\n', encoding="utf-8")
    result = _check()
    assert result.exit_code == 2
    assert f"recoupe.toml:2: key 'output': 'jsn:r.json': unknown format 'jsn'" in result.stderr
    assert not (workspace / "ok.sarif").exists()


def test_parse_output() -> None:
    assert parse_output("sarif:out/r.sarif") == ("sarif", "out/r.sarif")
    assert parse_output("out/r.sarif") == (None, "out/r.sarif")
    assert parse_output("./json:r") == (None, "./json:r")
    assert parse_output("a b:c") == (None, "a b:c")  # not a word before the colon: a file name
    for bad in ("sarf:x", "x:", "json:", "", "  "):
        with pytest.raises(ValueError):
            parse_output(bad)


def test_the_suffix_table_is_the_one_place_a_new_format_gets_its_suffix(monkeypatch) -> None:
    assert set(SUFFIX_FORMATS.values()) <= set(FORMATS)  # every suffix names a format recoupe writes
    assert suffix_format("R.SARIF") == "sarif" and suffix_format("r.txt") is None
    assert suffix_format("report.html") == suffix_format("report.htm") == "html"
    monkeypatch.setattr(checker.running.config, "FORMATS", tuple(name for name in FORMATS if name != "html"))
    assert suffix_format("r.html") is None  # a suffix of no format: FILE gets --format, as any other


def _unwritable(workspace: Path) -> Path:
    """A folder this process cannot create files in."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # root writes anywhere a mode allows none
        if not Path("/sys").is_dir():
            pytest.skip("as root, no read-only folder to write into")
        return Path("/sys")
    folder = workspace / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def test_a_report_that_cannot_be_written_is_one_line_naming_it(workspace: Path) -> None:
    folder = _unwritable(workspace)
    try:
        target = folder / "recoupe.sarif"
        result = _check("--format", "json", "--output", f"sarif:{target}", "--output", f"markdown:{workspace / 'r.md'}")
        assert result.exit_code == 2
        assert result.stderr == f"recoupe: {target}: cannot be written (Permission denied)\n"
        assert json.loads(result.stdout)["schema_version"]  # the rest of the run is done
        assert (workspace / "r.md").is_file() and not target.exists()
    finally:
        if folder.parent == workspace:
            folder.chmod(0o755)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="limits the file size of a child process (POSIX)")
def test_a_full_disk_is_one_line_and_exit_2(workspace: Path) -> None:
    """RLIMIT_FSIZE makes writes past 4 kB fail (as a full disk does): the report is not written,
    no temporary file stays, the message names the report."""
    import resource
    import signal

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    out = workspace / "out"
    result = subprocess.run(
        [sys.executable, "-m", "cli", "check", "seeds", "--rules", str(ROOT / "rules"), "--no-cache", "--output", f"sarif:{out / 'r.sarif'}"],
        cwd=workspace, capture_output=True, text=True, preexec_fn=small_files, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert (result.returncode, result.stderr) == (2, f"recoupe: {out / 'r.sarif'}: cannot be written (File too large)\n")
    assert list(out.iterdir()) == []
