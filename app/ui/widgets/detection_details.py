"""What a detection is and where its rule comes from, as the console shows it wherever a detection is
listed (the Scan page, the quarantine, History, the "ask" question): the category, the rule set, the
rule's author and licence (a rule licence may require showing the author), and its reference."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.core.journal.provenance import attribution, category_label, provenance
from app.ui.i18n import text

Record = Mapping[str, Any] | Any  # a detection dict, an event's args, a Found or a quarantine Item


def category_text(record: Record) -> str:
    """``Threat``, ``Potentially unwanted`` or ``Suspicious`` in the console's language."""
    return text(category_label(provenance(record)["category"]))


def attribution_text(record: Record) -> str:
    """One line: the category, the rule set, the author and the licence."""
    return text(attribution(record))


def source_text(record: Record) -> str:
    """The rule set and its author, for a table column (empty when not known)."""
    values = provenance(record)
    return " · ".join(v for v in (values["source"], values["author"]) if v)


def details_html(rule: str, record: Record) -> str:
    """The detection's provenance as a small table, the reference as a link (unknown values as a dash)."""
    values = provenance(record)
    rows = [
        (QCoreApplication.translate("DetectionDetails", "Detected as"), html.escape(rule)),
        (QCoreApplication.translate("DetectionDetails", "Kind"), html.escape(category_text(record))),
        (QCoreApplication.translate("DetectionDetails", "Rule set"), html.escape(values["source"]) or "–"),
        (QCoreApplication.translate("DetectionDetails", "Rule author"), html.escape(values["author"]) or "–"),
        (QCoreApplication.translate("DetectionDetails", "Rule licence"), html.escape(values["licence"]) or "–"),
    ]
    reference = values["reference"]
    label = QCoreApplication.translate("DetectionDetails", "Reference")
    if reference.startswith(("https://", "http://")):
        rows.append((label, f'<a href="{html.escape(reference, quote=True)}">{html.escape(reference)}</a>'))
    elif reference:
        rows.append((label, html.escape(reference)))
    cells = "".join(f"<tr><td><b>{html.escape(label)}</b>&nbsp;</td><td>{value}</td></tr>" for label, value in rows)
    return f"<table>{cells}</table>"


class DetectionDetails(QLabel):
    """The details of the selected detection, under a list of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detectionDetails")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(True)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setAccessibleName(self.tr("Details of the selected detection"))
        self.hide()

    def show_detection(self, rule: str | None, record: Record | None = None) -> None:
        """Show ``rule`` and ``record``'s provenance, or nothing when ``rule`` is None."""
        if rule is None:
            self.clear()
            self.hide()
            return
        self.setText(details_html(rule, record if record is not None else {}))
        self.show()


__all__ = ["DetectionDetails", "attribution_text", "category_text", "details_html", "source_text"]
