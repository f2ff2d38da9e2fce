"""The WOO3xx checks, in report order."""

MODULES: tuple[str, ...] = ("woo301", "woo302", "woo304")  # woo303 (raster) goes between 302 and 304
