"""A PC that keeps crashing: five unexpected restarts in two weeks, built as files the way they are found.

Source of the shapes: the System-log event bodies of :mod:`tests.recovery.eventxml` (real Windows 11
Kernel-Power 41 / EventLog 6008 exports quoted in the crash-recovery reference, WER 1001 by its
manifest fields) and triage dumps built byte by byte from the documented layouts by
:mod:`tests.recovery.dumps`. Four crashes name ``csagent.sys`` in their minidump, one is a power loss
with no dump; Ringfence changed its definitions three days before the newest crash and six hours
before the one of 18 November.

Personal data is planted the way it could leak into a report: the Wi-Fi credential in a saved
``reagentc /getrecoverysettings`` output (once parsed, once in a failed run whose status line becomes a
note), a minidump copied into the user's home folder whose name carries an e-mail address, the
computer name in a UNC dump path, a serial number and a MAC address in a damaged dump's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.foundation.store import Store
from app.core.updates import update_history
from tests.conftest import ROOT
from tests.recovery import eventxml as x
from tests.recovery import recorded as r
from tests.recovery.dumps import AMDPPM, CSAGENT, STANDARD_DRIVERS, Triage, build_dump

KSECDD = ROOT / "tests" / "fixtures" / "pe" / "ksecdd.sys"  # a real driver with a version resource (SOURCE.md)
WIFI_PASSWORD = r.WIFI_PASSWORD
SSID = "ContosoWiFi"
USER = "alice.kowalski"
COMPUTER = "ALICE-GAMING-PC"
EMAIL = "alice.kowalski@example.com"
SERIAL = "PF3XK9QZ"
MAC = "3C-52-82-1A-7F-09"  # as Windows writes it (a colon cannot stand in a file name there)
HOME_WINDOWS = rf"C:\Users\{USER}"

# (crash time, stop code, parameters, driver the instruction pointer is in, minidump name)
CRASHES = [
    (datetime(2025, 11, 25, 15, 23, 28, tzinfo=UTC), 0x50, (0xFFFF840500000074, 0, CSAGENT.base + 0x35E2A, 2), CSAGENT,
     "112525-11781-01.dmp"),
    (datetime(2025, 11, 22, 9, 41, 2, tzinfo=UTC), 0xD1, (0x28, 2, 0, CSAGENT.base + 0x1200), CSAGENT,
     "112225-9952-01.dmp"),
    (datetime(2025, 11, 18, 21, 5, 40, tzinfo=UTC), 0x7E, (0xC0000005, CSAGENT.base + 0x44, 0, 0), CSAGENT,
     "111825-10203-01.dmp"),
    (datetime(2025, 11, 14, 7, 12, 9, tzinfo=UTC), 0x50, (0xFFFF840500000010, 0, CSAGENT.base + 0x99, 0), CSAGENT,
     "111425-8890-01.dmp"),
]
POWER_LOSS = datetime(2025, 11, 12, 18, 30, 0, tzinfo=UTC)
NEWEST = CRASHES[0][0]
# Ringfence's definitions changes: 3 days before the newest crash, 6 hours before the one of 18 November.
CHANGES = [
    ("activated", "41", NEWEST - timedelta(days=3, hours=2)),
    ("activated", "40", CRASHES[2][0] - timedelta(hours=6)),
    ("rejected", "39", CRASHES[0][0] - timedelta(hours=1)),  # refused: the definitions in use did not change
]


@dataclass(frozen=True)
class CrashSet:
    folder: Path  # inside the user's home folder, as a helper would save it
    home: Path
    windows: Path  # a Windows folder with the drivers installed on this "PC"


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def build_crash_set(base: Path, *, driver_file: Path | None = None) -> CrashSet:
    """The folder a helper copies off the crashing PC; ``driver_file`` (a real PE driver) is installed as
    ``csagent.sys`` in the returned Windows folder."""
    home = base / "home" / USER
    folder = home / "Desktop" / "crash logs"
    (folder / "Minidump").mkdir(parents=True)
    planned = POWER_LOSS - timedelta(days=5)  # a restart the user commented, completed cleanly
    comment = f'<Data Name="param6">new router, wifi password={WIFI_PASSWORD}, mail {EMAIL}</Data>'
    events = [x.user32_1074(_iso(planned), record=5).replace('<Data Name="param6" />', comment),
              x.eventlog_simple(6006, _iso(planned + timedelta(seconds=30)), record=6),
              x.eventlog_simple(6005, _iso(planned + timedelta(minutes=2)), record=7),
              x.kernel_power_41(_iso(POWER_LOSS + timedelta(minutes=2)), record=10)]
    record = 20
    for index, (crashed, code, params, driver, name) in enumerate(CRASHES):
        restart = crashed + timedelta(minutes=3)
        dump_dir = rf"\\{COMPUTER}\dumps" if index == 1 else r"C:\Windows\Minidump"
        events.append(x.kernel_power_41(_iso(restart), code=code, record=record))
        events.append(x.wer_1001(_iso(restart + timedelta(minutes=1)), dump=rf"{dump_dir}\{name}", record=record + 1,
                                 param1=f"0x{code:08x} (0x{params[0]:016x}, 0x{params[1]:016x}, 0x{params[2]:016x}, "
                                        f"0x{params[3]:016x})"))
        record += 2
        (folder / "Minidump" / name).write_bytes(build_dump(code=code, params=params, crashed=crashed,
                                                            context_ip=driver.base + 0x10,
                                                            triage=Triage(STANDARD_DRIVERS)))
    (folder / "System.xml").write_text(x.exported_document(*events), encoding="utf-8")
    (folder / "qmr.txt").write_text(r.GETRECOVERYSETTINGS, encoding="utf-8")
    (folder / "qmr-failed.txt").write_text(  # a failed run whose status line echoes the network it tried
        f"REAGENTC.EXE: Operation failed: Wifi ssid={SSID} password={WIFI_PASSWORD}\r\n", encoding="utf-8")
    (folder / f"damaged {EMAIL} S-N {SERIAL} {MAC}.dmp").write_bytes(b"PAGEDU64" + bytes(64))
    windows = base / "Windows"
    drivers = windows / "System32" / "drivers" / "CrowdStrike"
    drivers.mkdir(parents=True)
    if driver_file is not None:
        (drivers / "csagent.sys").write_bytes(driver_file.read_bytes())
    (windows / "System32" / "drivers" / "amdppm.sys").write_bytes(b"MZ not a real driver")
    assert AMDPPM.name.endswith("amdppm.sys")
    return CrashSet(folder, home, windows)


def record_changes(store: Store) -> None:
    for event, version, moment in CHANGES:
        update_history.record(store, event, version, "test", when=moment.timestamp())
