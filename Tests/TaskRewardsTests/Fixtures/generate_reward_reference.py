"""Reference rewards for TaskRewardsTests, computed by MetaWorld's own reward code.

How it was run (Python 3.11, CPU only, no display needed):
    python3 -m venv /tmp/mwvenv
    /tmp/mwvenv/bin/pip install metaworld==3.1.1 packaging   # pulls mujoco 3.3.0, gymnasium 1.4.0
    /tmp/mwvenv/bin/python Tests/TaskRewardsTests/Fixtures/generate_reward_reference.py \
        > Tests/TaskRewardsTests/Fixtures/reward_reference.json

Two kinds of records, each holding the inputs under the names of Swift's `RewardInputs` and
MetaWorld's outputs. Seeded, so reruns give the same file.

* "drawn": for every MT10 task (and the MT50 tasks of MT50_TASKS) the real env is reset with a few seeds (so target, obj_init_pos,
  init_tcp and hand_init come from real resets), then random states are drawn around
  the object, the target and the success thresholds. The simulator-derived values the rewards
  read (tcp_center, pad positions, the pegHead / stick_end / RoundNut sites, window handle site,
  contact flag, the door, nail and lever joints, obs[7:11] and obs[11:14]) are substituted by
  those drawn values, and the env's `evaluate_state(obs, action)` - the exact code `step()`
  runs - computes reward and info. This covers every branch of every formula.
* "rollout": MetaWorld's own scripted policy (plus noise, with the raw gripper action sometimes
  outside [-1, 1]) drives the real simulation; every few steps the inputs are read from the
  simulator exactly as TaskRewards documents them and the reward/info `step()` returned is kept.
  This checks the meaning of each `RewardInputs` field (which point, which reset value).

A rerun with another numpy may change the last digit of a few values (the tests compare at 1e-9);
records already in the file are kept when tasks are appended.

MetaWorld's init_left_pad / init_right_pad (pick-place's caging margins) are not reset values:
they are numpy views of MuJoCo's data.xpos, so they always hold the current pads. The drawn
records set them to the drawn pads, which is what they would hold, and no record carries them.

One deliberate substitution: button-press-topdown's `_obj_to_target_init` is set to 0.0935
(= 0.1935 - 0.1 from the XML sites); MetaWorld gets 0.09349997... only because it stores the
button box position in float32. TaskRewards uses the exact XML value.
"""
import json
import sys

import numpy as np
from metaworld.env_dict import ALL_V3_ENVIRONMENTS
from metaworld.sawyer_xyz_env import SawyerXYZEnv

TASKS = [
    "reach-v3", "push-v3", "pick-place-v3", "door-open-v3", "drawer-open-v3",
    "drawer-close-v3", "button-press-topdown-v3", "peg-insert-side-v3",
    "window-open-v3", "window-close-v3",
]
# MT50 tasks with a reward in TaskRewards, drawn from their own generator after the MT10
# records so that adding a family leaves every earlier record unchanged.
MT50_TASKS = [
    "button-press-topdown-wall-v3", "button-press-v3", "button-press-wall-v3",
    "pick-place-wall-v3", "push-wall-v3", "reach-wall-v3", "push-back-v3",
    "door-close-v3", "door-lock-v3", "door-unlock-v3",
    "handle-press-side-v3", "handle-press-v3", "handle-pull-side-v3", "handle-pull-v3",
    "faucet-open-v3", "faucet-close-v3",
    "coffee-button-v3", "coffee-pull-v3", "coffee-push-v3", "dial-turn-v3",
    "plate-slide-v3", "plate-slide-side-v3", "plate-slide-back-v3", "plate-slide-back-side-v3",
    "sweep-v3", "shelf-place-v3", "pick-out-of-hole-v3",
    "soccer-v3", "box-close-v3", "bin-picking-v3", "stick-push-v3", "stick-pull-v3",
    "basketball-v3", "hammer-v3", "lever-pull-v3", "peg-unplug-side-v3", "hand-insert-v3",
    "sweep-into-v3", "assembly-v3", "disassemble-v3",
]
REACH_LIKE = ("reach-v3", "reach-wall-v3")
PAD_GRIPPING = ("push-back-v3", "sweep-v3", "shelf-place-v3", "soccer-v3", "sweep-into-v3")  # the caging variant that grips with the pads (soccer, sweep, ...)
TOUCH_REPORTING = ("push-v3", "pick-place-v3", "push-wall-v3", "pick-place-wall-v3", "push-back-v3", "sweep-v3", "shelf-place-v3",
                   "soccer-v3", "stick-push-v3", "stick-pull-v3", "hand-insert-v3", "sweep-into-v3")
