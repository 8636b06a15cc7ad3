"""``ringfence selftest``: prove the engine works with the active definitions."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.output import print_json
from app.core.context import Context
from app.core.scanning import definitions
from app.core.scanning.engine_selftest import run_selftest


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "selftest", help="check that the engine loads the definitions and detects the test samples",
        description="Load the active definitions in an engine worker, detect EICAR and the golden samples "
        "in memory, and check that the clean self-test files stay clean.")
    parser.add_argument("--definitions", type=Path, metavar="PATH", help="test these definitions instead")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with Context.open() as ctx:
        result = run_selftest(ctx, definitions.choose(ctx, args.definitions))
    if args.json:
        print_json(result)
    else:
        print(f"Ringfence {result['app_version']}, engine {result['engine_version']}, "
              f"yara {result['yara_version']} (yara-python {result['yara_python_version']})")
        print(f"Definitions {result['definitions_version']}: {result['rule_count']} rules, "
              f"{result['hash_count']} hash signatures")
        for check in result["checks"]:
            mark = "ok  " if check["ok"] else "FAIL"
            detail = f" ({check['detail']})" if check["detail"] else ""
            print(f"  {mark} {check['check']}{detail}")
        print("Self-test passed." if result["ok"] else "Self-test FAILED.")
    return 0 if result["ok"] else 2
