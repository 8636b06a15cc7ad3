"""How to start engine processes: the same from a source checkout, a wheel and the frozen bundle."""

from __future__ import annotations

import sys


def engine_argv(mode: str = "--engine", *args: str) -> list[str]:
    """The command line that starts ``python -m app MODE ARGS`` (or the frozen executable's)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, mode, *args]
    return [sys.executable, "-m", "app", mode, *args]
