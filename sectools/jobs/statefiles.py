"""The office's state files (``.sectools/``): read only as what sectools wrote there, written
atomically with the version before kept beside them (``*.prev``) for ``sectools repair``."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import Problem, SectoolsError

STATE = Path("ranking")
DOC_NUMBERS = "文号.json"  # the register of document numbers (notices), in the office's state


def file_sha(path) -> str | None:
    """The SHA-256 of a file sectools wrote (None: it is gone)."""
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def week_dir(src, week: str) -> Path:
    if src.state_root is None:
        raise SectoolsError(Problem("state-unavailable", value=week))
    return src.state_root / STATE / week


# What each state file must hold; anything else ({}, null, a truncated file) is damage, never "not yet".
_SHAPES = {"published.json": (dict, ("week", "published_at", "inputs", "outputs")),
           "sealed.json": (dict, ("week", "sealed_at", "inputs_hash", "outputs_hash", "hash")),
           "corrections.json": (list, ())}


MAX_STATE_BYTES = 64 << 20  # a semester of records is a few MB


def read_state(path: Path, name: str | None = None) -> dict | None:
    if not path.exists() and not path.is_symlink():
        return None
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_STATE_BYTES:
            raise ValueError("not a state file sectools wrote")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise SectoolsError(Problem("state-damaged", file=str(path))) from None
    kind, keys = _SHAPES.get(name or path.name, (object, ()))
    if not isinstance(data, kind) or (isinstance(data, dict) and any(k not in data for k in keys)):
        raise SectoolsError(Problem("state-damaged", file=str(path)))
    return data


def write_state(path: Path, data) -> None:
    """Write a state file atomically, keeping the version it replaces beside it (``*.prev``) for
    ``sectools repair``."""
    from ..writer import atomic_target

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        try:
            json.loads(path.read_text(encoding="utf-8"))  # only a readable version is worth keeping
            with atomic_target(path.with_name(path.name + ".prev")) as tmp:
                tmp.write_bytes(path.read_bytes())
        except (OSError, ValueError):
            pass
    with atomic_target(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def readable(path: Path, name: str | None = None) -> bool:
    """Whether a state file reads as what sectools wrote there (``name``: the file it stands for)."""
    name = name or path.name
    if name in _SHAPES:
        try:
            return read_state(path, name) is not None
        except SectoolsError:
            return False
    try:
        if path.is_symlink() or path.stat().st_size > MAX_STATE_BYTES:
            return False
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if name == "文号.json":
        return numbers_ok(data)
    return isinstance(data, dict)




def numbers_ok(state) -> bool:
    """Whether the register of document numbers is whole: year → {"next": n, "issued": {…}}."""
    return isinstance(state, dict) and all(isinstance(v, dict) and isinstance(v.get("next"), int)
                                           and isinstance(v.get("issued"), dict) for v in state.values())


def sealed_weeks(source) -> list[str]:
    """The weeks with a seal record in the office's state, in order (any source: a folder, an office …)."""
    from ..sources import as_source

    src = as_source(source)
    if src.state_root is None:
        return []
    base = src.state_root / STATE
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / "sealed.json").exists())
