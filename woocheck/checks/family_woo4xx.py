"""The WOO4xx checks, in report order (their shared helpers: _hidden_common.py)."""

MODULES: tuple[str, ...] = (
    "woo401",
    "woo402",
    "woo403",
    "woo404",
    "woo405",
    "woo406",
    "woo407",
    "woo408",
)
