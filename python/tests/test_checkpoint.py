"""drats.load_policy against the real binary: its numpy policy acts like `dratsd policy` on the
checkpoints of real `dratsd train` runs, and refuses broken files with clear errors."""

import json
import subprocess

import numpy as np
import pytest
from safetensors.numpy import save_file

import drats
from drats.checkpoint import crc32c


def policy_answers(dratsd_path, checkpoint, requests, extra_args=()):
    """Runs `dratsd policy CHECKPOINT` on JSON request lines; returns the parsed answers."""
    lines = "".join(json.dumps(r) + "\n" if not isinstance(r, str) else r + "\n" for r in requests)
    done = subprocess.run([dratsd_path, "policy", str(checkpoint), *extra_args], input=lines, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(requests)
    return answers


def test_crc32c_is_castagnoli():
    assert crc32c(b"123456789") == 0xE3069283
    assert crc32c(b"") == 0


@pytest.mark.parametrize("size", [1, 63, 64 * 4096 - 1, 64 * 4096, 64 * 4096 + 17, 1_000_003])
def test_crc32c_in_parallel_lanes_equals_byte_by_byte(size):
    from drats.checkpoint import _crc32c_register

    data = np.random.default_rng(size).integers(0, 256, size, dtype=np.uint8).tobytes()
    expected = _crc32c_register(0xFFFFFFFF, data) ^ 0xFFFFFFFF
    assert crc32c(data) == expected
    assert crc32c(data, lanes=7) == expected


def test_missing_and_foreign_files_are_refused(tmp_path):
    with pytest.raises(drats.CheckpointError, match="no checkpoint at .*nope.safetensors"):
        drats.load_policy(tmp_path / "nope.safetensors")
    text = tmp_path / "notes.safetensors"
    text.write_text("hi")
    with pytest.raises(drats.CheckpointError, match="too short for a safetensors file"):
        drats.load_policy(text)
    with pytest.raises(drats.CheckpointError, match="cannot read checkpoint"):
        drats.load_policy(text, verify_checksum=False)
    foreign = tmp_path / "foreign.safetensors"
    save_file({"w": np.ones((2, 2), dtype=np.float32)}, str(foreign), metadata={"format": "pt"})
    with pytest.raises(drats.CheckpointError, match="has no drats.checksum metadata"):
        drats.load_policy(foreign)
    with pytest.raises(drats.CheckpointError, match="is not a drats checkpoint: metadata 'format' is 'pt', not 'drats-ppo'"):
        drats.load_policy(foreign, verify_checksum=False)


def test_dratsd_policy_refuses_missing_and_foreign_files(dratsd_path, tmp_path):
    done = subprocess.run([dratsd_path, "policy", str(tmp_path / "nope.safetensors")], capture_output=True, text=True,
                          input="", timeout=60)
    assert done.returncode != 0 and "nope.safetensors: no such file" in done.stderr
    foreign = tmp_path / "foreign.safetensors"
    save_file({"w": np.ones((2,), dtype=np.float32)}, str(foreign))
    done = subprocess.run([dratsd_path, "policy", str(foreign)], capture_output=True, text=True, input="", timeout=60)
    assert done.returncode != 0 and "checksum" in done.stderr


TRAINED = ["mt10-relu-state-dependent", "mt10-tanh-state-independent", "gridworld-linear"]
EXPECTED = {
    "mt10-relu-state-dependent": (39, 4, ("reach-v3", "push-v3"), (16,), "relu", "stateDependent"),
    "mt10-tanh-state-independent": (39, 4, ("window-open-v3", "drawer-close-v3"), (8, 8), "tanh", "stateIndependent"),
    "gridworld-linear": (25, None, ("wall0", "wall1", "wall2", "wall3"), (), "relu", "stateIndependent"),
}


@pytest.mark.parametrize("name", TRAINED)
def test_run_checkpoint_is_described_by_its_metadata(train_checkpoint, name):
    policy = drats.load_policy(train_checkpoint(name))
    observation_size, action_size, names, hidden, activation, mode = EXPECTED[name]
    assert policy.observation_size == observation_size
    assert action_size is None or policy.action_size == action_size
    assert policy.task_names == names and policy.task_count == len(names)
    assert policy.hidden_sizes == hidden and policy.activation == activation and policy.log_std_mode == mode
    assert repr(policy).startswith("Policy(")


@pytest.mark.parametrize("name", TRAINED)
def test_numpy_acts_like_dratsd_policy_on_every_task(dratsd_path, train_checkpoint, name):
    checkpoint = train_checkpoint(name)
    policy = drats.load_policy(checkpoint)
    rng = np.random.default_rng(11)
    observations = rng.uniform(-1.0, 1.5, size=(40, policy.observation_size)).astype(np.float32)
    requests = []
    for row, observation in enumerate(observations):
        for task in range(policy.task_count):
            # Tasks by index and by name, alternately.
            requests.append({"observation": observation.tolist(), "task": policy.task_names[task] if row % 2 else task})
    answers = policy_answers(dratsd_path, checkpoint, requests)
    assert not any("error" in a for a in answers), answers[:3]
    batch = np.repeat(observations, policy.task_count, axis=0)
    tasks = [r["task"] for r in requests]
    mean, log_std, value = policy.forward(batch, tasks)
    theirs_action = np.array([a["action"] for a in answers])
    theirs_mean = np.array([a["mean"] for a in answers])
    assert np.array_equal(theirs_action, theirs_mean)  # deterministic: the action is the mean
    for ours, theirs in ((policy.act(batch, tasks), theirs_action), (log_std, [a["log_std"] for a in answers]),
                         (value, [a["value"] for a in answers])):
        difference = np.abs(np.asarray(ours, dtype=np.float64) - np.asarray(theirs))
        assert difference.max() <= 1e-5
        # Fresh heads give small means: also hold every component to a relative bound.
        assert np.all(difference <= 1e-4 * np.abs(np.asarray(theirs)) + 1e-7)
    # The tasks really differ (one-hot and heads), so a task mix-up could not pass unnoticed.
    per_task = mean.reshape(len(observations), policy.task_count, -1)
    assert not np.allclose(per_task[:, 0], per_task[:, 1])


def test_single_and_batched_observations_agree(train_checkpoint):
    policy = drats.load_policy(train_checkpoint("mt10-relu-state-dependent"))
    rng = np.random.default_rng(3)
    observations = rng.normal(size=(6, 39)).astype(np.float32)
    batch = policy.act(observations, "push-v3")
    assert batch.shape == (6, 4) and batch.dtype == np.float32
    for observation, action in zip(observations, batch):
        single = policy.act(observation, 1)
        assert single.shape == (4,)
        np.testing.assert_allclose(single, action, rtol=0, atol=1e-6)
    values = policy.value(observations, [0, 1, 0, 1, 0, 1])
    assert values.shape == (6,)
    sample = policy.act(observations, 0, deterministic=False, rng=np.random.default_rng(1))
    again = policy.act(observations, 0, deterministic=False, rng=np.random.default_rng(1))
    assert np.array_equal(sample, again) and not np.allclose(sample, policy.act(observations, 0))
    with pytest.raises(ValueError, match="needs rng="):
        policy.act(observations, 0, deterministic=False)


def test_bad_observations_and_tasks_are_refused(train_checkpoint):
    policy = drats.load_policy(train_checkpoint("mt10-relu-state-dependent"))
    with pytest.raises(ValueError, match=r"observation has shape \(49,\); this policy takes \(39,\) or \(N, 39\)"):
        policy.act(np.zeros(49), 0)
    with pytest.raises(ValueError, match="non-finite"):
        policy.act(np.full(39, np.inf), 0)
    with pytest.raises(ValueError, match="2 tasks for 3 observation"):
        policy.act(np.zeros((3, 39)), [0, 1])
    with pytest.raises(drats.CheckpointError, match="unknown task 'door-open-v3'; give an index 0..1 or one of: reach-v3, push-v3"):
        policy.act(np.zeros(39), "door-open-v3")
    with pytest.raises(drats.CheckpointError, match="task index 2 is out of range"):
        policy.act(np.zeros(39), 2)
    with pytest.raises(drats.CheckpointError, match="neither an integer index nor a name"):
        policy.act(np.zeros(39), True)


def test_edited_checkpoints_are_refused(train_checkpoint, tmp_path):
    from safetensors import safe_open

    source = train_checkpoint("mt10-relu-state-dependent")
    with safe_open(str(source), framework="np") as handle:
        metadata = handle.metadata()
        tensors = {name: handle.get_tensor(name) for name in handle.keys()}
    corrupt = tmp_path / "corrupt.safetensors"
    data = bytearray(source.read_bytes())
    data[-5] ^= 0x01
    corrupt.write_bytes(bytes(data))
    with pytest.raises(drats.CheckpointError, match="is corrupt: checksum mismatch"):
        drats.load_policy(corrupt)

    # Rewritten without a tensor (and so without a valid checksum).
    edited = tmp_path / "edited.safetensors"
    save_file({k: v for k, v in tensors.items() if k != "actor.heads.1.weight"}, str(edited), metadata=metadata)
    with pytest.raises(drats.CheckpointError, match="checksum mismatch"):
        drats.load_policy(edited)
    with pytest.raises(drats.CheckpointError, match="tensor 'actor.heads.1.weight' is missing"):
        drats.load_policy(edited, verify_checksum=False)
    save_file({**tensors, "critic.trunk.0.bias": np.zeros(3, dtype=np.float32)}, str(edited), metadata=metadata)
    with pytest.raises(drats.CheckpointError, match=r"tensor 'critic.trunk.0.bias' has shape \[3\]; the config needs \[16\]"):
        drats.load_policy(edited, verify_checksum=False)
    save_file(tensors, str(edited), metadata={**metadata, "format_version": "7"})
    with pytest.raises(drats.CheckpointError, match="format version '7' is not supported"):
        drats.load_policy(edited, verify_checksum=False)


def test_dratsd_policy_answers_bad_lines_and_keeps_serving(dratsd_path, train_checkpoint):
    checkpoint = train_checkpoint("mt10-relu-state-dependent")
    good = {"observation": [0.0] * 39, "task": "reach-v3"}
    answers = policy_answers(dratsd_path, checkpoint, [
        good, "{not json", {"observation": [0.0] * 49, "task": 0}, {"observation": [0.0] * 39, "task": "pick-place-v3"},
        {"observation": [0.0] * 39}, good])
    assert answers[1]["error"].startswith("not valid JSON")
    assert answers[2]["error"] == "observation has 49 values; this policy takes 39 (the task's observation without the one-hot task id)"
    assert answers[3]["error"] == "unknown task 'pick-place-v3'; give an index 0..<2 or one of: reach-v3, push-v3"
    assert answers[4]["error"].startswith("missing \"task\"")
    assert answers[0] == answers[5] and set(answers[0]) == {"action", "mean", "log_std", "value"}


def test_dratsd_policy_samples_reproducibly_with_a_seed(dratsd_path, train_checkpoint):
    checkpoint = train_checkpoint("mt10-tanh-state-independent")
    requests = [{"observation": [0.1 * i] * 39, "task": i % 2} for i in range(20)]
    first = policy_answers(dratsd_path, checkpoint, requests, ["--sample-seed", "9"])
    again = policy_answers(dratsd_path, checkpoint, requests, ["--sample-seed", "9"])
    other = policy_answers(dratsd_path, checkpoint, requests, ["--sample-seed", "10"])
    assert first == again and first != other
    policy = drats.load_policy(checkpoint)
    for request, answer in zip(requests, first):
        mean = policy.act(request["observation"], request["task"])
        np.testing.assert_allclose(answer["mean"], mean, rtol=0, atol=1e-5)
        assert not np.allclose(answer["action"], answer["mean"])


def test_a_loaded_policy_drives_the_gymnasium_env_reproducibly(dratsd_path, train_checkpoint):
    import gymnasium

    policy = drats.load_policy(train_checkpoint("mt10-relu-state-dependent"))

    def rollout():
        env = gymnasium.make("drats/push-v3", dratsd_path=dratsd_path)
        try:
            assert env.observation_space.shape == (policy.observation_size,)
            assert env.action_space.shape == (policy.action_size,)
            obs, _ = env.reset(seed=4)
            trajectory = [obs]
            for _ in range(25):
                obs, reward, terminated, truncated, info = env.step(policy.act(obs, "push-v3"))
                assert np.isfinite(reward) and not terminated and not truncated
                trajectory.append(obs)
            return np.array(trajectory)
        finally:
            env.close()

    first, second = rollout(), rollout()
    assert np.array_equal(first, second)
    assert not np.allclose(first[0], first[-1])  # the policy's actions moved the arm
