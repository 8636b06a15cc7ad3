"""Which update channel this installation follows: URL, trusted TUF root and channel name.

Whoever builds Ringfence sets the default in ``resources/channel/channel.json`` (``{"url": ...,
"channel": "stable"}``) and ``resources/channel/root.json`` (the channel's ``1.root.json``). A user who
hosts their own channel sets another with ``ringfence update channel URL --root ROOT_JSON``, stored
under the config folder. Without either, Ringfence runs on its baseline definitions and says so.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tuf.api.metadata import Metadata, Root

from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_bytes, atomic_write_json
from app.core.foundation.resources import resource_path
from app.core.text.messages import translate


@dataclass(frozen=True)
class ChannelConfig:
    url: str
    root: bytes
    channel: str = "stable"
    source: str = "build"  # "build" (resources/) or "user"
    collector: str | None = None  # the vendor's health beacon collector (base URL), if it runs one

    @property
    def id(self) -> str:
        """Identifies the trust domain: a new URL or root starts with fresh metadata and high-water marks."""
        return hashlib.sha256(self.url.encode() + b"\0" + self.root + b"\0" + self.channel.encode()).hexdigest()[:16]


def _user_dir(config_dir: Path) -> Path:
    return config_dir / "channel"


def _read(folder: Path, source: str) -> ChannelConfig | None:
    settings, root = folder / "channel.json", folder / "root.json"
    if not settings.is_file() or not root.is_file():
        return None
    try:
        doc = json.loads(settings.read_text(encoding="utf-8"))
        collector = doc.get("collector")
        return ChannelConfig(str(doc["url"]).rstrip("/"), root.read_bytes(), str(doc.get("channel", "stable")), source,
                             str(collector).rstrip("/") if collector else None)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RingfenceError(translate("Updates", "The update channel settings in %1 are damaged (%2); set the "
                                                  "update channel again.").arg(str(folder), str(exc))) from exc


def load_channel(config_dir: Path) -> ChannelConfig | None:
    return _read(_user_dir(config_dir), "user") or _read(resource_path("channel"), "build")


def check_root(data: bytes) -> Metadata[Root]:
    """Parse a trusted root and check it is signed by its own threshold of root keys."""
    try:
        md = Metadata[Root].from_bytes(data)
        md.verify_delegate(Root.type, md)
    except Exception as exc:
        raise RingfenceError(translate("Updates", "That file is not a valid, self-signed TUF root (%1); use the "
                                                  "channel's metadata/1.root.json.").arg(type(exc).__name__)) from exc
    return md


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _not_an_address(url: str) -> RingfenceError:
    return RingfenceError(translate(
        "Updates", "%1 is not a valid web address (check the brackets around an IPv6 address "
        "and the port: a number from 1 to 65535).").arg(url))


def server_url(url: str) -> str:
    """``url`` checked as the address of an update channel or collector and normalised (no trailing slash).

    https:// anywhere; plain http:// only for a server on this computer (localhost, 127.0.0.0/8, ::1),
    which is how a self-hosted test channel is served. No credentials, query or fragment. Each refusal
    is one clear sentence.
    """
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        raise RingfenceError(translate("Updates", "An update address must not contain spaces or control characters."))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _not_an_address(url) from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise RingfenceError(translate(
            "Updates", "An update address must start with https:// (or http:// for a server on this computer)."))
    if parts.username is not None or parts.password is not None:
        raise RingfenceError(translate(
            "Updates", "An update address must not contain a user name or password; update servers are public."))
    host = parts.hostname or ""
    if not host:
        raise RingfenceError(translate("Updates", "The address %1 names no server.").arg(url))
    if port == 0:
        raise _not_an_address(url)
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise RingfenceError(translate("Updates", "The address %1 must not contain a query (?) or a fragment (#).")
                             .arg(url))
    if scheme == "http" and not _is_loopback(host):
        raise RingfenceError(translate(
            "Updates", "Plain http:// is only allowed for a server on this computer (localhost, 127.0.0.1 or ::1); "
            "use https:// for %1.").arg(host))
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def set_channel(config_dir: Path, url: str, root_file: Path, channel: str = "stable",
                collector: str | None = None) -> ChannelConfig:
    url = server_url(url)
    collector = server_url(collector) if collector is not None else None
    try:
        data = root_file.read_bytes()
    except OSError as exc:
        raise RingfenceError(translate("Updates", "The root file %1 cannot be read (%2).")
                             .arg(str(root_file), exc.strerror or str(exc))) from exc
    check_root(data)
    folder = _user_dir(config_dir)
    atomic_write_bytes(folder / "root.json", data, mode=0o644)
    doc = {"url": url, "channel": channel, **({"collector": collector} if collector else {})}
    atomic_write_json(folder / "channel.json", doc)
    return ChannelConfig(url, data, channel, "user", collector)
