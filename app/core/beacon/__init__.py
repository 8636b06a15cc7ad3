"""The opt-in health beacon (reference §7.9): what this installation tells the vendor's collector.

Off by default. Once the user agrees, each definitions state change (activated, rejected at a
validation step, reverted with its trigger, probation passed) and daily counters (engine crashes and
hangs, scan errors, protected-file hits, detections per hour) go to the collector configured with the
update channel, so a bad release is stopped by the fleet's health before it reaches the broad ring.
A beacon carries a random install id, ring, bucket decile and versions — never a file name, path,
hash of a user file or content. Sending happens on a background thread from a bounded queue on disk.
"""
