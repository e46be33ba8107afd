"""drats from Python: the MT10 tasks simulated by `dratsd env`, as gymnasium environments, and
checkpoints' policies in numpy (`load_policy`, needs the optional `safetensors` package).

Importing the package registers `drats/reach-v3` ... `drats/window-close-v3` with gymnasium;
`gymnasium.make` of a task this dratsd build does not simulate raises `TaskNotServedError`.
"""

import gymnasium

from .binary import DRATSD_ENV_VAR, find_dratsd, served_tasks
from .checkpoint import CheckpointError, Policy, load_policy
from .env import DratsEnv
from .errors import DratsdExitedError, DratsdNotFoundError, DratsdRequestError, DratsError, TaskNotServedError
from .tasks import MAX_EPISODE_STEPS, MT10_TASKS
from .vector import OneHotTaskId, make_mt10_vector_env
from .vector_env import DratsVectorEnv

__all__ = [
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


for _task in MT10_TASKS:
    if env_id(_task) not in gymnasium.registry:
        gymnasium.register(
            id=env_id(_task),
            entry_point="drats.env:DratsEnv",
            kwargs={"task": _task},
            max_episode_steps=MAX_EPISODE_STEPS,
        )
