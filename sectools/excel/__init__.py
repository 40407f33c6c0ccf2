"""The Excel layer: buttons (scripts) and custom functions over the sectools library.

* :mod:`.jobs` — the buttons' bodies, each taking an ``xw.Book``;
* :mod:`.scripts` — the same jobs as ``@xw.script`` sheet buttons (xlwings Server / Lite);
* :mod:`.desktop` — one-line shims for desktop Excel's ``RunPython`` (``xw.Book.caller()``);
* :mod:`.functions` — ``@xw.func`` custom functions for cells.

Nothing here imports pandas at import time, so a button answers quickly.
"""
