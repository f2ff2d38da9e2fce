"""The WOO2xx checks, in report order."""

MODULES: tuple[str, ...] = ('woo201',)
