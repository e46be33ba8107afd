"""What the MetaWorld yardstick scripts share: the task list, the venv check, timing and JSON.

The scripts run in the virtual environment `make metaworld-venv` builds (git-ignored
`.venv-metaworld/`, MetaWorld 3.1.1 and MuJoCo 3.3.0 from PyPI, plus our `python/` package).
Neither the product nor `make test` depends on them.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile

PINNED = {"metaworld": "3.1.1", "mujoco": "3.3.0"}


def require_pinned_versions():
    """Exits with a message naming the fix unless the pinned MetaWorld and MuJoCo are importable."""
    from importlib import metadata
    problems = []
    for package, wanted in PINNED.items():
        try:
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            found = None
        if found != wanted:
            problems.append(f"{package} {found or 'missing'} (need {wanted})")
    if problems:
        sys.exit(f"{sys.argv[0]}: {', '.join(problems)} in {sys.prefix}; run `make metaworld-venv` "
                 "and use .venv-metaworld/bin/python")


def add_common_arguments(parser, json_file):
    """The options every yardstick script takes: --dratsd, --tasks and --json-file."""
    parser.add_argument("--dratsd", help="the dratsd binary (default: $DRATSD)")
    parser.add_argument("--tasks", default="all", help="comma-separated tasks (default: all dratsd simulates)")
    parser.add_argument("--json-file", default=json_file, help=f"where the results go (default {json_file})")


def parse_tasks(text, binary):
    """A comma-separated task list, each one `binary` simulates; 'all' (or empty) is every task it
    simulates (MT10's and the MT50 families built so far), asked of the binary itself."""
    from drats import served_tasks
    served = list(served_tasks(binary))
    if not text or text == "all":
        return served
    tasks = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in served]
    if unknown:
        sys.exit(f"--tasks: {', '.join(unknown)} not simulated by {binary}; valid: {', '.join(served)}")
    return tasks


def dratsd_path(given):
    """The dratsd binary: --dratsd, else $DRATSD; it must be an executable file."""
    path = given or os.environ.get("DRATSD")
    if not path or not os.access(path, os.X_OK):
        sys.exit(f"--dratsd: {path or '(unset, and $DRATSD unset)'} is not an executable dratsd binary")
    return path


def median(values):
    return statistics.median(values)


def write_json_atomically(path, value):
    """Writes `value` as JSON to `path` through a temporary file in the same folder and a rename."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".partial") as out:
        json.dump(value, out, indent=2, sort_keys=True)
        out.write("\n")
        out.flush()
        os.fsync(out.fileno())
        temporary = out.name
    os.replace(temporary, path)


def run_dratsd_json(args):
    """Runs dratsd with `args` and returns its stdout's JSON lines as a list of objects."""
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
