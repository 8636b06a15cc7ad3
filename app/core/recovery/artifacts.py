"""Recognise a crash or recovery artifact by its content (never by its name) and add it to the findings.

A folder copied from a broken PC has arbitrary names: ``System.evtx`` may be ``log1``, a minidump may
have lost its ``.dmp``, a saved ``reagentc`` output may be ``notes.txt`` in UTF-16. So each file is
sniffed: evtx and dump magic bytes, journal export markers, and for text the structures that never
change with the language (event XML namespace, ``<WindowsRE>``, the WinRE device path, pstore headers,
dmesg time stamps).
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import UTC, datetime
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.recovery import kernel_log, reagentc
from app.core.recovery import windows_events as ev
from app.core.recovery.dumpfile import read_dump_file
from app.core.recovery.evtx_reader import read_evtx
from app.core.recovery.findings import DumpFinding, Findings, KernelRecord, SourcedBoot
from app.core.recovery.systemd_journal import looks_like_journal, read_journal
from app.core.text.messages import translate

log = logging.getLogger(__name__)
MAX_TEXT_BYTES = 32 * 1024 * 1024
_EVENT_NS = "schemas.microsoft.com/win/2004/08/events/event"
_WINRE_INFO = re.compile(r"Windows RE\b|GLOBALROOT\\device", re.IGNORECASE)


def add_file(path: Path, findings: Findings) -> bool:
    """Add what ``path`` holds to ``findings``; ``False`` if it is nothing Ringfence recognises.

    A damaged artifact raises :class:`RingfenceError`; the caller notes it and carries on.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except PermissionError as exc:
        raise RingfenceError(translate("Recovery", "Ringfence has no permission to read %1.").arg(str(path))) from exc
    except OSError as exc:
        raise RingfenceError(translate("Recovery", "%1 cannot be read (%2).").arg(str(path), exc.strerror or str(exc))) from exc
    if head.startswith(b"ElfFile\x00"):
        found = read_evtx(path)
        findings.events.extend(found)
        findings.event_sources.append(str(path))
        return True
    if head[:8] in (b"PAGEDU64", b"PAGEDUMP"):
        findings.dumps.append(DumpFinding(str(path), read_dump_file(path)))
        return True
    if looks_like_journal(head):
        with path.open("rb") as handle:
            boots = read_journal(handle, str(path))
        findings.journal_boots.extend(SourcedBoot(str(path), boot) for boot in boots)
        return bool(boots)
    text = _decode(head if len(head) < 65536 else _read_capped(path))
    if text is None:
        return False
    return _add_text(path, text, findings)


def _read_capped(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise RingfenceError(translate("Recovery", "%1 is larger than %2 MB and was not read as text.")
                             .arg(str(path), MAX_TEXT_BYTES // (1024 * 1024)))
    return data


def _decode(data: bytes) -> str | None:
    """Text as Windows and Linux tools save it: UTF-8 or UTF-16 with a BOM, UTF-8, else a single-byte code page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if "\x00" in text[:4096]:
        return None  # binary data
    return text


def _add_text(path: Path, text: str, findings: Findings) -> bool:
    if kernel_log.pstore_header(text):
        crash = kernel_log.classify_pstore(text)
        if crash is not None:
            findings.kernel_records.append(_record(path, text, crash, pstore=True))
        return True
    if "<Event" in text and _EVENT_NS in text:
        findings.events.extend(ev.parse_events(text, "hex", name=str(path)))
        findings.event_sources.append(str(path))
        return True
    recognised = False
    if "<WindowsRE" in text:
        findings.add_qmr(reagentc.parse_recovery_settings(text))
        recognised = True
    if _WINRE_INFO.search(text):
        findings.add_winre(reagentc.parse_info(text))
        recognised = True
    if recognised:
        return True
    if "REAGENTC.EXE" in text.upper():
        safe = reagentc.redact_wifi(text)
        line = next((ln.strip() for ln in safe.splitlines() if "REAGENTC.EXE" in ln.upper()), "")
        findings.note(translate("Recovery", "A saved reagentc output reports no result: %1").arg(line[:200]))
        return True
    if kernel_log.looks_like_dmesg(text):
        crash = kernel_log.classify_dmesg(text)
        if crash is not None:
            findings.kernel_records.append(_record(path, text, crash, pstore=False))
        return True
    return False


def _record(path: Path, text: str, crash: kernel_log.KernelCrash, *, pstore: bool) -> KernelRecord:
    try:
        modified: datetime | None = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OSError, OverflowError, ValueError):
        modified = None
    minute = modified.replace(second=0, microsecond=0).isoformat() if modified else ""
    group = f"{path.parent}|{crash.record}|{minute}" if pstore else str(path)
    fingerprint = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    dump = None
    if not pstore:
        siblings = sorted(p for p in path.parent.iterdir() if p.name == "vmcore" or p.name.startswith("dump."))
        dump = str(siblings[0]) if siblings else None
    return KernelRecord(str(path), modified, crash, group, fingerprint, dump)
