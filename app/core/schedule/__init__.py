"""Scheduled scans kept in the state database, not cron: plain rules with an injectable clock.

- :mod:`.slots` — when a schedule's slots fall, and what one look at the clock decides
  (run now, one catch-up later, or nothing).
- :mod:`.rows` — the ``schedules`` table and the default schedule.
- :mod:`.scheduler` — :class:`Scheduler`: applies the decisions (battery, a running scan) and runs
  the scan; :class:`SchedulerThread` drives it in the long-running app.
- :mod:`.background` — low priority and a duty-cycle throttle for the engine worker of a scheduled scan.
"""
