"""Exported Windows event logs (``.evtx``) read with python-evtx, on any operating system.

python-evtx renders each record as event XML (``<Binary>`` in base64), which then goes through the
same structured-field parser as wevtutil output. A copied log can be damaged; a record that cannot be
rendered is skipped and counted rather than losing the whole file.
"""

from __future__ import annotations

import logging
import mmap
from pathlib import Path

from Evtx.Evtx import FileHeader

from app.core.foundation.errors import RingfenceError
from app.core.recovery.windows_events import SystemEvent, parse_events
from app.core.text.messages import translate

log = logging.getLogger(__name__)


def read_evtx(path: Path) -> list[SystemEvent]:
    """The crash-relevant events of an exported log file."""
    events: list[SystemEvent] = []
    skipped = 0
    try:
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            log_file = FileHeader(data, 0)
            if not log_file.verify():
                raise RingfenceError(translate("Recovery", "The event log %1 is damaged (its file header does not verify).")
                                     .arg(str(path)))
            for chunk in log_file.chunks():
                try:
                    records = list(chunk.records())
                except Exception:  # a damaged chunk in an untrusted file
                    skipped += 1
                    continue
                for record in records:
                    try:
                        xml = record.xml()
                    except Exception:  # python-evtx raises many kinds on damaged records
                        skipped += 1
                        continue
                    if "Kernel-Power" in xml or "EventLog" in xml or "BugCheck" in xml or "SystemErrorReporting" in xml \
                            or "Kernel-Boot" in xml or "User32" in xml or "WinREAgent" in xml:
                        try:
                            events.extend(parse_events(xml, "base64", name=str(path)))
                        except RingfenceError:
                            skipped += 1
    except (OSError, ValueError) as exc:
        raise RingfenceError(translate("Recovery", "The event log %1 cannot be read (%2).").arg(str(path), str(exc))) from exc
    if skipped:
        log.warning("%s: %d damaged event records skipped", path, skipped)
    return events
