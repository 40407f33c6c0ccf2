"""Work that could still explode, done in a child process with memory and time limits, so that no
input can take the main process (a clerk's command, an ``excel serve`` worker) down with it.

The guards in :mod:`sectools.reader.guard` refuse every file whose size they can bound; what is
left — parsing a very large sheet — runs here when the machine allows it (a ``fork`` start method and
``resource`` limits: Linux and macOS, a single-threaded process).  Elsewhere (Windows, xlwings Lite,
a threaded server) the work runs in-process behind the guards alone.
"""

from __future__ import annotations

import os
import sys
import threading


class Limited(Exception):
    """The child went past a limit: ``kind`` is ``memory``, ``time`` or ``died``."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def available() -> bool:
    if sys.platform == "emscripten" or not hasattr(os, "fork"):
        return False
    import importlib.util

    if importlib.util.find_spec("resource") is None:  # Windows
        return False
    try:
        import multiprocessing

        multiprocessing.get_context("fork")
    except (ImportError, ValueError):
        return False
    return threading.active_count() == 1  # forking a threaded process may deadlock the child


def _address_space() -> int:
    """This process's virtual size in bytes (what RLIMIT_AS counts), 0 when unknown."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def run_limited(fn, args: tuple = (), *, memory: int, seconds: float):
    """``fn(*args)`` in a forked child allowed ``memory`` more bytes than this process has now and
    ``seconds`` of time; its result (or exception) comes back pickled.  Raises :class:`Limited`."""
    if not available():
        return fn(*args)
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)
    limit = _address_space() + memory

    def child() -> None:
        import faulthandler
        import resource

        faulthandler.disable()
        try:  # an allocation failure's last words are not for the clerk's console
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
        except OSError:
            pass
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass
        try:
            out = ("ok", fn(*args))
        except MemoryError:
            out = ("limit", "memory")
        except BaseException as e:  # noqa: BLE001 - sent back to be raised in the parent
            out = ("err", e)
        try:
            writer.send(out)
        except MemoryError:
            writer.send(("limit", "memory"))
        except Exception as e:  # an unpicklable result or exception
            writer.send(("err", RuntimeError(f"{type(e).__name__}: {e}")))
        writer.close()
        os._exit(0)

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    writer.close()
    try:
        if not reader.poll(seconds):
            raise Limited("time")
        try:
            kind, value = reader.recv()
        except (EOFError, OSError):  # the child died: an allocation failure aborts it
            raise Limited("died") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        reader.close()
    if kind == "limit":
        raise Limited(value)
    if kind == "err":
        raise value
    return value
