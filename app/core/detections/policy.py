"""What happens to a finding of each category (DESIGN §4, issue #18).

Threats follow the scan's on-detection action (the setting ``scan.action``, or what the scan was asked
to do). Potentially unwanted software (``pua``: hack tools, adware) and suspicious findings have a
setting each — ``off`` (not reported at all), ``report``, ``ask`` or ``quarantine`` — and are never
quarantined unless the user chose that. A scan that only reports (``ringfence scan`` without
``--action quarantine``) never moves a file, whatever the category.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol


class SettingsLike(Protocol):
    def __getitem__(self, key: str) -> Any: ...


#: The setting of each category that has one (threats: the scan's own action).
CATEGORY_SETTINGS = {"pua": "scan.action_pua", "suspicious": "scan.action_suspicious"}
CATEGORY_CHOICES = ("off", "report", "ask", "quarantine")
OFF = "off"
_STRENGTH = {"report": 0, "ask": 1, "quarantine": 2}


def category_action(settings: SettingsLike, scan_action: str, category: object) -> str:
    """The action for one finding: ``report``, ``ask``, ``quarantine`` or ``off``."""
    key = CATEGORY_SETTINGS.get(str(category))
    if key is None:
        return scan_action
    chosen = str(settings[key])
    if chosen == OFF:
        return OFF
    if scan_action == "report" or chosen not in _STRENGTH:
        return "report"
    return chosen


def ignored_categories(settings: SettingsLike) -> list[str]:
    """The categories the user turned off: the engine does not report them."""
    return sorted(category for category, key in CATEGORY_SETTINGS.items() if settings[key] == OFF)


def stronger(action: str, than: str) -> bool:
    """True when ``action`` does more to a file than ``than`` (quarantine > ask > report)."""
    return _STRENGTH.get(action, 0) > _STRENGTH.get(than, 0)


def strongest_first(detections: Iterable[dict[str, Any]], action_of: Callable[[dict[str, Any]], str],
                    file_of: Callable[[dict[str, Any]], str]) -> list[dict[str, Any]]:
    """The detections with, for each file, the one asking for the most first (files keep their order):
    a threat and a potentially unwanted finding in one file quarantine it, and the console is not asked
    about a file that is quarantined the next moment."""
    order: dict[str, list[dict[str, Any]]] = {}
    for detection in detections:
        order.setdefault(file_of(detection), []).append(detection)
    return [d for group in order.values()
            for d in sorted(group, key=lambda d: -_STRENGTH.get(action_of(d), -1))]


__all__ = ["CATEGORY_CHOICES", "CATEGORY_SETTINGS", "OFF", "category_action", "ignored_categories",
           "stronger", "strongest_first"]
