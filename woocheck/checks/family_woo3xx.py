"""The WOO3xx checks, in report order."""

MODULES: tuple[str, ...] = ("woo301", "woo302", "woo303", "woo304")
