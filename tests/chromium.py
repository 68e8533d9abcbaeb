"""Headless Chromium for the tests, driven by the DevTools protocol over a pipe.

``--remote-debugging-pipe`` makes Chromium read commands on its file descriptor 3 and answer on
4, as JSON messages ended by a NUL byte: no driver, no websocket, no port. The flags keep it
from calling out (component updates, sync, background requests), which matters on a closed
network and keeps a run short.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
)


class BrowserError(RuntimeError):
    """Chromium stopped, answered with an error, or took too long."""


class Browser:
    """One headless Chromium with one tab; ``close`` ends it."""

    def __init__(self, profile: Path, timeout: float = 20.0, size: tuple[int, int] = (1280, 2000)) -> None:
        self.timeout = timeout
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def as_fds_3_and_4() -> None:  # in the child, before exec: the pipe's ends become fds 3 and 4
            read_end, write_end = os.dup(commands_read), os.dup(answers_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self._process = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
             "--remote-debugging-pipe", "about:blank"],
            preexec_fn=as_fds_3_and_4, close_fds=False, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            self.call(f"{domain}.enable", session=self.session)

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one command and wait for its answer; events met meanwhile are kept in ``events``."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            received = self._receive()
            if received.get("id") == self._next_id:
                if "error" in received:
                    raise BrowserError(f"{method}: {received['error']}")
                return received.get("result", {})
            self.events.append(received)

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._answers], [], [], left)[0]:
                raise BrowserError(f"no answer from Chromium within {self.timeout} s")
            chunk = os.read(self._answers, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium stopped")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def open(self, path: Path) -> list[str]:
        """Load a file and wait for its load event; the console errors it caused."""
        self.events.clear()
        self.call("Page.navigate", {"url": path.resolve().as_uri()}, self.session)
        while not any(event.get("method") == "Page.loadEventFired" for event in self.events):
            self.events.append(self._receive())
        self.evaluate("1")  # whatever the page logged while loading has arrived before this answer
        return console_errors(self.events)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (the protocol's, not the page's script)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session)
        if "exceptionDetails" in result:
            raise BrowserError(f"evaluation failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except BrowserError:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._commands)
        os.close(self._answers)


def console_errors(events: list[dict[str, Any]]) -> list[str]:
    """Errors a page caused: console errors, uncaught exceptions, blocked scripts or requests."""
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Log.entryAdded" and params["entry"]["level"] == "error":
            found.append(params["entry"]["text"])
        elif method == "Runtime.exceptionThrown":
            found.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(" ".join(str(arg.get("value", "")) for arg in params.get("args", [])))
    return found
