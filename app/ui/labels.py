"""Names the console shows in more than one place (update rings, scan kinds), translated once."""

from __future__ import annotations

from app.core.text.messages import translate
from app.ui.i18n import text

RINGS = ("early", "default", "delayed", "pinned")


def ring_name(ring: str) -> str:
    names = {
        "early": translate("Labels", "Early (first to get new definitions)"),
        "default": translate("Labels", "Default"),
        "delayed": translate("Labels", "Delayed (48 hours after everyone else)"),
        "pinned": translate("Labels", "Pinned (only when you check now)"),
    }
    return text(names[ring]) if ring in names else ring


def scan_kind(kind: str) -> str:
    names = {"quick": translate("Labels", "Quick scan"), "full": translate("Labels", "Full scan"),
             "custom": translate("Labels", "Custom scan")}
    return text(names[kind]) if kind in names else kind
