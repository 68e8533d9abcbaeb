"""check streams (issue 17, point 3): near misses only when an output shows them, claims spooled
to disk and compared rule by rule, reports written as they are made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import checker.running.pipeline as pipeline
from checker.running.pipeline import check
from checker.binding.loading import load_rules
from cli.main import app

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


@pytest.fixture(scope="module")
def rules():
    return load_rules(REPO / "rules").or_raise()


def test_near_misses_are_kept_only_when_asked(rules):
    kept = check([SEEDS], rules, jobs=1)
    dropped = check([SEEDS], rules, jobs=1, near_misses=False)
    assert kept.near_misses  # seeds/ has figures left out near a subject
    assert tuple(dropped.near_misses) == ()
    assert [f.rule.id for f in dropped.findings] == [f.rule.id for f in kept.findings]


@pytest.mark.parametrize(("args", "wanted"), [
    ([], False), (["--explain"], True), (["--format", "json"], True), (["--output", "json:out.json"], True),
    (["--format", "sarif"], False), (["--format", "markdown", "--explain"], True),
])
def test_the_cli_asks_for_near_misses_only_for_explain_and_json(args, wanted, monkeypatch, tmp_path):
    asked = []
    real = pipeline.check

    def spy(*positional, **named):
        asked.append(named.get("near_misses", True))
        return real(*positional, **named)

    monkeypatch.setattr(pipeline, "check", spy)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", str(SEEDS), "--rules", str(REPO / "rules"), "--no-cache", "--jobs", "1", *args])
    assert result.exit_code in (0, 1), result.output
    assert asked == [wanted]


def test_explain_lists_near_misses_and_json_always_does(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    base = ["check", str(SEEDS), "--rules", str(REPO / "rules"), "--no-cache", "--jobs", "1", "--no-color"]
    runner = CliRunner()
    assert "near misses" not in runner.invoke(app, base).stdout.lower()
    assert "near miss" in runner.invoke(app, [*base, "--explain"]).stdout.lower()
    assert json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)["near_misses"]


@pytest.fixture(scope="module")
def seeds_report(rules):
    return check([SEEDS], rules, jobs=1)


def test_json_and_sarif_are_written_in_pieces_that_make_the_same_text(seeds_report):
    from checker.render.json import render_json, write_json
    from checker.render.sarif import render_sarif, write_sarif

    for render, write, options in ((render_json, write_json, {}), (render_sarif, write_sarif, {"root": str(REPO), "cwd": str(REPO)})):
        pieces: list[str] = []
        write(seeds_report, pieces.append, **options)
        assert len(pieces) > 2  # a piece a finding (a result), not one string
        assert "".join(pieces) == render(seeds_report, **options)


def test_streamed_lists_are_laid_out_as_lists():
    from checker.jsonlayout import Streamed, dumps_indented, write_indented

    value = {"a": Streamed(iter([{"b": [1, 2.5, None]}, "c", Streamed(iter([]))])), "d": Streamed(iter([]))}
    plain = {"a": [{"b": [1, 2.5, None]}, "c", []], "d": []}
    pieces: list[str] = []
    write_indented(value, pieces.append)
    assert "".join(pieces) == json.dumps(plain, ensure_ascii=False, indent=2)
    assert dumps_indented({"x": Streamed([1, {"y": 2}])}) == json.dumps({"x": [1, {"y": 2}]}, ensure_ascii=False, indent=2)


def _replays(folder: Path) -> int:
    import sqlite3

    from checker.running.cache import FILE_NAME, FOLDER

    with sqlite3.connect(folder / FOLDER / FILE_NAME) as connection:
        count = connection.execute("SELECT count(*) FROM replay").fetchone()[0]
    connection.close()
    return count


def test_reports_written_to_files_are_replayed_only_when_small(monkeypatch, tmp_path):
    from checker.running import session

    monkeypatch.chdir(tmp_path)
    args = ["check", str(SEEDS), "--rules", str(REPO / "rules"), "--jobs", "1", "--format", "sarif", "-o", "json:out.json"]
    runs, replays = [], []
    for limit in (10, 10, session.REPLAY_FILES_MAX, session.REPLAY_FILES_MAX):
        monkeypatch.setattr(session, "REPLAY_FILES_MAX", limit)
        (tmp_path / "out.json").unlink(missing_ok=True)
        result = CliRunner().invoke(app, args)
        runs.append((result.exit_code, result.stdout, (tmp_path / "out.json").read_text(encoding="utf-8")))
        replays.append(_replays(tmp_path))
    assert len(set(runs)) == 1
    assert json.loads(runs[0][2])["findings"]
    assert replays == [0, 0, 1, 1]  # over the limit the run is not kept: it runs again


def _in_memory(report):
    """The same report with its findings and near misses read back into tuples, as check made them before it spooled."""
    from dataclasses import replace

    return replace(report, findings=tuple(report.findings), near_misses=tuple(report.near_misses))


@pytest.mark.parametrize("name", ["json", "sarif", "table", "markdown", "html", "github"])
def test_a_spooled_report_renders_as_the_same_report_in_memory(seeds_report, name):
    import importlib

    module = importlib.import_module(f"checker.render.{name}")
    render = getattr(module, f"render_{name}")
    options = {"explain": True, "color": False} if name == "table" else {}
    assert render(seeds_report, **options) == render(_in_memory(seeds_report), **options)


def test_spooled_findings_are_compared_as_all_claims_at_once(seeds_report, rules):
    from checker.comparison.compare import compare

    by_id = {rule.id: rule for rule in rules}
    again = sorted((compare(by_id[f.rule.id], list(f.claims)) for f in seeds_report.findings), key=lambda f: f.sort_key)
    assert tuple(seeds_report.findings) == tuple(again)
    assert [f.rule for f in seeds_report.findings] == [by_id[f.rule.id] for f in seeds_report.findings]  # the run's own rules
    misses = tuple(seeds_report.near_misses)
    assert len(misses) == len(seeds_report.near_misses)
    assert list(misses) == sorted(misses, key=lambda m: (m.rule, m.source, m.line, m.column))
    assert [f.rule.id for f in seeds_report.conflicts] == [f.rule.id for f in seeds_report.findings if f.verdict == "conflict"]


class _Recorded:
    """Every spool file made while it is installed."""

    def __init__(self, monkeypatch):
        import checker.running.spool as spool

        self.files = []
        real = spool.tempfile.TemporaryFile

        def make(*args, **kwargs):
            made = real(*args, **kwargs)
            if str(kwargs.get("prefix", "")).startswith(".claims."):  # tempfile serves the cache and the replays too
                self.files.append(made)
            return made

        monkeypatch.setattr(spool.tempfile, "TemporaryFile", make)


def test_the_spool_is_removed_after_a_run(monkeypatch, tmp_path):
    recorded = _Recorded(monkeypatch)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", str(SEEDS), "--rules", str(REPO / "rules"), "--jobs", "1", "--format", "json"])
    assert result.exit_code == 1, result.output
    assert len(recorded.files) == 1 and recorded.files[0].closed
    cache = tmp_path / ".recoupe_cache"
    assert not [path.name for path in cache.iterdir() if path.name.startswith(".claims.")]  # made beside the cache, gone


def test_the_spool_is_removed_after_an_error(monkeypatch, rules):
    recorded = _Recorded(monkeypatch)

    def broken(rule, claims):
        raise RuntimeError("a bug while comparing")

    monkeypatch.setattr(pipeline, "compare", broken)
    with pytest.raises(RuntimeError):
        check([SEEDS], rules, jobs=1)
    assert len(recorded.files) == 1 and recorded.files[0].closed


def test_the_spool_is_removed_when_writing_a_report_fails(monkeypatch, tmp_path):
    recorded = _Recorded(monkeypatch)
    import cli.check as check_command

    def broken(*args, **kwargs):
        raise RuntimeError("a bug while writing")

    monkeypatch.setattr(check_command, "_write_output", broken)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", str(SEEDS), "--rules", str(REPO / "rules"), "--jobs", "1", "--no-cache"])
    assert isinstance(result.exception, RuntimeError)
    assert len(recorded.files) == 1 and recorded.files[0].closed


def test_a_full_disk_keeps_the_spool_in_memory(rules, tmp_path):
    from checker.running.spool import Spool

    spool = Spool(rules, tmp_path)
    spool.add("claims", "a", ["written"])

    def full(data):
        raise OSError(28, "No space left on device")

    spool._file.write = full  # type: ignore[method-assign]
    spool.add("claims", "a", ["kept in memory"])
    spool.add("claims", "b", ["also"])
    assert spool.read("claims", "a") == [["written"], ["kept in memory"]]
    assert spool.read("claims", "b") == [["also"]]
    spool.close()