# Tasks whose in-place margin MetaWorld takes at the first step; `extra` = obs[4:7] then.
FIRST_STEP_MARGIN = ("bin-picking-v3",)
# Tasks whose reward reads obs[11:14] (`secondObject`).
SECOND_OBJECT_READING = ("stick-push-v3", "stick-pull-v3")
# Tasks whose reward reads the object's quaternion obs[7:11] (`objectQuaternion`).
QUATERNION_READING = ("box-close-v3", "hammer-v3", "assembly-v3", "disassemble-v3")
# Tasks whose reward reads a joint coordinate (`jointPosition`), and that joint's name.
JOINT_READING = {"hammer-v3": "NailSlideJoint", "lever-pull-v3": "LeverAxis"}
RESET_SEEDS = [0, 1, 2]
STATES_PER_RESET = 10

# Simulator reads replaced by drawn values (class-level, so properties can be overridden).
# Outside evaluation (reset, step) the real properties answer.
_real_tcp = SawyerXYZEnv.tcp_center
_real_touching = SawyerXYZEnv.touching_main_object
SawyerXYZEnv.tcp_center = property(
    lambda self: self._ref["tcp"].copy() if hasattr(self, "_ref") else _real_tcp.fget(self))
SawyerXYZEnv.touching_main_object = property(
    lambda self: self._ref["touching"] if hasattr(self, "_ref") else _real_touching.fget(self))


def vec(a):
    return [float(x) for x in a]


def make_env(name):
    env = ALL_V3_ENVIRONMENTS[name]()
    env._partially_observable = False
    env._freeze_rand_vec = False
    env._set_task_called = True
    real_body_com = env.get_body_com
    real_site_pos = env._get_site_pos
    real_pos_objects = env._get_pos_objects
    env.get_body_com = lambda n: (
        env._ref["leftPad"].copy() if (n == "leftpad" and hasattr(env, "_ref"))
        else env._ref["rightPad"].copy() if (n == "rightpad" and hasattr(env, "_ref"))
        else real_body_com(n))
    env._get_site_pos = lambda n: (
        env._ref["extra"].copy() if (n in ("pegHead", "stick_end", "RoundNut") and hasattr(env, "_ref"))
        else real_site_pos(n))
    if name.startswith("window") or name.startswith("handle-press") or name == "dial-turn-v3":
        env._get_pos_objects = lambda: (
            env._ref["object"].copy() if hasattr(env, "_ref") else real_pos_objects())
    return env


