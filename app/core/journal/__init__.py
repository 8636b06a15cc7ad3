"""The event journal: every state change a user may be told about or look up later
(:mod:`.events`, one row per event in the state database) and searching it for what its reader sees
(:mod:`.search`).

May import: :mod:`app.core.text` and :mod:`app.core.foundation`.
"""
