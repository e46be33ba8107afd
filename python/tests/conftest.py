"""The tests drive the real dratsd: $DRATSD, else the repository's .build/release/dratsd."""

import gc
import os
import pathlib
import subprocess

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def _dratsd_path():
    path = os.environ.get("DRATSD") or str(REPOSITORY / ".build" / "release" / "dratsd")
    return path if os.path.isfile(path) else None


def _served_tasks():
    import drats

    path = _dratsd_path()
    return drats.served_tasks(path) if path else ()


@pytest.fixture(scope="session")
def dratsd_path():
    path = _dratsd_path()
    if path is None:
        pytest.fail("no dratsd binary: run `make build` or set $DRATSD to a built dratsd")
    return path


def pytest_generate_tests(metafunc):
    # One test per task the binary simulates, and one per MetaWorld task it does not simulate yet.
    if "served_task" in metafunc.fixturenames:
        metafunc.parametrize("served_task", _served_tasks())
    if "unserved_task" in metafunc.fixturenames:
        import drats

        served = set(_served_tasks())
        metafunc.parametrize("unserved_task", [t for t in drats.MT50_TASKS if t not in served])


def _dratsd_children():
    """Child processes of this test process whose command is dratsd, zombies included."""
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat_file:
                stat = stat_file.read()
        except OSError:
            continue
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        if parent == os.getpid() and command == "dratsd":
            children.append(int(entry))
    return children


@pytest.fixture(autouse=True)
def no_dratsd_left_behind():
    """Every test must leave no dratsd running or unreaped once its objects are collected."""
    yield
    if os.path.isdir("/proc"):
        gc.collect()
        assert _dratsd_children() == [], "a dratsd process outlived its environment"


# Tiny real training runs whose checkpoints the checkpoint tests load: both log-std modes, both
# activations, a linear policy, MT10 tasks and the grid world. Seconds each with `dratsd train`.
TRAINING_CONFIGS = {
    "mt10-relu-state-dependent": """
run: {name: mt10-relu, seed: 3, totalEnvSteps: 300}
env: {suite: mt10, tasks: [reach-v3, push-v3]}
ppo: {numSteps: 50, updateEpochs: 2, numMinibatches: 2, learningRate: 0.01, hiddenSizes: [16], logStdMode: stateDependent, activation: relu}
evaluation: {everyEnvSteps: 1_000_000, episodesPerTask: 1}
checkpoint: {everyIterations: 1, keepLast: 2}
""",
    "mt10-tanh-state-independent": """
run: {name: mt10-tanh, seed: 4, totalEnvSteps: 300}
env: {suite: mt10, tasks: [window-open-v3, drawer-close-v3]}
ppo: {numSteps: 50, updateEpochs: 2, numMinibatches: 2, learningRate: 0.01, hiddenSizes: [8, 8], logStdMode: stateIndependent, activation: tanh}
evaluation: {everyEnvSteps: 1_000_000, episodesPerTask: 1}
checkpoint: {everyIterations: 1, keepLast: 2}
""",
    "gridworld-linear": """
run: {name: grid, seed: 5, totalEnvSteps: 1_024}
env: {suite: gridworld}
ppo: {numSteps: 64, updateEpochs: 2, numMinibatches: 2, learningRate: 0.01, hiddenSizes: [], logStdMode: stateIndependent}
sampler: {maxReturn: 1}
evaluation: {everyEnvSteps: 1_000_000, episodesPerTask: 1}
checkpoint: {everyIterations: 2, keepLast: 1}
""",
}

_trained = {}


@pytest.fixture(scope="session")
def train_checkpoint(dratsd_path, tmp_path_factory):
    """Returns a function: config name -> the newest checkpoint of that config's `dratsd train` run."""

    def checkpoint(name):
        if name not in _trained:
            folder = tmp_path_factory.mktemp(name)
            (folder / "config.yaml").write_text(TRAINING_CONFIGS[name])
            done = subprocess.run(
                [dratsd_path, "train", str(folder / "config.yaml"), "--state-dir", str(folder / "state")],
                capture_output=True, text=True, timeout=600)
            assert done.returncode == 0, f"dratsd train failed:\n{done.stdout}\n{done.stderr}"
            run_folder = pathlib.Path(done.stdout.strip().splitlines()[-1].split()[-1])
            checkpoints = sorted((run_folder / "checkpoints").glob("step-*.safetensors"))
            assert checkpoints, f"no checkpoint in {run_folder}"
            _trained[name] = checkpoints[-1]
        return _trained[name]

    return checkpoint