def reset_values(env, name, seed):
    if hasattr(env, "_ref"):
        del env._ref
    # Without a frozen task MetaWorld draws layouts from numpy's global RNG (reset's seed
    # argument is ignored), so seed that.
    np.random.seed(seed)
    env.reset()
    # One zero-action step so MuJoCo's site positions (peg collision corners) are current.
    env.step(np.zeros(4, dtype=np.float32))
    if name.startswith("button"):
        env._obj_to_target_init = 0.0935
    obj_init = object_init_for(env, name)
    values = dict(
        target=np.array(env._target_pos, dtype=np.float64),
        objectInit=np.array(obj_init, dtype=np.float64),
        tcpInit=np.array(env.init_tcp, dtype=np.float64),
        handInit=np.array(env.hand_init_pos, dtype=np.float64),
    )
    if name in QUATERNION_READING:
        # Not a reset value the reward reads: the draws perturb it (see draw_state).
        values["objectQuaternion"] = np.array(env._get_obs()[7:11], dtype=np.float64)
    if name in SECOND_OBJECT_READING:
        # Not read as a reset value: where the drawn thermos slides from.
        values["secondObjectInit"] = np.array(env._get_obs()[11:14], dtype=np.float64)
    if name in FIRST_STEP_MARGIN:
        # The cube after the first step, where MetaWorld took its lazy in-place margin.
        values["extra"] = np.array(env._get_obs()[4:7], dtype=np.float64)
        assert np.linalg.norm(values["extra"] - env._target_pos) == env._target_to_obj_init
    return values


