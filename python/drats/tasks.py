"""The MT10 task names, in MetaWorld's order (the index of the one-hot task id)."""

MT10_TASKS = (
    "reach-v3",
    "push-v3",
    "pick-place-v3",
    "door-open-v3",
    "drawer-open-v3",
    "drawer-close-v3",
    "button-press-topdown-v3",
    "peg-insert-side-v3",
    "window-open-v3",
    "window-close-v3",
)
"""MetaWorld's MT10 benchmark, index = task id of the one-hot wrapper."""

MAX_EPISODE_STEPS = 500
"""Steps after which the binary truncates every episode (MetaWorld's max_path_length)."""
