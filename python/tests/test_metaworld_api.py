"""MetaWorld's API over drats: benchmarks, tasks, set_task, make_vec("drats/MT10"), SB3's route."""

import pickle
import warnings

import gymnasium
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import drats

# check_env warns about unbounded Box dimensions (MetaWorld's objects, and here the goal, are),
# about the `seed` method MetaWorld's classes have, and, for an env not made by gymnasium.make,
# that it cannot try other render modes (there are none).
EXPECTED_WARNINGS = (
    "minimum value is -infinity", "maximum value is infinity", "`seed` function is dropped",
    "Not able to test alternative render modes",
)
MT10_SIZE = len(drats.MT10_TASKS)


def tasks_of(benchmark, name):
    return [task for task in benchmark.train_tasks if task.env_name == name]


def test_mt10_has_metaworlds_classes_and_50_picklable_tasks_per_class():
    benchmark = drats.MT10(seed=2)
    assert list(benchmark.train_classes) == list(drats.MT10_TASKS)
    assert len(benchmark.test_classes) == 0 and benchmark.test_tasks == []
    assert len(benchmark.train_tasks) == 50 * MT10_SIZE
    for name in drats.MT10_TASKS:
        tasks = tasks_of(benchmark, name)
        assert len(tasks) == 50 and len({task.data for task in tasks}) == 50
    copies = pickle.loads(pickle.dumps(benchmark.train_tasks))
    assert copies == benchmark.train_tasks and isinstance(copies[0], drats.Task)
    # The data is plain: MetaWorld users read it with pickle.loads.
    assert pickle.loads(benchmark.train_tasks[51].data) == {"suite_seed": 2, "layout": 1, "partially_observable": False}
    assert drats.MT10(seed=2).train_tasks == benchmark.train_tasks
    assert drats.MT10(seed=3).train_tasks != benchmark.train_tasks
    # Classes are module attributes, so they pickle by reference (AsyncVectorEnv, spawn).
    assert pickle.loads(pickle.dumps(benchmark.train_classes["pick-place-v3"])) is drats.metaworld.PickPlaceV3Env


def test_mt1_and_mt50(dratsd_path):
    benchmark = drats.MT1("push-v3", seed=4)
    assert list(benchmark.train_classes) == ["push-v3"] and list(benchmark.test_classes) == ["push-v3"]
    assert len(benchmark.train_tasks) == 50 and benchmark.test_tasks == []
    with pytest.raises(drats.TaskNotServedError, match="fly-v3.*reach-v3"):
        drats.MT1("fly-v3")
    with pytest.raises(drats.TaskNotServedError, match=r"MT50 is not available: drats simulates \d+ of its 50 tasks.*MT10"):
        drats.MT50(seed=0)


def test_seedless_benchmark_follows_numpys_global_generator():
    np.random.seed(11)
    first = drats.MT10().train_tasks
    np.random.seed(11)
    assert drats.MT10().train_tasks == first


def test_check_env_passes_on_train_classes(served_task, dratsd_path):
    benchmark = drats.MT10(seed=1) if served_task in drats.MT10_TASKS else drats.MT1(served_task, seed=1)
    env = benchmark.train_classes[served_task](dratsd_path=dratsd_path)
    try:
        env.set_task(tasks_of(benchmark, served_task)[7])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            check_env(env)
        unexpected = [str(w.message) for w in caught if not any(e in str(w.message) for e in EXPECTED_WARNINGS)]
        assert unexpected == []
        assert env.max_path_length == drats.MAX_EPISODE_STEPS
    finally:
        env.close()


