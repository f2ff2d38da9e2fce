"""The WOO3xx checks, in report order."""

MODULES: tuple[str, ...] = ()
