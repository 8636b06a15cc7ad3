"""Moving a settings file written by an older version to today's defaults.

``settings.json`` holds every setting, so a value at an old default cannot be told from one the user
chose; a default that changed for the user's good (the archive limits of version 2) is moved on when
the file still holds the old default, and every other value is kept. The file records the version of
its layout under :data:`VERSION_KEY` (a file without it is version 1).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

VERSION_KEY = "settings_version"
VERSION = 2

# version -> {key: (old default, new default)}: applied to files older than that version.
_MOVED_DEFAULTS: dict[int, dict[str, tuple[Any, Any]]] = {
    # Archive limits that called a JDK, Maven jars and Python wheels threats (see docs/adr/0013-containers.md).
    2: {
        "scan.archive_max_depth": (3, 17),
        "scan.archive_max_members": (2000, 10000),
        "scan.archive_max_expanded_mb": (512, 2048),
        "scan.archive_max_seconds": (120, 300),
        "scan.archive_limit_is_finding": (True, False),
    },
}


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` (a settings file's object) moved to :data:`VERSION`; a newer file is left as it is."""
    found = raw.get(VERSION_KEY, 1)
    version = found if isinstance(found, int) and not isinstance(found, bool) else 1
    if version >= VERSION:
        return raw
    moved = dict(raw)
    for step in range(version + 1, VERSION + 1):
        for key, (old, new) in _MOVED_DEFAULTS.get(step, {}).items():
            if key in moved and type(moved[key]) is type(old) and moved[key] == old:
                log.info("settings: %s moves from the old default %r to %r", key, old, new)
                moved[key] = new
    moved[VERSION_KEY] = VERSION
    return moved
