"""The raster locator labels the light holes in a fill round the fills only, and the
whole page only when the crop leaves a hole undecided. Both ways must give what
labelling the whole page gives."""
from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from woocheck.locate import raster


def whole_page(mask: np.ndarray, thick: np.ndarray, zoom: float = 1.0) -> np.ndarray:
    """Filled holes the plain way: every light component of the page labelled."""
    labels, n = ndimage.label(~mask)
    area = np.bincount(labels.ravel(), minlength=n + 1)
    small = area <= raster.HOLE_AREA * zoom * zoom
    small[0] = False
    near = raster._near(thick, 2 * raster._kernel(zoom) - 1)
    touching = np.bincount(labels[near & ~mask], minlength=n + 1) > 0
    return mask | (small & touching)[labels]


def page_with_box() -> np.ndarray:
    mask = np.zeros((300, 320), dtype=bool)
    mask[120:140, 100:220] = True  # a fill
    mask[125:133, 110:114] = False  # the letters of its label
    mask[125:133, 118:121] = False
    mask[60:68, 40:200:6] = True  # text strokes elsewhere
    return mask


def filled(mask: np.ndarray) -> np.ndarray:
    thick = raster._open(mask, raster._kernel(1.0))
    holes = raster._fill_label_holes(mask, thick, 1.0)
    return mask if holes is None else mask | holes


@pytest.fixture
def calls(monkeypatch):
    shapes: list = []
    small_holes = raster._small_holes

    def spy(light, near, zoom):
        shapes.append(light.shape)
        return small_holes(light, near, zoom)

    monkeypatch.setattr(raster, "_small_holes", spy)
    return shapes


def test_open_is_an_opening_with_a_square():
    rng = np.random.default_rng(1)
    mask = ndimage.binary_dilation(rng.random((90, 120)) < 0.02, np.ones((6, 6)))
    assert np.array_equal(raster._open(mask, 5), ndimage.binary_opening(mask, np.ones((5, 5))))


def test_label_holes_filled_from_the_crop(calls):
    mask = page_with_box()
    assert np.array_equal(filled(mask), whole_page(mask, raster._open(mask, 5)))
    assert filled(mask)[128, 112]
    assert calls and all(shape != mask.shape for shape in calls)  # the crop decided


def test_hole_running_out_of_the_crop_falls_back_to_the_whole_page(calls):
    mask = page_with_box()
    # A light corridor one pixel wide from the fill's edge to far below it: small, but
    # it leaves the crop, so only the whole page can tell its size.
    mask[140:200, 149:152] = True
    mask[140:199, 150] = False
    assert np.array_equal(filled(mask), whole_page(mask, raster._open(mask, 5)))
    assert filled(mask)[190, 150]
    assert mask.shape in calls


def test_random_pages_match_whole_page_labelling(calls):
    rng = np.random.default_rng(7)
    for _ in range(20):
        mask = rng.random((160, 200)) < 0.35
        mask |= ndimage.binary_dilation(rng.random((160, 200)) < 0.003, np.ones((9, 15)))
        thick = raster._open(mask, 5)
        if not thick.any():
            continue
        assert np.array_equal(filled(mask), whole_page(mask, thick))
