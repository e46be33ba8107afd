"""`make bench-metaworld`: env steps per second of MetaWorld 3.1.1 on MuJoCo 3.3.0 and of dratsd,
side by side in one run, for the physics work of issue 15.

Three measurements per task dratsd simulates, each single-threaded with uniformly random actions in [-1, 1]
and resets excluded from the timed time (every simulator truncates at 500 steps):
  * metaworld: MetaWorld's full `env.step` (mocap action, 5 MuJoCo steps, observation, reward).
  * mujoco_physics: only what MetaWorld's step does to MuJoCo, driven from a Python loop: the
    mocap position and gripper controls set as `set_xyz_action` and `do_simulation` set them,
    then `mujoco.mj_step(model, data, nstep=5)` (MetaWorld's own call). No observation, no reward.
  * drats: `dratsd bench env --threads 1` (our full step), and `--threads 2` once per round.
The three run interleaved (task by task, round by round) so that drift in the machine's load
hits all of them alike; each figure is the median over rounds. The machine's load average is
recorded: ratios measured on a busy machine are comparable, absolute figures are not.
"""
import argparse
import os
import platform
import time

import numpy as np

import yardstick


def metaworld_env(task, seed):
    import metaworld
    benchmark = metaworld.MT1(task, seed=seed)
    env = benchmark.train_classes[task]()
    env.set_task(benchmark.train_tasks[0])
    return env


def random_actions(count, seed):
    return np.random.default_rng(seed).uniform(-1.0, 1.0, size=(count, 4))


def steps_per_second(env, actions, step):
    """Applies `step(action)` for every action, resetting `env` (untimed) every episode."""
    env.reset()
    elapsed = 0.0
    for index, action in enumerate(actions):
        if index and index % env.max_path_length == 0:
            env.reset()
        began = time.perf_counter()
        step(action)
        elapsed += time.perf_counter() - began
    return len(actions) / elapsed


def measure_metaworld(env, actions):
    return steps_per_second(env, actions, env.step)


def measure_mujoco_physics(env, actions):
    import mujoco
    model, data = env.model, env.data
    quat = np.array([1.0, 0.0, 1.0, 0.0])

    def physics_step(action):
        # What SawyerXYZEnv.set_xyz_action and do_simulation do, without the rest of step().
        data.mocap_pos = np.clip(data.mocap_pos + action[:3] * env.action_scale, env.mocap_low, env.mocap_high)
        data.mocap_quat = quat
        data.ctrl = (action[3], -action[3])
        mujoco.mj_step(model, data, nstep=env.frame_skip)

    return steps_per_second(env, actions, physics_step)


def measure_drats(binary, task, steps, threads):
    lines = yardstick.run_dratsd_json(
        [binary, "bench", "env", "--task", task, "--steps", str(steps), "--threads", str(threads), "--json"])
    return {line["threads"]: line["env_steps_per_s"] for line in lines}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    yardstick.add_common_arguments(parser, json_file="bench/metaworld.json")
    parser.add_argument("--steps", type=int, default=5000, help="env steps per measurement (default 5000)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; figures are medians (default 3)")
    args = parser.parse_args()
    yardstick.require_pinned_versions()
    if args.steps < 500 or args.rounds < 1:
        parser.error("--steps must be at least 500 (one episode) and --rounds at least 1")
    binary = yardstick.dratsd_path(args.dratsd)
    tasks = yardstick.parse_tasks(args.tasks, binary)

    envs = {task: metaworld_env(task, seed=0) for task in tasks}
    samples = {task: {"metaworld": [], "mujoco_physics": [], "drats_1": [], "drats_2": []} for task in tasks}
    load_before = os.getloadavg()
    for round_index in range(args.rounds):
        for task in tasks:
            actions = random_actions(args.steps, seed=round_index)
            samples[task]["metaworld"].append(measure_metaworld(envs[task], actions))
            samples[task]["mujoco_physics"].append(measure_mujoco_physics(envs[task], actions))
            drats = measure_drats(binary, task, args.steps, threads=2)
            samples[task]["drats_1"].append(drats[1])
            samples[task]["drats_2"].append(drats[2])
    load_after = os.getloadavg()

    rows = []
    for task in tasks:
        m = {key: yardstick.median(values) for key, values in samples[task].items()}
        rows.append({
            "task": task,
            "metaworld_steps_per_s": m["metaworld"],
            "mujoco_physics_steps_per_s": m["mujoco_physics"],
            "drats_steps_per_s": m["drats_1"],
            "drats_2_threads_steps_per_s": m["drats_2"],
            "drats_over_metaworld": m["drats_1"] / m["metaworld"],
            "drats_over_mujoco_physics": m["drats_1"] / m["mujoco_physics"],
            "drats_2_threads_over_1": m["drats_2"] / m["drats_1"],
            "samples": samples[task],
        })
    result = {
        "what": "env steps/s, single thread, random actions, resets excluded; medians over interleaved rounds",
        "metaworld": yardstick.PINNED["metaworld"], "mujoco": yardstick.PINNED["mujoco"],
        "steps": args.steps, "rounds": args.rounds, "machine": platform.node(),
        "cpus": os.cpu_count(), "load_average_before": load_before[0], "load_average_after": load_after[0],
        "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"), "tasks": rows,
    }
    yardstick.write_json_atomically(args.json_file, result)

    print(f"{'task':<25} {'metaworld':>9} {'mujoco':>8} {'drats':>7} {'/mw':>5} {'/mujoco':>7} {'2thr/1':>6}")
    for row in rows:
        print(f"{row['task']:<25} {row['metaworld_steps_per_s']:9.0f} {row['mujoco_physics_steps_per_s']:8.0f} "
              f"{row['drats_steps_per_s']:7.0f} {row['drats_over_metaworld']:5.2f} "
              f"{row['drats_over_mujoco_physics']:7.2f} {row['drats_2_threads_over_1']:6.2f}")
    print(f"(steps/s; mujoco = physics only from a Python loop; load average {load_before[0]:.1f} -> "
          f"{load_after[0]:.1f} on {os.cpu_count()} cpus; JSON in {args.json_file})")


if __name__ == "__main__":
    main()
