"""MetaWorld's Python API over drats: `MT10(seed)`, `MT1(name, seed)`, `Task`, `env.set_task`,
and the vector envs behind `gymnasium.make_vec("drats/MT10", ...)` (MetaWorld 3.x's
`Meta-World/MT10`), so that code written for metaworld runs by changing the import and the id.

A task is one of the 50 fixed layouts of a task's suite (docs/tasks.md, 'Layouts and the suite
seed'): its data is the pickled dict {"suite_seed", "layout", "partially_observable": False}.
The benchmark seed is the suite seed, so the same seed gives the same layouts (drawn from
MetaWorld's ranges with drats' generator, not the numbers metaworld.MT10(seed) gives).
"""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from typing import Any, Callable, Dict, List, NamedTuple, Optional

import gymnasium
import numpy as np
from gymnasium.utils import seeding
from gymnasium.vector import AsyncVectorEnv, AutoresetMode, SyncVectorEnv

from .env import _LAYOUTS_PER_SUITE, DratsEnv, encode_task_data
from .errors import TaskNotServedError
from .tasks import MAX_EPISODE_STEPS, MT10_TASKS, MT50_TASKS, SIMULATED_TASKS
from .vector import OneHotTaskId

N_GOALS = _LAYOUTS_PER_SUITE
"""Tasks (layouts) per environment in a benchmark, as MetaWorld's _N_GOALS."""

VECTOR_STRATEGIES = ("sync", "async")


class Task(NamedTuple):
    """MetaWorld's `Task`: all that describes one MDP, passed to `env.set_task`."""

    env_name: str
    data: bytes


class MetaWorldEnv(DratsEnv):
    """The environment of one task, built as MetaWorld builds its classes: `env_cls()`.

    Before `set_task` every reset picks one of suite 0's 50 layouts (MetaWorld refuses to run
    before `set_task`; drats does not). MetaWorld's constructor keywords are accepted where
    drats can honour them: `render_mode` must be None (dratsd renders nothing; the camera and
    size keywords are then ignored) and `reward_function_version` "v2" (the one drats
    implements). `seed` seeds the environment as `env.seed(seed)` does.
    """

    TASK = ""
    max_path_length = MAX_EPISODE_STEPS

    def __init__(
        self,
        render_mode: Optional[str] = None,
        camera_name: Optional[str] = None,
        camera_id: Optional[int] = None,
        width: int = 480,
        height: int = 480,
        reward_function_version: Optional[str] = "v2",
        *,
        seed: Optional[int] = None,
        dratsd_path: Optional[str] = None,
        timeout_seconds: Optional[float] = 60.0,
    ):
        if render_mode is not None:
            raise ValueError(f"render_mode {render_mode!r} is not supported: dratsd renders nothing; leave it None")
        if reward_function_version not in (None, "v2"):
            raise ValueError(
                f"reward_function_version {reward_function_version!r} is not supported: drats "
                "implements MetaWorld's v2 rewards only"
            )
        if not self.TASK:
            raise TypeError("MetaWorldEnv is abstract; use a class from drats.MT10().train_classes")
        super().__init__(self.TASK, dratsd_path=dratsd_path, timeout_seconds=timeout_seconds)
        if seed is not None:
            self.seed(seed)

    def seed(self, seed: Optional[int] = None) -> List[int]:
        """MetaWorld's `env.seed(seed)`: seeds the environment's generator and its spaces.
        (gymnasium's checker warns that `seed` methods are no longer standard; MetaWorld has one.)"""
        self.np_random, used = seeding.np_random(seed)
        self.action_space.seed(used)
        self.observation_space.seed(used)
        return [used]


def _class_name(task: str) -> str:
    return "".join(part.capitalize() for part in task.split("-")) + "Env"


def _make_task_class(task: str) -> type:
    name = _class_name(task)
    cls = type(name, (MetaWorldEnv,), {"TASK": task, "__doc__": f"drats' {task} as a MetaWorld environment class."})
    cls.__module__ = __name__
    cls.__qualname__ = name
    return cls


