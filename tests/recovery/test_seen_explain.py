"""Announcing each crash once (real SQLite state database), stop code names and plain-language texts."""

from __future__ import annotations

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.foundation.paths import get_paths
from app.core.foundation.resources import resource_path
from app.core.foundation.store import Store
from app.core.recovery.bugchecks import bugcheck_name, normalize_code
from app.core.recovery.explain import KIND_TEXT, STOP_CODES, USER_MODE_STATEMENT, explain_code
from app.core.recovery.model import CRASH_KINDS, CrashReport
from app.core.recovery.seen import SeenCrashes
from tests.conftest import ROOT

NOW = datetime(2025, 11, 25, 16, 0, tzinfo=UTC)


def report(key: str, age: timedelta) -> CrashReport:
    return CrashReport(kind="bugcheck", time=NOW - age, key=key, bugcheck_code=0x1A)


def test_each_crash_is_announced_once_across_launches(rf_home: Path) -> None:
    db = get_paths().ensure().state_db
    today, last_month = report("a", timedelta(hours=1)), report("old", timedelta(days=30))
    with Store(db) as store:
        first = SeenCrashes(store).announce([today, last_month], now=NOW)
    assert [r.key for r in first] == ["a"]  # first run: the old history is not news
    with Store(db) as store:  # the next launch
        seen = SeenCrashes(store)
        assert seen.is_seen(last_month)
        assert seen.announce([today, last_month], now=NOW) == []
        tomorrow = report("b", timedelta(0))
        assert [r.key for r in seen.announce([tomorrow, today], now=NOW + timedelta(days=1))] == ["b"]
        assert seen.announce([tomorrow], now=NOW + timedelta(days=2)) == []
        older_but_new = report("c", timedelta(days=60))
        assert [r.key for r in seen.announce([older_but_new], now=NOW)] == ["c"]  # after the first run, every new one counts


def test_stop_code_names_and_m_variants() -> None:
    assert bugcheck_name(0x1A) == "MEMORY_MANAGEMENT"
    assert bugcheck_name(0x1C8) == "MANUALLY_INITIATED_POWER_BUTTON_HOLD"
    assert bugcheck_name(0x1000007E) == "SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M"  # listed in the table
    assert bugcheck_name(0x100000D1) == "DRIVER_IRQL_NOT_LESS_OR_EQUAL_M"  # derived from its family
    assert normalize_code(0x1000008E) == 0x8E and normalize_code(0xC000021A) == 0xC000021A
    assert bugcheck_name(0x0BADC0DE) is None


def test_the_stop_code_table_ships_with_its_attribution() -> None:
    source = resource_path("recovery", "SOURCE.md").read_text(encoding="utf-8")
    assert "CC-BY-4.0" in source and "bug-check-code-reference2" in source
    lines = resource_path("recovery", "bugcheck_codes.tsv").read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in lines if line.startswith("0x")) == 379


def test_thirty_common_stop_codes_are_explained_in_translatable_text() -> None:
    assert len(STOP_CODES) == 30
    assert all(bugcheck_name(code) for code in STOP_CODES)
    assert set(KIND_TEXT) == set(CRASH_KINDS)
    assert explain_code(0x1000007E, "amdppm.sys") == STOP_CODES[0x7E]
    assert "named as probable cause" not in explain_code(0x1000007E).advice  # type: ignore[union-attr]
    assert explain_code(0xDEADDEAD) is not None and explain_code(None) is None
    assert "user mode" in USER_MODE_STATEMENT and "kernel driver" in USER_MODE_STATEMENT
    tree = ast.parse((ROOT / "app" / "core" / "recovery" / "explain.py").read_text(encoding="utf-8"))
    marked = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"]
    assert all(isinstance(n.args[0], ast.Constant) and n.args[0].value == "StopCodes" for n in marked)
    assert all(isinstance(n.args[1], ast.Constant) for n in marked)  # one literal each, so lupdate extracts it
    assert len(marked) >= 30 + 6 + 2
