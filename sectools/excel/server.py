"""Running sectools' buttons and functions on an xlwings Server (``sectools excel serve``)."""

from __future__ import annotations

import os
from pathlib import Path


def project_dir() -> Path:
    """The xlwings-server project folder (its custom_functions/ and custom_scripts/ import sectools)."""
    return Path(__file__).resolve().parent / "server_project"


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:  # pragma: no cover - runs until stopped
    os.environ.setdefault("XLWINGS_PROJECT_DIR", str(project_dir()))
    os.environ.setdefault("XLWINGS_ON_SERVER", "true")
    os.environ.setdefault("XLWINGS_ENABLE_SOCKETIO", "false")
    import uvicorn

    uvicorn.run("xlwings_server.main:main_app", host=host, port=port)
