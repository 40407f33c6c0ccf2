"""The cyclic garbage collector paused while a large table is read or written.

Reading a 1,000,000-row sheet makes millions of lists and values at once; each allocation burst sets
off a collection that walks every object made so far, so the time grows faster than the rows (a
1M-row roster: 40 s with collections, 27 s without).  None of these objects form cycles, so nothing
waits for the collector; it runs again as soon as the work is done.  Nested pauses keep the outer one.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
