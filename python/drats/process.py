"""One `dratsd env` subprocess and its JSON line protocol: one request line, one answer line."""

from __future__ import annotations

import json
import subprocess
import tempfile
import weakref
from typing import Any, Dict, List, Optional, Sequence

from .errors import DratsdExitedError, DratsdRequestError

_CLOSE_TIMEOUT_SECONDS = 5.0
_STDERR_LIMIT_CHARS = 2000


class DratsdProcess:
    """A running `dratsd env --task TASK` serving requests until `close()` (or collection).

    stderr goes to an unnamed temporary file rather than a pipe, so that a chatty binary can
    never block on a full pipe, and so that the text is still there to quote when it dies.
    """

    def __init__(self, dratsd_path: str, task: str, suite_seed: int, layout_mode: str):
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

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def request(self, message: Dict[str, Any]) -> Dict[str, Any]:
        """Sends one request and returns the decoded answer; an {"error"} answer raises."""
        if self.closed:
            raise DratsdExitedError("this dratsd env process was closed; make a new environment")
        line = json.dumps(message, allow_nan=False) + "\n"
        try:
            self._process.stdin.write(line.encode())
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._died("while sending a request") from None
        answer = self._process.stdout.readline()
        if not answer:
            raise self._died("before answering")
        try:
            reply = json.loads(answer)
        except ValueError:
            raise DratsdExitedError(
                f"{self._name()} answered with a line that is not JSON: {answer[:200]!r}"
            ) from None
        if not isinstance(reply, dict):
            raise DratsdExitedError(f"{self._name()} answered with {reply!r}, not a JSON object")
        if "error" in reply:
            raise DratsdRequestError(f"{self._name()} refused {message.get('op')!r}: {reply['error']}")
        return reply

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

    def _died(self, when: str) -> DratsdExitedError:
        try:
            status = self._process.wait(timeout=_CLOSE_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            status = None
        stderr = self.stderr_text() or "(nothing on stderr)"
        self.close()
        how = f"exited with status {status}" if status is not None else "stopped answering"
        return DratsdExitedError(f"{self._name()} {how} {when}; its stderr: {stderr}")


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
