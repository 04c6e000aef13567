"""Child processes the browser tests start: output read line by line, waits on events, clean stops checked."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
from pathlib import Path
from typing import Callable, Optional


class ProcessFailed(AssertionError):
    """A child did not do what the test waited for (with its log, so the failure says why)."""


class Child:
    """A long-running child process whose standard output and error are read by threads.

    Every line is appended to a log file (kept for a failing test) and to an in-memory list guarded by a
    condition variable, so a test waits for a line (`wait_for_line`) on an event with a time limit, never by
    sleeping and polling.
    """

    def __init__(self, name: str, argv: list[str], log_path: Path, env: Optional[dict] = None) -> None:
        self.name = name
        self.argv = argv
        self.log_path = log_path
        self._lines: list[tuple[str, str]] = []
        self._changed = threading.Condition()
        self._open_streams = 2
        self._stopped: Optional[int] = None
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log_path, "a", encoding="utf-8")
        self._log.write(f"$ {' '.join(argv)}\n")
        self._log.flush()
        self.process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})}, start_new_session=True)
        self._readers = [
            threading.Thread(target=self._read, args=(self.process.stdout, "out"), daemon=True),
            threading.Thread(target=self._read, args=(self.process.stderr, "err"), daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self, stream, which: str) -> None:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            with self._changed:
                self._lines.append((which, line))
                self._log.write(f"[{which}] {line}\n")
                self._log.flush()
                self._changed.notify_all()
        with self._changed:
            self._open_streams -= 1
            self._changed.notify_all()

    def lines(self, which: Optional[str] = None) -> list[str]:
        with self._changed:
            return [line for stream, line in self._lines if which is None or stream == which]

    def wait_for_line(self, predicate: Callable[[str], bool], which: Optional[str] = None,
                      timeout: float = 30.0, what: str = "a line") -> str:
        """Returns the first line (of stdout, stderr, or either) that satisfies `predicate`.

        Fails when the child closes its output first or `timeout` seconds pass; the message carries the
        child's last lines.
        """
        found: list[str] = []

        def ready() -> bool:
            for stream, line in self._lines:
                if (which is None or stream == which) and predicate(line):
                    found.append(line)
                    return True
            return self._open_streams == 0

        with self._changed:
            self._changed.wait_for(ready, timeout=timeout)
        if found:
            return found[0]
        state = "exited" if self.process.poll() is not None else f"still running after {timeout:.0f} s"
        raise ProcessFailed(f"{self.name} ({state}) never printed {what}; its last lines:\n{self.tail()}")

    def tail(self, count: int = 25) -> str:
        with self._changed:
            return "\n".join(f"  [{stream}] {line}" for stream, line in self._lines[-count:])

    def terminate(self) -> None:
        """Sends SIGTERM without waiting (several children stop side by side; `stop` then waits for each)."""
        if self._stopped is None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def stop(self, timeout: float = 20.0, expect_status: Optional[int] = 0) -> int:
        """Sends SIGTERM and waits for the exit; checks the status (0 by default: a clean stop)."""
        if self._stopped is not None:
            return self._stopped
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise ProcessFailed(f"{self.name} did not stop within {timeout:.0f} s of SIGTERM:\n{self.tail()}")
        for reader in self._readers:
            reader.join(timeout=5)
        self._stopped = status
        with self._changed:
            self._log.write(f"exit status {status}\n")
            self._log.close()
        if expect_status is not None and status != expect_status:
            raise ProcessFailed(f"{self.name} exited {status} on SIGTERM, expected {expect_status}:\n{self.tail()}")
        return status

    def kill(self) -> None:
        """Last resort for a teardown after a failure: the whole process group of this child, and only it."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)


def run(argv: list[str], log_path: Path, timeout: float = 120.0, input_text: Optional[str] = None) -> str:
    """Runs a short command to completion; returns its standard output, fails with its error output."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(argv, input=input_text, capture_output=True, text=True, timeout=timeout,
                            stdin=None if input_text is not None else subprocess.DEVNULL)
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"$ {' '.join(argv)}\n{result.stdout}{result.stderr}exit status {result.returncode}\n")
    if result.returncode != 0:
        raise ProcessFailed(f"`{' '.join(argv)}` exited {result.returncode}:\n{result.stderr}{result.stdout}")
    return result.stdout


LISTENING = re.compile(r"127\.0\.0\.1:(\d+)")
