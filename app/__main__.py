"""`python -m app` is the same as `ringfence`; `python -m app --engine` runs the engine worker."""

import sys


def _main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--engine":
        from app.engine.worker import main as engine_main

        return engine_main(sys.argv[2:])
    from app.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_main())
