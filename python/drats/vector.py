"""Several tasks at once: MetaWorld's one-hot task id wrapper and an MT10 vector factory."""

from __future__ import annotations

from typing import Optional, Sequence, Union

import gymnasium
import numpy as np
from gymnasium.vector import SyncVectorEnv

from .env import DratsEnv
from .tasks import MT10_TASKS
from .vector_env import DratsVectorEnv


class OneHotTaskId(gymnasium.ObservationWrapper):
    """Appends the task's one-hot MT10 id (10 values) to the observation: 39-d becomes 49-d,
    as MetaWorld's OneHotWrapper does for `Meta-World/MT10` with use_one_hot=True."""

    def __init__(self, env: gymnasium.Env, task: str):
        super().__init__(env)
        if task not in MT10_TASKS:
            raise ValueError(f"task {task!r} has no MT10 id; MT10 tasks: {', '.join(MT10_TASKS)}")
        self.task_id = MT10_TASKS.index(task)
        self._one_hot = np.zeros(len(MT10_TASKS), dtype=np.float64)
        self._one_hot[self.task_id] = 1.0
        inner = env.observation_space
        self.observation_space = gymnasium.spaces.Box(
            low=np.concatenate([inner.low, np.zeros(len(MT10_TASKS))]),
            high=np.concatenate([inner.high, np.ones(len(MT10_TASKS))]),
            dtype=np.float64,
        )

    def observation(self, observation: np.ndarray) -> np.ndarray:
        return np.concatenate([observation, self._one_hot])


def make_mt10_vector_env(
    tasks: Sequence[str] = MT10_TASKS,
    suite_seed: int = 0,
    layout_mode: str = "suite",
    one_hot: bool = True,
    dratsd_path: Optional[str] = None,
    timeout_seconds: Optional[float] = 60.0,
    pipelined: bool = True,
) -> Union[DratsVectorEnv, SyncVectorEnv]:
    """A vector env with one sub-environment (and one dratsd process) per task, in order.

    With `one_hot` every observation carries its task's MT10 id (49-d). Episodes end by the
    binary's truncation after 500 steps; the vector env then resets that task on its next step.
    `pipelined` gives a `DratsVectorEnv` (all processes simulate at once), otherwise a
    gymnasium `SyncVectorEnv` of `OneHotTaskId`-wrapped envs; both give the same numbers.
    Pass `tasks=drats.served_tasks()` to use whatever this dratsd build simulates.
    """
    tasks = list(tasks)
    if not tasks:
        raise ValueError("tasks is empty; name at least one task, e.g. tasks=['reach-v3']")
    if len(set(tasks)) != len(tasks):
        raise ValueError(f"tasks {tasks} repeat a name; each task appears once")
    # Build every environment first so that an unserved task fails before any vector is made.
    environments = []
    try:
        for task in tasks:
            env = DratsEnv(
                task, suite_seed=suite_seed, layout_mode=layout_mode, dratsd_path=dratsd_path,
                timeout_seconds=timeout_seconds,
            )
            environments.append(env)
        if pipelined:
            return DratsVectorEnv(environments, one_hot=one_hot)
        wrapped = [OneHotTaskId(env, env.task) if one_hot else env for env in environments]
        return SyncVectorEnv([lambda env=env: env for env in wrapped])
    except BaseException:
        for env in environments:
            env.close()
        raise
