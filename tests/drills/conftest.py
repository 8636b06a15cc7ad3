"""A small fleet for the drills: the real publisher and a signed channel served over HTTP on
127.0.0.1, the real collector, and several real clients — each with its own home folder, update
client, engine and health beacon (consent given) — plus the promotion gates run as the vendor's job.

When ``RINGFENCE_DRILL_REPORT`` names a file, each drill appends what it injected and what happened;
``scripts/reliability_report`` turns that into docs/RELIABILITY.md.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from app.channel import publisher
from app.channel.gates import GateDecision
from app.channel.promote import run_once
from app.channel.repository import ChannelRepo
from app.core.beacon import reporter
from app.core.beacon.sender import send_due
from app.core.context import Context
from app.core.foundation.paths import Paths
from app.core.foundation.settings import Settings
from app.core.updates.channelconfig import set_channel
from app.core.updates.rings import bucket
from app.core.updates.rollout import Release
from app.core.updates.service import UpdateService
from app.core.updates.state import load_state, save_state
from tests.beacon.conftest import Tapped, start_tapped
from tests.updates.conftest import FakeClock, FaultServer, Material, make_service, material  # noqa: F401

_ids = itertools.count()


@dataclass
class Client:
    name: str
    ctx: Context
    service: UpdateService
    bucket: int

    def check(self) -> str:
        return self.service.check().outcome

    def report(self) -> None:
        reporter.collect(self.ctx, self.service.clock())
        with requests.Session() as session:
            send_due(self.ctx, session, self.service.clock())


@dataclass
class Fleet:
    repo: ChannelRepo
    server: FaultServer
    material: Material
    collector: Tapped
    clock: FakeClock
    base: Path
    clients: list[Client] = field(default_factory=list)

    def client(self, *, canary: bool) -> Client:
        """A new installation whose bucket is inside (canary) or outside the first 10 buckets."""
        name = f"client-{len(self.clients)}"
        root = self.base / name
        paths = Paths(root / "config", root / "data", root / "cache", root / "logs").ensure()
        ctx = Context(paths, Settings.load(paths.settings_file), paths.log_dir / "ringfence.log")
        set_channel(paths.config_dir, self.server.url, self.repo.dir / "metadata" / "1.root.json",
                    collector=self.collector.url)
        state = load_state(paths.data_dir)
        while True:
            candidate = f"drill-install-{next(_ids)}"
            b = bucket(candidate, "test-salt")
            if (b < 10) == canary:
                break
        state.install_id, state.bucket_salt = candidate, "test-salt"
        save_state(paths.data_dir, state)
        reporter.set_enabled(ctx, True, self.clock())
        c = Client(name, ctx, make_service(ctx, self.clock, self.material), b)
        self.clients.append(c)
        return c

    def release(self, name: str, exposure: int) -> int:
        return publisher.release(self.repo, self.material.bundles[name], exposure).version

    def force_release(self, name: str, version: int, exposure: int) -> None:
        """A bundle on the channel without the publisher's checks (a broken publishing pipeline)."""
        doc = publisher.current(self.repo)
        now = self.repo.clock()
        rel = Release(version, f"content/defs-{version:06d}.tar.gz", exposure, "rolling", None, now, exposed_at=now)
        doc.releases.append(rel)
        publisher.publish(self.repo, doc, {rel.target: self.material.bundles[name].read_bytes()})

    def report(self) -> None:
        for c in self.clients:
            c.report()

    def promote(self) -> GateDecision:
        return run_once(self.repo, self.collector.store, auto=True, log_path=self.base / "promotions.jsonl")

    def close(self) -> None:
        for c in self.clients:
            c.ctx.close()


@pytest.fixture
def fleet(tmp_path: Path, material: Material, rf_home: Path) -> Iterator[Fleet]:  # noqa: F811
    shutil.copytree(material.channel, tmp_path / "chan")
    shutil.copytree(material.keys, tmp_path / "chan-keys")
    repo = ChannelRepo(tmp_path / "chan", tmp_path / "chan-keys")
    server = FaultServer(tmp_path / "chan")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    collector = start_tapped(tmp_path / "collector.db")
    clock = FakeClock()
    clock.t = time.time()
    f = Fleet(repo, server, material, collector, clock, tmp_path)
    try:
        yield f
    finally:
        f.close()
        collector.running.stop()
        collector.store.close()
        server.shutdown()
        server.server_close()


@pytest.fixture
def drill_report(request: pytest.FixtureRequest) -> Iterator[dict[str, Any]]:
    """What a drill injected and what happened; written out when the drill passed."""
    entry: dict[str, Any] = {"drill": request.node.name}
    yield entry
    target = os.environ.get("RINGFENCE_DRILL_REPORT")
    if target and "outcome" in entry:  # set as the drill's last step: only passed drills are reported
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry, sort_keys=True) + "\n")
