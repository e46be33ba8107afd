"""`DratsEnv`: one drats task as a `gymnasium.Env`, simulated by a `dratsd env` subprocess."""

from __future__ import annotations

import io
import pickle
from typing import Any, Dict, Optional, Tuple

import gymnasium
import numpy as np

from . import spaces
from .binary import find_dratsd, served_tasks
from .errors import TaskNotServedError
from .process import DratsdProcess, decode_numbers
from .tasks import MT50_TASKS

LAYOUT_MODES = ("suite", "random")
_LAYOUTS_PER_SUITE = 50
# Seeds handed to the binary are drawn below 2**63 so they fit every JSON reader.
_SEED_LIMIT = 2**63


class DratsEnv(gymnasium.Env):
    """A MetaWorld-style task (e.g. "reach-v3") simulated by dratsd on the Open Dynamics Engine.

    `suite_seed` fixes the task's 50 layouts (MetaWorld's "tasks"); `layout_mode` "suite" resets
    to one of them (MetaWorld's behaviour), "random" draws a fresh layout on every reset. The
    binary is `dratsd_path`, else $DRATSD, else `dratsd` on PATH. A request the binary leaves
    unanswered for `timeout_seconds` (None: no limit) kills it and raises `DratsdExitedError`.

    `set_task(task)` (MetaWorld's) fixes the layout of every later reset to the task's, as
    MetaWorld freezes its rand_vec; see `drats.MT10`.
    """

    metadata = {"render_modes": []}

    def __init__(
        self,
        task: str,
        suite_seed: int = 0,
        layout_mode: str = "suite",
        dratsd_path: Optional[str] = None,
        timeout_seconds: Optional[float] = 60.0,
    ):
        super().__init__()
        self._task_layout: Optional[int] = None
        if layout_mode not in LAYOUT_MODES:
            raise ValueError(f"layout_mode {layout_mode!r} is not one of {', '.join(LAYOUT_MODES)}")
        if isinstance(suite_seed, bool) or not isinstance(suite_seed, (int, np.integer)) or not 0 <= suite_seed < 2**64:
            raise ValueError(f"suite_seed {suite_seed!r} must be an integer in [0, 2**64)")
        path = find_dratsd(dratsd_path)
        served = served_tasks(path)
        if task not in served:
            known = "a MetaWorld task dratsd does not simulate yet" if task in MT50_TASKS else "not a MetaWorld MT50 task"
            raise TaskNotServedError(
                f"task {task!r} is {known}; {path} serves: {', '.join(served)}"
            )
        self.task = task
        self.suite_seed = int(suite_seed)
        self.layout_mode = layout_mode
        self.dratsd_path = path
        self.observation_space = spaces.observation_space()
        self.action_space = spaces.action_space()
        self._process = DratsdProcess(path, task, self.suite_seed, layout_mode, timeout_seconds)

    def reset(
        self, *, seed: Optional[int] = None, options: Optional[Dict[str, Any]] = None
    ) -> Tuple[np.ndarray, Dict[str, Any]]:
        """Starts an episode. options: {"layout": k} picks suite layout k (suite mode only);
        without it, the layout of the task given to `set_task`, if any."""
        self.send_reset(seed=seed, options=options)
        return self.receive_reset()

    def step(self, action) -> Tuple[np.ndarray, float, bool, bool, Dict[str, Any]]:
        """One control step (5 physics steps of 2.5 ms). terminated is always False (MetaWorld)."""
        self.send_step(action)
        return self.receive_step()

    # Two-phase forms of reset and step: `DratsVectorEnv` sends to every process before it
    # receives from any, so the processes simulate at the same time.

    def send_reset(self, *, seed: Optional[int] = None, options: Optional[Dict[str, Any]] = None) -> None:
        """Checks the arguments and sends the reset request; `receive_reset` returns its result."""
        options = dict(options or {})
        layout = options.pop("layout", self._task_layout)
        if options:
            raise ValueError(f"unknown reset options {sorted(options)}; the only option is 'layout'")
        layout_seed = None if layout is None else self._layout_seed(layout)
        super().reset(seed=seed)
        if layout_seed is not None:
            binary_seed = layout_seed
        else:
            # Drawn from the gymnasium generator, so reset(seed=s) followed by unseeded resets
            # replays the same layouts.
            binary_seed = int(self.np_random.integers(_SEED_LIMIT))
        self._process.send({"op": "reset", "seed": binary_seed})

    def receive_reset(self) -> Tuple[np.ndarray, Dict[str, Any]]:
        """The answer to `send_reset`: (observation, {"task", "layout"})."""
        reply = self._process.receive()
        observation = np.array(decode_numbers(reply["obs"]), dtype=np.float64)
        return observation, {"task": reply.get("task", self.task), "layout": reply.get("layout")}

    def send_step(self, action) -> None:
        """Checks the action (shape (4,), finite) and sends it; `receive_step` returns the result."""
        values = np.asarray(action, dtype=np.float64)
        if values.shape != (spaces.ACTION_SIZE,):
            raise ValueError(
                f"action has shape {values.shape}; expected ({spaces.ACTION_SIZE},): dx, dy, dz, gripper"
            )
        if not np.all(np.isfinite(values)):
            raise ValueError(f"action {values.tolist()} has a non-finite value; every value must be finite")
        self._process.send({"op": "step", "action": values.tolist()})

    def receive_step(self) -> Tuple[np.ndarray, float, bool, bool, Dict[str, Any]]:
        """The answer to `send_step`: (observation, reward, False, truncated, info)."""
        reply = self._process.receive()
        observation = np.array(decode_numbers(reply["obs"]), dtype=np.float64)
        reward = reply["reward"]
        info = dict(reply.get("info", {}))
        info["success"] = bool(reply["success"])
        return (
            observation,
            float("nan") if reward is None else float(reward),
            False,
            bool(reply["truncated"]),
            info,
        )

    def close(self) -> None:
        """Ends the dratsd subprocess; safe to call more than once."""
        process = getattr(self, "_process", None)
        if process is not None:
            process.close()
        super().close()

    # MetaWorld's task interface.

    def set_task(self, task) -> None:
        """MetaWorld's `env.set_task(task)`: every later reset plays the task's layout.

        `task` is a `drats.Task` of this environment's task (from `drats.MT10(seed).train_tasks`):
        its data names a suite seed and one of that suite's 50 layouts. A suite seed other than
        this environment's restarts the dratsd process with it. A task of another environment,
        or MetaWorld's own task objects (MuJoCo rand_vecs drats cannot place), raise ValueError.
        """
        env_name = getattr(task, "env_name", None)
        data = getattr(task, "data", None)
        if not isinstance(env_name, str) or not isinstance(data, bytes):
            raise TypeError(
                f"set_task expects a task with env_name and data (from drats.MT10(...).train_tasks), got {task!r}"
            )
        if env_name != self.task:
            raise ValueError(
                f"the task is one of {env_name!r}, but this environment simulates {self.task!r}; "
                f"pick a task with task.env_name == {self.task!r}"
            )
        if self.layout_mode != "suite":
            raise ValueError("set_task needs layout_mode='suite': tasks are layouts of the suite")
        suite_seed, layout = decode_task_data(data)
        if suite_seed != self.suite_seed:
            timeout = self._process.timeout_seconds
            self._process.close()
            self._process = DratsdProcess(self.dratsd_path, self.task, suite_seed, self.layout_mode, timeout)
            self.suite_seed = suite_seed
        self._task_layout = layout

    @property
    def task_layout(self) -> Optional[int]:
        """The suite layout that `set_task` fixed (None: each reset picks one of the 50)."""
        return self._task_layout

    def _layout_seed(self, layout) -> int:
        if self.layout_mode != "suite":
            raise ValueError("the 'layout' reset option needs layout_mode='suite'")
        if isinstance(layout, bool) or not isinstance(layout, (int, np.integer)) or not 0 <= layout < _LAYOUTS_PER_SUITE:
            raise ValueError(f"layout {layout!r} must be an integer in 0..{_LAYOUTS_PER_SUITE - 1}")
        # In suite mode the binary resets to layout seed % 50.
        return int(layout)

    def __repr__(self) -> str:
        return f"DratsEnv(task={self.task!r}, suite_seed={self.suite_seed}, layout_mode={self.layout_mode!r})"


