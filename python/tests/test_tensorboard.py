"""TensorBoard's own reader (EventAccumulator, from the tensorboard package) sees in a run's event
files exactly the scalars of its metrics.jsonl, each step once, also after a kill -9 and a resume."""

import json
import os
import pathlib
import signal
import subprocess
import time

import numpy as np
import pytest

event_accumulator = pytest.importorskip(
    "tensorboard.backend.event_processing.event_accumulator",
    reason="the tensorboard package is not installed (make python-deps installs it)")

# 100 environment steps per iteration. A checkpoint is written at every evaluation and every
# `every` iterations.
CONFIG = """
run: {{name: tb-check, seed: 4, totalEnvSteps: {steps}}}
env: {{suite: mt10, tasks: [reach-v3, push-v3], workerThreads: 1}}
ppo: {{numSteps: 50, updateEpochs: 2, numMinibatches: 2, hiddenSizes: [16]}}
sampler: {{kind: drats, updateEveryEnvSteps: 500}}
evaluation: {{everyEnvSteps: {evaluate}, episodesPerTask: 1}}
checkpoint: {{everyIterations: {every}, keepLast: 2}}
"""
HEADER = {"kind", "iteration", "env_steps", "wall_seconds"}


def run_folder(state):
    (folder,) = (state / "runs").iterdir()
    return folder


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    pytest.fail(f"timed out after {seconds} s waiting for {what}")


def expect_events_equal_metrics(folder):
    directory = folder / "tensorboard" / "drats-seed4"
    accumulator = event_accumulator.EventAccumulator(str(directory), size_guidance={event_accumulator.SCALARS: 0})
    accumulator.Reload()
    expected = {}
    for line in (folder / "metrics.jsonl").read_text().splitlines():
        record = json.loads(line)
        for key, value in record.items():
            if key not in HEADER and value is not None:
                expected.setdefault(key, []).append((record["env_steps"], np.float32(value)))
    tags = accumulator.Tags()["scalars"]
    assert sorted(tags) == sorted(expected)
    for tag in tags:
        seen = [(event.step, np.float32(event.value)) for event in accumulator.Scalars(tag)]
        assert seen == expected[tag], tag
        steps = [step for step, _ in seen]
        assert len(steps) == len(set(steps)), f"{tag} has a step twice"
    return directory


def test_event_files_hold_the_metrics_of_a_run(dratsd_path, tmp_path):
    config = tmp_path / "run.yaml"
    config.write_text(CONFIG.format(steps=1500, evaluate=500, every=5))
    done = subprocess.run([dratsd_path, "train", str(config), "--state-dir", str(tmp_path / "state")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    directory = expect_events_equal_metrics(run_folder(tmp_path / "state"))
    assert len([name for name in os.listdir(directory) if "tfevents" in name]) == 1


def test_event_files_hold_each_step_once_after_a_kill_and_resume(dratsd_path, tmp_path):
    config = tmp_path / "run.yaml"
    # Checkpoints only at iteration 30 (the evaluation) and at the end (60).
    config.write_text(CONFIG.format(steps=6000, evaluate=3000, every=1000))
    state = tmp_path / "state"
    train = subprocess.Popen([dratsd_path, "train", str(config), "--state-dir", str(state)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Killed between the two checkpoints: the logs and event files hold iterations past
        # iteration 30 that the resume discards and trains again.
        def past_checkpoint():
            log = next((state / "runs").glob("*/train.log"), None)
            return log is not None and any(line.startswith("iter 33/") for line in log.read_text().splitlines())
        wait_for(past_checkpoint, 240, "iteration 33 in train.log")
        train.send_signal(signal.SIGKILL)
    finally:
        train.wait(timeout=60)
    folder = run_folder(state)
    assert "completed" not in (folder / "train.log").read_text()

    serve = subprocess.Popen([dratsd_path, "serve", "--poll-interval-seconds", "0.1", "--state-dir", str(state)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: "completed:" in (folder / "train.log").read_text(), 240, "the resumed run to complete")
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
    log = (folder / "train.log").read_text()
    assert "resume: restored" in log and "(iteration 30," in log
    directory = expect_events_equal_metrics(folder)
    files = sorted(name for name in os.listdir(directory) if "tfevents" in name)
    assert len(files) == 2
    # TensorBoard would also drop repeated steps itself (purge_orphaned_data); on disk, read
    # file by file without that, every step is there once: the first file was cut back.
    from tensorboard.backend.event_processing.event_file_loader import EventFileLoader
    seen = set()
    for name in files:
        for event in EventFileLoader(str(directory / name)).Load():
            for value in event.summary.value:
                assert (value.tag, event.step) not in seen, f"{value.tag} at step {event.step} in two places"
                seen.add((value.tag, event.step))