def test_set_task_fixes_the_layout_of_every_reset(dratsd_path):
    benchmark = drats.MT10(seed=5)
    tasks = tasks_of(benchmark, "reach-v3")
    env = benchmark.train_classes["reach-v3"](dratsd_path=dratsd_path)
    try:
        env.set_task(tasks[3])
        first, info = env.reset(seed=0)
        again, _ = env.reset(seed=99)
        unseeded, _ = env.reset()
        assert info["layout"] == 3 and env.task_layout == 3 and env.suite_seed == 5
        np.testing.assert_array_equal(first, again)
        np.testing.assert_array_equal(first, unseeded)
        env.set_task(pickle.loads(pickle.dumps(tasks[4])))
        other, info = env.reset()
        assert info["layout"] == 4 and not np.array_equal(first[36:39], other[36:39])
        # The reset option still overrides the task for one reset.
        np.testing.assert_array_equal(env.reset(options={"layout": 3})[0], first)
    finally:
        env.close()
    # The task is the suite's layout: the same numbers as a DratsEnv of that suite seed.
    with drats.DratsEnv("reach-v3", suite_seed=5, dratsd_path=dratsd_path) as plain:
        np.testing.assert_array_equal(plain.reset(options={"layout": 3})[0], first)


def test_set_task_of_another_benchmark_seed_restarts_dratsd_with_it(dratsd_path):
    env = drats.MT10(seed=0).train_classes["push-v3"](dratsd_path=dratsd_path)
    try:
        before = env.reset(options={"layout": 0})[0]
        env.set_task(tasks_of(drats.MT10(seed=8), "push-v3")[0])
        after, info = env.reset()
        assert env.suite_seed == 8 and info["layout"] == 0
        assert not np.array_equal(before[36:39], after[36:39])
    finally:
        env.close()
    with drats.DratsEnv("push-v3", suite_seed=8, dratsd_path=dratsd_path) as plain:
        np.testing.assert_array_equal(plain.reset(options={"layout": 0})[0], after)


def test_set_task_refuses_foreign_tasks(dratsd_path):
    benchmark = drats.MT10(seed=0)
    env = benchmark.train_classes["reach-v3"](dratsd_path=dratsd_path)
    try:
        with pytest.raises(ValueError, match="one of 'push-v3'.*simulates 'reach-v3'"):
            env.set_task(tasks_of(benchmark, "push-v3")[0])
        # MetaWorld's own tasks carry a rand_vec (numpy) and the env class: nothing is imported.
        metaworld_like = drats.Task("reach-v3", pickle.dumps({"rand_vec": np.zeros(6), "partially_observable": False}))
        with pytest.raises(ValueError, match="not a drats layout.*refers to numpy"):
            env.set_task(metaworld_like)
        with pytest.raises(ValueError, match="keys"):
            env.set_task(drats.Task("reach-v3", pickle.dumps({"layout": 1})))
        with pytest.raises(ValueError, match="layout 50"):
            env.set_task(drats.Task("reach-v3", pickle.dumps({"suite_seed": 0, "layout": 50, "partially_observable": False})))
        with pytest.raises(ValueError, match="partially observable"):
            env.set_task(drats.Task("reach-v3", pickle.dumps({"suite_seed": 0, "layout": 1, "partially_observable": True})))
        with pytest.raises(TypeError, match="env_name and data"):
            env.set_task("reach-v3")
        assert env.task_layout is None
    finally:
        env.close()
    with drats.DratsEnv("reach-v3", layout_mode="random", dratsd_path=dratsd_path) as random_env:
        with pytest.raises(ValueError, match="layout_mode='suite'"):
            random_env.set_task(tasks_of(benchmark, "reach-v3")[0])


def test_env_classes_refuse_what_drats_cannot_do(dratsd_path):
    cls = drats.MT10(seed=0).train_classes["reach-v3"]
    with pytest.raises(ValueError, match="render_mode 'rgb_array'.*renders nothing"):
        cls(render_mode="rgb_array", dratsd_path=dratsd_path)
    with pytest.raises(ValueError, match="'v1'.*v2"):
        cls(reward_function_version="v1", dratsd_path=dratsd_path)


def test_envs_do_not_look_like_goal_envs(dratsd_path):
    # Stable-Baselines3 treats Dict spaces with achieved/desired goals, or envs with
    # compute_reward, as goal envs (HER); drats' envs must be plain Box envs.
    env = drats.MT10(seed=0).train_classes["reach-v3"](dratsd_path=dratsd_path)
    try:
        assert isinstance(env.observation_space, gymnasium.spaces.Box)
        assert not hasattr(env, "compute_reward") and not hasattr(env, "goal")
    finally:
        env.close()


