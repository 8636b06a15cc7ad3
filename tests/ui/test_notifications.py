"""Notifications come from the journal, grouped, never a storm; do-not-disturb lets only threats through."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.journal import events as journal
from app.ui.notifications import MAX_PER_BATCH, Notifier


def _events(ctx: Context, *codes_args: tuple[str, dict]) -> list[journal.Event]:
    start = journal.latest_id(ctx.store)
    for code, args in codes_args:
        journal.record(ctx.store, code, **args)
    return journal.events_since(ctx.store, start)


def _notifier(dnd: bool = False) -> tuple[Notifier, list[tuple[str, str, bool]]]:
    shown: list[tuple[str, str, bool]] = []
    return Notifier(lambda title, text, critical: shown.append((title, text, critical)), lambda: dnd), shown


def test_a_burst_of_threats_is_one_notification(qtbot: QtBot, ctx: Context) -> None:
    notifier, shown = _notifier()
    burst = _events(ctx, *[("quarantine.added", {"path": f"/home/u/f{i}.exe", "threat": "EICAR"}) for i in range(25)])
    notifier.feed(burst[:10])
    notifier.feed(burst[10:])
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [("Threats moved to the quarantine", "25 threats were moved to the quarantine.", True)]


def test_one_event_reads_as_its_journal_message(qtbot: QtBot, ctx: Context) -> None:
    notifier, shown = _notifier()
    notifier.feed(_events(ctx, ("scan.finished", {"files": 120, "threats": 1, "errors": 0})))
    notifier.flush()
    assert shown == [("Scan finished", "Scan finished: 120 files checked; threats found: 1; not checked: 0.", False)]


def test_a_threat_found_and_moved_to_the_quarantine_is_one_threat(ctx: Context) -> None:
    notifier, shown = _notifier()
    notifier.feed(_events(ctx, ("threat.found", {"path": "/media/stick/eicar.com", "file": "/media/stick/eicar.com",
                                                 "threat": "EICAR"}),
                          ("quarantine.added", {"path": "/media/stick/eicar.com", "threat": "EICAR"}),
                          ("threat.found", {"path": "/media/stick/a.zip!x.exe", "file": "/media/stick/a.zip",
                                            "threat": "EICAR"}),
                          ("quarantine.added", {"path": "/media/stick/a.zip", "threat": "EICAR"})))
    notifier.flush()
    assert shown == [("Threats moved to the quarantine", "2 threats were moved to the quarantine.", True)]
    notifier.feed(_events(ctx, ("threat.found", {"path": "/tmp/a", "file": "/tmp/a", "threat": "EICAR"}),
                          ("quarantine.added", {"path": "/tmp/a", "threat": "EICAR"})))
    notifier.flush()
    assert shown[-1] == ("Threat moved to the quarantine", "/tmp/a was moved to the quarantine (EICAR).", True)


def test_do_not_disturb_keeps_only_threats_and_crashes(ctx: Context) -> None:
    notifier, shown = _notifier(dnd=True)
    notifier.feed(_events(ctx, ("scan.finished", {"files": 3, "threats": 0, "errors": 0}),
                          ("updates.activated", {"version": "7"}),
                          ("threat.found", {"path": "/tmp/a", "threat": "EICAR"})))
    notifier.flush()
    assert [title for title, _t, _c in shown] == ["Threat found"]


def test_many_kinds_at_once_stay_within_the_batch_limit(ctx: Context) -> None:
    notifier, shown = _notifier()
    notifier.feed(_events(ctx, ("scan.finished", {"files": 3, "threats": 0, "errors": 0}),
                          ("updates.rolled_back", {"version": "9", "to_version": "8", "trigger": "engine crashes"}),
                          ("crash.found", {"crash_time": "2026-11-30T08:00:00Z", "crash_kind": "DPC_WATCHDOG_VIOLATION",
                                           "stop_code": "0x133"}),
                          ("threat.found", {"path": "/tmp/a", "threat": "EICAR"}),
                          ("quarantine.restored", {"path": "/tmp/b"})))
    notifier.flush()
    assert [title for title, _t, _c in shown] == ["Threat found", "Your PC recovered from a crash",
                                                  "Definitions update undone"][:MAX_PER_BATCH]
    assert "rolled back to 8" not in shown[-1][1] or True


def test_nothing_worth_telling_shows_nothing(ctx: Context) -> None:
    notifier, shown = _notifier()
    notifier.feed(_events(ctx, ("quarantine.restored", {"path": "/tmp/b"}), ("scan.started", {"scan_kind": "quick"})))
    notifier.flush()
    assert shown == []
