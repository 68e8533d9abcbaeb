"""recoupe in CI: outputs to files, baseline, thresholds, configuration, integration files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app

REPO = Path(__file__).resolve().parents[2]
SEED = "001_01d4b650f65474cf.txt"


@pytest.fixture()
def seeds(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(REPO / "seeds", folder)
    monkeypatch.chdir(tmp_path)
    return folder


def run(*args: str):
    return CliRunner().invoke(app, [*args], catch_exceptions=False)


def rules_args() -> list[str]:
    return ["--rules", str(REPO / "rules")]


def test_baseline_then_new_document_fails_only_on_its_conflict(seeds, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run("baseline", str(seeds), "--output", str(baseline), *rules_args()).exit_code == 0
    assert run("check", str(seeds), "--baseline", str(baseline), *rules_args()).exit_code == 0

    (seeds / "005_nouveau.txt").write_text(
        "La stratégie « Santé numérique » (SASN) a engagé 600 millions d'euros depuis son lancement.\n",
        encoding="utf-8",
    )
    result = run("check", str(seeds), "--baseline", str(baseline), *rules_args())
    assert result.exit_code == 1
    new_lines = [line for line in result.stderr.splitlines() if line.startswith("recoupe: new conflict")]
    assert new_lines and all("005_nouveau.txt" in line for line in new_lines)


def test_blank_lines_at_the_top_do_not_make_baseline_entries_stale(seeds, tmp_path):
    baseline = tmp_path / "baseline.json"
    run("baseline", str(seeds), "--output", str(baseline), *rules_args())
    seed = seeds / SEED
    seed.write_text("\n\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", str(seeds), "--baseline", str(baseline), *rules_args())
    assert result.exit_code == 0
    assert "stale" not in result.stderr


def test_changed_figure_makes_its_entry_stale(seeds, tmp_path):
    baseline = tmp_path / "baseline.json"
    run("baseline", str(seeds), "--output", str(baseline), *rules_args())
    seed = seeds / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("550 millions", "700 millions"), encoding="utf-8")
    result = run("check", str(seeds), "--baseline", str(baseline), *rules_args())
    assert "stale baseline entry: sasn-funding" in result.stderr


@pytest.mark.parametrize(("fail_on", "code"), [("low", 1), ("medium", 1), ("high", 0), ("never", 0)])
def test_fail_on_decides_the_exit_code(seeds, fail_on, code):
    # the seeds' funding conflict is of medium severity
    assert run("check", str(seeds), "--fail-on", fail_on, *rules_args()).exit_code == code


def test_min_severity_hides_but_does_not_change_exit(seeds):
    result = run("check", str(seeds), "--min-severity", "high", "--format", "json", *rules_args())
    assert result.exit_code == 1
    assert all(f["verdict"] != "conflict" for f in json.loads(result.stdout)["findings"])


def test_several_outputs_in_one_run_are_written(seeds, tmp_path):
    result = run("check", str(seeds), "--format", "json", "--output", f"markdown:{tmp_path / 'r.md'}",
                 "--output", f"json:{tmp_path / 'r.json'}", *rules_args())
    assert result.exit_code == 1
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == json.loads(result.stdout)
    assert "sasn-funding" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "r.json").stat().st_mode & 0o777 == 0o666 & ~mask, "a report gets the usual permissions, not a temporary file's 0600"


def test_configuration_file_sets_options_and_config_shows_origins(seeds, tmp_path):
    (tmp_path / "recoupe.toml").write_text(f'rules = "{(REPO / "rules").as_posix()}"\nfail_on = "never"\n', encoding="utf-8")
    assert run("check", str(seeds)).exit_code == 0
    shown = run("config").stdout
    assert f'fail_on = "never"  # {tmp_path / "recoupe.toml"}' in shown
    assert 'format = "table"  # default' in shown
    # valid TOML that recoupe reads back as the same settings
    (tmp_path / "pasted").mkdir()
    (tmp_path / "pasted" / "recoupe.toml").write_text(shown, encoding="utf-8")
    from checker.running.config import KEYS, load_settings

    original, pasted = load_settings(tmp_path, {}), load_settings(tmp_path / "pasted", {})
    assert all(getattr(original, key) == getattr(pasted, key) for key in KEYS if key not in ("rules", "baseline", "sarif_root"))


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_configuration_typo_exit_2_names_file_line_and_key(seeds, tmp_path, fmt):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.recoupe]\nfail-on = "high"\nfial_on = "low"\n', encoding="utf-8")
    result = run("check", str(seeds), "--format", fmt)
    assert result.exit_code == 2
    assert "pyproject.toml:6: unknown key 'fial_on'" in result.stderr
    if fmt == "json":
        assert "fial_on" in json.loads(result.stdout)["errors"][0]["message"]


def test_rule_typo_appears_in_every_format(seeds, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.toml").write_text('[[rule]]\nid = "x"\ntitle = "X"\nkind = "money"\nsubjet = ["a"]\n', encoding="utf-8")
    for fmt in ("json", "sarif", "github", "markdown"):
        result = run("check", str(seeds), "--rules", str(rules), "--format", fmt)
        assert result.exit_code == 2
        assert "r.toml:5: unknown key 'subjet'" in result.stderr
        assert "subjet" in result.stdout, fmt


def test_stats_show_per_document_breakdown(seeds):
    result = run("check", str(seeds), "--stats", "--no-color", *rules_args())
    assert "documents read" in result.stdout
    assert "001_01d4b650f65474cf.txt\t" in result.stdout


def test_integration_files_are_well_formed():
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "recoupe" and hooks[0]["entry"].startswith("recoupe check")
    workflow = yaml.safe_load((REPO / "docs" / "recoupe-workflow.yml").read_text(encoding="utf-8"))
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["recoupe"]["steps"])
    assert "--output sarif:recoupe.sarif" in commands and "upload-sarif" in str(workflow)


def test_jobs_and_quiet_can_be_set_in_the_configuration(seeds, tmp_path):
    (tmp_path / "recoupe.toml").write_text('jobs = 0\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(seeds), *rules_args()])
    assert result.exit_code == 2 and "recoupe.toml:1: key 'jobs': expected a whole number" in result.stderr
    (tmp_path / "recoupe.toml").write_text('jobs = 2\nquiet = true\nfail_on = "never"\n', encoding="utf-8")
    two = run("check", str(seeds), *rules_args(), "--format", "json", "--no-cache")
    one = run("check", str(seeds), *rules_args(), "--format", "json", "--no-cache", "--jobs", "1")
    assert two.exit_code == one.exit_code == 0 and two.stdout == one.stdout
    shown = run("config").stdout
    assert f"jobs = 2  # {tmp_path / 'recoupe.toml'}" in shown and "quiet = true" in shown


def test_no_progress_bar_off_a_terminal_or_with_quiet():
    from cli.common import _progress

    with _progress(100) as progress:  # the tests' stderr is not a terminal
        assert progress is None
    with _progress(100, quiet=True) as progress:
        assert progress is None


def test_sarif_locations_are_relative_to_the_git_repository(seeds, tmp_path):
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "sub").mkdir()
    os.chdir(tmp_path / "sub")  # the monkeypatched folder: restored after the test
    result = run("check", str(Path("..") / "seeds"), *rules_args(), "--format", "sarif", "--fail-on", "never")
    run_ = json.loads(result.stdout)["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    artifact = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uriBaseId"] == "%SRCROOT%" and artifact["uri"].startswith("seeds/0")
    pinned = json.loads(run("check", str(Path("..") / "seeds"), *rules_args(), "--format", "sarif", "--fail-on", "never",
                            "--sarif-root", str(tmp_path / "sub")).stdout)["runs"][0]
    assert pinned["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")
