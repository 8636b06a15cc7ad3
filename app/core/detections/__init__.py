"""What a detection is and where its rule comes from: categories, attribution, the user's action per
category, and the false-positive report (issue #18).

Every detection (a dict from the engine, a quarantine item, an event's arguments) carries the rule's
``category``, ``source``, ``author``, ``licence`` and ``reference``; :mod:`.provenance` reads and shows
them, :mod:`.policy` decides what happens to a finding of each category, :mod:`.fp_report` writes the
report a user sends about a detection they judge wrong.
"""
