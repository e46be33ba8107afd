"""One `dratsd env` subprocess and its JSON line protocol: one request line, one answer line."""

from __future__ import annotations

import json
import os
import select
import subprocess
import tempfile
import time
import weakref
from typing import Any, Dict, List, Optional, Sequence

from .errors import DratsdExitedError, DratsdRequestError

_CLOSE_TIMEOUT_SECONDS = 5.0
_TIMED_OUT = object()
_STDERR_LIMIT_CHARS = 2000


class DratsdProcess:
    """A running `dratsd env --task TASK` serving requests until `close()` (or collection).

    stderr goes to an unnamed temporary file rather than a pipe, so that a chatty binary can
    never block on a full pipe, and so that the text is still there to quote when it dies.
    A request not answered within `timeout_seconds` (None: wait forever) kills the process.
    """

    def __init__(
        self,
        dratsd_path: str,
        task: str,
        suite_seed: int,
        layout_mode: str,
        timeout_seconds: Optional[float] = 60.0,
    ):
        if timeout_seconds is not None and not timeout_seconds > 0:
            raise ValueError(f"timeout_seconds {timeout_seconds!r} must be positive, or None to wait forever")
        self.timeout_seconds = timeout_seconds
        self.command = [
            dratsd_path, "env", "--task", task,
            "--suite-seed", str(suite_seed), "--layout-mode", layout_mode,
        ]
        self._stderr = tempfile.TemporaryFile(mode="w+b")
        try:
            self._process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
            )
        except OSError as error:
            self._stderr.close()
            raise DratsdExitedError(f"cannot start {' '.join(self.command)}: {error}") from error
        self._finalizer = weakref.finalize(self, _shut_down, self._process, self._stderr)
        self._stderr_after_close = ""
        # Answers are read from the raw descriptor (never through the buffered reader), so that
        # polling it tells the truth about whether an answer is waiting.
        self._stdout_fd = self._process.stdout.fileno()
        self._poll = select.poll()
        self._poll.register(self._stdout_fd, select.POLLIN)
        self._pending = bytearray()
        self._awaiting: Optional[str] = None

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def request(self, message: Dict[str, Any]) -> Dict[str, Any]:
        """Sends one request and returns the decoded answer; an {"error"} answer raises."""
        self.send(message)
        return self.receive()

    def send(self, message: Dict[str, Any]) -> None:
        """First half of `request`: writes the request without waiting, so that several
        processes can work on their requests at the same time; `receive` collects the answer."""
        if self.closed:
            raise DratsdExitedError("this dratsd env process was closed; make a new environment")
        if self._awaiting is not None:
            raise DratsdExitedError(f"{self._name()} still owes the answer to {self._awaiting!r}; receive it first")
        line = json.dumps(message, allow_nan=False) + "\n"
        self._awaiting = str(message.get("op"))
        try:
            self._process.stdin.write(line.encode())
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._died(f"ended before reading {self._awaiting!r}") from None

    def receive(self) -> Dict[str, Any]:
        """Second half of `request`: the answer to the request `send` wrote."""
        if self._awaiting is None:
            raise DratsdExitedError(f"{self._name()} has no request to answer; send one first")
        op = self._awaiting
        answer = self._read_line()
        self._awaiting = None
        if answer is None:
            raise self._died(f"ended before answering {op!r}")
        if answer is _TIMED_OUT:
            self._process.kill()
            raise self._died(f"did not answer {op!r} within {self.timeout_seconds} s and was killed")
        try:
            reply = json.loads(answer)
        except ValueError:
            raise DratsdExitedError(
                f"{self._name()} answered with a line that is not JSON: {answer[:200]!r}"
            ) from None
        if not isinstance(reply, dict):
            raise DratsdExitedError(f"{self._name()} answered with {reply!r}, not a JSON object")
        if "error" in reply:
            raise DratsdRequestError(f"{self._name()} refused {op!r}: {reply['error']}")
        return reply

    def _read_line(self):
        """The next answer line, None at end of output, or _TIMED_OUT."""
        deadline = None if self.timeout_seconds is None else time.monotonic() + self.timeout_seconds
        while True:
            newline = self._pending.find(b"\n")
            if newline >= 0:
                line = bytes(self._pending[:newline])
                del self._pending[: newline + 1]
                return line
            if deadline is not None:
                remaining_ms = max(0.0, deadline - time.monotonic()) * 1000
                if not self._poll.poll(remaining_ms):
                    return _TIMED_OUT
            chunk = os.read(self._stdout_fd, 1 << 16)
            if not chunk:
                return None
            self._pending += chunk

    def stderr_text(self) -> str:
        """What the process has written to stderr so far (the last 2000 characters)."""
        if self.closed:
            return self._stderr_after_close
        self._stderr.flush()
        self._stderr.seek(0)
        text = self._stderr.read().decode(errors="replace").strip()
        return text[-_STDERR_LIMIT_CHARS:]

    def close(self) -> Optional[int]:
        """Ends the process (end of input, then SIGTERM, then SIGKILL); returns its exit status."""
        if self._finalizer.alive:
            _stop(self._process)
            self._stderr_after_close = self.stderr_text()
            self._finalizer()
        return self._process.returncode

    def _name(self) -> str:
        return f"dratsd env (task {self.command[3]}, pid {self._process.pid})"

    def _died(self, what: str) -> DratsdExitedError:
        """The error for a process that `what` (ended, timed out); closes it, quoting stderr."""
        try:
            status = f"exit status {self._process.wait(timeout=_CLOSE_TIMEOUT_SECONDS)}"
        except subprocess.TimeoutExpired:
            status = "still running, stopped now"
        stderr = self.stderr_text() or "(nothing on stderr)"
        self.close()
        return DratsdExitedError(f"{self._name()} {what} ({status}); its stderr: {stderr}")


def _shut_down(process: subprocess.Popen, stderr_file) -> None:
    """Stops the process and releases its files (run once, by `close` or at collection)."""
    _stop(process)
    if process.stdout is not None:
        process.stdout.close()
    stderr_file.close()


def _stop(process: subprocess.Popen) -> None:
    """Closing stdin lets dratsd finish cleanly (exit 0); signals only if it does not."""
    try:
        if process.stdin is not None:
            process.stdin.close()
    except OSError:
        pass
    try:
        process.wait(timeout=_CLOSE_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(timeout=_CLOSE_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def decode_numbers(values: Sequence[Optional[float]]) -> List[float]:
    """dratsd writes non-finite numbers as null; they come back as NaN."""
    return [float("nan") if value is None else float(value) for value in values]