TASK_CLASSES: "OrderedDict[str, type]" = OrderedDict((task, _make_task_class(task)) for task in SIMULATED_TASKS)
"""Task name -> its environment class (ReachV3Env, ...) for every simulated task, MT10's first."""
globals().update({cls.__name__: cls for cls in TASK_CLASSES.values()})


def _suite_seed(seed: Optional[int]) -> int:
    if seed is None:
        # MetaWorld with seed=None draws from numpy's global generator; so does this.
        return int(np.random.randint(0, 2**62))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**64:
        raise ValueError(f"seed {seed!r} must be None or an integer in [0, 2**64)")
    return int(seed)


def _make_tasks(names, suite_seed: int, count: int = N_GOALS) -> List[Task]:
    return [Task(env_name=name, data=encode_task_data(suite_seed, layout)) for name in names for layout in range(count)]


class Benchmark:
    """MetaWorld's `Benchmark`: train/test classes (name -> env class) and their tasks."""

    _train_classes: "OrderedDict[str, type]"
    _test_classes: "OrderedDict[str, type]"
    _train_tasks: List[Task]
    _test_tasks: List[Task]
    suite_seed: int

    @property
    def train_classes(self) -> "OrderedDict[str, type]":
        return self._train_classes

    @property
    def test_classes(self) -> "OrderedDict[str, type]":
        return self._test_classes

    @property
    def train_tasks(self) -> List[Task]:
        return self._train_tasks

    @property
    def test_tasks(self) -> List[Task]:
        return self._test_tasks


class MT10(Benchmark):
    """MetaWorld's MT10: the 10 tasks with 50 layouts each in train; empty test set."""

    def __init__(self, seed: Optional[int] = None):
        self.suite_seed = _suite_seed(seed)
        self._train_classes = OrderedDict((task, TASK_CLASSES[task]) for task in MT10_TASKS)
        self._test_classes = OrderedDict()
        self._train_tasks = _make_tasks(self._train_classes, self.suite_seed)
        self._test_tasks = []


class MT1(Benchmark):
    """MetaWorld's MT1: one task's 50 layouts in train; the same class in test, no test tasks."""

    ENV_NAMES = list(SIMULATED_TASKS)

    def __init__(self, env_name: str, seed: Optional[int] = None):
        if env_name not in TASK_CLASSES:
            raise TaskNotServedError(
                f"{env_name!r} is not a task drats simulates; MT1 takes one of: {', '.join(SIMULATED_TASKS)}"
            )
        self.suite_seed = _suite_seed(seed)
        self._train_classes = OrderedDict([(env_name, TASK_CLASSES[env_name])])
        self._test_classes = OrderedDict([(env_name, TASK_CLASSES[env_name])])
        self._train_tasks = _make_tasks(self._train_classes, self.suite_seed)
        self._test_tasks = []


class MT50(Benchmark):
    """MetaWorld's MT50 needs tasks drats does not simulate yet: constructing it raises."""

    def __init__(self, seed: Optional[int] = None):
        missing = [task for task in MT50_TASKS if task not in TASK_CLASSES]
        raise TaskNotServedError(
            f"MT50 is not available: drats simulates {len(MT50_TASKS) - len(missing)} of its "
            f"{len(MT50_TASKS)} tasks ({len(missing)} missing, e.g. {', '.join(missing[:3])}); "
            "use drats.MT10 or drats.MT1(name) with one of: " + ", ".join(SIMULATED_TASKS)
        )


# Wrappers, as MetaWorld's (metaworld.wrappers) for the envs of make_mt_envs.


class AutoTerminateOnSuccess(gymnasium.Wrapper):
    """With `terminate_on_success`, terminated = info["success"] (MetaWorld's wrapper)."""

    def __init__(self, env: gymnasium.Env, terminate_on_success: bool = True):
        super().__init__(env)
        self.terminate_on_success = bool(terminate_on_success)

    def toggle_terminate_on_success(self, on: bool) -> None:
        self.terminate_on_success = bool(on)

    def step(self, action):
        observation, reward, terminated, truncated, info = self.env.step(action)
        if self.terminate_on_success:
            terminated = bool(info["success"])
        return observation, reward, terminated, truncated, info


