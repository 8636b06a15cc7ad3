"""Where Ringfence keeps its state.

Everything lives in platformdirs locations for the app name ``Ringfence``. When ``RINGFENCE_HOME`` is
set, every directory (config, data, cache, logs) goes under that one folder instead: tests and scripts
always set it, so nothing touches the real user's folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from app.core.foundation.errors import RingfenceError
from app.core.text.messages import translate

APP_NAME = "Ringfence"
HOME_ENV = "RINGFENCE_HOME"
COMPILED_CACHE_ENV = "RINGFENCE_COMPILED_CACHE"


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def state_db(self) -> Path:
        return self.data_dir / "state.db"

    @property
    def definitions_dir(self) -> Path:
        return self.data_dir / "definitions"

    @property
    def compiled_dir(self) -> Path:
        """Compiled rules, keyed by definitions digest and yara version; ``RINGFENCE_COMPILED_CACHE`` may
        name a folder shared by several homes (the test suite compiles the baseline once)."""
        shared = os.environ.get(COMPILED_CACHE_ENV)
        return Path(shared) if shared else self.cache_dir / "compiled"

    @property
    def scan_cache_db(self) -> Path:
        return self.cache_dir / "scan-cache.db"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def tuf_dir(self) -> Path:
        return self.data_dir / "tuf"

    @property
    def run_dir(self) -> Path:
        """Scratch files shared with the engine worker (in-flight journal)."""
        return self.cache_dir / "run"

    def ensure(self) -> Paths:
        """Create the folders (private to the user); a folder that cannot be used is one clear error."""
        for directory in (self.config_dir, self.data_dir, self.cache_dir, self.log_dir):
            try:
                directory.mkdir(parents=True, exist_ok=True)
                if os.name == "posix":
                    os.chmod(directory, 0o700)
            except OSError as exc:
                raise _unusable(directory, exc) from exc
        return self


def _blocking_file(directory: Path) -> Path | None:
    """The first existing path on the way to ``directory`` that is not a folder."""
    for candidate in (*reversed(directory.parents), directory):
        try:
            if candidate.exists() and not candidate.is_dir():
                return candidate
        except OSError:
            return None
    return None


def _unusable(directory: Path, exc: OSError) -> RingfenceError:
    home = os.environ.get(HOME_ENV)
    blocking = _blocking_file(directory)
    if blocking is not None:
        if home and blocking == Path(home).expanduser().absolute():
            return RingfenceError(translate(
                "Paths", "%1 (set in RINGFENCE_HOME) is a file, not a folder; point RINGFENCE_HOME to a folder.")
                .arg(str(blocking)))
        return RingfenceError(translate(
            "Paths", "Ringfence cannot keep its data in %1: %2 is a file, not a folder.").arg(str(directory), str(blocking)))
    if isinstance(exc, PermissionError) and home:
        return RingfenceError(translate(
            "Paths", "Ringfence has no permission to use the folder %1; give your user access to it or point "
            "RINGFENCE_HOME to a folder you own.").arg(str(directory)))
    if isinstance(exc, PermissionError):
        return RingfenceError(translate(
            "Paths", "Ringfence has no permission to use the folder %1; give your user access to it.").arg(str(directory)))
    return RingfenceError(translate("Paths", "Ringfence cannot create the folder %1 (%2).")
                          .arg(str(directory), exc.strerror or str(exc)))


def get_paths() -> Paths:
    """The directories for this run, honouring ``RINGFENCE_HOME``."""
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().absolute()
        return Paths(root / "config", root / "data", root / "cache", root / "logs")
    return Paths(
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
