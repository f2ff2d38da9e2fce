"""woocheck: check documents before publication under the Dutch Woo (Wet open overheid)."""

__version__ = "0.1.0"
