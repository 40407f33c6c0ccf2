"""Running sectools' buttons and functions on an xlwings Server (``sectools excel serve``).

Private by default: it listens on 127.0.0.1; every request needs the server's token (a shared
secret, through xlwings-server's custom auth provider in ``server_project/auth/custom``); CORS allows
only the origins given; and a workbook may open only the office folders on the server's allow-list
(``SECTOOLS_SERVER_FOLDERS``) — a book cannot name another path on the machine.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from ..paths import FOLDERS_ENV  # the allow-list itself (allowed_folder) lives below the sources

TOKEN_ENV = "SECTOOLS_SERVER_TOKEN"


def project_dir() -> Path:
    """The xlwings-server project folder (its custom_functions/ and custom_scripts/ import sectools)."""
    return Path(__file__).resolve().parent / "server_project"


def check_token(header: str) -> bool:
    """Whether an ``Authorization`` header carries the server's token (``Bearer`` optional)."""
    want = os.environ.get(TOKEN_ENV, "")
    got = (header or "").strip()
    if got.lower().startswith("bearer "):
        got = got[7:].strip()
    return bool(want) and bool(got) and secrets.compare_digest(got.encode("utf-8"), want.encode("utf-8"))


def configure(token: str | None = None, origins: tuple[str, ...] = (), folders: tuple[str, ...] = ()) -> str:
    """Set the environment xlwings-server and sectools read; returns the token in use (a new random
    one when none is given or configured)."""
    token = token or os.environ.get(TOKEN_ENV) or secrets.token_urlsafe(18)
    if not token.isascii() or not token.isprintable() or " " in token or len(token) < 8:
        from ..errors import Problem, SectoolsError

        raise SectoolsError(Problem("server-token-bad"))  # it travels in an HTTP header
    os.environ[TOKEN_ENV] = token
    os.environ["XLWINGS_AUTH_PROVIDERS"] = json.dumps(["custom"])
    os.environ["XLWINGS_CORS_ALLOW_ORIGINS"] = json.dumps(list(origins))
    os.environ[FOLDERS_ENV] = os.pathsep.join(str(Path(f).resolve()) for f in folders)
    os.environ.setdefault("XLWINGS_PROJECT_DIR", str(project_dir()))
    os.environ.setdefault("XLWINGS_ON_SERVER", "true")
    os.environ.setdefault("XLWINGS_ENABLE_SOCKETIO", "false")
    return token


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:  # pragma: no cover - runs until stopped
    import sys

    if "xlwings_server.config" in sys.modules:  # read before configure(): read again, with the token
        import importlib

        importlib.reload(sys.modules["xlwings_server.config"])
    import uvicorn

    uvicorn.run("xlwings_server.main:main_app", host=host, port=port)
