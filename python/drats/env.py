"""`DratsEnv`: one drats task as a `gymnasium.Env`, simulated by a `dratsd env` subprocess."""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

import gymnasium
import numpy as np

from . import spaces
from .binary import find_dratsd, served_tasks
from .errors import TaskNotServedError
from .process import DratsdProcess, decode_numbers
from .tasks import MT10_TASKS

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
        if layout_mode not in LAYOUT_MODES:
            raise ValueError(f"layout_mode {layout_mode!r} is not one of {', '.join(LAYOUT_MODES)}")
        if isinstance(suite_seed, bool) or not isinstance(suite_seed, (int, np.integer)) or not 0 <= suite_seed < 2**64:
            raise ValueError(f"suite_seed {suite_seed!r} must be an integer in [0, 2**64)")
        path = find_dratsd(dratsd_path)
        served = served_tasks(path)
        if task not in served:
            known = "an MT10 task dratsd does not simulate yet" if task in MT10_TASKS else "not an MT10 task"
            raise TaskNotServedError(
                f"task {task!r} is {known}; {path} serves: {', '.join(served)} "
                f"(MT10: {', '.join(MT10_TASKS)})"
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
        """Starts an episode. options: {"layout": k} picks suite layout k (suite mode only)."""
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
        layout = options.pop("layout", None)
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

    def _layout_seed(self, layout) -> int:
        if self.layout_mode != "suite":
            raise ValueError("the 'layout' reset option needs layout_mode='suite'")
        if isinstance(layout, bool) or not isinstance(layout, (int, np.integer)) or not 0 <= layout < _LAYOUTS_PER_SUITE:
            raise ValueError(f"layout {layout!r} must be an integer in 0..{_LAYOUTS_PER_SUITE - 1}")
        # In suite mode the binary resets to layout seed % 50.
        return int(layout)

    def __repr__(self) -> str:
        return f"DratsEnv(task={self.task!r}, suite_seed={self.suite_seed}, layout_mode={self.layout_mode!r})"
