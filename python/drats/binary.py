"""Finding the dratsd binary and asking it which tasks it simulates."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import lru_cache
from typing import Optional, Tuple

from .errors import DratsdExitedError, DratsdNotFoundError

DRATSD_ENV_VAR = "DRATSD"
"""Environment variable naming the dratsd binary when no explicit path is given."""

# A task name dratsd can never serve: asking for it makes dratsd list the valid names.
_PROBE_TASK = "?"
_VALID_TASKS = re.compile(r"valid tasks:\s*([^\n]*)")


def find_dratsd(dratsd_path: Optional[str] = None) -> str:
    """The dratsd binary to run: `dratsd_path` if given, else $DRATSD, else `dratsd` on PATH."""
    if dratsd_path is not None:
        return _checked(str(dratsd_path), "the dratsd_path argument")
    from_env = os.environ.get(DRATSD_ENV_VAR)
    if from_env:
        return _checked(from_env, f"${DRATSD_ENV_VAR}")
    on_path = shutil.which("dratsd")
    if on_path is not None:
        return on_path
    raise DratsdNotFoundError(
        "cannot find dratsd: pass dratsd_path=..., set $DRATSD to the binary, or put dratsd on "
        "PATH (build it with `make build`; it lands in .build/release/dratsd)"
    )


def _checked(path: str, source: str) -> str:
    if not os.path.isfile(path):
        raise DratsdNotFoundError(
            f"{source} names {path!r}, which is not a file; point it at a built dratsd "
            "(`make build` puts it in .build/release/dratsd), or leave it unset to use $DRATSD "
            "or dratsd on PATH"
        )
    if not os.access(path, os.X_OK):
        raise DratsdNotFoundError(f"{source} names {path!r}, which is not executable")
    return os.path.abspath(path)


def served_tasks(dratsd_path: Optional[str] = None) -> Tuple[str, ...]:
    """The task names this dratsd build simulates, in its catalogue order."""
    path = find_dratsd(dratsd_path)
    stat = os.stat(path)
    return _served_tasks(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=None)
def _served_tasks(path: str, mtime_ns: int, size: int) -> Tuple[str, ...]:
    # The binary is the authority: an unknown task makes `dratsd env` fail listing valid names.
    try:
        result = subprocess.run(
            [path, "env", "--task", _PROBE_TASK],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DratsdExitedError(f"running {path} env to list its tasks failed: {error}") from error
    match = _VALID_TASKS.search(result.stderr)
    if result.returncode == 0 or match is None:
        raise DratsdExitedError(
            f"{path} env --task {_PROBE_TASK!r} did not list its valid tasks "
            f"(exit status {result.returncode}); is this a dratsd binary? stderr: "
            f"{result.stderr.strip()[:500]}"
        )
    return tuple(name.strip() for name in match.group(1).split(",") if name.strip())
