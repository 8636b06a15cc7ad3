"""Fixtures for the update channel: a channel made by ``ringfence-channel``, served by a real HTTP
server on 127.0.0.1 that can misbehave on demand, and an update client pointed at it.

Keys, the channel template and the bundles are made once per session (building a good bundle runs
the publisher's validation sandbox); each test gets its own copy of the channel folder.
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from app.channel import publisher
from app.channel.build import build
from app.channel.repository import ChannelRepo
from app.core.context import Context
from app.core.updates.channelconfig import set_channel
from app.core.updates.fetcher import RequestsFetcher
from app.core.updates.rings import bucket
from app.core.updates.service import UpdateService
from app.core.updates.state import load_state, save_state
from app.engine.bundle import build_bundle

ROOT = Path(__file__).resolve().parents[2]

EICAR_RULE = 'rule EICAR_Test_File {\n  strings: $a = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"\n  condition: $a\n}\n'
MARKER = b"RINGFENCE-TEST-MARKER-7f3a"
MARKER_RULE = 'rule Ringfence_Test_Marker {\n  strings: $m = "RINGFENCE-TEST-MARKER-7f3a"\n  condition: $m\n}\n'
EXTRA_RULE = 'rule Ringfence_Test_Extra {\n  strings: $x = "RINGFENCE-EXTRA-91c2"\n  condition: $x\n}\n'
HANG_RULE = ("rule Ringfence_Test_Hang {\n  condition: for any i in (0..filesize) : "
             "( for any j in (0..filesize) : ( uint8(i) + uint8(j) == 1000 ) )\n}\n")
GOLDEN = {"Ringfence_Test_Marker": b"sample with " + MARKER + b" inside\n"}


def write_rules(folder: Path, rules: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rules.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def many_rules(count: int) -> str:
    return "".join(f'rule Ringfence_Many_{i} {{\n  strings: $s = "RINGFENCE-MANY-{i:04d}-q8"\n  condition: $s\n}}\n'
                   for i in range(count))


@dataclass
class Material:
    corpus: Path
    channel: Path
    keys: Path
    bundles: dict[str, Path] = field(default_factory=dict)


@pytest.fixture(scope="session")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    base = tmp_path_factory.mktemp("channel-material")
    corpus = base / "clean"
    shutil.copytree(ROOT / "resources" / "selftest" / "clean", corpus)
    (corpus / "essay.txt").write_text(" ".join(itertools.repeat("plain harmless words", 1500)), encoding="utf-8")
    mat = Material(corpus, base / "chan", base / "chan-keys")
    good = {"eicar.yar": EICAR_RULE, "marker.yar": MARKER_RULE}
    for version, rules in ((1, good), (2, {**good, "extra.yar": EXTRA_RULE}),
                           (3, {**good, "extra.yar": EXTRA_RULE.replace("91c2", "91c3")})):
        folder = write_rules(base / f"rules-{version}", rules)
        mat.bundles[f"v{version}"] = build(folder, base / f"defs-{version}.tar.gz", version, notes=f"Release {version}.\n",
                                           golden_dir=None, clean=[corpus]).archive
    golden_dir = base / "golden"
    golden_dir.mkdir()
    (golden_dir / "Ringfence_Test_Marker.bin").write_bytes(GOLDEN["Ringfence_Test_Marker"])
    mat.bundles["v1-golden"] = build(base / "rules-1", base / "defs-1-golden.tar.gz", 1, golden_dir=golden_dir,
                                     clean=[corpus]).archive

    def bad(name: str, rules: dict[str, str], rule_count: int, **kw: Any) -> None:
        folder = write_rules(base / f"rules-{name}", rules)
        mat.bundles[name] = build_bundle(folder, base / f"{name}.tar.gz", 4, rule_count=rule_count, **kw)

    bad("no-compile", {**good, "broken.yar": "rule Broken { condition: nonsense_identifier }\n"}, 3)
    bad("counts", {"eicar.yar": EICAR_RULE, "many.yar": many_rules(19)}, 21)
    own = hashlib.sha256((ROOT / "app" / "__init__.py").read_bytes()).hexdigest()
    bad("own-file-hash", good, 2, hashes={own: "Fake.Threat"})
    bad("no-eicar", {"marker.yar": MARKER_RULE}, 1)
    readme = (corpus / "readme.txt").read_text(encoding="utf-8").split()[0]
    bad("flags-clean", {**good, "fp.yar": f'rule Ringfence_Test_FP {{\n  strings: $r = "{readme}"\n  condition: $r\n}}\n'}, 3)
    bad("hangs", {**good, "hang.yar": HANG_RULE}, 3)
    clash = hashlib.sha256(b"known good").hexdigest()
    bad("allow-clash", good, 2, hashes={clash: "Fake.Threat"}, allow={clash: "known good tool"})
    ChannelRepo.init(mat.channel, mat.keys)
    publisher.create(ChannelRepo(mat.channel, mat.keys), "stable", "test-salt")
    return mat


# ---------------------------------------------------------------------------------------------
# A real HTTP server on 127.0.0.1 with fault injection


class FaultHandler(SimpleHTTPRequestHandler):
    server: FaultServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        for pattern, fault in list(self.server.faults.items()):
            if pattern in self.path:
                return self._fault(fault)
        return super().do_GET()

    def _file_bytes(self) -> bytes:
        return Path(self.translate_path(self.path)).read_bytes()

    def _send(self, data: bytes, length: int | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data) if length is None else length))
        self.end_headers()
        self.wfile.write(data)

    def _fault(self, fault: tuple[Any, ...]) -> None:
        kind = fault[0]
        if kind == "status":
            self.send_response(fault[1])
            for key, value in (fault[2] if len(fault) > 2 else {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif kind == "tamper":
            data = bytearray(self._file_bytes())
            data[len(data) // 2] ^= 0x01
            self._send(bytes(data))
        elif kind == "truncate":
            data = self._file_bytes()
            self._send(data[: len(data) // 2])
        elif kind == "append":
            self._send(self._file_bytes() + b"\0" * fault[1])
        elif kind == "replace":
            self._send(fault[1])
        elif kind == "drip":
            data = self._file_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(fault[1])
            except OSError:
                pass
        elif kind == "endless":
            self.send_response(200)
            self.end_headers()  # no length: data until the client gives up
            try:
                for _ in range(100_000):
                    self.wfile.write(b"\0" * 65536)
            except OSError:
                pass
            self.close_connection = True


class FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.faults: dict[str, tuple[Any, ...]] = {}
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", 0), lambda *a: FaultHandler(*a, directory=str(self.directory)))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class FakeClock:
    def __init__(self) -> None:
        self.t = time.time()

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@dataclass
class Setup:
    """One test's channel (a copy of the template), its server and an update client."""

    repo: ChannelRepo
    server: FaultServer
    material: Material
    ctx: Context
    clock: FakeClock
    service: UpdateService

    def release(self, name: str, exposure: int = 10_000) -> int:
        return publisher.release(self.repo, self.material.bundles[name], exposure).version

    def force_release(self, name: str, version: int = 4, exposure: int = 10_000) -> None:
        """Put a bundle on the channel without the publisher's checks (a broken publishing pipeline)."""
        from app.core.updates.rollout import Release

        doc = publisher.current(self.repo)
        rel = Release(version, f"content/defs-{version:06d}.tar.gz", exposure, "complete", self.repo.clock(),
                      self.repo.clock())
        doc.releases.append(rel)
        publisher.publish(self.repo, doc, {rel.target: self.material.bundles[name].read_bytes()})

    def on_v2_after_v1(self) -> None:
        """Version 1 then version 2 taken, with version 1 known good: where a revert goes back from."""
        self.release("v1")
        self.service.check()
        self.release("v2")
        self.service.check()
        self.service.state.known_good = [1]
        self.service._save()

    def new_service(self, **kw: Any) -> UpdateService:
        self.service = make_service(self.ctx, self.clock, self.material, **kw)
        return self.service

    def set_bucket(self, below: int | None = None, at_least: int | None = None) -> int:
        st = load_state(self.ctx.paths.data_dir)
        for i in itertools.count():
            candidate = f"install-{i}"
            b = bucket(candidate, "test-salt")
            if (below is None or b < below) and (at_least is None or b >= at_least):
                st.install_id, st.bucket_salt = candidate, "test-salt"
                save_state(self.ctx.paths.data_dir, st)
                self.service.state = st
                return b
        raise AssertionError("unreachable")

    def pointer(self) -> bytes | None:
        path = self.ctx.paths.definitions_dir / "current.json"
        return path.read_bytes() if path.exists() else None

    def events(self) -> list[str]:
        return [h.event for h in self.service.status(history_limit=50).history]


def make_service(ctx: Context, clock: FakeClock, material: Material, **kw: Any) -> UpdateService:
    kw.setdefault("fetcher_factory", lambda: RequestsFetcher(connect_timeout=2, read_timeout=2, deadline=3))
    kw.setdefault("clean_corpus", [material.corpus])
    kw.setdefault("validation_timeout", 60)
    return UpdateService(ctx, clock=clock, **kw)


@pytest.fixture
def setup(tmp_path: Path, material: Material, rf_home: Path) -> Iterator[Setup]:
    channel_dir, keys_dir = tmp_path / "chan", tmp_path / "chan-keys"
    shutil.copytree(material.channel, channel_dir)
    shutil.copytree(material.keys, keys_dir)
    repo = ChannelRepo(channel_dir, keys_dir)
    server = FaultServer(channel_dir)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    ctx = Context.open()
    set_channel(ctx.paths.config_dir, server.url, channel_dir / "metadata" / "1.root.json")
    clock = FakeClock()
    try:
        yield Setup(repo, server, material, ctx, clock, make_service(ctx, clock, material))
    finally:
        server.shutdown()
        server.server_close()
        ctx.close()
