"""What a crash history sent to support must not contain, and the one function that removes it.

A careful vendor's report strips everything that identifies the person or the home: Wi-Fi passwords
and keys (``reagentc`` prints WinRE's Wi-Fi credential in clear text), network names (SSIDs), the
user's name and home folder (``C:\\Users\\alice``, ``/home/alice``), the computer's name, e-mail
addresses, serial numbers and hardware (MAC) addresses. Stop codes, driver names and versions, dump
file names and Windows' own paths stay: they are what support needs.
"""

from __future__ import annotations

import getpass
import os
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.recovery.reagentc import redact_wifi

MIN_NAME = 3  # shorter user or computer names would blank out ordinary words

_QUOTED_OR_WORD = r"(\"[^\"]*\"|'[^']*'|[^\s,;<>\"']+)"
_SECRETS = re.compile(r"\b(password|passwd|passphrase|pwd|psk|keymaterial|wpa[-_ ]?key|network[-_ ]?key)(\s*[=:]\s*)"
                      + _QUOTED_OR_WORD, re.IGNORECASE)
_NETWORKS = re.compile(r"\b(ssid|network[-_ ]?name)(\s*[=:]\s*)" + _QUOTED_OR_WORD, re.IGNORECASE)
_SERIALS = re.compile(r"\b(serial(?:[-_ ]?(?:number|no\.?|nr\.?))?|s/n|s-n|sn)(\s*[=:#]?\s*)"
                      r"((?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,})", re.IGNORECASE)  # a serial has a digit
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_MAC = re.compile(r"\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b")
# a profile folder name may hold spaces ("Jane Smith") when a path goes on after it
_WINDOWS_HOME = re.compile(r"(?i)(\b[A-Z]:[\\/]+(?:Users|Documents and Settings)[\\/]+)"
                           r"(?:[^\\/\"'<>\r\n,;()]+(?=[\\/])|[^\\/\s\"'<>,;()]+)")
# /home/NAME, /Users/NAME, and the same copied onto a Windows drive (D:\home\NAME)
_POSIX_HOME = re.compile(r"([\\/](?:home|Users)[\\/])[^\\/\s\"'<>\[]+")
_UNC_HOST = re.compile(r"(\\\\)[^\\/\s\"'<>?.]+(?=\\)")

USER, COMPUTER, HOME, REMOVED = "[user]", "[computer]", "[home]", "[removed]"


@dataclass(frozen=True)
class Personal:
    """The names and folders of the people and the PC that a report must not show."""

    user_names: tuple[str, ...] = ()
    computer_names: tuple[str, ...] = ()
    homes: tuple[str, ...] = ()

    @classmethod
    def of_this_pc(cls) -> Personal:
        users = [os.environ.get(name, "") for name in ("USERNAME", "USER", "LOGNAME")]
        try:
            users.append(getpass.getuser())
        except (OSError, KeyError):
            pass
        computers = [os.environ.get("COMPUTERNAME", ""), os.environ.get("USERDOMAIN", ""), socket.gethostname()]
        homes = [os.environ.get("USERPROFILE", ""), os.environ.get("HOME", ""), str(Path.home())]
        return cls(_kept(users), _kept(computers + [c.split(".")[0] for c in computers]), _kept(homes, minimum=2))

    def merged(self, other: Personal) -> Personal:
        return Personal(_kept(self.user_names + other.user_names), _kept(self.computer_names + other.computer_names),
                        _kept(self.homes + other.homes, minimum=2))


def _kept(values: Iterable[str], minimum: int = MIN_NAME) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for given in values:
        value = (given or "").strip().rstrip("\\/")
        if len(value) >= minimum and value.lower() not in seen:
            seen[value.lower()] = value
    return tuple(sorted(seen.values(), key=len, reverse=True))


def scrub(text: str, personal: Personal) -> str:
    """``text`` without the Wi-Fi credential, network names, names, home folders, e-mail addresses,
    serial numbers and MAC addresses."""
    text = redact_wifi(text)
    text = _SECRETS.sub(lambda m: m.group(1) + m.group(2) + REMOVED, text)
    text = _NETWORKS.sub(lambda m: m.group(1) + m.group(2) + "[network]", text)
    text = _SERIALS.sub(lambda m: m.group(1) + m.group(2) + "[serial]", text)
    for home in personal.homes:
        for form in {home, home.replace("\\", "/"), home.replace("/", "\\")}:
            text = re.sub(re.escape(form) + r"(?=$|[\\/\s\"'<>])", HOME, text, flags=re.IGNORECASE)
    text = _EMAIL.sub("[e-mail]", text)
    text = _MAC.sub("[MAC address]", text)
    text = _WINDOWS_HOME.sub(lambda m: m.group(1) + USER, text)
    text = _POSIX_HOME.sub(lambda m: m.group(1) + USER, text)
    text = _UNC_HOST.sub(lambda m: m.group(1) + COMPUTER, text)
    for name in personal.computer_names:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", COMPUTER, text, flags=re.IGNORECASE)
    for name in personal.user_names:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", USER, text, flags=re.IGNORECASE)
    return text