class RandomTaskSelect(gymnasium.Wrapper):
    """Sets a task drawn from `tasks` before every reset (MetaWorld's RandomTaskSelectWrapper).

    Unlike MetaWorld's, `reset(seed=s)` seeds the environment before drawing, so the task a
    seeded reset plays depends on s alone.
    """

    def __init__(self, env: gymnasium.Env, tasks: List[Task], sample_tasks_on_reset: bool = True):
        super().__init__(env)
        if not tasks:
            raise ValueError("tasks is empty; give the environment at least one task")
        self.tasks = list(tasks)
        self.sample_tasks_on_reset = sample_tasks_on_reset

    def toggle_sample_tasks_on_reset(self, on: bool) -> None:
        self.sample_tasks_on_reset = on

    def _set_random_task(self) -> None:
        self.unwrapped.set_task(self.tasks[int(self.unwrapped.np_random.integers(len(self.tasks)))])

    def reset(self, *, seed: Optional[int] = None, options: Optional[Dict[str, Any]] = None):
        if seed is not None:
            self.unwrapped.np_random, _ = seeding.np_random(seed)
        if self.sample_tasks_on_reset or self.unwrapped.task_layout is None:
            self._set_random_task()
        return self.env.reset(options=options)

    def sample_tasks(self, *, seed: Optional[int] = None, options: Optional[Dict[str, Any]] = None):
        if seed is not None:
            self.unwrapped.np_random, _ = seeding.np_random(seed)
        self._set_random_task()
        return self.env.reset(options=options)


def _init_each_env(
    env_cls: type,
    tasks: List[Task],
    seed: Optional[int] = None,
    max_episode_steps: Optional[int] = None,
    terminate_on_success: bool = False,
    use_one_hot: bool = False,
    dratsd_path: Optional[str] = None,
    timeout_seconds: Optional[float] = 60.0,
) -> gymnasium.Env:
    """One sub-environment, wrapped in MetaWorld's order (see metaworld._init_each_env)."""
    env: gymnasium.Env = env_cls(dratsd_path=dratsd_path, timeout_seconds=timeout_seconds)
    if seed is not None:
        env.unwrapped.seed(seed)
    env = gymnasium.wrappers.TimeLimit(env, max_episode_steps or MAX_EPISODE_STEPS)
    env = AutoTerminateOnSuccess(env, terminate_on_success)
    if use_one_hot:
        env = OneHotTaskId(env, env.unwrapped.task)
    env = gymnasium.wrappers.RecordEpisodeStatistics(env)
    env = RandomTaskSelect(env, tasks)
    if seed is not None:
        env.action_space.seed(seed)
    return env


_SUPPORTED_KEYWORDS = (
    "seed, vector_strategy, autoreset_mode, use_one_hot, terminate_on_success, max_episode_steps, "
    "task_select='random', num_goals (1..50), num_tasks=10, reward_function_version='v2', "
    "render_mode=None, dratsd_path, timeout_seconds"
)


