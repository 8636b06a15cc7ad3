"""Stop code numbers -> symbolic names, from Microsoft's bug check code reference.

The table ships as ``resources/recovery/bugcheck_codes.tsv`` (CC-BY-4.0, attribution in the SOURCE.md
beside it) so that a new code needs no code change. Windows also reports some codes as a
``0x1000xxxx`` twin (the "_M" variants, e.g. 0x1000007E for 0x7E); :func:`normalize_code` folds them
onto their family so that an event and a dump of the same crash agree.
"""

from __future__ import annotations

from functools import cache

from app.core.foundation.errors import RingfenceError
from app.core.foundation.resources import resource_path
from app.core.text.messages import translate

_M_FLAG = 0x10000000


@cache
def _table() -> dict[int, str]:
    path = resource_path("recovery", "bugcheck_codes.tsv")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RingfenceError(translate("Recovery", "The stop code table %1 cannot be read (%2); reinstall Ringfence.")
                             .arg(str(path), exc.strerror or str(exc))) from exc
    table: dict[int, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        code, name = line.split("\t", 1)
        try:
            table[int(code, 16)] = name.strip()
        except ValueError:
            continue  # the header line
    return table


def normalize_code(code: int) -> int:
    """Fold a ``0x1000xxxx`` "_M" variant onto its base code; any other code is returned unchanged."""
    if code & 0xF0000000 == _M_FLAG and (code & 0x0FFFFFFF) in _table():
        return code & 0x0FFFFFFF
    return code


def bugcheck_name(code: int) -> str | None:
    """The symbolic name (``MEMORY_MANAGEMENT`` for 0x1A), or ``None`` for a code Microsoft does not list."""
    table = _table()
    if code in table:
        return table[code]
    base = normalize_code(code)
    if base != code:
        return f"{table[base]}_M"
    return None


def same_family(first: int, second: int) -> bool:
    """Whether two reports of a stop code describe the same one (0x7E and 0x1000007E do)."""
    return normalize_code(first) == normalize_code(second)
