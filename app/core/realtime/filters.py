"""What real-time protection leaves alone: the user's exclusions, our own folders, partial downloads.

Exclusions are by folder, file and extension (and name pattern), the same lists scans use, so a user
excludes a folder once. There is no process exclusion: neither inotify nor ReadDirectoryChangesW says
which program wrote a file, and offering one that cannot work would be a lie.
"""

from __future__ import annotations

import os
import time

from app.core.context import Context
from app.core.realtime.roots import own_folders
from app.core.scanning.exclusions import effective
from app.engine.walker import Walker, WalkOptions

#: Browsers write downloads under these names and rename them when complete: scanned after the rename.
PARTIAL_SUFFIXES = (".part", ".crdownload", ".partial", ".download")
#: A partial download nobody has touched for this long is scanned anyway (an abandoned download).
PARTIAL_QUIET_S = 30.0


def is_partial(path: str) -> bool:
    return path.lower().endswith(PARTIAL_SUFFIXES)


class Exclusions:
    """Decides for one path whether real-time protection looks at it (thread-safe: read-only)."""

    def __init__(self, exclude_paths: list[str], exclude_extensions: list[str], exclude_globs: list[str],
                 max_file_size: int, exclude_dir_names: list[str] | None = None) -> None:
        self._walker = Walker([], WalkOptions(max_file_size=max_file_size, exclude_paths=tuple(exclude_paths),
                                              exclude_extensions=tuple(exclude_extensions),
                                              exclude_globs=tuple(exclude_globs),
                                              exclude_dir_names=tuple(exclude_dir_names or ()),
                                              pseudo_mounts=frozenset()))
        self.max_file_size = max_file_size

    @classmethod
    def from_settings(cls, ctx: Context) -> Exclusions:
        chosen = effective(ctx.settings)
        return cls([*chosen["exclude_paths"], *own_folders(ctx)], chosen["exclude_extensions"], chosen["exclude_globs"],
                   int(ctx.settings["scan.max_file_size_mb"]) * 1024 * 1024, chosen["exclude_dir_names"])

    def take(self, other: Exclusions) -> None:
        """Decide as ``other`` does from now on: new settings reach a sweep already under way too."""
        self._walker, self.max_file_size = other._walker, other.max_file_size

    def excluded(self, path: str) -> bool:
        """Excluded by the user (folder, file, extension, pattern) or one of our own folders."""
        return self._walker.is_excluded(path, os.path.basename(path))

    def wanted(self, path: str, st: os.stat_result | None = None, now: float | None = None) -> bool:
        """Whether a file event or a sweep should hand ``path`` to the engine."""
        if self.excluded(path):
            return False
        if is_partial(path):
            if st is None:
                return False
            return ((now or time.time()) - st.st_mtime) > PARTIAL_QUIET_S
        return True
