"""The YARA external variables that describe a file beyond its name: ``filetype`` and ``owner``.

They follow LOKI and THOR, so rules written for those scanners work here: ``filetype`` is a short
upper-case name taken from the file's first bytes (``EXE``, ``ELF``, ``ZIP``, ``PDF`` ...) or
``UNKNOWN``, the longest known signature winning; ``owner`` is the account that owns the file on disk
(``root``, ``alice``; ``DOMAIN\\name`` on Windows), empty when it cannot be told (a file inside an
archive has the owner of the archive).
"""

from __future__ import annotations

import functools
import sys

UNKNOWN = "UNKNOWN"

# (signature, type). Names as LOKI's signature table gives them; our own selection of common formats.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "EXE"),
    (b"\x7fELF", "ELF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "PKZIP"),
    (b"%PDF", "PDF"),
    (b"\x1f\x8b\x08", "GZIP"),
    (b"BZh", "BZip2"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7Zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE"),
    (b"{\\rtf1", "RTF"),
    (b"MSCF", "CAB"),
    (b"L\x00\x00\x00\x01\x14\x02\x00", "LNK"),
    (b"MDMP", "MDMP"),
    (b"CWS", "CWS"),
    (b"ZWS", "ZWS"),
    (b"FWS", "FWS (Flash)"),
    (b"\xca\xfe\xba\xbe", "Class"),
    (b"ElfFile", "EVTX"),
    (b"regf", "Registry Hive"),
    (b"<?php", "PHP"),
    (b"<?xml", "XML"),
    (b"#!/", "UNIX SCRIPT"),
    (b"#!", "Script"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
)
_BY_LENGTH = sorted(_SIGNATURES, key=lambda item: -len(item[0]))
_BY_FIRST_BYTE: dict[int, tuple[tuple[bytes, str], ...]] = {
    first: tuple(item for item in _BY_LENGTH if item[0][0] == first) for first in {sig[0] for sig, _ in _SIGNATURES}}
HEAD = max(len(sig) for sig, _ in _SIGNATURES)


def file_type(head: bytes) -> str:
    """The type of a file that starts with ``head`` (at least :data:`HEAD` bytes when the file has them)."""
    for signature, name in _BY_FIRST_BYTE.get(head[0], ()) if head else ():  # once per file: only the likely ones
        if head.startswith(signature):
            return name
    return UNKNOWN


def owner_of(path: str, uid: int) -> str:
    """The owner of the file at ``path`` (``uid`` from its stat on POSIX), or "" when it cannot be told."""
    if sys.platform == "win32":
        return _windows_owner(path)
    return _posix_owner(uid)


@functools.lru_cache(maxsize=1024)
def _posix_owner(uid: int) -> str:
    import pwd

    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # an account that no longer exists: its number, as ls shows it
        return str(uid)


if sys.platform == "win32":  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    _SE_FILE_OBJECT = 1
    _OWNER_SECURITY_INFORMATION = 1

    def _windows_owner(path: str) -> str:
        """``DOMAIN\\name`` of the file's owner; the account name is looked up once per SID."""
        advapi = ctypes.WinDLL("advapi32", use_last_error=True)
        kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        owner_sid = ctypes.c_void_p()
        descriptor = ctypes.c_void_p()
        if advapi.GetNamedSecurityInfoW(wintypes.LPCWSTR(path), _SE_FILE_OBJECT, _OWNER_SECURITY_INFORMATION,
                                        ctypes.byref(owner_sid), None, None, None, ctypes.byref(descriptor)) != 0:
            return ""
        try:
            sid_text = ctypes.c_wchar_p()
            if not advapi.ConvertSidToStringSidW(owner_sid, ctypes.byref(sid_text)):
                return ""
            try:
                key = sid_text.value or ""
            finally:
                kernel.LocalFree(sid_text)
        finally:
            kernel.LocalFree(descriptor)
        return _account_name(key)

    @functools.lru_cache(maxsize=1024)
    def _account_name(sid_text: str) -> str:
        """The account of a SID in string form (a lookup can reach a domain controller: cached)."""
        advapi = ctypes.WinDLL("advapi32", use_last_error=True)
        kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        sid = ctypes.c_void_p()
        if not advapi.ConvertStringSidToSidW(wintypes.LPCWSTR(sid_text), ctypes.byref(sid)):
            return ""
        try:
            name = ctypes.create_unicode_buffer(256)
            domain = ctypes.create_unicode_buffer(256)
            name_len, domain_len, use = wintypes.DWORD(256), wintypes.DWORD(256), wintypes.DWORD()
            if not advapi.LookupAccountSidW(None, sid, name, ctypes.byref(name_len), domain,
                                            ctypes.byref(domain_len), ctypes.byref(use)):
                return sid_text  # an account that cannot be resolved: its SID, as Explorer shows it
            return f"{domain.value}\\{name.value}" if domain.value else name.value
        finally:
            kernel.LocalFree(sid)
else:

    def _windows_owner(path: str) -> str:
        return ""
