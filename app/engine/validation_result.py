"""The result of validating a definitions bundle: produced inside the sandbox process, read by the
update client (this module imports nothing heavy, so the console can use it without loading YARA)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ValidationResult:
    ok: bool
    step: str
    reason: str
    version: int | None = None
    rule_count: int = 0
    hash_count: int = 0
    clean_files: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
