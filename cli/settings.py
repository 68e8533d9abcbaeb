"""The settings of a run: the configuration read (a malformed one reported in every format asked,
exit 2) and the cache's size limit (a bad one a usage error)."""

from pathlib import Path

import typer

from checker.outcomes import ExitCode
from cli.common import _err
from cli.outputs import _emit_error_report


def _cache_max_size(no_cache: bool, option: str | None, settings=None) -> int:
    """The cache's size limit in bytes: --cache-max-size, else the configuration's; a bad one is
    a usage error (exit 2). ``settings``: those of the run, if it has read them."""
    if no_cache and option is None:
        return 0
    from checker.running.config import parse_size

    if option is not None:
        try:
            return parse_size(option)
        except ValueError as exc:
            _err(f"--cache-max-size: {exc}")
            raise typer.Exit(ExitCode.ERROR) from None
    if settings is None:
        settings = _settings_or_exit({}, None)
    return parse_size(settings.cache_max_size)  # checked when the configuration was read


def _settings_or_exit(overrides: dict[str, object], fallback_format: str | None):
    from checker.running.config import ConfigError, load_settings

    try:
        return load_settings(Path.cwd(), overrides)
    except ConfigError as exc:
        from checker.running.config import Settings

        _emit_error_report([exc], Settings(format=fallback_format or "table"))
        raise typer.Exit(ExitCode.ERROR) from None

