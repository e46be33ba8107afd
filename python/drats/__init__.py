"""drats from Python: the MetaWorld tasks simulated by `dratsd env` (MT10's and the MT50 families
built so far, `SIMULATED_TASKS`), as gymnasium environments, and checkpoints' policies in numpy
(`load_policy`, needs the optional `safetensors` package).

Importing the package registers `drats/<task>` for each of `SIMULATED_TASKS` with gymnasium;
`gymnasium.make` of a task this dratsd build does not simulate raises `TaskNotServedError`.

MetaWorld's API: `drats.MT10(seed)` (`train_classes`, `train_tasks`, `env.set_task(task)`),
`drats.MT1(name, seed)`, `gymnasium.make_vec("drats/MT10", vector_strategy=..., seed=...,
use_one_hot=..., terminate_on_success=..., max_episode_steps=...)` and
`gymnasium.make("drats/MT1", env_name=...)`, as MetaWorld 3.x's `Meta-World/...` ids.
"""

import gymnasium

from .binary import DRATSD_ENV_VAR, find_dratsd, served_tasks
from .checkpoint import CheckpointError, Policy, load_policy
from .env import DratsEnv
from .metaworld import MT1, MT10, MT50, Benchmark, MetaWorldEnv, Task, make_mt_envs
from .errors import DratsdExitedError, DratsdNotFoundError, DratsdRequestError, DratsError, TaskNotServedError
from .tasks import MAX_EPISODE_STEPS, MT10_TASKS, MT50_TASKS, SIMULATED_TASKS
from .vector import OneHotTaskId, make_mt10_vector_env
from .vector_env import DratsVectorEnv

__all__ = [
    "Benchmark",
    "MT1",
    "MT10",
    "MT50",
    "MetaWorldEnv",
    "Task",
    "make_mt_envs",
    "CheckpointError",
    "DRATSD_ENV_VAR",
    "DratsEnv",
    "DratsVectorEnv",
    "DratsError",
    "DratsdExitedError",
    "DratsdNotFoundError",
    "DratsdRequestError",
    "MAX_EPISODE_STEPS",
    "MT10_TASKS",
    "MT50_TASKS",
    "SIMULATED_TASKS",
    "OneHotTaskId",
    "Policy",
    "TaskNotServedError",
    "env_id",
    "find_dratsd",
    "load_policy",
    "make_mt10_vector_env",
    "served_tasks",
]


def env_id(task: str) -> str:
    """The gymnasium id of a task, e.g. "drats/reach-v3"."""
    return f"drats/{task}"


for _task in SIMULATED_TASKS:
    if env_id(_task) not in gymnasium.registry:
        gymnasium.register(
            id=env_id(_task),
            entry_point="drats.env:DratsEnv",
            kwargs={"task": _task},
            max_episode_steps=MAX_EPISODE_STEPS,
        )

if "drats/MT10" not in gymnasium.registry:
    gymnasium.register(
        id="drats/MT10",
        entry_point="drats.metaworld:_mt10_single_entry_point",
        vector_entry_point="drats.metaworld:_mt10_vector_entry_point",
        kwargs={},
    )
if "drats/MT1" not in gymnasium.registry:
    gymnasium.register(id="drats/MT1", entry_point="drats.metaworld:_mt1_entry_point", kwargs={})