def draw_state(rng, name, init, obj_now):
    target, obj_init = init["target"], init["objectInit"]
    mode = rng.integers(5)
    # The object point: at rest, near the target (both sides of every threshold), or between.
    if name in REACH_LIKE:
        obj = obj_now + rng.normal(0, 0.01, 3)
    elif mode == 0:
        obj = obj_init + rng.normal(0, 0.005, 3)
    elif mode in (1, 2):
        obj = target + rng.uniform(-1, 1, 3) * rng.choice([0.02, 0.05, 0.08, 0.12])
    else:
        obj = obj_init + rng.uniform(0, 1) * (target - obj_init) + rng.normal(0, 0.02, 3)
    # The fingertips: caging the object, near it, or anywhere in the workspace.
    hand_mode = rng.integers(4)
    w = rng.uniform(0.016, 0.029)  # inside every task's caging band
    if hand_mode == 0:
        tcp = obj + np.array([rng.uniform(-0.004, 0.004), rng.normal(0, 0.002), rng.uniform(-0.004, 0.004)])
    elif hand_mode == 1:
        tcp = obj + rng.normal(0, 0.03, 3)
    elif hand_mode == 2 and name in REACH_LIKE:
        tcp = target + rng.uniform(-1, 1, 3) * rng.choice([0.03, 0.06])
    else:
        tcp = rng.uniform([-0.4, 0.4, 0.0], [0.4, 0.95, 0.35])
        w = rng.uniform(0.0, 0.06)
    left_pad = np.array([tcp[0], obj[1] + w + rng.normal(0, 0.003), tcp[2]])
    right_pad = np.array([tcp[0], obj[1] - w + rng.normal(0, 0.003), tcp[2]])
    hand = tcp + np.array([0, 0, 0.045]) + rng.normal(0, 0.003, 3)
    gripper = float(rng.choice([0.0, rng.uniform(0.25, 1.0), 1.0]))
    if name in PAD_GRIPPING and hand_mode == 0 and rng.uniform() < 0.7:
        # Held: the TCP on the object's x-z, the pads in the gripping band (radius to
        # radius + 3 mm), the gripper reading closed on it: the caging variant's gripping branch
        # and the hold bonus.
        tcp = obj + np.array([rng.uniform(-0.003, 0.003), 0.0, rng.uniform(-0.003, 0.003)])
        grip = rng.uniform(0.006, 0.011)
        left_pad = np.array([tcp[0], obj[1] + grip, tcp[2]])
        right_pad = np.array([tcp[0], obj[1] - rng.uniform(0.006, 0.011), tcp[2]])
        hand = tcp + np.array([0, 0, 0.045])
        gripper = float(rng.uniform(0.3, 0.6))
    action = rng.uniform(-1.5, 1.5, 4)
    if rng.uniform() < 0.2:
        action[3] = rng.choice([-1.0, 0.0, 1.0, 1.3])
    extra = np.zeros(3)
    if name == "peg-insert-side-v3":
        # The head 13 cm in -x of the grasp site, or near the goal / the block face zones.
        if mode in (1, 2):
            extra = target + rng.uniform(-1, 1, 3) * np.array([0.12, 0.04, 0.04])
        else:
            extra = obj + np.array([-0.13, 0, -0.01]) + rng.normal(0, 0.005, 3)
    theta = float(rng.uniform(-2.0, 0.0)) if rng.uniform() < 0.8 else float(rng.uniform(-0.05, 0))
    touching = bool(rng.uniform() < 0.5)
    if name.startswith("coffee"):
        touching = False  # MetaWorld asks about the mug's visual mesh, which never touches
    state = dict(hand=hand, gripperOpening=gripper, object=obj, tcp=tcp, leftPad=left_pad,
                 rightPad=right_pad, action=action, extra=extra, jointPosition=theta,
                 touchingObject=touching)
    if name == "box-close-v3" and rng.uniform() < 0.4:
        # The hand at the lid's handle point (2 cm above the lid origin): the ready term.
        state["hand"] = obj + np.array([0, 0, 0.02]) + rng.normal(0, 0.008, 3)
    if name == "bin-picking-v3":
        # The margin's cube position at the first step, a reset value (see reset_values).
        state["extra"] = init["extra"]
        if rng.uniform() < 0.4:
            # Carried: lifted on the way to the goal bin, the hand just above the cube (the near
            # test reads the hand origin), the gripper reading above or below its pinch limit.
            state["object"] = obj = init["objectInit"] + rng.uniform(0, 1) * (target - init["objectInit"]) \
                + np.array([0, 0, rng.uniform(0.03, 0.25)]) + rng.normal(0, 0.01, 3)
            state["hand"] = obj + np.array([0, 0, rng.uniform(0.0, 0.045)]) + rng.normal(0, 0.005, 3)
            state["gripperOpening"] = float(rng.uniform(0.3, 0.9))
    if name in SECOND_OBJECT_READING:
        # The thermos slid part of the way (or all of it) toward the goal, in x-y only.
        start = init["secondObjectInit"]
        u = rng.uniform(0, 1.1) if rng.uniform() < 0.5 else rng.uniform(0.85, 1.05)
        state["secondObject"] = second = start + u * np.array([target[0] - start[0], target[1] - start[1], 0]) \
            + np.array([*rng.normal(0, 0.01, 2), 0])
        if rng.uniform() < 0.5:
            # Held and lifted: the TCP on the reward's stick point, the gripper reading open.
            stick = state["object"] + (np.array([0.015, 0, 0]) if name == "stick-push-v3" else 0)
            stick[2] = init["objectInit"][2] + rng.uniform(0.0, 0.15)
            if name == "stick-pull-v3" and rng.uniform() < 0.7:
                # Hooked: the end near the handle loop centre (both sides of the insertion test).
                stick = second + np.array([-0.05 + rng.uniform(-0.02, 0.04), *rng.normal(0, 0.03, 2)])
            state["object"] = stick - (np.array([0.015, 0, 0]) if name == "stick-push-v3" else 0)
            state["tcp"] = stick + rng.normal(0, 0.008, 3)
            state["leftPad"] = np.array([stick[0], stick[1] + rng.uniform(0.01, 0.05), stick[2]])
            state["rightPad"] = np.array([stick[0], stick[1] - rng.uniform(0.01, 0.05), stick[2]])
            state["gripperOpening"] = float(rng.choice([0.0, rng.uniform(0.2, 0.8)]))
        if name == "stick-pull-v3":
            # The stick lies along +x; its end face 5 cm from its centre.
            state["extra"] = state["object"] + np.array([0.05, 0, 0]) + rng.normal(0, 0.004, 3)
    if name == "hammer-v3":
        # The nail out, part-way or past the 9 cm success depth; the head at the nail or not.
        state["jointPosition"] = float(rng.uniform(0, 0.1) if rng.uniform() < 0.5 else rng.uniform(0.08, 0.1))
        if rng.uniform() < 0.5:
            head_at = target + rng.uniform(-1, 1, 3) * rng.choice([0.01, 0.03, 0.08])
            state["object"] = obj = head_at - np.array([0.16, 0.06, 0])
            state["tcp"] = tcp = obj + np.array([rng.uniform(-0.06, 0.06), *rng.normal(0, 0.004, 2)])
            state["leftPad"] = np.array([tcp[0], obj[1] + rng.uniform(0.012, 0.03), tcp[2]])
            state["rightPad"] = np.array([tcp[0], obj[1] - rng.uniform(0.012, 0.03), tcp[2]])
            state["hand"] = tcp + np.array([0, 0, 0.045])
    if name == "lever-pull-v3":
        # The lever anywhere from down to past vertical, often near the π/24 success band; the
        # end at the goal when the angle says up; the shoulder under it or not.
        up = rng.uniform() < 0.5
        state["jointPosition"] = float(-np.pi / 2 + rng.normal(0, 0.15) if up else rng.uniform(-1.9, 0.1))
        if up:
            state["object"] = obj = target + rng.uniform(-1, 1, 3) * rng.choice([0.02, 0.05, 0.1])
        if rng.uniform() < 0.5:
            state["hand"] = obj - np.array([0, 0.055, 0.07]) + rng.normal(0, 0.006, 3)
    if name in ("assembly-v3", "disassemble-v3"):
        # The ring centre (`extra`) with the handle site 13 cm along +x of it: on the way, at
        # the peg (assembly: round its axis, above and below the top) or lifted off it
        # (disassemble: round the point 10 cm above the target), the fingertips on the handle.
        if rng.uniform() < 0.5:
            if name == "assembly-v3":
                centre = target + np.array([*rng.normal(0, 0.015, 2), -rng.uniform(-0.03, 0.08)])
            else:
                centre = target + np.array([0, 0, 0.1]) + rng.uniform(-1, 1, 3) * rng.choice([0.02, 0.05, 0.1])
        else:
            centre = obj - np.array([0.13, 0, 0]) + rng.normal(0, 0.005, 3)
        state["extra"] = centre
        state["object"] = obj = centre + np.array([0.13, 0, 0]) + rng.normal(0, 0.003, 3)
        if name == "disassemble-v3" and rng.uniform() < 0.5:
            obj[2] = target[2] + rng.normal(0, 0.02)  # the success test reads the handle's height
        if rng.uniform() < 0.5:
            state["tcp"] = tcp = obj + np.array([rng.uniform(-0.012, 0.012), *rng.normal(0, 0.004, 2)])
            state["leftPad"] = np.array([tcp[0], obj[1] + rng.uniform(0.012, 0.03), tcp[2]])
            state["rightPad"] = np.array([tcp[0], obj[1] - rng.uniform(0.012, 0.03), tcp[2]])
            state["hand"] = tcp + np.array([0, 0, 0.045]) + rng.normal(0, 0.002, 3)
    if name in QUATERNION_READING:
        # The object's orientation: as at reset, tilted a little or a lot, or anything.
        q0, u = init["objectQuaternion"], rng.uniform()
        q = q0 + rng.normal(0, 0.02, 4) if u < 0.6 else q0 + rng.normal(0, 0.1, 4) if u < 0.8 else rng.normal(0, 1, 4)
        state["objectQuaternion"] = q / np.linalg.norm(q)
    return state


