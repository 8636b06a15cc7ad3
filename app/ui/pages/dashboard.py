"""Dashboard: the verdict large with a one-click fix for each reason, and a tile for each part of the
protection (real-time protection, definitions and ring, last scan, quarantine, engine health, recovery)."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from PySide6.QtWidgets import QGridLayout, QMenu, QVBoxLayout

from app.core.context import Context
from app.core.journal import events
from app.core.status.verdict import Verdict
from app.core.text.messages import translate
from app.ui.formatting import age_days, size, when, when_iso
from app.ui.i18n import text
from app.ui.icons import icon, state_icon
from app.ui.labels import ring_name, scan_kind
from app.ui.pages import dashboard_calls as calls
from app.ui.pages.base import ConsoleLike, Page
from app.ui.protection import PAUSES, pause_label
from app.ui.widgets.tile import Tile
from app.ui.widgets.verdict_banner import VerdictBanner


class DashboardPage(Page):
    name = "dashboard"
    icon = "page-dashboard"
    kinds: ClassVar[tuple[str, ...]] = events.KINDS

    def __init__(self, app: ConsoleLike) -> None:
        super().__init__(app)
        app.verdict_changed.connect(self.show_verdict)
        self.start()

    def build(self) -> None:
        layout = QVBoxLayout(self.body)
        self.banner = VerdictBanner(self.app.run_action, self.body)
        layout.addWidget(self.banner)
        grid = QGridLayout()
        self.tiles = {
            "realtime": Tile(self.tr("Real-time protection"), self.body),  # its shield follows its state
            "definitions": Tile(self.tr("Definitions"), self.body, icon("page-updates")),
            "scan": Tile(self.tr("Last scan"), self.body, icon("page-scan")),
            "quarantine": Tile(self.tr("Quarantine"), self.body, icon("page-quarantine")),
            "engine": Tile(self.tr("Scanner engine"), self.body, icon("page-settings")),
            "recovery": Tile(self.tr("Crashes and recovery"), self.body, icon("page-recovery")),
        }
        for index, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, index // 3, index % 3)
        for column in range(3):  # three tiles of the same width, whatever their texts
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        layout.addStretch(1)

    @property
    def title(self) -> str:
        return self.tr("Dashboard")

    @staticmethod
    def load(ctx: Context, *args: Any) -> calls.DashboardData:
        return calls.load(ctx)

    def show_data(self, data: calls.DashboardData) -> None:
        self.banner.show_verdict(data.verdict)
        status = data.status
        self._realtime(data.realtime)
        self._definitions(status["definitions"], status["updates"])
        self._scan(status["last_scan"])
        self._quarantine(status["quarantine"])
        self._engine(data.engine)
        self._recovery(data)

    def show_verdict(self, verdict: Verdict) -> None:
        self.banner.show_verdict(verdict)

    def handle_action(self, action_id: str) -> bool:
        """``engine.selftest``: run the engine's self-test now and show how it went."""
        if action_id != "engine.selftest":
            return False
        self.say(self.tr("The self-test is running…"))
        self.call("engine.selftest", calls.selftest, done=self._selftest_done)
        return True

    def _selftest_done(self, ok: bool) -> None:
        if ok:
            self.say(self.tr("The self-test passed: the engine finds test threats and leaves clean files alone."))
        else:
            self.notice.show_text(self.tr("The self-test failed. Check for updates; if it keeps failing, "
                                          "reinstall Ringfence."))
        self.refresh()
        refresh_verdict = getattr(self.app, "refresh_verdict", None)
        if refresh_verdict is not None:
            refresh_verdict()

    # -- tiles --------------------------------------------------------------------------------------

    def _go(self, page: str) -> tuple[str, Any]:
        return self.tr("Open"), lambda: self.app.show_page(page)

    def _do(self, label: str, action: str) -> tuple[str, Any]:
        return label, lambda: self.app.run_action(action)

    def _realtime(self, state: dict[str, Any] | None) -> None:
        tile = self.tiles["realtime"]
        current = (state or {}).get("state", "off")
        tile.set_icon(state_icon({"on": "ok", "paused": "attention"}.get(current, "alert")))
        if current == "on":
            tile.set_state(self.tr("On"), self.tr("New and changed files are checked as soon as they are written."),
                           (self.tr("Pause…"), self._offer_pause))
        elif current == "paused":
            until = (state or {}).get("paused_until")
            tile.set_state(self.tr("Paused"), text(translate("DashboardPage", "Until %1").arg(when(until))) if until
                           else self.tr("Until Ringfence restarts"), self._do(self.tr("Resume"), "realtime.resume"))
        else:
            tile.set_state(self.tr("Off"), self.tr("Files are checked only when you scan them."),
                           self._do(self.tr("Turn on"), "realtime.resume"))

    def _offer_pause(self) -> None:
        """How long to pause, below the tile's button (turning protection off is a setting, not offered here)."""
        self.pause_menu = menu = QMenu(self)
        for argument, minutes in PAUSES:
            menu.addAction(pause_label(minutes), partial(self.app.run_action, f"realtime.pause:{argument}"))
        button = self.tiles["realtime"].button
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def _definitions(self, defs: dict[str, Any], updates: dict[str, Any]) -> None:
        version = (self.tr("Built-in definitions") if defs["source"] == "baseline"
                   else text(translate("DashboardPage", "Version %1").arg(defs["version"])))
        detail = text(translate("DashboardPage", "%1; update ring: %2").arg(age_days(defs.get("age_days")),
                                                                              ring_name(updates["ring"])))
        self.tiles["definitions"].set_state(version, detail, self._do(self.tr("Check for updates"), "update.check"))

    def _scan(self, scan: dict[str, Any] | None) -> None:
        tile = self.tiles["scan"]
        if scan is None:
            tile.set_state(self.tr("No scan yet"), "", self._do(self.tr("Quick scan"), "scan.quick"))
            return
        what = text(translate("DashboardPage", "%1, %2").arg(scan_kind(scan["kind"]), when_iso(scan["finished_at"])))
        counts = text(translate("DashboardPage", "%n file(s) checked, threats found: %1", None, 0)
                      .plural(int(scan["files_scanned"])).arg(scan["detections"]))
        if scan["cancelled"]:
            counts = text(translate("DashboardPage", "Cancelled: %1").arg(counts))
        tile.set_state(what, counts, self._do(self.tr("Quick scan"), "scan.quick"))

    def _quarantine(self, vault: dict[str, Any]) -> None:
        value = text(translate("DashboardPage", "%n item(s)", None, 0).plural(int(vault["items"])))
        detail = size(vault["total_size"])
        if vault["no_longer_detected"]:
            detail = text(translate("DashboardPage", "%1; no longer detected: %2").arg(detail, vault["no_longer_detected"]))
        if vault["key_protection"] != "keyring":
            detail += "\n" + self.tr("The key is kept in a private file, not in the system keyring.")
        self.tiles["quarantine"].set_state(value, detail, self._go("quarantine"))

    def _engine(self, engine: calls.EngineHealth) -> None:
        test = engine.selftest
        if test is not None and not test.ok:
            value, detail = self.tr("Self-test failed"), text(translate("DashboardPage", "On %1").arg(when(test.time)))
        elif engine.trouble == "hang":
            value = self.tr("Stopped responding recently")
            detail = text(translate("DashboardPage", "On %1; it was restarted.").arg(when(engine.trouble_at)))
        elif engine.trouble == "crash":
            value = self.tr("Crashed recently")
            detail = text(translate("DashboardPage", "On %1; it was restarted.").arg(when(engine.trouble_at)))
        else:
            value = self.tr("Working")
            detail = (text(translate("DashboardPage", "Last self-test passed on %1").arg(when(test.time))) if test
                      else self.tr("Runs in its own process, in user mode."))
        self.tiles["engine"].set_state(value, detail, self._do(self.tr("Run the self-test"), "engine.selftest"))

    def _recovery(self, data: calls.DashboardData) -> None:
        tile = self.tiles["recovery"]
        if data.crashes:
            newest = data.crashes[0]
            tile.set_state(self.tr("Your PC restarted unexpectedly"),
                           text(translate("DashboardPage", "On %1").arg(when_iso(newest.time))),
                           self._do(self.tr("Show what happened"), "recovery.open"))
        else:
            tile.set_state(self.tr("No new unexpected restarts"), "", self._go("recovery"))
