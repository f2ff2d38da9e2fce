"""The WOO2xx checks, in report order."""

MODULES: tuple[str, ...] = ("woo201", "woo202", "woo203", "woo204", "woo205", "woo206", "woo207")
