"""Every command's --help shows its help texts as written, square brackets included."""

from __future__ import annotations

import inspect
import re

import pytest
import typer
from typer.testing import CliRunner

from cli.main import app

BRACKETED = re.compile(r"\[[^\[\]]+\]")


def _commands(command, path: tuple[str, ...] = ()):
    """(path of names, click command) of every command under ``command`` (typer bundles its own click)."""
    yield path, command
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))


def _bracketed_texts(command) -> list[str]:
    texts = [inspect.cleandoc(command.help or "")]
    texts += [param.help for param in command.params if getattr(param, "help", None)]
    return [" ".join(found.split()) for text in texts for found in BRACKETED.findall(text)]


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_some_help_texts_have_brackets():
    # the test below must test something: the texts that rich markup used to swallow
    everything = {text for _, command in COMMANDS for text in _bracketed_texts(command)}
    assert "[tool.recoupe]" in everything
    assert any(text.startswith("[default: rules/ of the project") for text in everything)


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=lambda path: " ".join(path) or "recoupe")
def test_help_shows_bracketed_texts(path):
    command = dict(COMMANDS)[path]
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())  # help is wrapped: compare with whitespace collapsed
    for text in _bracketed_texts(command):
        assert text in shown, f"{text!r} missing from 'recoupe {' '.join(path)} --help'"
    assert "\\[" not in shown  # and no escape left visible


def test_help_of_commands_keeps_exit_codes():
    for path, command in COMMANDS:
        if hasattr(command, "commands") and path:
            continue  # 'recoupe rules' only lists its sub-commands
        result = CliRunner().invoke(app, [*path, "--help"])
        assert "Exit codes" in result.stdout, path
