"""The WOO4xx checks, in report order."""

MODULES: tuple[str, ...] = ()
