"""What may ship and how a home user meets it: licence, score and category of each upstream rule.

Licences: a rule names its own in its ``license`` meta, or falls under its rule set's licence. Only
licences whose text ships with the definitions are allowed; non-commercial ones never are.
Categories follow the research's mapping (``threat``, ``pua`` — potentially unwanted / hack tool —,
``suspicious``); only threats are quarantined without asking.
"""

from __future__ import annotations

from dataclasses import dataclass

# licence id -> licence text file in definitions/licences/ ("" = the rule set's own LICENSE)
ALLOWED_LICENCES: dict[str, str] = {
    "DRL-1.1": "",
    "MIT": "MIT.txt",
    "BSD-2-Clause": "BSD-2-Clause.txt",
    "CC-BY-4.0": "CC-BY-4.0.txt",
    "GPL-3.0": "GPL-3.0.txt",
}
NON_COMMERCIAL = "CC-BY-NC-4.0"
CATEGORIES = ("threat", "pua", "suspicious")

_PUA_NAMES = ("HKTL_", "CN_", "COBALTSTRIKE_", "PUA_", "HACKTOOL_")
_SUSPICIOUS_NAMES = ("SUSP_", "WEBSHELL_", "VULN_", "SUSPICIOUS_")
_PUA_FILES = ("hktl_", "thor-hacktools", "cn_pentestset", "pua_")
_SUSPICIOUS_FILES = ("gen_susp", "general_", "generic_", "vul_", "vuln_", "thor_inverse", "gen_webshells",
                     "configured_vulns")


@dataclass(frozen=True)
class Licence:
    id: str
    allowed: bool
    reason: str = ""


def licence_of(meta_value: object, source_default: str) -> Licence:
    """The licence a rule falls under, from its ``license`` meta (or its rule set's default)."""
    if not isinstance(meta_value, str) or not meta_value.strip():
        return Licence(source_default, source_default in ALLOWED_LICENCES)
    text = meta_value.lower()
    if "by-nc" in text or "noncommercial" in text or "non-commercial" in text:
        return Licence(NON_COMMERCIAL, False, "non-commercial licence")
    if "detection rule license" in text or "detection-rule-license" in text:
        found = "DRL-1.1"
    elif "open-government-licence" in text:
        return Licence("OGL-UK-3.0", False, "licence text not shipped (UK OGL v3)")
    elif "volexity" in text or "bsd 2-clause" in text or "bsd-2-clause" in text:
        found = "BSD-2-Clause"
    elif "cc by 4.0" in text or "creativecommons.org/licenses/by/4.0" in text:
        found = "CC-BY-4.0"
    elif "capev2" in text or "gpl-3" in text or "gplv3" in text:
        found = "GPL-3.0"
    elif text.strip() == "mit":
        found = "MIT"
    else:
        return Licence(meta_value.strip(), False, f"unknown licence {meta_value.strip()!r}")
    return Licence(found, True)


def category_of(source: str, rule: str, path: str, pua_under: list[str], by_name: bool) -> str:
    """``threat``, ``pua`` or ``suspicious`` for ``rule`` of ``source`` found in ``path``."""
    if any(path.startswith(prefix) for prefix in pua_under):
        return "pua"
    if not by_name:
        return "threat"  # ReversingLabs families, ransomware and certificate blocklist; bartblaze
    upper = rule.upper()
    if upper.startswith(_PUA_NAMES):
        return "pua"
    if upper.startswith(_SUSPICIOUS_NAMES):
        return "suspicious"
    if upper.startswith(("MAL_", "APT_", "CRIME_", "RANSOM")):
        return "threat"
    name = path.rsplit("/", 1)[-1].lower()
    if name.startswith(_PUA_FILES):
        return "pua"
    if name.startswith(_SUSPICIOUS_FILES):
        return "suspicious"
    return "threat"


def score_of(meta_value: object) -> int | None:
    if isinstance(meta_value, bool):
        return None
    if isinstance(meta_value, int):
        return meta_value
    if isinstance(meta_value, str) and meta_value.strip().isdigit():
        return int(meta_value.strip())
    return None
