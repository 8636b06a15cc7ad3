"""``ringfence-channel serve``: the channel folder over plain HTTP on 127.0.0.1, for development.

Production hosting is any static web server or CDN (see docs/update-channel.md); this server sets the
same cache headers such a host should: ``timestamp.json`` short-lived, every other file immutable.
"""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class ChannelHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        if self.path.endswith("/timestamp.json"):
            self.send_header("Cache-Control", "max-age=60, must-revalidate")
        else:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()

    def list_directory(self, path: Any) -> None:
        self.send_error(404, "Not found")

    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_server(directory: Path, port: int = 0) -> ThreadingHTTPServer:
    handler = functools.partial(ChannelHandler, directory=str(directory))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)
