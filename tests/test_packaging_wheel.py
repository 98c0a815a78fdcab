"""`pip install .` carries every resource the program loads (the window icon first of all).

The wheel is built once for the module (`pip wheel --no-deps`, a few seconds) and installed
into a private folder, and the installed copy of `desktop.infra.paths` is asked for every
resource the code names; the repository's own `resources/` must not be what answers.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RESOURCES = REPO / "resources"


def _tracked_resources() -> list[str]:
    """Every file under resources/, as a path relative to it (what the wheel must hold)."""
    return sorted(
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def _names_the_code_loads() -> set[str]:
    """Literal names passed to resource_path(...) anywhere in desktop/."""
    names: set[str] = set()
    for source in (REPO / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "resource_path"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names.add(node.args[0].value)
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (built,) = out.glob("fieldassist-*.whl")
    return built


def test_the_code_names_resources_that_exist() -> None:
    names = _names_the_code_loads()
    assert "icons/fieldassist.png" in names  # the window icon (desktop/ui/run.py)
    missing = sorted(n for n in names if not (RESOURCES / n).is_file())
    assert not missing, f"resource_path() names files that resources/ lacks: {missing}"


def test_wheel_holds_every_resource(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        held = set(archive.namelist())
    wanted = {f"resources/{name}" for name in _tracked_resources()}
    assert wanted, "resources/ is empty: nothing to check"
    assert not sorted(wanted - held), f"the wheel lacks {sorted(wanted - held)}"
    assert "desktop/py.typed" in held
    # The compiled translations (issue 17): one catalogue per shipped language.
    from desktop.ui.i18n import LANGUAGES

    assert {f"resources/i18n/fieldassist_{lang}.qm" for lang in LANGUAGES} <= held


def test_installed_wheel_finds_what_the_code_loads(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    install = ["install", "-q", "--no-deps", "--no-index", "--target", str(target), str(wheel)]
    subprocess.run(
        [sys.executable, "-m", "pip", *install],
        check=True,
        capture_output=True,
        timeout=120,
        env=dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1"),
    )
    probe = (
        "import sys, desktop.infra.paths as p\n"
        "print(p.__file__)\n"
        "for name in sys.argv[1:]:\n"
        "    print(p.resource_path(name).is_file(), p.resource_path(name))\n"
    )
    names = sorted(_names_the_code_loads())
    done = subprocess.run(
        [sys.executable, "-c", probe, *names],
        cwd=tmp_path,  # not the repository: its desktop/ must not shadow the installed one
        env=dict(os.environ, PYTHONPATH=str(target)),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    first, *rows = done.stdout.splitlines()
    assert Path(first).is_relative_to(target), f"imported {first}, not the installed copy"
    assert len(rows) == len(names)
    for row in rows:
        found, path = row.split(" ", 1)
        assert found == "True", f"installed app cannot find {path}"
        assert Path(path).is_relative_to(target), path
