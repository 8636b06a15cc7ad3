"""Scanning, seen from the console and the CLI: a scan as a job (:mod:`.job`) with its targets
(:mod:`.targets`), progress (:mod:`.progress`), the one-scan-at-a-time lock (:mod:`.lock`), what happens
to a detection (:mod:`.actions`) and to a file that could not be read (:mod:`.file_problems`); the
scan runs and their history (:mod:`.runs`); the engine worker process (:mod:`.engine_process`) and the
supervisor that survives it dying (:mod:`.supervisor`); the active definitions (:mod:`.definitions`,
:mod:`.bundle_messages`, :mod:`.definitions_changed`) and the engine self-test (:mod:`.engine_selftest`).

May import: :mod:`app.engine`, :mod:`app.core.text`, :mod:`app.core.foundation`,
:mod:`app.core.journal`, :mod:`app.core.context` and — where a scan touches
them — modules of :mod:`app.core.quarantine` and :mod:`app.core.updates` (the import-rule test keeps
the graph free of cycles).
"""
