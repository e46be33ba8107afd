"""`dratsd report --export csv` against hand-made run folders: tidy.csv has one row per number of
metrics.jsonl, scores.csv the runs x tasks matrix at the common final evaluation, and rliable's
own aggregates of it (when rliable is installed) equal the point estimates of dratsd's summary."""

import csv
import json
import pathlib
import subprocess
import sys

import numpy as np
import pytest

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
TASKS = ["wall0", "wall1", "wall2", "wall3"]
CONFIG = """run: {{name: grid, seed: {seed}, totalEnvSteps: 512}}
env: {{suite: gridworld}}
ppo: {{numSteps: 64, updateEpochs: 1, numMinibatches: 1, hiddenSizes: []}}
sampler: {{kind: {sampler}}}
evaluation: {{everyEnvSteps: 256, episodesPerTask: 4}}
"""


def make_runs(root):
    """Six runs (two samplers x three seeds) with evaluations at 256 and 512 steps, except one run
    evaluated at 256 only, so the common final evaluation is at 256 steps."""
    rng = np.random.default_rng(7)
    folders = []
    for sampler in ("uniform", "drats"):
        for seed in (1, 2, 3):
            folder = root / f"r-20261202-{sampler[:2]}{seed}aaa"
            folder.mkdir(parents=True)
            (folder / "config.yaml").write_text(CONFIG.format(seed=seed, sampler=sampler))
            lines = []
            steps = (256,) if (sampler, seed) == ("drats", 3) else (256, 512)
            for iteration, step in enumerate(steps, start=1):
                success = {task: float(rng.integers(0, 5)) / 4 for task in TASKS}
                lines.append({"kind": "iteration", "iteration": iteration * 4, "env_steps": step,
                              **{f"sampler/{task}/probability": 0.25 for task in TASKS}})
                line = {"kind": "evaluation", "iteration": iteration * 4, "env_steps": step,
                        "eval/mean_success_rate": sum(success.values()) / 4,
                        "eval/worst_success_rate": min(success.values())}
                for task in TASKS:
                    line[f"eval/{task}/success_rate"] = success[task]
                    line[f"eval/{task}/return"] = 0.5
                    line[f"eval/{task}/full_episode_return"] = 0.75
                lines.append(line)
            (folder / "metrics.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
            folders.append(folder)
    return folders


def report(dratsd_path, folders, out):
    arguments = [dratsd_path, "report", "--export", "csv", "--out", str(out), "--json"]
    for folder in folders:
        arguments += ["--folder", str(folder)]
    done = subprocess.run(arguments, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_tidy_and_score_tables(dratsd_path, tmp_path):
    folders = make_runs(tmp_path / "runs")
    report(dratsd_path, folders, tmp_path / "out")
    with open(tmp_path / "out" / "tidy.csv", newline="") as handle:
        tidy = list(csv.DictReader(handle))
    assert list(tidy[0]) == ["run", "sweep", "sampler", "seed", "task", "env_steps", "metric", "value"]
    expected = 0
    for folder in folders:
        for line in map(json.loads, (folder / "metrics.jsonl").read_text().splitlines()):
            for key, value in line.items():
                if key in ("kind", "iteration", "env_steps"):
                    continue
                rows = [row for row in tidy if row["run"] == folder.name and int(row["env_steps"]) == line["env_steps"]
                        and row["metric"] == key.split("/")[-1].replace("probability", "sampling_probability")
                        and row["task"] == (key.split("/")[1] if key.count("/") == 2 else "")]
                assert len(rows) == 1, (folder.name, key)
                assert float(rows[0]["value"]) == value
                expected += 1
    assert len(tidy) == expected

    with open(tmp_path / "out" / "scores.csv", newline="") as handle:
        scores = list(csv.reader(handle))
    assert scores[0] == ["run", "sampler", "seed"] + TASKS
    assert len(scores) == 1 + 6
    for row in scores[1:]:
        folder = next(f for f in folders if f.name == row[0])
        at_256 = next(json.loads(line) for line in (folder / "metrics.jsonl").read_text().splitlines()
                      if '"evaluation"' in line and json.loads(line)["env_steps"] == 256)
        assert [float(v) for v in row[3:]] == [at_256[f"eval/{task}/success_rate"] for task in TASKS]


def test_rliable_reads_the_scores_and_agrees_with_the_summary(dratsd_path, tmp_path):
    pytest.importorskip("rliable", reason="rliable is not installed (python/examples/requirements-rliable.txt)")
    sys.path.insert(0, str(EXAMPLES))
    import rliable_report

    # Every run evaluated at the same steps, so that final = common final.
    folders = [f for f in make_runs(tmp_path / "runs") if not f.name.startswith("r-20261202-dr3")]
    summary = report(dratsd_path, folders, tmp_path / "out")
    scores, tasks = rliable_report.load_scores(tmp_path / "out" / "scores.csv")
    assert tasks == TASKS and scores["uniform"].shape == (3, 4) and scores["drats"].shape == (2, 4)
    points, intervals = rliable_report.aggregates(scores, reps=2000)
    for group in summary["samplers"]:
        aggregates = group["aggregates"]
        ours = [aggregates["interquartileMean"]["value"], aggregates["optimalityGap"]["value"], aggregates["mean"]["value"]]
        assert np.allclose(points[group["sampler"]], ours, atol=1e-12), group["sampler"]
        assert np.all(intervals[group["sampler"]][0] <= points[group["sampler"]] + 1e-12)
