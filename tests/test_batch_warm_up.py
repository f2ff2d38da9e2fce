"""warm_up turns the garbage collector off while it loads, and gives it back as it was:
forked workers inherit the setting."""
import gc

from woocheck import batch
from woocheck.config import Config


def test_warm_up_restores_the_collector(monkeypatch):
    seen = []
    monkeypatch.setattr(batch, "_warm_up", lambda config: seen.append(gc.isenabled()))
    assert gc.isenabled()
    batch.warm_up(Config())
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        batch.warm_up(Config())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_warm_up_restores_the_collector_when_loading_fails(monkeypatch):
    def boom(config):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "_warm_up", boom)
    try:
        batch.warm_up(Config())
    except KeyboardInterrupt:
        pass
    assert gc.isenabled()