def one_hot_rows():
    return np.eye(MT10_SIZE)


@pytest.mark.parametrize("strategy", ["sync", "async"])
def test_make_vec_mt10_gives_one_sub_env_per_task(dratsd_path, strategy):
    envs = gymnasium.make_vec(
        "drats/MT10", vector_strategy=strategy, seed=3, use_one_hot=True, dratsd_path=dratsd_path
    )
    try:
        assert envs.num_envs == MT10_SIZE
        assert envs.single_observation_space.shape == (49,) and envs.single_action_space.shape == (4,)
        observations, infos = envs.reset()
        assert observations.shape == (MT10_SIZE, 49)
        np.testing.assert_array_equal(observations[:, 39:], one_hot_rows())
        assert list(infos["task"]) == list(drats.MT10_TASKS)
        assert all(0 <= layout < 50 for layout in infos["layout"])
        observations, rewards, terminated, truncated, infos = envs.step(np.zeros((MT10_SIZE, 4), dtype=np.float32))
        assert observations.shape == (MT10_SIZE, 49) and rewards.shape == (MT10_SIZE,)
        np.testing.assert_array_equal(observations[:, 39:], one_hot_rows())
        assert not terminated.any() and not truncated.any()
    finally:
        envs.close()


def test_make_vec_seeding_is_reproducible(dratsd_path):
    def run(seed, reset_seed=None):
        envs = gymnasium.make_vec("drats/MT10", vector_strategy="sync", seed=seed, dratsd_path=dratsd_path)
        try:
            first, infos = envs.reset(seed=reset_seed)
            stepped = envs.step(np.full((MT10_SIZE, 4), 0.3, dtype=np.float32))[0]
            return first, stepped, list(infos["layout"])
        finally:
            envs.close()

    first_a, stepped_a, layouts_a = run(7)
    first_b, stepped_b, layouts_b = run(7)
    assert first_a.shape == (MT10_SIZE, 39)
    np.testing.assert_array_equal(first_a, first_b)
    np.testing.assert_array_equal(stepped_a, stepped_b)
    assert layouts_a == layouts_b
    # Another benchmark seed is another suite: other layouts.
    first_c, _, _ = run(8)
    assert not np.array_equal(first_a[:, 36:39], first_c[:, 36:39])
    # reset(seed=s) gives sub-env i the seed s + i, as gymnasium's vector envs do.
    seeded_a, _, layouts_seeded_a = run(7, reset_seed=100)
    seeded_b, _, layouts_seeded_b = run(9, reset_seed=100)
    assert layouts_seeded_a == layouts_seeded_b
    assert not np.array_equal(seeded_a[:, 36:39], seeded_b[:, 36:39])  # same layouts, other suites


def test_make_vec_async_matches_sync(dratsd_path):
    results = []
    for strategy in ("sync", "async"):
        envs = gymnasium.make_vec("drats/MT10", vector_strategy=strategy, seed=4, dratsd_path=dratsd_path)
        try:
            first, _ = envs.reset()
            stepped = envs.step(np.full((MT10_SIZE, 4), -0.2, dtype=np.float32))[0]
            results.append((first, stepped))
        finally:
            envs.close()
    np.testing.assert_array_equal(results[0][0], results[1][0])
    np.testing.assert_array_equal(results[0][1], results[1][1])


def test_make_vec_max_episode_steps_truncates_and_resets_in_the_same_step(dratsd_path):
    envs = gymnasium.make_vec("drats/MT10", seed=0, max_episode_steps=3, dratsd_path=dratsd_path)
    try:
        envs.reset()
        action = np.full((MT10_SIZE, 4), 0.5, dtype=np.float32)
        assert not envs.step(action)[3].any() and not envs.step(action)[3].any()
        observations, _, terminated, truncated, infos = envs.step(action)
        assert truncated.all() and not terminated.any()
        # Same-step autoreset (MetaWorld's default): the observation is the next episode's first.
        np.testing.assert_array_equal(observations[:, 0:18], observations[:, 18:36])
        assert "final_obs" in infos and "episode" in infos["final_info"]
    finally:
        envs.close()


