"""No two packages import each other: each seam has one direction.

Packages are ``blog`` and each ``shop.<app>`` (``shop.settings``, ``shop.urls``
and ``shop.config``, which assemble everything, are left out; so are
migrations). Imports inside functions count too.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSEMBLERS = {"shop.settings", "shop.urls", "shop.config", "shop.wsgi", "shop.roles"}


def package_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "blog":
        return "blog"
    if parts[0] == "shop" and len(parts) > 1:
        name = ".".join(parts[:2])
        return None if name in ASSEMBLERS else name
    return None


def imports() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for folder in ("shop", "blog"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            source = package_of(module)
            if source is None:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                for name in names:
                    target = package_of(name)
                    if target and target != source:
                        edges[source].add(target)
    return edges


def test_no_two_packages_import_each_other():
    edges = imports()
    both_ways = sorted(
        f"{a} <-> {b}" for a in edges for b in edges[a] if a < b and a in edges.get(b, set())
    )

    assert both_ways == []


OSCAR_TEMPLATES = Path(__import__("oscar").__file__).resolve().parent / "templates"
# Oscar looks these up by name, for communication event types of ours.
OURS_WHERE_OSCAR_LOOKS = {"commtype_order_dispatched_"}


def test_templates_oscar_holds_only_overrides_of_oscars_templates():
    ours = sorted(
        str(path.relative_to(ROOT / "templates"))
        for path in (ROOT / "templates" / "oscar").rglob("*.*")
        if not (OSCAR_TEMPLATES / path.relative_to(ROOT / "templates")).exists()
        and not any(path.name.startswith(prefix) for prefix in OURS_WHERE_OSCAR_LOOKS)
    )

    assert ours == []


def test_no_module_outside_demo_data_and_migrations_passes_450_lines():
    long = sorted(
        f"{path.relative_to(ROOT)}: {lines}"
        for folder in ("shop", "blog")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts and "demo" not in path.parts
        for lines in [len(path.read_text().splitlines())]
        if lines > 450
    )

    assert long == []
