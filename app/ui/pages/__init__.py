"""The console's pages, one per file: Dashboard, Scan, Quarantine, Updates, Recovery, History.

Each page is ``Page(app)`` (see :mod:`app.ui.pages.base`): it reads core only through ``app.workers``
and reloads itself when the event journal reports something that concerns it.
"""
