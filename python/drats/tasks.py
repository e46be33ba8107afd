"""The MetaWorld task names: MT10's and MT50's, in MetaWorld's orders (the index of the one-hot
task id), and the ones dratsd simulates today."""

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

MT50_TASKS = (
    "assembly-v3", "basketball-v3", "bin-picking-v3", "box-close-v3",
    "button-press-topdown-v3", "button-press-topdown-wall-v3", "button-press-v3",
    "button-press-wall-v3", "coffee-button-v3", "coffee-pull-v3", "coffee-push-v3",
    "dial-turn-v3", "disassemble-v3", "door-close-v3", "door-lock-v3", "door-open-v3",
    "door-unlock-v3", "hand-insert-v3", "drawer-close-v3", "drawer-open-v3",
    "faucet-open-v3", "faucet-close-v3", "hammer-v3", "handle-press-side-v3",
    "handle-press-v3", "handle-pull-side-v3", "handle-pull-v3", "lever-pull-v3",
    "pick-place-wall-v3", "pick-out-of-hole-v3", "pick-place-v3", "plate-slide-v3",
    "plate-slide-side-v3", "plate-slide-back-v3", "plate-slide-back-side-v3",
    "peg-insert-side-v3", "peg-unplug-side-v3", "soccer-v3", "stick-push-v3",
    "stick-pull-v3", "push-v3", "push-wall-v3", "push-back-v3", "reach-v3",
    "reach-wall-v3", "shelf-place-v3", "sweep-into-v3", "sweep-v3", "window-open-v3",
    "window-close-v3",
)
"""MetaWorld's MT50 benchmark, index = task id of its 50-wide one-hot wrapper."""

SIMULATED_TASKS = MT10_TASKS + (
    "basketball-v3", "bin-picking-v3", "box-close-v3", "button-press-topdown-wall-v3", "button-press-v3", "button-press-wall-v3", "coffee-button-v3",
    "coffee-pull-v3", "coffee-push-v3", "dial-turn-v3", "door-close-v3",
    "door-lock-v3", "door-unlock-v3", "faucet-open-v3", "faucet-close-v3", "handle-press-side-v3", "handle-press-v3",
    "handle-pull-side-v3", "handle-pull-v3",
    "pick-place-wall-v3", "pick-out-of-hole-v3", "plate-slide-v3", "plate-slide-side-v3", "plate-slide-back-v3",
    "plate-slide-back-side-v3", "peg-unplug-side-v3", "soccer-v3", "stick-push-v3", "stick-pull-v3", "push-wall-v3", "push-back-v3", "reach-wall-v3", "shelf-place-v3",
    "sweep-v3",
)
"""The tasks this version of dratsd simulates, in its catalogue order (MT10's, then the MT50
families built so far); each is registered as `drats/<task>`. A test checks the list against
the binary's own."""

MAX_EPISODE_STEPS = 500
"""Steps after which the binary truncates every episode (MetaWorld's max_path_length)."""
