"""Words for the Recovery page: the crash card's text from a crash report, and recovery messages."""

from __future__ import annotations

from typing import Any

from app.core.recovery import model
from app.core.recovery.explain import USER_MODE_STATEMENT, explain_code, kind_text, kind_title
from app.core.text.messages import translate
from app.ui.formatting import core_label, when_iso
from app.ui.i18n import text
from app.ui.widgets.crash_card import CrashCardText


def recovery_message(message: model.Message) -> str:
    """A recovery finding's sentence (a core message in the "Recovery" context) in the console's language."""
    return text(message)


def stop_code(code: str | None) -> int | None:
    try:
        return int(code, 16) if code else None
    except ValueError:
        return None


def card_text(report: dict[str, Any], position: int, total: int) -> CrashCardText:
    """The card for one crash report (:meth:`CrashReport.to_json`)."""
    kind = str(report.get("kind") or "")
    code = stop_code(report.get("bugcheck_code"))
    if code is not None:
        name = report.get("bugcheck_name") or "?"
        stop = text(translate("RecoveryPage", "Stop code: %1 (%2)").arg(name, report.get("bugcheck_code")))
    else:
        stop = text(translate("RecoveryPage", "What happened: %1").arg(kind_title(kind)))
    module = report.get("probable_module")
    failed = text(translate("RecoveryPage", "What failed: %1").arg(module)) if module else ""
    explained = explain_code(code)
    meaning = core_label("StopCodes", explained.meaning) if explained else text(kind_text(kind))
    advice = core_label("StopCodes", explained.advice) if explained else ""
    return CrashCardText(
        stop_code=stop, what_failed=failed,
        when=text(translate("RecoveryPage", "When: %1").arg(when_iso(report.get("time")))),
        meaning=text(translate("RecoveryPage", "What it means: %1").arg(meaning)),
        advice=text(translate("RecoveryPage", "What you can do: %1").arg(advice)) if advice else "",
        statement=core_label("StopCodes", USER_MODE_STATEMENT) if code is not None else "",
        position=text(translate("RecoveryPage", "Crash %1 of %2").arg(position, total)) if total > 1 else "",
    )


def yes_no(value: bool | None) -> str:
    if value is None:
        return text(translate("RecoveryPage", "unknown"))
    return text(translate("RecoveryPage", "on")) if value else text(translate("RecoveryPage", "off"))


def minutes(value: int | None) -> str:
    """A waiting time in the unit people use for it: ``2400`` minutes reads "40 hours"."""
    if value is None:
        return text(translate("RecoveryPage", "unknown"))
    if value >= 120 and value % 60 == 0:
        return text(translate("RecoveryPage", "%n hour(s)", None, 0).plural(value // 60))
    return text(translate("RecoveryPage", "%n minute(s)", None, 0).plural(value))
