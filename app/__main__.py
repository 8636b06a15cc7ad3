"""`python -m app` is the same as `ringfence`.

Internal modes (used by the app itself to start its helper processes, the same way from a checkout,
a wheel and the frozen bundle): ``--engine`` runs the engine worker; ``--engine-validate`` runs the
definitions validation sandbox.
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
    from app.cli import main

    return main()


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(_main())
