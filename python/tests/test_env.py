"""DratsEnv against the real dratsd: gymnasium's checker, determinism, episodes, errors."""

import warnings

import gymnasium
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

import drats

# check_env warns about unbounded Box dimensions; MetaWorld's objects (and here the goal) are.
EXPECTED_WARNINGS = ("minimum value is -infinity", "maximum value is infinity")

# MetaWorld's hand_init_pos per simulated task (docs/tasks.md, 'Layouts and the suite seed'); the reset
# hand rests within ~5 mm.
HAND_INIT = {task: (0.0, 0.6, 0.2) for task in drats.SIMULATED_TASKS}
HAND_INIT.update({task: (0.0, 0.4, 0.2) for task in (
    "button-press-topdown-v3", "window-open-v3", "window-close-v3",
    "button-press-topdown-wall-v3", "button-press-v3", "button-press-wall-v3",
    "faucet-open-v3", "faucet-close-v3", "coffee-button-v3", "coffee-pull-v3", "coffee-push-v3")})
HAND_INIT["dial-turn-v3"] = (0.0, 0.6, 0.2)
HAND_INIT["door-close-v3"] = (-0.5, 0.6, 0.2)


def test_check_env_passes(served_task, dratsd_path):
    env = gymnasium.make(drats.env_id(served_task), dratsd_path=dratsd_path)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            check_env(env.unwrapped)
        unexpected = [str(w.message) for w in caught if not any(e in str(w.message) for e in EXPECTED_WARNINGS)]
        assert unexpected == []
    finally:
        env.close()


def test_reset_observation_is_metaworlds_layout(served_task, dratsd_path):
    with drats.DratsEnv(served_task, dratsd_path=dratsd_path) as env:
        observation, info = env.reset(seed=1)
        assert observation.shape == (39,) and observation.dtype == np.float64
        assert observation in env.observation_space
        np.testing.assert_array_equal(observation[18:36], observation[0:18])
        np.testing.assert_allclose(observation[0:3], HAND_INIT[served_task], atol=0.01)
        assert observation[3] == pytest.approx(1.0, abs=0.05)
        assert info["task"] == served_task and 0 <= info["layout"] < 50


def test_same_seed_same_episode_across_processes(dratsd_path):
    actions = np.random.default_rng(5).uniform(-1, 1, size=(20, 4)).astype(np.float32)

    def episode(seed):
        with drats.DratsEnv("push-v3", suite_seed=4, dratsd_path=dratsd_path) as env:
            first, _ = env.reset(seed=seed)
            steps = [env.step(action)[:2] for action in actions]
            after, _ = env.reset()
        return first, steps, after

    first_a, steps_a, after_a = episode(11)
    first_b, steps_b, after_b = episode(11)
    np.testing.assert_array_equal(first_a, first_b)
    np.testing.assert_array_equal(after_a, after_b)
    for (obs_a, reward_a), (obs_b, reward_b) in zip(steps_a, steps_b):
        np.testing.assert_array_equal(obs_a, obs_b)
        assert reward_a == reward_b
    assert not np.array_equal(steps_a[-1][0][0:3], first_a[0:3]), "the hand should have moved"


def test_layout_option_and_suite_seed_choose_the_layout(dratsd_path):
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as env:
        zero, info_zero = env.reset(options={"layout": 0})
        one, info_one = env.reset(options={"layout": 1})
        again, _ = env.reset(options={"layout": 0})
        assert (info_zero["layout"], info_one["layout"]) == (0, 1)
        np.testing.assert_array_equal(zero, again)
        assert not np.array_equal(zero[36:39], one[36:39])
        with pytest.raises(ValueError, match="0..49"):
            env.reset(options={"layout": 50})
        with pytest.raises(ValueError, match="unknown reset options"):
            env.reset(options={"goal": 1})
    with drats.DratsEnv("reach-v3", suite_seed=1, dratsd_path=dratsd_path) as other_suite:
        other, _ = other_suite.reset(options={"layout": 0})
        assert not np.array_equal(zero[36:39], other[36:39])


def test_random_layout_mode_draws_fresh_layouts(dratsd_path):
    with drats.DratsEnv("reach-v3", layout_mode="random", dratsd_path=dratsd_path) as env:
        first, info = env.reset(seed=1)
        second, _ = env.reset()
        assert info["layout"] is None
        assert not np.array_equal(first[36:39], second[36:39])
        with pytest.raises(ValueError, match="layout_mode='suite'"):
            env.reset(options={"layout": 3})


