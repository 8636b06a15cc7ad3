"""TUF-verified access to one channel: the rollout document and target files (reference §7.3).

A thin layer over ``tuf.ngclient.Updater``: the trusted root from the channel configuration is the
``bootstrap`` on every start, metadata is cached per channel under ``data/tuf/<channel id>/``, and
targets are downloaded only through ``download_target`` (length and hashes from signed metadata).
"""

from __future__ import annotations

from pathlib import Path

from tuf.ngclient import Updater, UpdaterConfig

from app.core.text.messages import translate
from app.core.updates.channelconfig import ChannelConfig
from app.core.updates.fetcher import USER_AGENT, RequestsFetcher
from app.core.updates.rollout import RolloutError


def rollout_target(channel: str) -> str:
    return f"rollout-{channel}.json"


class ChannelClient:
    def __init__(self, config: ChannelConfig, base_dir: Path, fetcher: RequestsFetcher) -> None:
        self.config = config
        self.metadata_dir = base_dir / "metadata"
        self.targets_dir = base_dir / "targets"
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        self.targets_dir.mkdir(parents=True, exist_ok=True)
        self.fetcher = fetcher
        self.updater = Updater(
            str(self.metadata_dir), f"{config.url}/metadata/", str(self.targets_dir), f"{config.url}/targets/",
            fetcher=fetcher, config=UpdaterConfig(app_user_agent=USER_AGENT), bootstrap=config.root,
        )

    def refresh(self) -> None:
        self.updater.refresh()

    def target_info(self, path: str) -> dict[str, object]:
        info = self.updater.get_targetinfo(path)
        if info is None:
            raise RolloutError(translate("Updates", "The channel does not list %1.").arg(path))
        return {"length": info.length, "sha256": info.hashes.get("sha256")}

    def fetch(self, path: str) -> Path:
        """The verified local copy of target ``path`` (downloaded unless already cached and intact)."""
        info = self.updater.get_targetinfo(path)
        if info is None:
            raise RolloutError(translate("Updates", "The channel does not list %1.").arg(path))
        cached = self.updater.find_cached_target(info)
        return Path(cached or self.updater.download_target(info))

    def rollout(self) -> bytes:
        return self.fetch(rollout_target(self.config.channel)).read_bytes()
