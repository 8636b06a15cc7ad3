"""The provenance of a detection: the rule's category, source, author, licence and reference.

The licence of a shipped rule set may require it (the Detection Rule License 1.1 of signature-base:
"messages based on matches with the Rules must retain … the author"), and a user deciding whether to
trust a finding needs it: so every place that shows a detection shows these, through this module.
A detection recorded before provenance existed reads as a threat of unknown source.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.text.labels import Labels
from app.core.text.messages import Message, translate
from app.engine.provenance_meta import CATEGORIES, DEFAULT_CATEGORY

PROVENANCE_KEYS = ("category", "source", "author", "licence", "reference")

CATEGORY_LABELS = Labels({
    "threat": translate("Findings", "Threat"),
    "pua": translate("Findings", "Potentially unwanted"),
    "suspicious": translate("Findings", "Suspicious"),
}, translate("Findings", "Threat"))


def provenance(record: Mapping[str, Any] | Any) -> dict[str, str]:
    """The five provenance values of a detection dict, an event's args or an object with those attributes
    (missing ones: a threat, the rest empty)."""
    get = record.get if isinstance(record, Mapping) else (lambda key, default=None: getattr(record, key, default))
    values = {key: str(get(key) or "") for key in PROVENANCE_KEYS}
    if values["category"] not in CATEGORIES:
        values["category"] = DEFAULT_CATEGORY
    return values


def category_label(category: object) -> Message:
    """``Threat``, ``Potentially unwanted`` or ``Suspicious``, in the reader's language."""
    return CATEGORY_LABELS(category)


def attribution(record: Mapping[str, Any] | Any) -> Message:
    """One line naming the category and where the rule comes from, e.g. ``Threat · rule set
    signature-base · by Florian Roth · licence DRL-1.1`` (unknown parts are left out)."""
    values = provenance(record)
    text = category_label(values["category"])
    for key, template in (("source", translate("Findings", "%1 · rule set %2")),
                          ("author", translate("Findings", "%1 · by %2")),
                          ("licence", translate("Findings", "%1 · licence %2"))):
        if values[key]:
            text = template.arg(text, values[key])
    return text


def attribution_plain(record: Mapping[str, Any] | Any) -> str:
    """The CLI's and the log's form of the attribution: ``category=pua source=… author="…" licence=…``
    (one line, values with spaces quoted)."""
    values = provenance(record)
    parts = [f"category={values['category']}"]
    for key in ("source", "author", "licence", "reference"):
        if values[key]:
            parts.append(f"{key}={_quoted(values[key])}")
    return " ".join(parts)


def _quoted(value: str) -> str:
    value = " ".join(value.split())  # one finding per line, whatever a rule's meta holds
    if value and not any(c.isspace() or c in "\"'" for c in value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


__all__ = ["CATEGORY_LABELS", "PROVENANCE_KEYS", "attribution", "attribution_plain", "category_label", "provenance"]
