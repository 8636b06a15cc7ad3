"""The definitions update client (DESIGN §5): TUF-verified, ringed, validated, on probation, reversible.

What the UI and the commands use:

* :class:`~app.core.updates.service.UpdateService` — ``startup()``, ``check()``, ``apply()``,
  ``rollback()``, ``set_ring()``, ``pause()``, ``resume()``, ``status()``, ``poll_if_due()``,
  ``next_check_at()``, ``release_notes(version)``, ``disabled_rules()``.
* :class:`~app.core.updates.update_status.UpdateStatus` — the state for the Updates page, its text, history.
* :func:`~app.core.updates.diff.rule_diff` — added / removed / changed rules between two versions.
* :mod:`~app.core.updates.health` — ``record_engine_event``, ``record_scan_stats``,
  ``record_selftest``: the signals the probation window reads.
"""
