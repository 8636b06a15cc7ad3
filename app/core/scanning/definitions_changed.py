"""What follows a change of the active definitions (activation, revert, rollback).

Every quarantined item is re-scanned in memory by an engine worker with the definitions now active;
items no longer detected are flagged and offered for restore (never restored silently). A failure here
is logged and never undoes the switch: the definitions change stands either way.
"""

from __future__ import annotations

import logging

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.quarantine import RecheckReport, list_items, recheck
from app.core.scanning import definitions
from app.core.scanning.runs import engine_scan_bytes, scan_request
from app.core.scanning.supervisor import Supervisor

log = logging.getLogger(__name__)


def recheck_quarantine(ctx: Context) -> RecheckReport | None:
    """Re-check the vault against the active definitions; ``None`` when the vault is empty."""
    if not list_items(ctx):
        return None
    defs = definitions.active(ctx)
    try:
        with Supervisor(ctx) as supervisor:
            request = scan_request(ctx, [], defs, use_cache=False, jobs=1)
            report = recheck(ctx, engine_scan_bytes(supervisor, request, defs.version), defs.version)
    except RingfenceError as exc:
        log.error("re-checking the quarantine after the definitions changed failed: %s", exc)
        return None
    if report.no_longer_detected:
        log.info("definitions %s no longer detect %d quarantined item(s)", defs.version, len(report.no_longer_detected))
    return report
