"""The engine self-test: the definitions load in a real worker, EICAR and the golden samples are
detected in memory, and the clean self-test corpus shipped in ``resources/`` is not."""

from __future__ import annotations

from typing import Any

from app.core.context import Context
from app.core.definitions import ActiveDefinitions
from app.core.resources import resource_path
from app.core.supervisor import Supervisor

CLEAN_CORPUS = ("selftest", "clean")


def selftest_request(ctx: Context, defs: ActiveDefinitions) -> dict[str, Any]:
    return {
        "cmd": "selftest",
        "definitions": defs.definitions.to_request(),
        "compiled_dir": str(ctx.paths.compiled_dir),
        "clean_dirs": [str(resource_path(*CLEAN_CORPUS))],
        "timeout": ctx.settings["scan.rule_timeout_s"],
    }


def run_selftest(ctx: Context, defs: ActiveDefinitions, supervisor: Supervisor | None = None) -> dict[str, Any]:
    own = supervisor is None
    supervisor = supervisor or Supervisor(ctx)
    try:
        result = supervisor.request(selftest_request(ctx, defs), "selftest", defs.version)
    finally:
        if own:
            supervisor.close()
    result.pop("type", None)  # a protocol field, not part of the report
    result["definitions_source"] = defs.source
    return result
