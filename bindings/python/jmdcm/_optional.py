"""numpy and pandas are needed for the research tables and DataFrames only: the store, the
steps and the rules work without them. Where one is missing, say which, for what, and how to
get it, instead of an ImportError at `import jmdcm`."""
from __future__ import annotations

import importlib
import sys
from types import ModuleType


def need(name: str, purpose: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as e:
        raise ImportError(
            f"jmdcm: {purpose} need {name}, which this Python ({sys.executable}) cannot import. "
            f"Install it: Debian's python3-{name} for /usr/bin/python3; in a virtual environment "
            f"`pip install {name}`, or create it with --system-site-packages to use Debian's.") from e
