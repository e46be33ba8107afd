"""`make check-metaworld-policies`: MetaWorld's own published scripted policies
(`metaworld.policies`, unmodified, from the pinned PyPI package) drive each task dratsd simulates on MetaWorld
3.1.1 / MuJoCo 3.3.0 and on dratsd, over the same number of layouts; the check fails unless ours
succeed at least as often as MetaWorld's minus the tolerance (5 points, issue 15).

Episodes as MetaWorld evaluates them: up to 500 steps, ended by the first step whose info says
success. Layouts: for each suite seed s in 0..seeds-1, the 50 layouts of `metaworld.MT1(task,
seed=s)` on MetaWorld and the 50 suite layouts of suite seed s on dratsd (the two draw from the
same documented ranges; the seeds do not give the same positions). The policies read only the
39-d observation, so they see our simulation exactly as a learner does.
"""
import argparse
import os
import sys

import numpy as np

import yardstick

EPISODE_STEPS = 500
LAYOUTS_PER_SEED = 50


def run_episode(env, policy, reset):
    obs, _ = reset()
    for step in range(EPISODE_STEPS):
        action = np.asarray(policy.get_action(obs), dtype=np.float64)
        obs, _, _, truncated, info = env.step(action)
        if info["success"]:
            return step + 1
        if truncated:
            break
    return None


def metaworld_successes(task, seeds, policy):
    import metaworld
    outcomes = []
    for seed in range(seeds):
        benchmark = metaworld.MT1(task, seed=seed)
        env = benchmark.train_classes[task]()
        for layout in benchmark.train_tasks[:LAYOUTS_PER_SEED]:
            env.set_task(layout)
            outcomes.append(run_episode(env, policy, env.reset))
        env.close()
    return outcomes


def drats_successes(task, seeds, policy, binary):
    from drats.env import DratsEnv
    outcomes = []
    for seed in range(seeds):
        env = DratsEnv(task, suite_seed=seed, dratsd_path=binary)
        for layout in range(LAYOUTS_PER_SEED):
            outcomes.append(run_episode(env, policy, lambda: env.reset(options={"layout": layout})))
        env.close()
    return outcomes


def summary(outcomes):
    steps = [s for s in outcomes if s is not None]
    return {
        "episodes": len(outcomes),
        "success_rate": len(steps) / len(outcomes),
        "median_steps_to_success": float(np.median(steps)) if steps else None,
        "failed_episodes": [i for i, s in enumerate(outcomes) if s is None],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    yardstick.add_common_arguments(parser, json_file="bench/metaworld-policies.json")
    parser.add_argument("--seeds", type=int, default=4, help="suite seeds, 50 layouts each (default 4: 200 episodes per task and simulator)")
    parser.add_argument("--tolerance-points", type=float, default=5.0, help="allowed shortfall of ours in percentage points (default 5)")
    args = parser.parse_args()
    yardstick.require_pinned_versions()
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    binary = yardstick.dratsd_path(args.dratsd)
    tasks = yardstick.parse_tasks(args.tasks, binary)
    from metaworld.policies import ENV_POLICY_MAP

    rows, failing = [], []
    print(f"{'task':<25} {'metaworld':>9} {'drats':>6} {'points':>7}  steps to success (median, mw / drats)")
    for task in tasks:
        theirs = summary(metaworld_successes(task, args.seeds, ENV_POLICY_MAP[task]()))
        ours = summary(drats_successes(task, args.seeds, ENV_POLICY_MAP[task](), binary))
        points = 100 * (ours["success_rate"] - theirs["success_rate"])
        passed = points >= -args.tolerance_points
        if not passed:
            failing.append(task)
        rows.append({"task": task, "metaworld": theirs, "drats": ours, "points": points, "passed": passed})
        print(f"{task:<25} {100 * theirs['success_rate']:8.1f}% {100 * ours['success_rate']:5.1f}% {points:+7.1f}  "
              f"{theirs['median_steps_to_success']} / {ours['median_steps_to_success']}"
              f"{'' if passed else '   FAILS'}", flush=True)
    yardstick.write_json_atomically(args.json_file, {
        "what": "success rate of metaworld.policies (unmodified) on MetaWorld and on dratsd",
        "metaworld": yardstick.PINNED["metaworld"], "mujoco": yardstick.PINNED["mujoco"],
        "seeds": args.seeds, "layouts_per_seed": LAYOUTS_PER_SEED,
        "tolerance_points": args.tolerance_points, "tasks": rows, "failing": failing,
    })
    print(f"(JSON in {args.json_file})")
    if failing:
        sys.exit(f"check-metaworld-policies: {', '.join(failing)} succeed more than "
                 f"{args.tolerance_points:g} points less often on dratsd than on MetaWorld")


if __name__ == "__main__":
    main()
