"""Domain services of Ringfence. Plain Python: never imports Qt, ``app.ui``, ``app.commands`` or
``app.channel`` (``tests/test_import_rules.py`` checks it, and that no import cycle exists).

One package per domain, from the bottom up (``docs/architecture.md`` draws it):

- :mod:`.text` — messages, translation markers and label tables; imports nothing of ``app``.
- :mod:`.foundation` — paths, the state database, settings, errors, file writes and locks, logs,
  resources, crash points; imports :mod:`.text`.
- :mod:`.journal` — the event journal, its search and a detection's provenance text; imports the two
  above and the engine's category vocabulary (:mod:`app.engine.provenance_meta`, a leaf module).
- :mod:`.desktop` — autostart, the desktop entry, engine worker priority; imports text and foundation.
- :mod:`.scanning`, :mod:`.quarantine`, :mod:`.updates`, :mod:`.realtime`, :mod:`.recovery`,
  :mod:`.schedule`, :mod:`.beacon`, :mod:`.drives` — the services; each imports the layers above and what it needs of
  the others (:mod:`app.engine` only from scanning, quarantine, realtime and updates).
- :mod:`.status` — the verdict and the protection status, read from every service; nothing imports it
  back.

Two modules stay here, each because it ties several packages together:

- :mod:`.context` — the services one run works with (paths, settings, state database, logging); it
  records a settings recovery in the journal, so it sits above :mod:`.foundation` and :mod:`.journal`,
  and every service takes it.
- :mod:`.maintenance` — the daily housekeeping that prunes the journal and purges the quarantine.
"""
