"""The WOO5xx checks (the decision as a whole), in report order. They run after the batch."""

MODULES: tuple[str, ...] = ("woo501", "woo502", "woo503", "woo504", "woo505", "woo506", "woo507")
