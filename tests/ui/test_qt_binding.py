"""The pinned Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 returned ``True`` from ``SignalInstance.emit()`` without taking a reference: every
emit from Python code lowered ``True``'s count by one, and a console running for a few minutes died in
``bool_dealloc``. pyproject.toml pins a release without the fault; this test fails on one with it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object)


def test_emitting_a_signal_leaves_true_alone() -> None:
    emitter = _Emitter()
    emitter.changed.connect(lambda value: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.changed.emit(1)
    assert abs(sys.getrefcount(True) - before) < 50
