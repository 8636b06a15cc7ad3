"""The services one run of Ringfence works with: paths, settings, state database, logging."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.foundation.logs import setup_logging
from app.core.foundation.paths import Paths, get_paths
from app.core.foundation.settings import Settings
from app.core.foundation.store import Store


@dataclass
class Context:
    paths: Paths
    settings: Settings
    log_file: Path
    _store: Store | None = field(default=None, repr=False)

    @classmethod
    def open(cls, paths: Paths | None = None, log_name: str = "ringfence.log") -> Context:
        paths = (paths or get_paths()).ensure()
        log_file = setup_logging(paths.log_dir, log_name)
        settings = Settings.load(paths.settings_file)
        logging.getLogger(__name__).debug("context opened at %s", paths.data_dir)
        ctx = cls(paths, settings, log_file)
        if settings.moved_aside:
            ctx._record_recovery()
        return ctx

    def _record_recovery(self) -> None:
        from app.core.journal import events

        try:
            events.record(self.store, "settings.corrupt", backup=str(self.settings.recovered_from))
        except RingfenceError as exc:  # the state database itself cannot be opened: the command says so
            logging.getLogger(__name__).warning("settings.corrupt not recorded: %s", exc.message)

    @property
    def store(self) -> Store:
        """The state database, opened on first use."""
        if self._store is None:
            self._store = Store(self.paths.state_db)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Context:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
