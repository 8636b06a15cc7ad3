"""The ``ringfence`` command line: an argparse front end over :mod:`app.core` (no Qt import).

Each sub-command lives in its own module under :mod:`app.commands` with ``register(subparsers)``.
Errors are one clear sentence on stderr (a traceback only with ``--debug``); exit codes follow
clamscan: 0 no threat, 1 threat found, 2 error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence

from app import __version__
from app.core.foundation.errors import RingfenceError

EXIT_OK, EXIT_THREAT, EXIT_ERROR = 0, 1, 2

# The command that carries out a fix an error names (RingfenceError.fix; the console maps it to a button).
FIX_COMMANDS = {"state.rebuild": "ringfence quarantine reindex"}

COMMAND_MODULES: tuple[str, ...] = ("scan", "selftest", "status", "quarantine", "update", "recovery", "watch",
                                   "history")

log = logging.getLogger(__name__)
logging.getLogger("app").addHandler(logging.NullHandler())  # errors before the log file opens stay quiet
logging.raiseExceptions = False  # a log file on a full disk must not print tracebacks at the user


def build_parser(commands: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ringfence",
        description="Ringfence: a user-mode security console — scanning, quarantine, safe definition "
        "updates and crash insights.",
    )
    parser.add_argument("--version", action="version", version=f"Ringfence {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and log debug details")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"app.commands.{name}").register(subparsers)
    return parser


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line, if any (the first word that is not an option)."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMAND_MODULES else None
    return None


#: Options the desktop console understands when ``ringfence`` starts it (no command given).
GUI_OPTIONS: tuple[str, ...] = ("--minimized",)
#: ``ringfence --scan PATH…``: the console scans the paths at once ("Scan with Ringfence" in the file manager)
GUI_SCAN = "--scan"


def wants_console(argv: Sequence[str]) -> bool:
    """Whether ``argv`` asks for the desktop console rather than a command."""
    return all(word in GUI_OPTIONS for word in argv) or argv[:1] == [GUI_SCAN]


def has_display(environ: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Whether a desktop session can show the console (Windows and macOS always can)."""
    env = os.environ if environ is None else environ
    if platform.startswith(("win", "darwin")):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_console(argv) and has_display():
        from app.ui.gui import main as gui_main

        return gui_main(argv)
    # Only the chosen command's module is imported (start-up time is part of every scan); without
    # one, all are, so the help lists them all.
    command = _chosen_command(argv)
    parser = build_parser((command,) if command else COMMAND_MODULES)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()  # no display for the console: show what the command line offers
        return EXIT_OK
    try:
        return _run(args)
    finally:
        _tell_about_recovered_settings()


def _tell_about_recovered_settings() -> None:
    from app.core.foundation.settings import recovered_in_this_process, recovered_message

    for backup in recovered_in_this_process():
        print(f"ringfence: warning: {recovered_message(backup).english()}", file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except RingfenceError as exc:
        return _report(exc, args.debug)
    except sqlite3.DatabaseError as exc:
        from app.core.foundation.paths import get_paths
        from app.core.foundation.store import damaged, is_damage

        if not is_damage(exc):
            return _unexpected(exc, args.debug)
        return _report(damaged(get_paths().state_db, exc), args.debug, cause=exc)
    except KeyboardInterrupt:
        print("ringfence: cancelled.", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:
        return _unexpected(exc, args.debug)


def _reader_gone() -> int:
    """The program reading the output stopped early (``ringfence history | head -1``): it has what it
    wanted, so nothing more is said. Python's last flush of stdout at exit goes nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_OK


def _report(exc: RingfenceError, debug: bool, cause: BaseException | None = None) -> int:
    log.error("%s%s", exc.message, f" ({exc.detail})" if exc.detail else "")
    if debug:
        raise cause or exc
    print(f"ringfence: {exc.message}", file=sys.stderr)
    if exc.fix in FIX_COMMANDS:
        print(f"ringfence: to do that, run: {FIX_COMMANDS[exc.fix]}", file=sys.stderr)
    return EXIT_ERROR


def _unexpected(exc: Exception, debug: bool) -> int:
    log.exception("unexpected error")
    if debug:
        raise exc
    print(
        f"ringfence: an unexpected error stopped the command ({type(exc).__name__}: {exc}); "
        "run it again with --debug for details.",
        file=sys.stderr,
    )
    return EXIT_ERROR