def object_init_for(env, name):
    """MetaWorld's value behind `RewardInputs.objectInit` for this task."""
    if name.startswith("window"):
        return env.window_handle_pos_init
    if name.startswith("handle-press"):
        return env._handle_init_pos
    if name == "dial-turn-v3":
        return env.dial_push_position  # where the reward wants the TCP, at reset  # the grip-top site at reset; obj_init_pos is the box
    if name.startswith("stick"):
        return env.stick_init_pos  # obj_init_pos is the thermos base, fixed (TaskRewards' StickThermos)
    return env.obj_init_pos


def rollout_records(name, rng, seeds=(0, 1), steps=240, every=16):
    import metaworld
    from metaworld.policies import ENV_POLICY_MAP
    env = ALL_V3_ENVIRONMENTS[name]()  # unpatched: every input is read from MuJoCo
    policy = ENV_POLICY_MAP[name]()
    # A benchmark task (set_task) rather than a bare reset: only then does step() clip the goal
    # in the observation to the real goal space instead of to zeros.
    benchmark = metaworld.MT1(name, seed=7)
    out = []
    for seed in seeds:
        env.set_task(benchmark.train_tasks[seed])
        obs, _ = env.reset()
        if name.startswith("button"):
            env._obj_to_target_init = 0.0935  # see the module docstring
        first_step_object = None
        for step in range(steps):
            action = np.asarray(policy.get_action(obs), dtype=np.float64)
            action[:3] += rng.normal(0, 0.1, 3)
            if rng.uniform() < 0.2:
                action[3] = rng.uniform(-1.6, 1.6)
            obs, reward, _, _, info = env.step(action)
            if step == 0:
                first_step_object = obs[4:7].copy()
            if step % every != every - 1:
                continue
            inputs = dict(
                hand=vec(obs[0:3]), gripperOpening=float(obs[3]), object=vec(obs[4:7]),
                tcp=vec(env.tcp_center), leftPad=vec(env.get_body_com("leftpad")),
                rightPad=vec(env.get_body_com("rightpad")), target=vec(env._target_pos),
                action=vec(action), objectInit=vec(object_init_for(env, name)),
                tcpInit=vec(env.init_tcp), handInit=vec(env.hand_init_pos),
                jointPosition=float(env.data.joint("doorjoint").qpos[0]) if name == "door-open-v3" else 0.0,
                extra=vec(env._get_site_pos("pegHead")) if name == "peg-insert-side-v3" else [0.0, 0.0, 0.0],
                touchingObject=bool(env.touching_main_object) if name in TOUCH_REPORTING else False)
            if name in JOINT_READING:
                inputs["jointPosition"] = float(env.data.joint(JOINT_READING[name]).qpos[0])
            if name in QUATERNION_READING:
                inputs["objectQuaternion"] = vec(obs[7:11])
            if name in SECOND_OBJECT_READING:
                inputs["secondObject"] = vec(obs[11:14])
            if name == "stick-pull-v3":
                inputs["extra"] = vec(env._get_site_pos("stick_end"))
            if name in ("assembly-v3", "disassemble-v3"):
                inputs["extra"] = vec(env._get_site_pos("RoundNut"))
            if name in FIRST_STEP_MARGIN:
                assert np.linalg.norm(first_step_object - env._target_pos) == env._target_to_obj_init
                inputs["extra"] = vec(first_step_object)
            out.append(record(name, "rollout", inputs, reward, info))
    env.close()
    return out


