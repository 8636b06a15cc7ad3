"""Removable drives on Windows: drive letters of removable drives and of external (USB, SD) disks.

``GetLogicalDrives`` gives the letters, ``GetDriveTypeW`` the removable ones (sticks, card readers);
an external USB disk calls itself fixed, so a fixed drive counts when its bus (from
``IOCTL_STORAGE_QUERY_PROPERTY``) is USB, FireWire, SD or MMC. ``GetVolumeInformationW`` gives the label
and the volume serial number, which says whether the same drive came back. Windows has no event for a
new letter without a window to receive it, so :class:`WindowsDrives` looks again every two seconds
(a few system calls per drive).

:func:`removable_drives` holds the rules and takes the system calls as functions, so that the rules are
tested on any OS; what only a real Windows PC shows is listed in ``docs/windows.md``.
"""

from __future__ import annotations

import string
import threading
from collections.abc import Callable
from typing import Any

from app.core.drives.drive_model import Drive

DRIVE_REMOVABLE, DRIVE_FIXED = 2, 3
EXTERNAL_BUSES = frozenset({4, 7, 12, 13})  # STORAGE_BUS_TYPE: 1394, USB, SD, MMC
IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400
SEM_FAILCRITICALERRORS = 0x0001  # an empty card reader must not bring up "insert a disk"

Volume = tuple[str, int, str]  # label, serial number, file system


def removable_drives(mask: int, drive_type: Callable[[str], int], volume: Callable[[str], Volume | None],
                     bus: Callable[[str], int | None]) -> list[Drive]:
    """The drives to offer a scan for, from the letters in ``mask`` (bit 0 = A:)."""
    drives = []
    for index, letter in enumerate(string.ascii_uppercase):
        if not mask & (1 << index):
            continue
        root = f"{letter}:\\"
        kind = drive_type(root)
        if kind != DRIVE_REMOVABLE and not (kind == DRIVE_FIXED and bus(letter) in EXTERNAL_BUSES):
            continue
        found = volume(root)
        if found is None:  # a card reader without a card, a drive being ejected
            continue
        label, serial, fs_type = found
        drives.append(Drive(root, f"{letter}:", label, f"serial:{serial:08X}", f"{letter}:", fs_type))
    return drives


class WindowsDrives:
    def __init__(self, interval: float = 2.0) -> None:
        import ctypes
        from ctypes import wintypes

        self.interval = interval
        self._ctypes, self._wintypes = ctypes, wintypes
        self.kernel32: Any = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        k = self.kernel32
        k.GetLogicalDrives.restype = wintypes.DWORD
        k.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
        k.GetDriveTypeW.restype = wintypes.UINT
        k.GetVolumeInformationW.argtypes = [wintypes.LPCWSTR, wintypes.LPWSTR, wintypes.DWORD,
                                            ctypes.POINTER(wintypes.DWORD), ctypes.POINTER(wintypes.DWORD),
                                            ctypes.POINTER(wintypes.DWORD), wintypes.LPWSTR, wintypes.DWORD]
        k.GetVolumeInformationW.restype = wintypes.BOOL
        k.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
                                  wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE]
        k.CreateFileW.restype = wintypes.HANDLE
        k.DeviceIoControl.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.LPVOID, wintypes.DWORD,
                                      wintypes.LPVOID, wintypes.DWORD, ctypes.POINTER(wintypes.DWORD), wintypes.LPVOID]
        k.DeviceIoControl.restype = wintypes.BOOL
        k.CloseHandle.argtypes = [wintypes.HANDLE]

    def current(self) -> list[Drive]:
        k = self.kernel32
        old = self._ctypes.c_uint()
        set_mode = getattr(k, "SetThreadErrorMode", None)
        if set_mode is not None:
            set_mode(SEM_FAILCRITICALERRORS, self._ctypes.byref(old))
        try:
            return removable_drives(int(k.GetLogicalDrives()), lambda root: int(k.GetDriveTypeW(root)),
                                    self.volume, self.bus)
        finally:
            if set_mode is not None:
                set_mode(old.value, None)

    def volume(self, root: str) -> Volume | None:
        ctypes, wintypes = self._ctypes, self._wintypes
        name, fs = ctypes.create_unicode_buffer(261), ctypes.create_unicode_buffer(261)
        serial, length, flags = wintypes.DWORD(), wintypes.DWORD(), wintypes.DWORD()
        if not self.kernel32.GetVolumeInformationW(root, name, 261, ctypes.byref(serial), ctypes.byref(length),
                                                   ctypes.byref(flags), fs, 261):
            return None
        return name.value, int(serial.value), fs.value

    def bus(self, letter: str) -> int | None:
        """The STORAGE_BUS_TYPE of the disk behind ``letter``, or ``None`` if Windows does not say."""
        ctypes, wintypes, k = self._ctypes, self._wintypes, self.kernel32
        handle = k.CreateFileW(f"\\\\.\\{letter}:", 0, 3, None, 3, 0, None)  # no access needed; OPEN_EXISTING
        if handle in (None, wintypes.HANDLE(-1).value):
            return None
        try:
            query = (ctypes.c_ubyte * 12)()  # STORAGE_PROPERTY_QUERY: StorageDeviceProperty, standard query
            out = (ctypes.c_ubyte * 1024)()
            got = wintypes.DWORD()
            if not k.DeviceIoControl(handle, IOCTL_STORAGE_QUERY_PROPERTY, query, 12, out, 1024,
                                     ctypes.byref(got), None) or got.value < 32:
                return None
            return int.from_bytes(bytes(out[28:32]), "little")  # STORAGE_DEVICE_DESCRIPTOR.BusType
        finally:
            k.CloseHandle(handle)

    def wait(self, stop: threading.Event, timeout: float | None = None) -> None:
        stop.wait(self.interval if timeout is None else timeout)

    def close(self) -> None:
        pass