def make_mt_envs(
    name: str = "MT10",
    seed: Optional[int] = None,
    vector_strategy: str = "sync",
    autoreset_mode: Any = AutoresetMode.SAME_STEP,
    use_one_hot: bool = False,
    terminate_on_success: bool = False,
    max_episode_steps: Optional[int] = None,
    task_select: str = "random",
    num_goals: Optional[int] = None,
    num_tasks: Optional[int] = None,
    reward_function_version: Optional[str] = "v2",
    render_mode: Optional[str] = None,
    dratsd_path: Optional[str] = None,
    timeout_seconds: Optional[float] = 60.0,
    **unsupported: Any,
):
    """MetaWorld's `make_mt_envs`: "MT10" gives a Sync/AsyncVectorEnv with one sub-env per task
    (each drawing one of its 50 layouts at every reset), a task name ("reach-v3") one env.

    Keyword arguments MetaWorld has and drats cannot honour raise, naming what is supported.
    """
    if unsupported:
        raise TypeError(
            f"drats does not support the keyword arguments {sorted(unsupported)}; supported: {_SUPPORTED_KEYWORDS}"
        )
    if task_select != "random":
        raise ValueError(f"task_select {task_select!r} is not supported; drats implements 'random' only")
    if render_mode is not None:
        raise ValueError(f"render_mode {render_mode!r} is not supported: dratsd renders nothing; leave it None")
    if reward_function_version not in (None, "v2"):
        raise ValueError(
            f"reward_function_version {reward_function_version!r} is not supported: drats implements v2 only"
        )
    if max_episode_steps is not None and (
        isinstance(max_episode_steps, bool) or not isinstance(max_episode_steps, (int, np.integer))
        or not 1 <= max_episode_steps <= MAX_EPISODE_STEPS
    ):
        raise ValueError(
            f"max_episode_steps {max_episode_steps!r} must be an integer in 1..{MAX_EPISODE_STEPS}: "
            f"dratsd ends every episode after {MAX_EPISODE_STEPS} steps"
        )
    goals = N_GOALS if num_goals is None else num_goals
    if isinstance(goals, bool) or not isinstance(goals, (int, np.integer)) or not 1 <= goals <= N_GOALS:
        raise ValueError(f"num_goals {num_goals!r} must be an integer in 1..{N_GOALS}: a suite has {N_GOALS} layouts")
    if num_tasks not in (None, len(MT10_TASKS)):
        raise ValueError(f"num_tasks {num_tasks!r} is not supported: the one-hot id has the {len(MT10_TASKS)} MT10 slots")
    common = dict(
        seed=seed, max_episode_steps=max_episode_steps, terminate_on_success=terminate_on_success,
        use_one_hot=use_one_hot, dratsd_path=dratsd_path, timeout_seconds=timeout_seconds,
    )
    if name in TASK_CLASSES:
        benchmark: Benchmark = MT1(name, seed=seed)
        return _init_each_env(TASK_CLASSES[name], benchmark.train_tasks[:goals], **common)
    if name != "MT10":
        raise TaskNotServedError(
            f"{name!r} is neither 'MT10' nor a task drats simulates ({', '.join(MT10_TASKS)}); "
            "MT25 and MT50 need tasks drats does not simulate"
        )
    if vector_strategy not in VECTOR_STRATEGIES:
        raise ValueError(f"vector_strategy {vector_strategy!r} is not one of {', '.join(VECTOR_STRATEGIES)}")
    benchmark = MT10(seed=seed)
    env_fns: List[Callable[[], gymnasium.Env]] = [
        partial(
            _init_each_env, env_cls,
            [task for task in benchmark.train_tasks if task.env_name == env_name][:goals],
            **common,
        )
        for env_name, env_cls in benchmark.train_classes.items()
    ]
    vectorizer = SyncVectorEnv if vector_strategy == "sync" else AsyncVectorEnv
    return vectorizer(env_fns, autoreset_mode=autoreset_mode)


def _mt10_vector_entry_point(num_envs: Optional[int] = None, **kwargs: Any):
    """`gymnasium.make_vec("drats/MT10", ...)`: gymnasium passes num_envs (1 unless given)."""
    if num_envs not in (None, 1, len(MT10_TASKS)):
        raise ValueError(
            f"num_envs={num_envs}: drats/MT10 has one sub-environment per task ({len(MT10_TASKS)}); leave num_envs out"
        )
    return make_mt_envs("MT10", **kwargs)


def _mt10_single_entry_point(**kwargs: Any):
    """`gymnasium.make("drats/MT10")`, or make_vec with a vectorization_mode: refused clearly."""
    raise gymnasium.error.Error(
        "drats/MT10 is a vector environment of the 10 tasks: use gymnasium.make_vec(\"drats/MT10\", "
        "vector_strategy=\"sync\" or \"async\", ...) without vectorization_mode, or "
        "gymnasium.make(\"drats/MT1\", env_name=...) / gymnasium.make(\"drats/<task>\") for one task"
    )


def _mt1_entry_point(env_name: str, **kwargs: Any) -> gymnasium.Env:
    """`gymnasium.make("drats/MT1", env_name="reach-v3", ...)`: one task, its 50 layouts."""
    return make_mt_envs(env_name, **kwargs)
