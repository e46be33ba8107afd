"""DratsVectorEnv: every task's dratsd stepped at once, with SyncVectorEnv's numbers."""

import os
import signal

import numpy as np
import pytest

import drats


def test_pipelined_and_sync_vector_envs_give_the_same_numbers_across_autoreset(dratsd_path):
    tasks = [task for task in drats.served_tasks(dratsd_path) if task in drats.MT10_TASKS]  # MT10 one-hot ids
    actions = np.random.default_rng(2).uniform(-1, 1, size=(drats.MAX_EPISODE_STEPS + 5, len(tasks), 4))
    runs = []
    for pipelined in (True, False):
        envs = drats.make_mt10_vector_env(tasks=tasks, dratsd_path=dratsd_path, pipelined=pipelined)
        try:
            run, truncations = [envs.reset(seed=21)[0]], []
            for batch in actions.astype(np.float32):
                observations, rewards, terminated, truncated, infos = envs.step(batch)
                truncations.append(truncated.all())
                run += [observations, rewards, terminated, truncated, sorted(infos)]
                run += [infos[key] for key in sorted(infos)]
        finally:
            envs.close()
        runs.append(run)
        assert sum(truncations) == 1 and truncations[drats.MAX_EPISODE_STEPS - 1]
    assert len(runs[0]) == len(runs[1])
    for pipelined_item, sync_item in zip(*runs):
        np.testing.assert_array_equal(pipelined_item, sync_item)


def test_pipelined_vector_env_reports_a_dead_process_and_keeps_the_others_in_step(dratsd_path):
    envs = drats.make_mt10_vector_env(tasks=["reach-v3", "push-v3"], dratsd_path=dratsd_path)
    try:
        envs.reset(seed=0)
        # push-v3 is dead before its request is sent: reach-v3's answer is still collected.
        popen = envs.envs[1]._process._process
        popen.kill()
        popen.wait()
        with pytest.raises(drats.DratsdExitedError, match=r"push-v3.*exit status -9"):
            envs.step(np.zeros((2, 4), dtype=np.float32))
        assert envs.envs[0].step(np.zeros(4))[4]["step"] == 2
        with pytest.raises(ValueError, match=r"shape \(3, 4\)"):
            envs.step(np.zeros((3, 4)))
    finally:
        envs.close()


def test_pipelined_vector_env_collects_every_answer_when_one_times_out(dratsd_path):
    envs = drats.make_mt10_vector_env(tasks=["reach-v3", "push-v3"], dratsd_path=dratsd_path, timeout_seconds=0.5)
    try:
        envs.reset(seed=0)
        # reach-v3 takes its request but never answers; push-v3, asked after it, still answers.
        os.kill(envs.envs[0]._process.pid, signal.SIGSTOP)
        with pytest.raises(drats.DratsdExitedError, match=r"reach-v3.*did not answer 'step' within 0.5 s"):
            envs.step(np.zeros((2, 4), dtype=np.float32))
        assert envs.envs[1].step(np.zeros(4))[4]["step"] == 2
    finally:
        envs.close()