def test_step_returns_metaworld_tuple_and_info(dratsd_path):
    with drats.DratsEnv("pick-place-v3", dratsd_path=dratsd_path) as env:
        env.reset(seed=0)
        observation, reward, terminated, truncated, info = env.step(np.array([0, 0, -1, 1], dtype=np.float32))
        assert observation.shape == (39,) and observation in env.observation_space
        assert isinstance(reward, float) and 0.0 <= reward <= 10.0
        assert terminated is False and truncated is False
        assert isinstance(info["success"], bool)
        for key in ("near_object", "grasp_success", "grasp_reward", "in_place_reward", "obj_to_target"):
            assert key in info
        assert info["unscaled_reward"] == reward and info["step"] == 1


def test_reach_succeeds_when_driven_to_the_goal(dratsd_path):
    # A proportional controller on the fingertip (hand - 4.5 cm) must reach the goal within the
    # episode; success and reward 10 come from the binary's reward, not from here.
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as env:
        observation, _ = env.reset(seed=3)
        for _ in range(200):
            tcp = observation[0:3] - np.array([0.0, 0.0, 0.045])
            move = np.clip((observation[36:39] - tcp) * 30.0, -1.0, 1.0)
            observation, reward, _, _, info = env.step(np.append(move, 0.0))
            if info["success"]:
                break
        assert info["success"] and reward == pytest.approx(10.0)


def test_truncation_after_500_steps_then_reset(dratsd_path):
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as env:
        env.reset(seed=0)
        truncations = [env.step(np.zeros(4))[3] for _ in range(drats.MAX_EPISODE_STEPS)]
        assert truncations[-1] is True and not any(truncations[:-1])
        with pytest.raises(drats.DratsdRequestError, match="reset"):
            env.step(np.zeros(4))
        env.reset()
        assert env.step(np.zeros(4))[3] is False


def test_bad_actions_are_refused_and_the_env_keeps_working(dratsd_path):
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as env:
        env.reset(seed=0)
        with pytest.raises(ValueError, match=r"shape \(3,\).*\(4,\)"):
            env.step(np.zeros(3))
        with pytest.raises(ValueError, match="shape"):
            env.step(np.zeros((2, 4)))
        with pytest.raises(ValueError, match="non-finite"):
            env.step([0.0, np.nan, 0.0, 0.0])
        with pytest.raises(ValueError, match="non-finite"):
            env.step([0.0, 0.0, np.inf, 0.0])
        assert env.step([0.0, 0.0, 0.0, 0.0])[4]["step"] == 1


def test_stepping_before_reset_is_an_error_naming_reset(dratsd_path):
    with drats.DratsEnv("reach-v3", dratsd_path=dratsd_path) as env:
        with pytest.raises(drats.DratsdRequestError, match="reset"):
            env.step(np.zeros(4))


def test_unknown_task_and_bad_arguments(dratsd_path):
    with pytest.raises(drats.TaskNotServedError, match="'fly-v3' is not a MetaWorld MT50 task.*reach-v3"):
        drats.DratsEnv("fly-v3", dratsd_path=dratsd_path)
    with pytest.raises(ValueError, match="layout_mode"):
        drats.DratsEnv("reach-v3", layout_mode="sometimes", dratsd_path=dratsd_path)
    with pytest.raises(ValueError, match="suite_seed"):
        drats.DratsEnv("reach-v3", suite_seed=-1, dratsd_path=dratsd_path)


def test_metaworld_task_not_served_yet_is_a_clear_error(unserved_task, dratsd_path):
    # Not registered with gymnasium (only simulated tasks are); constructing it names the fix.
    assert drats.env_id(unserved_task) not in gymnasium.registry
    with pytest.raises(drats.TaskNotServedError, match="does not simulate yet.*serves: reach-v3"):
        drats.DratsEnv(unserved_task, dratsd_path=dratsd_path)



def test_all_simulated_tasks_are_registered_with_500_step_episodes():
    for task in drats.SIMULATED_TASKS:
        spec = gymnasium.spec(drats.env_id(task))
        assert spec.kwargs["task"] == task and spec.max_episode_steps == 500
