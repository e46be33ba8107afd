"""MetaWorld's observation and action spaces for the 39-d observation (docs/tasks.md, 'The observation')."""

from __future__ import annotations

import numpy as np
from gymnasium import spaces

OBSERVATION_SIZE = 39
ACTION_SIZE = 4

HAND_LOW = np.array([-0.525, 0.348, -0.0525])
"""Hand position bounds, metres (MetaWorld's _HAND_SPACE; the binary clips stepped hands to it)."""
HAND_HIGH = np.array([0.525, 1.025, 0.7])
GRIPPER_LOW, GRIPPER_HIGH = -1.0, 1.0
OBJECT_SLOTS = 14


def observation_space() -> spaces.Box:
    """Box(39,) float64: [hand 3, gripper 1, objects 14] for this and the previous step, goal 3.

    Hand and gripper carry MetaWorld's bounds; objects are unbounded as in MetaWorld. The goal is
    unbounded too: MetaWorld bounds it by the task's goal space, but `dratsd env` does not report
    that space, and claiming bounds the binary has not stated could reject valid observations.
    """
    unbounded = np.full(OBJECT_SLOTS, np.inf)
    frame_low = np.concatenate([HAND_LOW, [GRIPPER_LOW], -unbounded])
    frame_high = np.concatenate([HAND_HIGH, [GRIPPER_HIGH], unbounded])
    goal = np.full(3, np.inf)
    low = np.concatenate([frame_low, frame_low, -goal])
    high = np.concatenate([frame_high, frame_high, goal])
    return spaces.Box(low=low, high=high, dtype=np.float64)


def action_space() -> spaces.Box:
    """Box(-1, 1, (4,), float32): hand displacement (dx, dy, dz) x 1 cm and gripper effort."""
    return spaces.Box(low=-1.0, high=1.0, shape=(ACTION_SIZE,), dtype=np.float32)
