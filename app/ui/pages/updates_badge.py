"""The Updates page's state badge: the update state in plain words, with the probation countdown and the
reason of a rollback, withdrawal or halt."""

from __future__ import annotations

from app.core.text.messages import translate
from app.core.updates.update_status import UpdateStatus
from app.ui.formatting import duration, reason, when
from app.ui.i18n import text


def describe(status: UpdateStatus, now: float) -> tuple[str, str, str]:
    """``(tone, heading, detail)`` for ``status`` at ``now`` (tone: ok, attention, alert, busy, info)."""
    state = status.state
    op = status.progress or {}
    version = op.get("version", status.current_version)
    if state == "not_configured":
        return ("attention", text(translate("UpdatesPage", "No update channel")),
                text(translate("UpdatesPage", "Ringfence uses the definitions built into it and receives no updates.")))
    if state == "downloading":
        return "busy", text(translate("UpdatesPage", "Downloading version %1").arg(version)), ""
    if state == "validating":
        return ("busy", text(translate("UpdatesPage", "Checking version %1 before it is used").arg(version)),
                text(translate("UpdatesPage", "New definitions are tested in a separate process first; your protection stays as it is.")))
    if state == "activating":
        return "busy", text(translate("UpdatesPage", "Switching to version %1").arg(version)), ""
    if state == "halted":
        return ("attention", text(translate("UpdatesPage", "The vendor halted updates")),
                text(translate("UpdatesPage", "The vendor's message: %1").arg(status.halt_message or "-")))
    if state == "rolled_back":
        undone = status.rolled_back or {}
        back_to = undone.get("to")
        now_on = (translate("UpdatesPage", "Now using version %1.").arg(back_to) if back_to is not None
                  else translate("UpdatesPage", "Now using the built-in definitions."))
        return ("attention", text(translate("UpdatesPage", "Version %1 was rolled back").arg(undone.get("from", "?"))),
                text(translate("UpdatesPage", "Why: %1 %2").arg(reason(undone.get("reason")), now_on)))
    if state in ("out_of_date", "badly_out_of_date"):
        tone = "alert" if state == "badly_out_of_date" else "attention"
        return (tone, text(translate("UpdatesPage", "Out of date since %1").arg(when(status.out_of_date_since))),
                text(translate("UpdatesPage", "Check for updates now, or make sure this computer can reach the update server.")))
    if state == "probation" and status.probation_ends:
        return ("ok", text(translate("UpdatesPage", "Version %1 is on probation").arg(status.current_version)),
                text(translate("UpdatesPage", "It is watched for problems for %1 more; if it misbehaves, Ringfence goes back to the "
                        "previous definitions by itself.").arg(duration(status.probation_ends - now))))
    if state == "paused":
        return ("attention", text(translate("UpdatesPage", "Updates paused until %1").arg(when(status.paused_until))),
                text(translate("UpdatesPage", "Withdrawals by the vendor still apply while updates are paused.")))
    if state == "pinned":
        return ("info", text(translate("UpdatesPage", "Pinned")),
                text(translate("UpdatesPage", "New definitions are installed only when you choose Check now.")))
    if state == "rolling_out":
        return ("ok", text(translate("UpdatesPage", "Up to date")),
                text(translate("UpdatesPage", "A newer version is being rolled out step by step; it reaches this computer soon.")))
    return "ok", text(translate("UpdatesPage", "Up to date")), ""