_TASK_DATA_KEYS = {"suite_seed", "layout", "partially_observable"}


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles only plain values: a task's data must never run code or import modules."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(
            f"it refers to {module}.{name}; a drats task's data holds plain numbers only "
            "(MetaWorld's own tasks carry MuJoCo rand_vecs, which drats cannot place: use "
            "drats.MT10(seed=...).train_tasks)"
        )


def encode_task_data(suite_seed: int, layout: int) -> bytes:
    """A task's data: the pickled dict {"suite_seed", "layout", "partially_observable": False}."""
    return pickle.dumps({"suite_seed": int(suite_seed), "layout": int(layout), "partially_observable": False})


def decode_task_data(data: bytes) -> Tuple[int, int]:
    """(suite seed, layout) of a task's data; ValueError names what is wrong."""
    try:
        values = _PlainUnpickler(io.BytesIO(data)).load()
    except Exception as error:  # noqa: BLE001 - any failure means "not a drats task"
        raise ValueError(f"the task's data is not a drats layout: {error}") from None
    if not isinstance(values, dict) or set(values) != _TASK_DATA_KEYS:
        raise ValueError(
            f"the task's data is not a drats layout: expected the keys {sorted(_TASK_DATA_KEYS)}, "
            f"got {sorted(values) if isinstance(values, dict) else type(values).__name__}"
        )
    suite_seed, layout = values["suite_seed"], values["layout"]
    if isinstance(suite_seed, bool) or not isinstance(suite_seed, int) or not 0 <= suite_seed < 2**64:
        raise ValueError(f"the task's suite_seed {suite_seed!r} must be an integer in [0, 2**64)")
    if isinstance(layout, bool) or not isinstance(layout, int) or not 0 <= layout < _LAYOUTS_PER_SUITE:
        raise ValueError(f"the task's layout {layout!r} must be an integer in 0..{_LAYOUTS_PER_SUITE - 1}")
    if values["partially_observable"] is not False:
        raise ValueError(
            "the task asks for a partially observable (goal-hidden, ML) environment; drats "
            "observations always include the goal (MT benchmarks)"
        )
    return suite_seed, layout
