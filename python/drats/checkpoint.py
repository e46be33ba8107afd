"""A drats checkpoint's policy in numpy: `load_policy(path).act(observation, task)`.

Reads agent checkpoints (`PPOAgent.writeCheckpoint`) and run checkpoints (a run's
`checkpoints/*.safetensors`: the same tensors and metadata plus the trainer's, of which only
`task_names` is used) with the `safetensors` package, verifies the file's `drats.checksum`, and
rebuilds the actor and critic forward passes:

    x = [observation, one-hot task id]
    h = activation(h @ W.T + b) for every trunk layer    (actor.trunk.<i>.*, critic.trunk.<i>.*)
    out = h @ W.T + b with the task's head               (actor.heads.<head>.*, critic.heads.<head>.*)
    mean = out[:A]; log_std = clip(out[A:2A], -5, 2)     (stateDependent)
                    log_std = actor.log_std[head]        (stateIndependent)

Weights are stored [output, input] as in PyTorch, every tensor float32.
"""

from __future__ import annotations

import json
import os
from typing import Dict, Optional, Sequence, Tuple, Union

import numpy as np

from .errors import DratsError

FORMAT = "drats-ppo"
"""Metadata `format` of every drats agent and run checkpoint."""
FORMAT_VERSION = "1"
"""The checkpoint format version this loader reads."""
MIN_LOG_STD = -5.0
MAX_LOG_STD = 2.0
"""Bounds of a state-dependent log standard deviation (as `GaussianPolicy` clamps it)."""

_CHECKSUM_KEY = b'"drats.checksum"'
_CHECKSUM_PREFIX = b"crc32c:"


class CheckpointError(DratsError, ValueError):
    """The file is missing, unreadable, corrupt, not a drats checkpoint, or inconsistent."""


Task = Union[int, str, np.integer]