def test_terminate_on_success(dratsd_path):
    env = gymnasium.make("drats/MT1", env_name="reach-v3", seed=3, terminate_on_success=True, dratsd_path=dratsd_path)
    try:
        observation, _ = env.reset()
        for _ in range(200):
            tcp = observation[0:3] - np.array([0.0, 0.0, 0.045])
            move = np.clip((observation[36:39] - tcp) * 30.0, -1.0, 1.0)
            observation, _, terminated, _, info = env.step(np.append(move, 0.0).astype(np.float32))
            assert terminated == info["success"]
            if terminated:
                break
        assert terminated
    finally:
        env.close()


def test_make_vec_refuses_what_drats_cannot_do(dratsd_path):
    def make(**kwargs):
        return gymnasium.make_vec("drats/MT10", dratsd_path=dratsd_path, **kwargs)

    with pytest.raises(ValueError, match="max_episode_steps 501.*500"):
        make(max_episode_steps=501)
    with pytest.raises(ValueError, match="vector_strategy 'threads'"):
        make(vector_strategy="threads")
    with pytest.raises(ValueError, match="num_envs=4.*one sub-environment per task"):
        make(num_envs=4)
    with pytest.raises(ValueError, match="task_select 'pseudorandom'"):
        make(task_select="pseudorandom")
    with pytest.raises(ValueError, match="render_mode"):
        make(render_mode="human")
    with pytest.raises(TypeError, match="recurrent_info_in_obs.*supported: seed"):
        make(recurrent_info_in_obs=True)
    with pytest.raises(ValueError, match="num_goals 51"):
        make(num_goals=51)
    with pytest.raises(gymnasium.error.Error, match="vector environment.*vector_strategy"):
        make(vectorization_mode="sync")
    with pytest.raises(gymnasium.error.Error, match="vector environment.*drats/MT1"):
        gymnasium.make("drats/MT10")


def test_make_vec_num_goals_limits_the_layouts(dratsd_path):
    envs = gymnasium.make_vec("drats/MT10", seed=1, num_goals=2, dratsd_path=dratsd_path)
    try:
        layouts = set()
        for reset_seed in range(4):
            layouts.update(envs.reset(seed=reset_seed)[1]["layout"])
        assert layouts <= {0, 1}
    finally:
        envs.close()


def test_stable_baselines3_make_vec_env_over_single_task_envs(dratsd_path):
    stable_baselines3 = pytest.importorskip("stable_baselines3")
    from stable_baselines3.common.env_checker import check_env as sb3_check_env
    from stable_baselines3.common.env_util import make_vec_env

    single = drats.MT10(seed=0).train_classes["reach-v3"](dratsd_path=dratsd_path)
    try:
        sb3_check_env(single, warn=False)
    finally:
        single.close()
    envs = make_vec_env("drats/reach-v3", n_envs=2, seed=0, env_kwargs={"dratsd_path": dratsd_path})
    try:
        model = stable_baselines3.PPO("MlpPolicy", envs, n_steps=16, batch_size=16, n_epochs=1, seed=0)
        model.learn(total_timesteps=32)
        actions, _ = model.predict(envs.reset(), deterministic=True)
        assert actions.shape == (2, 4)
    finally:
        envs.close()
    # Several tasks, one policy: one OneHotTaskId-wrapped env per task (python/README.md).
    from stable_baselines3.common.monitor import Monitor
    from stable_baselines3.common.vec_env import DummyVecEnv

    tasks = ["reach-v3", "push-v3"]
    multi = DummyVecEnv([
        lambda t=t: Monitor(drats.OneHotTaskId(drats.DratsEnv(t, dratsd_path=dratsd_path), t)) for t in tasks
    ])
    try:
        observations = multi.reset()
        assert observations.shape == (2, 49)
        np.testing.assert_array_equal(observations[:, 39:], np.eye(MT10_SIZE)[:2])
        stable_baselines3.PPO("MlpPolicy", multi, n_steps=16, batch_size=16, n_epochs=1, seed=0).learn(32)
    finally:
        multi.close()
