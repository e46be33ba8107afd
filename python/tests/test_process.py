"""The dratsd subprocess behind every environment: clean shutdown, death, silence."""

import gc
import os
import signal

import numpy as np
import pytest

import drats


def test_close_ends_the_process_cleanly_and_twice_is_fine(dratsd_path):
    env = drats.DratsEnv("reach-v3", dratsd_path=dratsd_path)
    env.reset(seed=0)
    process = env._process
    env.close()
    assert process.close() == 0
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)
    env.close()
    with pytest.raises(drats.DratsdExitedError, match="closed"):
        env.reset()


def test_garbage_collection_ends_the_process(dratsd_path):
    env = drats.DratsEnv("reach-v3", dratsd_path=dratsd_path)
    popen = env._process._process
    del env
    gc.collect()
    assert popen.returncode == 0


def test_a_killed_process_is_reported(dratsd_path):
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as env:
        env.reset(seed=0)
        popen = env._process._process
        popen.kill()
        popen.wait()
        with pytest.raises(drats.DratsdExitedError, match=r"ended before reading 'step' \(exit status -9\)"):
            env.step(np.zeros(4))
        with pytest.raises(drats.DratsdExitedError, match="closed"):
            env.reset()


def test_a_dying_process_is_reported_with_its_stderr(dratsd_path):
    # The real binary refusing its arguments: it prints why on stderr and exits 64.
    from drats.process import DratsdProcess

    process = DratsdProcess(dratsd_path, "reach-v3", 0, "sometimes")
    with pytest.raises(drats.DratsdExitedError) as caught:
        process.request({"op": "reset"})
    message = str(caught.value)
    assert "exit status 64" in message and "--layout-mode" in message
    assert process.closed


def test_a_process_that_stops_answering_is_killed_after_the_timeout(dratsd_path):
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path, timeout_seconds=0.5) as env:
        env.reset(seed=0)
        popen = env._process._process
        os.kill(popen.pid, signal.SIGSTOP)
        with pytest.raises(drats.DratsdExitedError, match=r"did not answer 'step' within 0.5 s and was killed"):
            env.step(np.zeros(4))
        assert popen.returncode == -signal.SIGKILL


def test_timeout_must_be_positive_or_none(dratsd_path):
    with pytest.raises(ValueError, match="timeout_seconds"):
        drats.DratsEnv("reach-v3", dratsd_path=dratsd_path, timeout_seconds=0)
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path, timeout_seconds=None) as env:
        assert env.reset(seed=0)[0].shape == (39,)
