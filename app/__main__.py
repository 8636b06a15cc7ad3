"""`python -m app` is the same as `ringfence`.

Internal modes (used by the app itself to start its helper processes, the same way from a checkout,
a wheel and the frozen bundle): ``--engine`` runs the engine worker; ``--engine-validate`` runs the
definitions validation sandbox; ``--console-selftest`` opens and closes the console's window (see
:mod:`app.ui.selftest`).
"""

import sys


def _main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "--engine":
        from app.engine.worker import main as engine_main

        return engine_main(sys.argv[2:])
    if mode == "--engine-validate":
        from app.engine.sandbox_checks import main as validate_main

        return validate_main(sys.argv[2:])
    if mode == "--console-selftest":
        from app.ui.selftest import main as console_selftest

        return console_selftest(sys.argv[2:])
    from app.cli import main

    return main()


if __name__ == "__main__":
    if sys.stdout is None or sys.stderr is None:  # the windowed Windows executable has no console
        import os

        sys.stdout = sys.stdout or open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
        sys.stderr = sys.stderr or open(os.devnull, "w")  # noqa: SIM115
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(_main())
