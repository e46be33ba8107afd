"""`DratsVectorEnv`: several tasks, one dratsd process each, stepped at the same time."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np
from gymnasium import spaces as gym_spaces
from gymnasium.vector import AutoresetMode, VectorEnv
from gymnasium.vector.utils import batch_space

from .env import DratsEnv
from .tasks import MT10_TASKS


class DratsVectorEnv(VectorEnv):
    """One sub-environment per task. Every step sends all requests before reading any answer,
    so the dratsd processes simulate in parallel (a `SyncVectorEnv` waits for each in turn).

    Behaves like `SyncVectorEnv` over the same `DratsEnv`s with next-step autoreset: the step
    after an episode ends only resets that task (reward 0). With `one_hot` each observation
    ends with the task's 10-d MT10 id (49-d), as MetaWorld's `use_one_hot=True`.
    """

    metadata = {"render_modes": [], "autoreset_mode": AutoresetMode.NEXT_STEP}

    def __init__(self, envs: Sequence[DratsEnv], one_hot: bool = True):
        if not envs:
            raise ValueError("envs is empty; give at least one DratsEnv")
        self.envs = list(envs)
        self.tasks = [env.task for env in self.envs]
        self.num_envs = len(self.envs)
        self.one_hot = one_hot
        inner = self.envs[0].observation_space
        if one_hot:
            self._task_ids = np.zeros((self.num_envs, len(MT10_TASKS)))
            for i, task in enumerate(self.tasks):
                if task not in MT10_TASKS:
                    raise ValueError(f"task {task!r} has no MT10 id; MT10 tasks: {', '.join(MT10_TASKS)}")
                self._task_ids[i, MT10_TASKS.index(task)] = 1.0
            single = gym_spaces.Box(
                low=np.concatenate([inner.low, np.zeros(len(MT10_TASKS))]),
                high=np.concatenate([inner.high, np.ones(len(MT10_TASKS))]),
                dtype=np.float64,
            )
        else:
            single = inner
        self.single_observation_space = single
        self.single_action_space = self.envs[0].action_space
        self.observation_space = batch_space(single, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self._observations = np.zeros((self.num_envs, inner.shape[0]), dtype=np.float64)
        self._rewards = np.zeros(self.num_envs, dtype=np.float64)
        self._terminations = np.zeros(self.num_envs, dtype=np.bool_)
        self._truncations = np.zeros(self.num_envs, dtype=np.bool_)
        self._autoreset = np.zeros(self.num_envs, dtype=np.bool_)

    def reset(
        self,
        *,
        seed: Union[int, Sequence[Optional[int]], None] = None,
        options: Optional[Dict[str, Any]] = None,
    ):
        """Resets every task; an int seed s seeds task i with s + i (as SyncVectorEnv does)."""
        if seed is None:
            seeds: List[Optional[int]] = [None] * self.num_envs
        elif isinstance(seed, (int, np.integer)):
            seeds = [int(seed) + i for i in range(self.num_envs)]
        else:
            seeds = list(seed)
            if len(seeds) != self.num_envs:
                raise ValueError(f"{len(seeds)} seeds given for {self.num_envs} environments; give one per task")
        if options and "reset_mask" in options:
            raise ValueError("reset_mask is not supported; reset every task, or use SyncVectorEnv")
        receivers = []
        try:
            for env, single_seed in zip(self.envs, seeds):
                env.send_reset(seed=single_seed, options=options)
                receivers.append(env.receive_reset)
        except Exception:
            self._drain(receivers)
            raise
        infos: Dict[str, Any] = {}
        results = self._receive_all(receivers)
        for i, (observation, info) in enumerate(results):
            self._observations[i] = observation
            infos = self._add_info(infos, info, i)
        self._terminations[:] = False
        self._truncations[:] = False
        self._autoreset[:] = False
        return self._batched_observations(), infos

    def step(self, actions):
        """Steps every task at once (or resets those whose episode ended on the last step)."""
        actions = np.asarray(actions)
        if actions.shape != (self.num_envs, 4):
            raise ValueError(f"actions have shape {actions.shape}; expected ({self.num_envs}, 4), one row per task")
        # Check every action before sending any, so that a bad one leaves no request unanswered.
        for env, action, resets in zip(self.envs, actions, self._autoreset):
            if not resets and not np.all(np.isfinite(action)):
                raise ValueError(f"action {action.tolist()} for {env.task} has a non-finite value")
        receivers = []
        try:
            for env, action, resets in zip(self.envs, actions, self._autoreset):
                if resets:
                    env.send_reset()
                    receivers.append(env.receive_reset)
                else:
                    env.send_step(action)
                    receivers.append(env.receive_step)
        except Exception:
            self._drain(receivers)
            raise
        infos: Dict[str, Any] = {}
        for i, result in enumerate(self._receive_all(receivers)):
            if self._autoreset[i]:
                self._observations[i], info = result
                self._rewards[i] = 0.0
                self._terminations[i] = False
                self._truncations[i] = False
            else:
                self._observations[i], self._rewards[i], self._terminations[i], self._truncations[i], info = result
            infos = self._add_info(infos, info, i)
        self._autoreset = np.logical_or(self._terminations, self._truncations)
        return (
            self._batched_observations(),
            self._rewards.copy(),
            self._terminations.copy(),
            self._truncations.copy(),
            infos,
        )

    def close_extras(self, **kwargs: Any) -> None:
        for env in self.envs:
            env.close()

    def _receive_all(self, receivers):
        """Every answer, even when one fails, so that no process is left owing one; then the
        first failure is raised."""
        results, failure = [], None
        for receive in receivers:
            try:
                results.append(receive())
            except Exception as error:  # noqa: BLE001 - re-raised below, after the others
                results.append(None)
                failure = failure or error
        if failure is not None:
            raise failure
        return results

    @staticmethod
    def _drain(receivers) -> None:
        """Collects and drops the answers already asked for, before an error is raised."""
        for receive in receivers:
            try:
                receive()
            except Exception:  # noqa: BLE001 - the error being raised matters more
                pass

    def _batched_observations(self) -> np.ndarray:
        if self.one_hot:
            return np.concatenate([self._observations, self._task_ids], axis=1)
        return self._observations.copy()
