"""Renderers: pure functions of a `Report` (plus display options) to text."""
