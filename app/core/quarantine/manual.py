"""The user's "quarantine this file": the same sealed, verified move as for a detection, for a file
the user names (the CLI's ``quarantine add`` and the console's drop target use it)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal import events
from app.core.quarantine.operations import QUARANTINED_ACTION, QuarantineOutcome, quarantine_file
from app.core.text.messages import translate
from app.engine.hashing import blocks, sha256_chunks

#: ``progress(phase, done_bytes, total_bytes)``; the phases are ``hashing`` then ``sealing``.
Progress = Callable[[str, int, int], None]
MANUAL_ENGINE = "manual"


def quarantine_by_hand(ctx: Context, path: str | os.PathLike[str], *, rule: str = "manual", force: bool = False,
                       progress: Progress | None = None,
                       provenance: Mapping[str, str] | None = None) -> QuarantineOutcome:
    """Quarantine the file at ``path``. Slow for big files: it is read twice and written once.
    ``rule`` and ``provenance`` name the detection the user acted on (for a file they chose themselves:
    ``manual`` and none).

    Raises :class:`RingfenceError` when ``path`` is missing, a folder or unreadable; otherwise returns the
    outcome (``skipped-protected`` for a system or Ringfence file unless ``force``)."""
    text = os.path.abspath(os.fspath(path))
    try:
        st = os.lstat(text)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(text)
        digest = _sha256(text, st.st_size, progress)
    except FileNotFoundError:
        raise RingfenceError(translate("Quarantine", "%1 does not exist.").arg(text)) from None
    except IsADirectoryError:
        raise RingfenceError(translate("Quarantine", "%1 is a folder; only files can be quarantined.").arg(text)) from None
    except OSError as exc:
        raise RingfenceError(translate("Quarantine", "%1 cannot be read (%2).").arg(text, exc.strerror or str(exc))) from exc
    sealing = None if progress is None else (lambda done, total: progress("sealing", done, total))
    outcome = quarantine_file(ctx, text, rule=rule, engine=MANUAL_ENGINE, definitions_version=None, sha256=digest,
                              scanned_stat=(st.st_size, st.st_mtime_ns, st.st_ino), force=force, progress=sealing,
                              provenance=provenance)
    if outcome.action == QUARANTINED_ACTION:  # a failure or a protected file changed nothing: no event
        details: dict[str, Any] = dict(provenance or {})
        events.record(ctx.store, "quarantine.added", path=text, threat=rule, item_id=outcome.item_id, manual=True,
                      **details)
    return outcome


def _sha256(path: str, size: int, progress: Progress | None) -> str:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        return sha256_chunks(_reported(blocks(handle), size, progress))


def _reported(chunks: Iterator[bytes], size: int, progress: Progress | None) -> Iterator[bytes]:
    done = 0
    for chunk in chunks:
        yield chunk
        done += len(chunk)
        if progress is not None:
            progress("hashing", done, size)
