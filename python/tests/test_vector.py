"""Several tasks at once: the one-hot wrapper and the MT10 vector factory on the real binary."""

import numpy as np
import pytest

import drats


PIPELINED = pytest.mark.parametrize("pipelined", [True, False], ids=["pipelined", "sync"])


@PIPELINED
def test_vector_env_steps_every_served_task_with_one_hot_ids(dratsd_path, pipelined):
    tasks = [task for task in drats.served_tasks(dratsd_path) if task in drats.MT10_TASKS]  # MT10 one-hot ids
    envs = drats.make_mt10_vector_env(tasks=tasks, dratsd_path=dratsd_path, pipelined=pipelined)
    try:
        observations, infos = envs.reset(seed=3)
        assert observations.shape == (len(tasks), 49)
        assert envs.single_observation_space.shape == (49,)
        for row, task in zip(observations, tasks):
            expected = np.zeros(10)
            expected[drats.MT10_TASKS.index(task)] = 1.0
            np.testing.assert_array_equal(row[39:], expected)
        assert list(infos["task"]) == list(tasks)
        actions = np.zeros((len(tasks), 4), dtype=np.float32)
        observations, rewards, terminated, truncated, infos = envs.step(actions)
        assert observations.shape == (len(tasks), 49) and rewards.shape == (len(tasks),)
        assert not terminated.any() and not truncated.any()
        assert infos["success"].dtype == bool and list(infos["step"]) == [1] * len(tasks)
    finally:
        envs.close()


@PIPELINED
def test_vector_env_matches_single_envs_with_the_same_seeds(dratsd_path, pipelined):
    tasks = [task for task in drats.served_tasks(dratsd_path) if task in drats.MT10_TASKS]  # MT10 one-hot ids
    envs = drats.make_mt10_vector_env(tasks=tasks, one_hot=False, dratsd_path=dratsd_path, pipelined=pipelined)
    try:
        observations, _ = envs.reset(seed=[10 + i for i in range(len(tasks))])
        assert observations.shape == (len(tasks), 39)
        for i, task in enumerate(tasks):
            with drats.DratsEnv(task, dratsd_path=dratsd_path) as single:
                expected, _ = single.reset(seed=10 + i)
            np.testing.assert_array_equal(observations[i], expected)
    finally:
        envs.close()


@PIPELINED
def test_vector_env_resets_a_task_after_its_500_step_episode(dratsd_path, pipelined):
    envs = drats.make_mt10_vector_env(tasks=["reach-v3"], dratsd_path=dratsd_path, pipelined=pipelined)
    try:
        envs.reset(seed=0)
        action = np.array([[0.5, 0.0, 0.0, 0.0]], dtype=np.float32)
        for _ in range(drats.MAX_EPISODE_STEPS - 1):
            assert not envs.step(action)[3][0]
        assert envs.step(action)[3][0]
        # The next step only resets (gymnasium's next-step autoreset): a fresh frame stack.
        observations = envs.step(action)[0]
        np.testing.assert_array_equal(observations[0, 0:18], observations[0, 18:36])
        assert envs.step(action)[4]["step"][0] == 1
    finally:
        envs.close()


def test_vector_factory_refuses_bad_task_lists(dratsd_path):
    with pytest.raises(ValueError, match="empty"):
        drats.make_mt10_vector_env(tasks=[], dratsd_path=dratsd_path)
    with pytest.raises(ValueError, match="repeat"):
        drats.make_mt10_vector_env(tasks=["reach-v3", "reach-v3"], dratsd_path=dratsd_path)
    with pytest.raises(drats.TaskNotServedError, match="fly-v3"):
        drats.make_mt10_vector_env(tasks=["reach-v3", "fly-v3"], dratsd_path=dratsd_path)


def test_one_hot_wrapper_refuses_tasks_outside_mt10(dratsd_path):
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as env:
        with pytest.raises(ValueError, match="no MT10 id"):
            drats.OneHotTaskId(env, "fly-v3")


def test_gymnasium_make_vec_runs_registered_tasks_in_worker_processes(dratsd_path):
    import gymnasium

    envs = gymnasium.make_vec("drats/reach-v3", num_envs=2, vectorization_mode="async", dratsd_path=dratsd_path)
    try:
        observations, infos = envs.reset(seed=0)
        assert observations.shape == (2, 39)
        with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as single:
            np.testing.assert_array_equal(observations[1], single.reset(seed=1)[0])
        _, rewards, _, truncated, _ = envs.step(np.zeros((2, 4), dtype=np.float32))
        assert rewards.shape == (2,) and not truncated.any()
    finally:
        envs.close()
