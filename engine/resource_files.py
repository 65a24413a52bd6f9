"""Where the shipped files are: the top-level ``resources/`` folder, installed as the package
``dlfs_explorer_resources`` (pyproject.toml), found through ``importlib.resources`` — the same in a
checkout installed with ``pip install -e .`` and in a wheel installed with ``pip install .``."""

from importlib import resources
from pathlib import Path

PACKAGE = "dlfs_explorer_resources"


def resource_path(*parts) -> Path:
    """The path of a shipped file, e.g. ``resource_path("icons", "app.svg")`` (it may not exist)."""
    return Path(str(resources.files(PACKAGE).joinpath(*parts)))