class Policy:
    """The actor (and critic) of a checkpoint, as numpy arrays.

    `observation_size` is the task's own observation (39 on MetaWorld), without the one-hot
    task id, which `act` appends. `task_names` lists the run's tasks when the checkpoint
    carries them (run checkpoints), else it is None and tasks are given by index.
    """

    def __init__(self, path: str, metadata: Dict[str, str], tensors: Dict[str, np.ndarray]):
        self.path = path
        self.metadata = dict(metadata)
        config = _metadata_json(path, metadata, "config", dict)
        self.config = config
        self.hidden_sizes = tuple(int(v) for v in config.get("hiddenSizes", (400, 400, 400)))
        self.log_std_mode = config.get("logStdMode", "stateDependent")
        self.activation = config.get("activation", "relu")
        if self.log_std_mode not in ("stateDependent", "stateIndependent"):
            raise CheckpointError(f"checkpoint {path}: config logStdMode '{self.log_std_mode}' is unknown; "
                                  "this loader reads stateDependent and stateIndependent")
        if self.activation not in ("relu", "tanh"):
            raise CheckpointError(f"checkpoint {path}: config activation '{self.activation}' is unknown; "
                                  "this loader reads relu and tanh")
        self.network_input_size = _metadata_int(path, metadata, "observation_size")
        self.action_size = _metadata_int(path, metadata, "action_size")
        self.head_count = _metadata_int(path, metadata, "task_count")
        names = None
        if "task_names" in metadata:
            names = _metadata_json(path, metadata, "task_names", list)
            if not names or not all(isinstance(n, str) for n in names):
                raise CheckpointError(f"checkpoint {path}: metadata 'task_names' is not a non-empty JSON array of strings")
            if len(names) != self.head_count and self.head_count != 1:
                raise CheckpointError(f"checkpoint {path}: metadata 'task_names' lists {len(names)} tasks "
                                      f"but the policy has {self.head_count} heads")
        self.task_names = tuple(names) if names is not None else None
        self.task_count = len(names) if names is not None else self.head_count
        if self.network_input_size < self.task_count:
            raise CheckpointError(f"checkpoint {path}: metadata 'observation_size' is {self.network_input_size}, smaller "
                                  f"than the {self.task_count}-value one-hot task id it must end with")
        self.observation_size = self.network_input_size - self.task_count

        def tensor(name: str, shape: Tuple[int, ...]) -> np.ndarray:
            if name not in tensors:
                raise CheckpointError(f"checkpoint {path}: tensor '{name}' is missing; the checkpoint does not "
                                      "match its own config")
            value = tensors[name]
            if value.dtype != np.float32:
                raise CheckpointError(f"checkpoint {path}: tensor '{name}' is {value.dtype}; policy tensors are float32")
            if tuple(value.shape) != shape:
                raise CheckpointError(f"checkpoint {path}: tensor '{name}' has shape {list(value.shape)}; "
                                      f"the config needs {list(shape)}")
            if not np.all(np.isfinite(value)):
                raise CheckpointError(f"checkpoint {path}: tensor '{name}' holds non-finite values")
            return value

        def network(prefix: str, output_size: int):
            trunk, width = [], self.network_input_size
            for index, size in enumerate(self.hidden_sizes):
                trunk.append((tensor(f"{prefix}.trunk.{index}.weight", (size, width)),
                              tensor(f"{prefix}.trunk.{index}.bias", (size,))))
                width = size
            heads = [(tensor(f"{prefix}.heads.{h}.weight", (output_size, width)),
                      tensor(f"{prefix}.heads.{h}.bias", (output_size,))) for h in range(self.head_count)]
            return trunk, heads

        state_dependent = self.log_std_mode == "stateDependent"
        self._actor_trunk, self._actor_heads = network("actor", 2 * self.action_size if state_dependent else self.action_size)
        self._critic_trunk, self._critic_heads = network("critic", 1)
        self._log_std = None if state_dependent else tensor("actor.log_std", (self.head_count, self.action_size))

    def __repr__(self) -> str:
        tasks = list(self.task_names) if self.task_names is not None else self.task_count
        return (f"Policy({self.path!r}, observation_size={self.observation_size}, action_size={self.action_size}, "
                f"tasks={tasks}, hidden_sizes={list(self.hidden_sizes)}, activation={self.activation!r}, "
                f"log_std_mode={self.log_std_mode!r})")

    def task_index(self, task: Task) -> int:
        """The index of `task`, given as an index or (run checkpoints) a name."""
        if isinstance(task, str):
            if self.task_names is None or task not in self.task_names:
                raise CheckpointError(f"unknown task {task!r}; give {self._valid_tasks()}")
            return self.task_names.index(task)
        if isinstance(task, (bool, np.bool_)) or not isinstance(task, (int, np.integer)):
            raise CheckpointError(f"task {task!r} is neither an integer index nor a name; give {self._valid_tasks()}")
        if not 0 <= int(task) < self.task_count:
            raise CheckpointError(f"task index {int(task)} is out of range; valid indices are 0..{self.task_count - 1}")
        return int(task)

    def forward(self, observation, task) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(mean, log_std, value) for one observation ([observation_size]) and one task, or a
        batch ([N, observation_size]) with one task or N tasks. float32, batch shape kept."""
        x, tasks, single = self._inputs(observation, task)
        heads = tasks if self.head_count > 1 else np.zeros_like(tasks)
        actor = self._apply(self._actor_trunk, self._actor_heads, x, heads)
        a = self.action_size
        mean = actor[:, :a]
        if self._log_std is None:
            log_std = np.clip(actor[:, a:2 * a], np.float32(MIN_LOG_STD), np.float32(MAX_LOG_STD))
        else:
            log_std = self._log_std[heads]
        value = self._apply(self._critic_trunk, self._critic_heads, x, heads)[:, 0]
        if single:
            return mean[0], log_std[0], value[0]
        return mean, log_std, value

    def act(self, observation, task, deterministic: bool = True, rng: Optional[np.random.Generator] = None) -> np.ndarray:
        """The action for one observation or a batch: the Gaussian mean when `deterministic`
        (what drats evaluates), else mean + exp(log_std) * N(0, 1) drawn from `rng`."""
        mean, log_std, _ = self.forward(observation, task)
        if deterministic:
            return mean
        if rng is None:
            raise ValueError("act(deterministic=False) needs rng=numpy.random.default_rng(seed), so samples are seeded")
        return (mean + np.exp(log_std) * rng.standard_normal(mean.shape)).astype(np.float32)

    def value(self, observation, task):
        """The critic's value estimate for one observation (a float32) or a batch ([N])."""
        return self.forward(observation, task)[2]

    def _valid_tasks(self) -> str:
        if self.task_names is not None:
            return f"an index 0..{self.task_count - 1} or one of: {', '.join(self.task_names)}"
        return f"an index 0..{self.task_count - 1} (this checkpoint carries no task names)"

    def _inputs(self, observation, task):
        obs = np.asarray(observation, dtype=np.float32)
        single = obs.ndim == 1
        if obs.ndim not in (1, 2) or obs.shape[-1] != self.observation_size:
            raise ValueError(f"observation has shape {obs.shape}; this policy takes ({self.observation_size},) or "
                             f"(N, {self.observation_size}): the task's observation without the one-hot task id")
        if not np.all(np.isfinite(obs)):
            raise ValueError("observation holds non-finite values")
        obs = obs.reshape(-1, self.observation_size)
        rows = obs.shape[0]
        if isinstance(task, (str, int, np.integer)):
            tasks = np.full(rows, self.task_index(task), dtype=np.int64)
        else:
            listed = list(task)
            if single or len(listed) != rows:
                raise ValueError(f"{len(listed)} tasks for {rows} observation(s); give one task, or one per row")
            tasks = np.array([self.task_index(t) for t in listed], dtype=np.int64)
        x = np.zeros((rows, self.network_input_size), dtype=np.float32)
        x[:, : self.observation_size] = obs
        x[np.arange(rows), self.observation_size + tasks] = 1
        return x, tasks, single

    def _apply(self, trunk, heads, x, head_ids):
        h = x
        for weight, bias in trunk:
            h = h @ weight.T + bias
            h = np.maximum(h, np.float32(0)) if self.activation == "relu" else np.tanh(h)
        out = np.empty((h.shape[0], heads[0][0].shape[0]), dtype=np.float32)
        for head in np.unique(head_ids):
            rows = head_ids == head
            weight, bias = heads[head]
            out[rows] = h[rows] @ weight.T + bias
        return out


