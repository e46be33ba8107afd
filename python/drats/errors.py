"""Errors raised by the drats package; each message says what to check or what is valid."""


class DratsError(Exception):
    """Base class of every error this package raises."""


class DratsdNotFoundError(DratsError, FileNotFoundError):
    """No dratsd binary at the explicit path, in $DRATSD or on PATH."""


class TaskNotServedError(DratsError, ValueError):
    """The task name is unknown, or this dratsd build does not simulate it (yet)."""


class DratsdExitedError(DratsError, RuntimeError):
    """The dratsd subprocess ended or stopped answering; the message includes its stderr."""


class DratsdRequestError(DratsError, RuntimeError):
    """dratsd answered a request with {"error": ...} (e.g. stepping after the episode ended)."""