def record(name, source, inputs, reward, info):
    return dict(
        task=name, source=source, inputs=inputs,
        reward=float(reward), success=float(info["success"]),
        nearObject=float(info["near_object"]), graspSuccess=float(info["grasp_success"]),
        graspReward=float(info["grasp_reward"]), inPlaceReward=float(info["in_place_reward"]),
        objectToTarget=float(info["obj_to_target"]))


def drawn_records(name, rng):
    out = []
    env = make_env(name)
    # The pad-gripping caging and its hold bonus need a held object part-way to the goal, the
    # stick tasks a held stick and a thermos near the goal: more draws find those states.
    count = STATES_PER_RESET * (3 if name in PAD_GRIPPING + SECOND_OBJECT_READING else 1)
    for seed in RESET_SEEDS:
        init = reset_values(env, name, seed)
        obj_now = np.array(env._get_obs()[4:7], dtype=np.float64)
        for _ in range(count):
            s = draw_state(rng, name, init, obj_now)
            env._ref = dict(tcp=s["tcp"], leftPad=s["leftPad"], rightPad=s["rightPad"],
                            extra=s["extra"], object=s["object"], touching=s["touchingObject"])
            env.init_left_pad, env.init_right_pad = s["leftPad"].copy(), s["rightPad"].copy()
            obs = np.zeros(39)
            obs[0:3], obs[3], obs[4:7], obs[36:39] = s["hand"], s["gripperOpening"], s["object"], init["target"]
            if name in QUATERNION_READING:
                obs[7:11] = s["objectQuaternion"]
            if name in SECOND_OBJECT_READING:
                obs[11:14] = s["secondObject"]
            if name in JOINT_READING:
                env.data.joint(JOINT_READING[name]).qpos[0] = s["jointPosition"]
            reward, info = env.evaluate_state(obs, s["action"].copy())
            inputs = {k: (vec(v) if isinstance(v, np.ndarray) else v) for k, v in {**init, **s}.items()}
            out.append(record(name, "drawn", inputs, reward, info))
    env.close()
    return out


