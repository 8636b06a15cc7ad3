"""Real-time protection applies the categories as scans do (issue #18): a potentially unwanted file is
reported, not quarantined, unless the user chose otherwise; a category turned off is not reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.journal import events
from app.core.realtime.engine_link import EngineLink
from app.core.scanning import definitions
from tests.engine.helpers import ATTRIBUTED_RULES, sample
from tests.quarantine.conftest import secret_service  # noqa: F401 - a fixture used by name


@pytest.mark.usefixtures("secret_service")
def test_pua_is_reported_by_default_quarantined_when_chosen_and_silent_when_off(ctx: Context, tmp_path: Path) -> None:
    folder = ctx.paths.definitions_dir / "versions" / "99"
    shutil.copytree(ATTRIBUTED_RULES, folder)
    definitions.write_pointer(ctx, 99, folder)
    assert ctx.settings["scan.action"] == "quarantine"
    link = EngineLink(ctx, jobs=1)
    link.start()
    try:
        tool = sample(tmp_path / "watched" / "tool.exe", "pua")
        result = link.scan([str(tool)])
        assert [(d["rule"], d["category"], d["action"]) for d in result.detections] == \
            [("RF_Test_PUA_Tool", "pua", "reported")]
        assert tool.exists()
        (event,) = [e for e in events.events_since(ctx.store, 0) if e.code == "realtime.detected"]
        assert (event.args["category"], event.args["author"], event.args["decision"]) == \
            ("pua", "Jane Example (Example Labs)", "reported")

        ctx.settings.set("scan.action_pua", "off")
        assert link.scan([str(tool)]).detections == []

        ctx.settings.set("scan.action_pua", "quarantine")
        result = link.scan([str(tool)])
        assert [d["action"] for d in result.detections] == ["quarantined"]
        assert not tool.exists()
        (item,) = q.list_items(ctx)
        assert (item.category, item.source) == ("pua", "testset-b")
    finally:
        link.close()
