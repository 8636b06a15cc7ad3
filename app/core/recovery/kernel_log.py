"""Linux kernel crash records: pstore files (``/sys/fs/pstore``, ``/var/lib/systemd/pstore``) and the
dmesg text kdump saves in ``/var/crash``.

A pstore dmesg record begins with ``<Reason>#<count> Part<n>`` (fs/pstore/platform.c); ``Panic`` and
``Oops`` mark crashes, while ``Shutdown``/``Restart``/``Halt``/``Poweroff`` records are written at a normal
shutdown when ``printk.always_kmsg_dump`` is set and are not crashes. Plain dmesg text is classified
by the kernel's own markers (``Kernel panic - not syncing``, ``Oops:``, ``BUG: unable to handle ...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PSTORE_HEADER = re.compile(r"^(Panic|Oops|Emergency|Shutdown|Restart|Halt|Poweroff|Unknown)#(\d+) Part(\d+)\s*$")
_PANIC = re.compile(r"Kernel panic - not syncing: ?([^\r\n]*)")
_OOPS = re.compile(
    r"(Oops: [^\r\n]*|BUG: unable to handle [^\r\n]*|BUG: kernel NULL pointer dereference[^\r\n]*|kernel BUG at [^\r\n]*"
    r"|general protection fault[^\r\n]*\[#\d+\][^\r\n]*|Oops: \d{4} \[#\d+\][^\r\n]*)"
)
_RIP_MODULE = re.compile(r"RIP: [0-9a-f]{4}:[^\s+]+\+0x[0-9a-f]+/0x[0-9a-f]+ \[([A-Za-z0-9_]+)\]")
_DMESG_LINE = re.compile(r"^(<\d>)?\[\s*\d+\.\d+\]", re.MULTILINE)
_CRASH_REASONS = {"Panic": "kernel_panic", "Oops": "oops", "Emergency": "unclean_shutdown"}


@dataclass(frozen=True)
class KernelCrash:
    """What one record says: the kind, the kernel's own one-line reason, and the module in RIP if any."""

    kind: str  # kernel_panic | oops | unclean_shutdown
    reason: str
    module: str | None
    record: str | None  # "Panic#1" for pstore records (parts of one record share it)


def pstore_header(text: str) -> tuple[str, int, int] | None:
    """``("Panic", 1, 1)`` for a record starting ``Panic#1 Part1``, else ``None``."""
    first = text.split("\n", 1)[0]
    match = _PSTORE_HEADER.match(first)
    return (match.group(1), int(match.group(2)), int(match.group(3))) if match else None


def classify_pstore(text: str) -> KernelCrash | None:
    """A crash described by a pstore dmesg record, or ``None`` for a clean-shutdown record or non-pstore text."""
    header = pstore_header(text)
    if header is None or header[0] not in _CRASH_REASONS:
        return None
    reason_word = header[0]
    kind = _CRASH_REASONS[reason_word]
    found = classify_dmesg(text)
    if found and kind == "oops" and found.kind == "kernel_panic":
        kind = "kernel_panic"
    reason = found.reason if found else f"{reason_word} record"
    return KernelCrash(kind, reason, found.module if found else None, f"{reason_word}#{header[1]}")


def looks_like_dmesg(text: str) -> bool:
    """Kernel log text (``[   12.345678] ...`` lines) as kdump's ``dmesg.<stamp>`` / ``vmcore-dmesg.txt``."""
    return len(_DMESG_LINE.findall(text[:65536])) >= 3


def classify_dmesg(text: str) -> KernelCrash | None:
    """A panic or oops found in kernel log text; warnings and soft lockups alone are not crashes."""
    module = _RIP_MODULE.search(text)
    panic = _PANIC.search(text)
    if panic:
        return KernelCrash("kernel_panic", _clean(f"Kernel panic - not syncing: {panic.group(1)}"),
                           module.group(1) if module else None, None)
    oops = _OOPS.search(text)
    if oops:
        return KernelCrash("oops", _clean(oops.group(1)), module.group(1) if module else None, None)
    return None


def _clean(line: str) -> str:
    printable = "".join(ch if ch.isprintable() else " " for ch in line)
    return printable.strip()[:200]
