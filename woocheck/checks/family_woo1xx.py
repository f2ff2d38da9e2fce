"""The WOO1xx checks, in report order."""

MODULES: tuple[str, ...] = ()
