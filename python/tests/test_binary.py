"""Finding dratsd and asking it what it serves."""

import os

import pytest

import drats


def test_explicit_path_wins_over_environment_and_path(dratsd_path, tmp_path, monkeypatch):
    monkeypatch.setenv("DRATSD", str(tmp_path / "missing"))
    assert drats.find_dratsd(dratsd_path) == os.path.abspath(dratsd_path)


def test_environment_variable_then_path(dratsd_path, tmp_path, monkeypatch):
    monkeypatch.setenv("DRATSD", dratsd_path)
    assert drats.find_dratsd() == os.path.abspath(dratsd_path)
    monkeypatch.delenv("DRATSD")
    (tmp_path / "dratsd").symlink_to(dratsd_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert drats.find_dratsd() == str(tmp_path / "dratsd")


def test_missing_binary_error_names_all_three_places(tmp_path, monkeypatch):
    monkeypatch.delenv("DRATSD", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(drats.DratsdNotFoundError) as caught:
        drats.DratsEnv("reach-v3")
    message = str(caught.value)
    assert "dratsd_path" in message and "$DRATSD" in message and "PATH" in message
    assert isinstance(caught.value, FileNotFoundError)


def test_explicit_or_environment_path_that_is_not_a_file_is_named(tmp_path, monkeypatch):
    missing = str(tmp_path / "no-dratsd-here")
    with pytest.raises(drats.DratsdNotFoundError, match="no-dratsd-here"):
        drats.DratsEnv("reach-v3", dratsd_path=missing)
    monkeypatch.setenv("DRATSD", missing)
    with pytest.raises(drats.DratsdNotFoundError, match=r"\$DRATSD names .*no-dratsd-here"):
        drats.find_dratsd()


def test_a_binary_that_is_not_dratsd_is_reported(tmp_path):
    impostor = tmp_path / "impostor"
    impostor.write_text("#!/bin/sh\necho hello\n")
    impostor.chmod(0o755)
    with pytest.raises(drats.DratsdExitedError, match="did not list its valid tasks"):
        drats.served_tasks(str(impostor))


def test_served_tasks_are_the_packages_simulated_tasks(dratsd_path):
    served = drats.served_tasks(dratsd_path)
    # MT10's ten first, in MT10 order, then the MT50 families built so far, in MT50 order.
    assert list(served) == list(drats.SIMULATED_TASKS)
    assert list(served[:10]) == list(drats.MT10_TASKS)
    rest = list(served[10:])
    assert rest == sorted(rest, key=drats.MT50_TASKS.index)
    assert set(served) <= set(drats.MT50_TASKS) and len(drats.MT50_TASKS) == 50
