"""The WOO1xx checks, in report order."""

MODULES: tuple[str, ...] = ("woo101", "woo102", "woo103", "woo104", "woo105", "woo106", "woo107")