def load_policy(path: Union[str, os.PathLike], verify_checksum: bool = True) -> Policy:
    """Reads the checkpoint at `path` (checksum verified unless `verify_checksum=False`) and
    returns its policy. Raises `CheckpointError` naming what is wrong."""
    try:
        from safetensors import SafetensorError, safe_open
    except ImportError as error:  # the optional dependency
        raise ImportError("loading checkpoints needs the safetensors package: pip install 'drats[checkpoints]' "
                          "(or pip install safetensors)") from error
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise CheckpointError(f"no checkpoint at {path}: give a .safetensors file from a run's checkpoints/ folder")
    if verify_checksum:
        _verify_checksum(path)
    try:
        with safe_open(path, framework="np") as handle:
            metadata = handle.metadata() or {}
            if metadata.get("format") != FORMAT:
                raise CheckpointError(f"{path} is not a drats checkpoint: metadata 'format' is "
                                      f"{metadata.get('format', 'missing')!r}, not {FORMAT!r}")
            if metadata.get("format_version") != FORMAT_VERSION:
                raise CheckpointError(f"checkpoint {path}: format version {metadata.get('format_version', 'missing')!r} "
                                      f"is not supported; this loader reads version {FORMAT_VERSION}")
            # Only the policy's and the critic's tensors: Adam moments and trainer state stay on disk.
            wanted = [k for k in handle.keys() if k.startswith(("actor.", "critic.")) and not k.endswith((".adam_m", ".adam_v"))]
            tensors = {name: handle.get_tensor(name) for name in wanted}
    except (SafetensorError, OSError) as error:
        raise CheckpointError(f"cannot read checkpoint {path}: {error}") from error
    return Policy(path, metadata, tensors)


def _metadata_int(path: str, metadata: Dict[str, str], key: str) -> int:
    text = metadata.get(key)
    if text is None:
        raise CheckpointError(f"checkpoint {path}: metadata '{key}' is missing")
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise CheckpointError(f"checkpoint {path}: metadata '{key}' is {text!r}; it must be an integer of at least 1")
    return value


def _metadata_json(path: str, metadata: Dict[str, str], key: str, kind: type):
    text = metadata.get(key)
    if text is None:
        raise CheckpointError(f"checkpoint {path}: metadata '{key}' is missing")
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, kind):
        raise CheckpointError(f"checkpoint {path}: metadata '{key}' is not a JSON {kind.__name__}")
    return value


