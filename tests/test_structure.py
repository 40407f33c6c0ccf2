"""The shape of the code: no import circles in sectools/, no file opened by a domain package,
no front end reached from below, no private name taken across modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "sectools"
DOMAINS = ("attendance", "ranking", "plans", "kpi", "notices")
FRONT_ENDS = ("cli", "jobs", "excel", "sources", "demo", "scaffold")
# Calls that reach the file system; a domain module must not make them.
FILE_CALLS = {"open", "open_workbook", "read_table", "read_text", "write_text", "read_bytes", "write_bytes",
              "iterdir", "rglob", "glob", "exists", "is_file", "is_dir", "mkdir", "unlink", "stat", "Document",
              "write_workbook", "atomic_target", "load_office"}


def modules() -> dict[str, Path]:
    out = {}
    for p in ROOT.rglob("*.py"):
        parts = list(p.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = p
    return out


def _in_type_checking(node, parents) -> bool:
    n = parents.get(node)
    while n is not None:
        if isinstance(n, ast.If) and isinstance(n.test, ast.Name) and n.test.id == "TYPE_CHECKING":
            return True
        n = parents.get(n)
    return False


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Modules of sectools that ``name`` imports, at module level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {c: p for p in ast.walk(tree) for c in ast.iter_child_nodes(p)}
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(tree):
        if _in_type_checking(node, parents):
            continue
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            for a in node.names:
                if f"{mod}.{a.name}" in known:
                    out.add(f"{mod}.{a.name}")
                elif mod in known:
                    out.add(mod)
    out.discard(name)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {n: imports(n, p, known) for n, p in known.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def test_no_import_circles():
    assert cycles(graph()) == []


def test_cycle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_domains_reach_no_front_end():
    bad = []
    for name, deps in graph().items():
        parts = name.split(".")
        if len(parts) > 1 and parts[1] in DOMAINS + ("reader", "roster", "schema", "vocab", "dates", "normalize",
                                                     "errors", "messages", "workdays", "ranks", "writer"):
            bad += [(name, d) for d in deps if d.split(".")[1] in FRONT_ENDS]
    assert bad == []


def test_no_domain_module_opens_a_file():
    found = []
    for p in ROOT.rglob("*.py"):
        rel = p.relative_to(ROOT).as_posix()
        if rel.split("/")[0] not in DOMAINS:
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                called = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
                if called in FILE_CALLS and not (called == "Document" and not node.args):  # a new, empty document
                    found.append(f"{rel}:{node.lineno} {called}")
    assert found == []


def test_no_private_name_taken_across_modules():
    known = modules()
    found = []
    for name, path in known.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                found += [f"{name}: {a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    assert found == []


def test_command_bodies_are_thin():
    """A CLI command parses, calls one job, shows its result: at most 20 lines below its docstring."""
    tree = ast.parse((ROOT / "cli.py").read_text(encoding="utf-8"))
    long = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and getattr(d.func, "attr", "") in ("command", "group") for d in node.decorator_list):
            body = node.body[1:] if isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant) \
                else node.body
            lines = (body[-1].end_lineno - body[0].lineno + 1) if body else 0
            if lines > 20:
                long.append((node.name, lines))
    assert long == []


def test_every_package_is_installed():
    """`pip install .` (the README's quick start) ships every package of sectools/."""
    import tomllib

    listed = set(tomllib.loads((ROOT.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
                 ["packages"])
    found = {".".join(p.parent.relative_to(ROOT.parent).parts) for p in ROOT.rglob("__init__.py")}
    assert found - listed == set()


def test_no_job_is_shadowed_by_a_submodule():
    """``jobs.attendance`` must stay the function even after ``sectools.jobs.<x>`` modules are imported."""
    import importlib

    from sectools import jobs

    subs = {p.stem for p in (ROOT / "jobs").glob("*.py")}
    assert not (subs & set(jobs.__all__)), subs & set(jobs.__all__)
    for s in subs - {"__init__"}:
        importlib.import_module(f"sectools.jobs.{s}")
    assert all(callable(getattr(jobs, n)) for n in jobs.__all__)
