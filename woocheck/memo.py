"""Work kept per object (a page, a document's check context) for as long as it lives.

Several stages ask the same question of a page once per box: build the answer once.
The objects are keyed by identity (pages are `eq=False` dataclasses), and an entry goes
when its object does, so a batch does not accumulate them.
"""
from __future__ import annotations

import functools
import weakref
from typing import Callable, TypeVar

K = TypeVar("K")
V = TypeVar("V")


def per_object(fn: Callable[[K], V]) -> Callable[[K], V]:
    cache: "weakref.WeakKeyDictionary[K, V]" = weakref.WeakKeyDictionary()

    @functools.wraps(fn)
    def get(obj: K) -> V:
        try:
            return cache[obj]
        except KeyError:
            value = cache[obj] = fn(obj)
            return value

    return get
