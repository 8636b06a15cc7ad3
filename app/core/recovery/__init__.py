"""Crash & recovery insights: what the crash screen showed, and the state of Windows' recovery features.

Providers collect evidence (:mod:`.providers`), :mod:`.correlate` turns it into crash reports and a
recovery state (:mod:`.model`), :mod:`.explain` puts stop codes into plain words and :mod:`.seen`
remembers which crashes were already announced. See docs/recovery.md.
"""
