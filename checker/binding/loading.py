"""Rule files found and loaded: each parsed (checker.binding.rules), its examples run on the binder
(checker.binding.bind), and a file that passed remembered so that its examples are not run again.

Compiling every pattern and running every example costs some 30 to 60 ms, paid by each
command. So a successful validation is remembered, in ``.recoupe_cache/rules-validated.json`` when
that folder exists: the SHA-256 of the file's text together with a fingerprint of the code that
judged it (recoupe's version, the libraries', the source of ``checker/``). A file whose digest is
listed there is still parsed and checked key by key, but its patterns are compiled when first used
and its examples are not run again; any other file, changed or new, is validated in full. The
record only ever skips work that passed before: an unreadable or malformed record is ignored.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from checker import CACHE_FOLDER
from checker.binding.rules import Rule, parse_rule_file
from checker.errors import RuleError
from checker.reading.files import kind, read_regular, walk


def rule_files(target: Path) -> list[Path]:
    """The rule files of a file or folder (``*.toml`` at any depth), sorted; see ``found_rule_files``."""
    return found_rule_files(target)[0]


def found_rule_files(target: Path) -> tuple[list[Path], list[str]]:
    """The rule files of a file or folder, sorted, and a warning for each ``*.toml`` of the folder
    that is not a regular file (a FIFO, a socket, a device: never opened, as reading a FIFO waits
    for a writer for ever); a symbolic link counts when it leads to a regular file."""
    if not target.is_dir():
        return [target], []
    found: list[Path] = []
    skipped: list[str] = []
    entries, _ = walk(target, skip_hidden=False)  # an explicit stack: any depth; links to folders not followed
    for path in sorted(path for path, _ in entries if path.name.endswith(".toml")):  # lists names, opens nothing
        mode = _mode(path)
        if mode is not None and stat.S_ISREG(mode):
            found.append(path)
        elif mode is not None and not stat.S_ISDIR(mode):
            skipped.append(f"{path}: skipped: {kind(mode)}, not a regular file: never read")
    return found, skipped


def _text(data: bytes) -> str:
    """A rule file's text as ``Path.read_text(encoding="utf-8-sig")`` reads it (its line ends made ``\\n``)."""
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def _mode(path: Path) -> int | None:
    """The mode of what ``path`` leads to; None when it leads nowhere (a broken link)."""
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


DEFAULT_RECORD_FOLDER = Path(CACHE_FOLDER)


@dataclass(frozen=True)
class LoadedRules:
    """What ``load_rules`` found: the rules that validated, sorted by id, and one error for each
    rule or file that did not (a file that cannot be read or is not TOML loses only its own rules)."""

    rules: tuple[Rule, ...]
    errors: tuple[RuleError, ...] = ()
    skipped: tuple[str, ...] = ()  # warnings: files of the folder that are not regular files (found_rule_files)

    def or_raise(self) -> list[Rule]:
        """The rules, or the first error raised: for a caller that accepts no invalid rule."""
        if self.errors:
            raise self.errors[0]
        return list(self.rules)


def load_rules(target: Path, cache_dir: Path | None = DEFAULT_RECORD_FOLDER) -> LoadedRules:
    """Load every rule of a file or folder and check their examples; an invalid rule is left out
    and reported in ``errors`` (in file order, then line), the others are loaded.

    ``cache_dir``: where the record of files already validated is kept (relative: to the current
    folder), used only when that folder exists; None: validate everything, record nothing. Only a
    file without any error is recorded.
    """
    if not target.exists():
        return LoadedRules((), (RuleError(str(target), "no such rule file or folder"),))
    files, skipped = found_rule_files(target)
    record = _Validated(cache_dir) if cache_dir is not None and cache_dir.is_dir() else None
    rules: list[Rule] = []
    errors: list[RuleError] = []
    unproven: list[Rule] = []  # rules of files not validated before: their examples are run
    new_digests: dict[str, str] = {}  # path -> digest of a file validated now, recorded if it had no error
    declared: dict[str, tuple[str, int]] = {}  # rule id -> where it was first defined, across files
    for file in files:
        try:
            text = _text(read_regular(file))
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(RuleError(str(file), f"cannot be read ({exc})"))
            continue
        digest = record.digest(text) if record is not None else None
        known = digest is not None and digest in record.digests
        parsed, problems = parse_rule_file(text, str(file), compile_patterns=not known, declared=declared)
        errors.extend(problems)
        if not known:
            unproven.extend(parsed)
            if digest is not None:
                new_digests[str(file)] = digest
        rules.extend(parsed)
    if unproven:
        # imported here: the binder imports the extractor, which a replayed run never needs
        from checker.binding.bind import check_examples

        failed: set[str] = set()  # ids: those of the rules parsed are unique
        for rule in unproven:
            try:
                check_examples(rule)
            except RuleError as exc:
                errors.append(exc)
                failed.add(rule.id)
        rules = [rule for rule in rules if rule.id not in failed]
    if record is not None and new_digests:
        wrong = {error.path for error in errors}
        valid = [digest for path, digest in new_digests.items() if path not in wrong]
        if valid:
            record.add(valid)
    order = {str(file): index for index, file in enumerate(files)}
    errors.sort(key=lambda error: (order.get(error.path, -1), error.line or 0))
    return LoadedRules(tuple(sorted(rules, key=lambda rule: rule.id)), tuple(errors), tuple(skipped))


class _Validated:
    """The digests of rule-file texts that passed validation, kept in ``folder/rules-validated.json``.

    Each digest covers the text and the fingerprint of the code that validated it, so a new
    recoupe, library or ``checker/`` source never trusts an old entry. The file is JSON, written
    atomically; one that cannot be read or is not exactly what ``add`` writes counts as empty.
    """

    FILE_NAME = "rules-validated.json"
    SCHEMA = 1
    LIMIT = 200  # digests kept, the most recent

    def __init__(self, folder: Path) -> None:
        self.path = folder / self.FILE_NAME
        self.digests: list[str] = []
        self._fingerprint: bytes | None = None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("schema") == self.SCHEMA and all(_is_digest(d) for d in data["valid"]):
                self.digests = list(data["valid"])
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
            pass

    def digest(self, text: str) -> str | None:
        """The digest of ``text`` validated by this code; None when the code cannot be read."""
        import hashlib

        if self._fingerprint is None:
            try:
                self._fingerprint = _code_fingerprint()
            except OSError:
                self._fingerprint = b""
        if not self._fingerprint:
            return None
        return hashlib.sha256(self._fingerprint + b"\0" + text.encode("utf-8")).hexdigest()

    def add(self, digests: list[str]) -> None:
        """Record new digests; a failure to write is no error (the next run validates again)."""
        kept = [d for d in self.digests if d not in digests] + digests
        text = json.dumps({"schema": self.SCHEMA, "valid": kept[-self.LIMIT:]})
        import tempfile

        try:
            handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent, prefix=f".{self.FILE_NAME}.", suffix=".tmp", delete=False)
        except OSError:
            return
        try:
            with handle:
                handle.write(text)
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(handle.name, 0o666 & ~mask)  # as the cache's other files, not the temporary file's 0600
            os.replace(handle.name, self.path)
        except OSError:
            Path(handle.name).unlink(missing_ok=True)


def _is_digest(value: object) -> bool:
    return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _code_fingerprint() -> bytes:
    """What decides whether a rule file validates: recoupe's code and what it runs on (checker.running.replay)."""
    from checker.fingerprint import code_digest

    return code_digest([Path(__file__).parent.parent]).encode()  # checker/
