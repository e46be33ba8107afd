"""The tests drive the real dratsd: $DRATSD, else the repository's .build/release/dratsd."""

import gc
import os
import pathlib

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def _dratsd_path():
    path = os.environ.get("DRATSD") or str(REPOSITORY / ".build" / "release" / "dratsd")
    return path if os.path.isfile(path) else None


def _served_tasks():
    import drats

    path = _dratsd_path()
    return drats.served_tasks(path) if path else ()


@pytest.fixture(scope="session")
def dratsd_path():
    path = _dratsd_path()
    if path is None:
        pytest.fail("no dratsd binary: run `make build` or set $DRATSD to a built dratsd")
    return path


def pytest_generate_tests(metafunc):
    # One test per task the binary simulates, and one per MT10 task it does not simulate yet.
    if "served_task" in metafunc.fixturenames:
        metafunc.parametrize("served_task", _served_tasks())
    if "unserved_mt10_task" in metafunc.fixturenames:
        import drats

        served = set(_served_tasks())
        metafunc.parametrize("unserved_mt10_task", [t for t in drats.MT10_TASKS if t not in served])


def _dratsd_children():
    """Child processes of this test process whose command is dratsd, zombies included."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat_file:
                stat = stat_file.read()
        except OSError:
            continue
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        if parent == os.getpid() and command == "dratsd":
            children.append(int(entry))
    return children


@pytest.fixture(autouse=True)
def no_dratsd_left_behind():
    """Every test must leave no dratsd running or unreaped once its objects are collected."""
    yield
    if os.path.isdir("/proc"):
        gc.collect()
        assert _dratsd_children() == [], "a dratsd process outlived its environment"
