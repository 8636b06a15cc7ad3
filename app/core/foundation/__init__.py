"""What every service of the core stands on: where the state lives (:mod:`.paths`), the state database
(:mod:`.store`), the settings (:mod:`.settings`), errors a user can act on (:mod:`.errors`), careful file
writes and the lock between processes (:mod:`.fileio`, :mod:`.filelock`), log files (:mod:`.logs`), the
resources and translations shipped beside the code (:mod:`.resources`) and the crash points the
crash-safety tests stop at (:mod:`.crashpoints`).

May import: :mod:`app.core.text` and nothing else of ``app`` but the package's own version.
"""