def main():
    rng = np.random.default_rng(20261125)
    records = []
    for name in TASKS:
        env = make_env(name)
        for seed in RESET_SEEDS:
            init = reset_values(env, name, seed)
            obj_now = np.array(env._get_obs()[4:7], dtype=np.float64)
            for _ in range(STATES_PER_RESET):
                s = draw_state(rng, name, init, obj_now)
                env._ref = dict(tcp=s["tcp"], leftPad=s["leftPad"], rightPad=s["rightPad"],
                                extra=s["extra"], object=s["object"], touching=s["touchingObject"])
                # MetaWorld's "initial" pads are numpy views of data.xpos (get_body_com), so in a
                # real episode they always hold the current pads: give them the drawn ones.
                env.init_left_pad, env.init_right_pad = s["leftPad"].copy(), s["rightPad"].copy()
                if name == "door-open-v3":
                    env.data.joint("doorjoint").qpos[0] = s["jointPosition"]
                obs = np.zeros(39)
                obs[0:3], obs[3], obs[4:7], obs[36:39] = s["hand"], s["gripperOpening"], s["object"], init["target"]
                reward, info = env.evaluate_state(obs, s["action"].copy())
                inputs = {k: (vec(v) if isinstance(v, np.ndarray) else v) for k, v in {**init, **s}.items()}
                records.append(record(name, "drawn", inputs, reward, info))
        env.close()
    for name in TASKS:
        records.extend(rollout_records(name, rng))
    # The MT50 families: drawn and rollout records per task, from a generator of their own.
    rng50 = np.random.default_rng(20261204)
    for name in MT50_TASKS:
        records.extend(drawn_records(name, rng50))
        if name.startswith("handle-press"):
            # MuJoCo's soft limit lets the pressed handle run 6 cm past its stop and out of the
            # success band again: its success lasts a few steps, so sample those densely.
            records.extend(rollout_records(name, rng50, steps=60, every=2))
        elif name == "handle-pull-side-v3":
            # The noisy expert lifts the handle late (about step 150) on some layouts only.
            records.extend(rollout_records(name, rng50, seeds=(0, 1, 2), steps=300, every=10))
        elif name == "lever-pull-v3":
            # The lever passes through its π/24 success band in a few steps (about step 70).
            records.extend(rollout_records(name, rng50, seeds=(0, 1, 2), steps=150, every=5))
        elif name == "stick-pull-v3":
            # The noisy expert hooks the handle late (about step 120) and not on every layout.
            records.extend(rollout_records(name, rng50, seeds=(0, 1, 2), steps=300, every=10))
        else:
            records.extend(rollout_records(name, rng50))
    # One record per line keeps the file small and its diffs readable.
    sys.stdout.write('{"generator": "generate_reward_reference.py", "metaworld": "3.1.1", "records": [\n')
    sys.stdout.write(",\n".join(json.dumps(r, separators=(",", ":")) for r in records))
    sys.stdout.write("\n]}\n")


if __name__ == "__main__":
    main()