def _crc32c_table() -> Sequence[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC32C_TABLE = _crc32c_table()


def _crc32c_register(register: int, data: bytes) -> int:
    """Feeds `data` into a raw (not inverted) CRC-32C register, one byte at a time."""
    table = _CRC32C_TABLE
    for byte in data:
        register = table[(register ^ byte) & 0xFF] ^ (register >> 8)
    return register


def _gf2_apply(matrix: Sequence[int], vector: int) -> int:
    """matrix (32 column words) times vector over GF(2)."""
    result, bit = 0, 0
    while vector:
        if vector & 1:
            result ^= matrix[bit]
        vector >>= 1
        bit += 1
    return result


def _zeros_operator(count: int) -> Sequence[int]:
    """The linear map a CRC register undergoes when `count` zero bytes are fed in."""
    one_byte = [_CRC32C_TABLE[(1 << bit) & 0xFF] ^ ((1 << bit) >> 8) for bit in range(32)]
    result = [1 << bit for bit in range(32)]
    power = one_byte
    while count:
        if count & 1:
            result = [_gf2_apply(power, column) for column in result]
        power = [_gf2_apply(power, column) for column in power]
        count >>= 1
    return result


def crc32c(data: bytes, lanes: int = 4096) -> int:
    """CRC-32C (Castagnoli), the checksum drats embeds in its files.

    Large inputs are cut into `lanes` equal chunks whose raw CRCs numpy computes side by side;
    CRC linearity then chains them (register after chunk i = zeros-operator(register) ^ chunk
    CRC), so an 8 MB checkpoint takes a fraction of a second instead of seconds."""
    data = bytes(data)
    chunk = len(data) // lanes if lanes > 0 else 0
    if chunk < 64:
        return _crc32c_register(0xFFFFFFFF, data) ^ 0xFFFFFFFF
    table = np.array(_CRC32C_TABLE, dtype=np.uint32)
    block = np.frombuffer(data, dtype=np.uint8, count=lanes * chunk).reshape(lanes, chunk)
    registers = np.zeros(lanes, dtype=np.uint32)
    for column in block.T:
        registers = table[(registers ^ column) & 0xFF] ^ (registers >> 8)
    shift = _zeros_operator(chunk)
    register = 0xFFFFFFFF
    for lane_register in registers.tolist():
        register = _gf2_apply(shift, register) ^ lane_register
    return _crc32c_register(register, data[lanes * chunk :]) ^ 0xFFFFFFFF


def _verify_checksum(path: str) -> None:
    """Checks `drats.checksum` (metadata `crc32c:` + 8 hex digits): the CRC-32C of the whole
    file with those 8 digits read as ASCII zeros, as `SafeTensors.write` computes it."""
    with open(path, "rb") as handle:
        data = handle.read()
    if len(data) < 8:
        raise CheckpointError(f"{path} is not a drats checkpoint: {len(data)} bytes, too short for a safetensors file")
    header_length = int.from_bytes(data[:8], "little")
    if header_length > len(data) - 8:
        raise CheckpointError(f"{path} is not a drats checkpoint (or is truncated): its header would need "
                              f"{header_length} bytes but the file has {len(data) - 8} after the length")
    header = data[8 : 8 + header_length]
    key = header.find(_CHECKSUM_KEY)
    if key < 0:
        raise CheckpointError(f"{path} has no drats.checksum metadata: it was not written by drats (or use verify_checksum=False)")
    colon = header.find(b":", key + len(_CHECKSUM_KEY))
    quote = header.find(b'"', colon)
    start = quote + 1
    if colon < 0 or quote < 0 or header[start : start + len(_CHECKSUM_PREFIX)] != _CHECKSUM_PREFIX:
        raise CheckpointError(f"{path}: drats.checksum is not 'crc32c:' followed by 8 hex digits")
    digits = 8 + start + len(_CHECKSUM_PREFIX)
    stored = data[digits : digits + 8].decode("ascii", "replace")
    computed = f"{crc32c(data[:digits] + b'00000000' + data[digits + 8 :]):08x}"
    if stored != computed:
        raise CheckpointError(f"checkpoint {path} is corrupt: checksum mismatch (stored crc32c:{stored}, "
                              f"computed crc32c:{computed}); use the previous checkpoint")
