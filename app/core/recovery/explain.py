# ruff: noqa: E501 - each translatable text stays one string literal so that lupdate extracts it whole
"""Plain-language explanations: what a stop code usually means and what a home user can do about it.

Texts for the 30 stop codes home PCs meet most, one for each kind of crash, and the statement that
Ringfence cannot have caused a stop code. All are marked for Qt Linguist (context "StopCodes"); the
UI translates them at display time. The "_M" twins (0x1000007E ...) share their family's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.recovery.bugchecks import normalize_code
from app.core.text.messages import QT_TRANSLATE_NOOP, Message, marked, translate

USER_MODE_STATEMENT = QT_TRANSLATE_NOOP("StopCodes", "Ringfence runs in user mode and installs no kernel driver, so it cannot have caused a stop code.")
UNKNOWN_CODE = QT_TRANSLATE_NOOP("StopCodes", "This stop code is rarely seen. Look it up in Microsoft's bug check code reference; if it comes back, note the driver named here and update or remove it.")
UNKNOWN_CODE_NO_DRIVER = QT_TRANSLATE_NOOP("StopCodes", "This stop code is rarely seen. Look it up in Microsoft's bug check code reference; if it comes back, think of drivers or software installed shortly before the crashes began.")
_DRIVER = QT_TRANSLATE_NOOP("StopCodes", "Update or roll back the driver named as probable cause (or the software that installed it); if the crash returns, uninstall it.")
# The same advice when no driver could be named (no triage dump, or no address inside a driver).
_NO_DRIVER = QT_TRANSLATE_NOOP("StopCodes", "Install pending Windows and driver updates; if the crash returns, update or remove drivers and software installed shortly before the crashes began.")
_MEMORY = QT_TRANSLATE_NOOP("StopCodes", "Run Windows Memory Diagnostic, undo any overclocking or memory (XMP/EXPO) profile, and install pending Windows and driver updates.")
_DISK = QT_TRANSLATE_NOOP("StopCodes", "Back up your files, then check the drive: run chkdsk, look at its health in the maker's tool, and reseat or replace the cable if it is a desktop.")


@dataclass(frozen=True)
class StopCodeText:
    meaning: str
    advice: str


STOP_CODES: dict[int, StopCodeText] = {
    0x0A: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver touched memory it was not allowed to at that moment (IRQL_NOT_LESS_OR_EQUAL)."), _DRIVER),
    0x19: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver damaged shared kernel memory (the pool)."), _DRIVER),
    0x1A: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Windows found its memory bookkeeping damaged; faulty RAM or a faulty driver are the usual causes."), _MEMORY),
    0x1E: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Kernel code (usually a driver) raised an error nobody handled."), _DRIVER),
    0x24: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The NTFS file system hit a problem, often damage on the drive."), _DISK),
    0x3B: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver failed while doing work for a program; graphics and antivirus drivers are common culprits."), _DRIVER),
    0x4E: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The list Windows keeps of physical memory pages is corrupt; usually faulty RAM or a driver."), _MEMORY),
    0x50: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Code read memory that does not exist; usually a faulty driver, sometimes faulty RAM."), _DRIVER),
    0x7A: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Windows could not read back part of itself from the drive."), _DISK),
    0x7B: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Windows lost access to the drive it starts from, often after a storage driver or BIOS/UEFI setting changed."), QT_TRANSLATE_NOOP("StopCodes", "Undo recent changes to storage settings in the BIOS/UEFI (such as AHCI/RAID mode) and let Startup Repair run.")),
    0x7E: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A system thread, usually in a driver, raised an error nobody handled."), _DRIVER),
    0x7F: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The processor hit a trap the kernel could not handle; often hardware, overheating or overclocking."), QT_TRANSLATE_NOOP("StopCodes", "Remove any overclocking, make sure the PC is not overheating, and test the memory.")),
    0x8E: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Kernel code raised an error nobody handled; a driver or faulty RAM."), _DRIVER),
    0x9F: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver did not finish a power change (sleep, wake, shutdown) in time."), QT_TRANSLATE_NOOP("StopCodes", "Update chipset, graphics, Wi-Fi and USB drivers from the PC maker; until then avoid sleep if the crash follows it.")),
    0xC2: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver asked for kernel memory in a wrong way."), _DRIVER),
    0xC4: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Driver Verifier caught a driver breaking the rules; Verifier is a testing tool that is normally off."), QT_TRANSLATE_NOOP("StopCodes", "If you did not turn on Driver Verifier on purpose, turn it off (run \"verifier /reset\" as administrator) and update the named driver.")),
    0xC5: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver damaged kernel memory and Windows noticed too late."), _DRIVER),
    0xD1: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver accessed memory it was not allowed to at that moment (DRIVER_IRQL_NOT_LESS_OR_EQUAL); very often network, Wi-Fi or antivirus drivers."), _DRIVER),
    0xEF: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A process Windows cannot run without stopped unexpectedly."), QT_TRANSLATE_NOOP("StopCodes", "Install pending updates and run \"sfc /scannow\" and \"DISM /Online /Cleanup-Image /RestoreHealth\" as administrator to repair system files.")),
    0xF4: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A process Windows depends on ended, often because the drive stopped responding."), _DISK),
    0x101: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "One processor core stopped responding; often firmware, overheating or overclocking."), QT_TRANSLATE_NOOP("StopCodes", "Update the BIOS/UEFI and chipset drivers, remove overclocking and check cooling.")),
    0x109: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Windows detected that core kernel code or data was modified, by a driver, faulty RAM or malicious software."), QT_TRANSLATE_NOOP("StopCodes", "Remove drivers that patch the kernel (old cheat, tuning or security tools), test the memory and run a full scan.")),
    0x116: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The graphics driver stopped responding and could not be restarted."), QT_TRANSLATE_NOOP("StopCodes", "Install the latest graphics driver from the card or PC maker, remove graphics overclocking and check the card is not overheating.")),
    0x119: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The graphics scheduler found the graphics driver misbehaving."), QT_TRANSLATE_NOOP("StopCodes", "Install the latest graphics driver from the card or PC maker.")),
    0x124: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The hardware itself reported an error it could not correct (processor, memory, or bus)."), QT_TRANSLATE_NOOP("StopCodes", "Remove overclocking, check temperatures and power supply, update the BIOS/UEFI; if it repeats, have the hardware checked.")),
    0x133: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "A driver kept the processor busy for too long; storage (SSD firmware) and graphics drivers are common causes."), QT_TRANSLATE_NOOP("StopCodes", "Update the SSD firmware, storage and graphics drivers from their makers.")),
    0x139: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Kernel code detected corrupted data structures and stopped to stay safe."), _DRIVER),
    0x13A: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The kernel memory manager found its heap damaged, usually by a driver."), _DRIVER),
    0x154: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "Windows' compressed memory store hit an error; often the drive or RAM."), _DISK),
    0x1C8: StopCodeText(QT_TRANSLATE_NOOP("StopCodes", "The power button was held down, and Windows recorded the hang it was in at that moment."), QT_TRANSLATE_NOOP("StopCodes", "If the PC had frozen, note what it was doing; update graphics and storage drivers if freezes repeat.")),
}

KIND_TEXT: dict[str, str] = {
    "bugcheck": QT_TRANSLATE_NOOP("StopCodes", "Windows stopped with a stop code (the black or blue crash screen) and restarted."),
    "power_loss": QT_TRANSLATE_NOOP("StopCodes", "The PC turned off without shutting down: the power was cut, or it froze so hard that no stop code could be written."),
    "forced_power_off": QT_TRANSLATE_NOOP("StopCodes", "The PC was switched off by holding the power button, usually because it had stopped responding."),
    "kernel_panic": QT_TRANSLATE_NOOP("StopCodes", "The Linux kernel stopped with a kernel panic."),
    "oops": QT_TRANSLATE_NOOP("StopCodes", "The Linux kernel hit an error (an oops); the system may have kept running or locked up afterwards."),
    "unclean_shutdown": QT_TRANSLATE_NOOP("StopCodes", "The system did not shut down cleanly; the log ends without a normal shutdown."),
}


KIND_TITLE: dict[str, Message] = {
    "bugcheck": translate("CrashKinds", "Stop error"),
    "power_loss": translate("CrashKinds", "Power loss or hard freeze"),
    "forced_power_off": translate("CrashKinds", "Forced power-off"),
    "kernel_panic": translate("CrashKinds", "Kernel panic"),
    "oops": translate("CrashKinds", "Kernel oops"),
    "unclean_shutdown": translate("CrashKinds", "Unclean shutdown"),
}


def kind_title(kind: str) -> Message:
    """The short title of a crash of ``kind`` (the crash card's heading)."""
    return KIND_TITLE.get(kind) or translate("CrashKinds", "Unexpected restart")


def kind_text(kind: str) -> Message:
    """What a crash of ``kind`` is, in one or two sentences (a message in the "StopCodes" context)."""
    return marked("StopCodes", KIND_TEXT[kind]) if kind in KIND_TEXT else kind_title(kind)


def explain_code(code: int | None, driver: str | None = None) -> StopCodeText | None:
    """The explanation for ``code`` (its "_M" twin included), or ``None`` when there is no stop code.

    Advice that points at "the driver named as probable cause" is given only when ``driver`` names one.
    """
    if code is None:
        return None
    text = STOP_CODES.get(normalize_code(code), StopCodeText(UNKNOWN_CODE, _DRIVER))
    if driver:
        return text
    meaning = UNKNOWN_CODE_NO_DRIVER if text.meaning == UNKNOWN_CODE else text.meaning
    return StopCodeText(meaning, _NO_DRIVER if text.advice == _DRIVER else text.advice)
