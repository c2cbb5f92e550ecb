"""Where the project's folders are: found from the working directory, else the package."""

from __future__ import annotations

from pathlib import Path

MARKER = Path("conformance") / "features.yaml"


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding conformance/features.yaml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).exists():
            return folder
    package_root = Path(__file__).resolve().parent.parent
    if (package_root / MARKER).exists():
        return package_root
    return here
