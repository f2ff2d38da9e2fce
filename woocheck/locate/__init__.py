"""Find every redaction region on every page, whatever it is made of.

Each submodule handles one physical form and exposes `find(page, path) -> list[Redaction]`.
"""


from ..grounds.legend import has_legend
from ..model import Document, Redaction
from . import annotations, markers, raster, vector  # no `from __future__ import annotations` here: it would shadow the submodule


def locate(doc: Document) -> list[Redaction]:
    found: list[Redaction] = []
    with_legend = has_legend(doc)
    for page in doc.pages:
        found.extend(markers.find(page, doc.path))
        if with_legend:
            found.extend(markers.find_letters(page, doc.path))
        if doc.kind == "pdf":
            found.extend(annotations.relabel(page, vector.find(page, doc.path)))
            found.extend(annotations.find(page, doc.path))
            found.extend(raster.find(page, doc.path))
    return found
