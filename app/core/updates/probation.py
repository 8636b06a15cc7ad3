"""The probation ("health window") after an activation and its revert triggers (reference §7.8).

| trigger                                                        | action                          |
|----------------------------------------------------------------|---------------------------------|
| pessimistic crash streak ≥ 3                                   | last-known-good (or baseline)   |
| crash streak ≥ 3 again while back on the last-known-good       | baseline, automatic updates stop |
| a self-test (EICAR, golden positives) failed after activation  | last-known-good                 |
| scan error rate > 1 % (≥ 200 files) and > 5× the LKG's rate    | last-known-good                 |
| median time per file > 3× the LKG's (≥ 200 files)              | last-known-good                 |
| ≥ 1 hit on a protected file                                    | reported (report-only)          |
| ≥ 3 distinct protected files hit                               | last-known-good                 |
| detections > 10× the LKG's rate, ≥ 20 of them and > 1 % of the | last-known-good                 |
| scanned files                                                  |                                 |
| ≥ 3 files hit the per-file time limit, > 5× the LKG's rate     | last-known-good                 |

The 1 % floor keeps the first activation of a much larger rule set (the baseline's few rules, then the
thousands of "Ringfence Core") from passing for a spike: scattered real findings — a folder of hack
tools, a few suspicious scripts — stay far below it, while a bad rule flags a whole kind of file
(every program, every picture), which is many per cent of a disk.

Probation passes after 24 h (4 h for critical releases) with ≥ 2 engine starts and ≥ 500 scanned
files, or after 7 days without any trigger (a machine that rarely scans must not stay in probation
for ever). :func:`evaluate` only decides; the service acts on the decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.foundation.store import Store
from app.core.text.messages import Message, translate
from app.core.updates import health
from app.core.updates.state import Probation

CRASH_STREAK = 3
HOURS = 3600.0
PASS_AFTER = {"normal": 24 * HOURS, "critical": 4 * HOURS}
PASS_ANYWAY_AFTER = 7 * 24 * HOURS
MIN_STARTS = 2
MIN_FILES = 500
MIN_FILES_FOR_RATES = 200
TIMEOUT_BURST = 3  # files stopped by the per-file time limit: checked by no rule at all
SPIKE_MIN_DETECTIONS = 20
SPIKE_FACTOR = 10
SPIKE_MIN_SHARE = 0.01  # of the scanned files


@dataclass(frozen=True)
class Decision:
    action: str  # "none", "pass", "revert", "baseline", "report"
    reason: Message | str = ""
    trigger: str = ""  # what set off a revert: crash_streak, selftest, scan_errors, slow, protected_files,
    # detection_spike, scan_timeouts


def ends_at(probation: Probation) -> float:
    return probation.started_at + PASS_AFTER.get(probation.severity, PASS_AFTER["normal"])


def evaluate(store: Store, probation: Probation, lkg: int | None, now: float) -> Decision:
    v, since = probation.version, probation.started_at
    counts = health.engine_counts(store, v, since)
    if counts.crash_streak >= CRASH_STREAK:
        if probation.kind == "revert" or lkg is None:
            return Decision("baseline", translate(
                "Updates", "Version %1 stopped the engine %2 times in a row; Ringfence went back to its built-in baseline "
                "definitions.").arg(v, counts.crash_streak), "crash_streak")
        return Decision("revert", translate(
            "Updates", "Version %1 stopped the engine %2 times in a row; Ringfence went back to version %3.")
            .arg(v, counts.crash_streak, lkg), "crash_streak")
    failures = health.failed_selftests(store, v, since)
    if failures:
        return Decision("revert", translate("Updates", "Version %1 failed its self-test (%2).").arg(v, failures[0]), "selftest")
    mine = health.scan_totals(store, v, since)
    ref = health.scan_totals(store, lkg) if lkg is not None else health.ScanTotals()
    if mine.timeouts >= TIMEOUT_BURST and mine.timeouts * max(ref.files, 1) > 5 * ref.timeouts * max(mine.files, 1):
        return Decision("revert", translate("Updates", "Version %1 could not check %2 files within the time limit (a rule "
                                            "too slow for larger files).").arg(v, mine.timeouts), "scan_timeouts")
    if mine.files >= MIN_FILES_FOR_RATES:
        if mine.error_rate > 0.01 and (ref.files < MIN_FILES_FOR_RATES or mine.error_rate > 5 * ref.error_rate):
            return Decision("revert", translate("Updates", "Version %1 failed on %2 of %3 scanned files.")
                            .arg(v, mine.errors, mine.files), "scan_errors")
        if (mine.median_ms_per_file is not None and ref.median_ms_per_file and ref.files >= MIN_FILES_FOR_RATES
                and mine.median_ms_per_file > 3 * ref.median_ms_per_file):
            return Decision("revert", translate("Updates", "Version %1 made scanning more than three times slower.").arg(v), "slow")
        if (mine.detections >= SPIKE_MIN_DETECTIONS and ref.files >= MIN_FILES_FOR_RATES
                and mine.detection_rate > max(SPIKE_FACTOR * max(ref.detection_rate, 1.0 / max(ref.files, 1)),
                                              SPIKE_MIN_SHARE)):
            return Decision("revert", translate("Updates", "Version %1 suddenly found %2 threats in %3 files (a likely false "
                                                "alarm).").arg(v, mine.detections, mine.files), "detection_spike")
    if len(mine.protected) >= 3:
        return Decision("revert", translate("Updates", "Version %1 flagged %2 protected system files (a false alarm).")
                        .arg(v, len(mine.protected)), "protected_files")
    if mine.protected and not probation.reported_protected:
        return Decision("report", translate("Updates", "Version %1 flagged the protected file %2; it was only reported, not "
                                            "quarantined.").arg(v, sorted(mine.protected)[0]))
    age = now - since
    if age >= PASS_ANYWAY_AFTER or (age >= ends_at(probation) - since and counts.starts >= MIN_STARTS
                                    and mine.files >= MIN_FILES):
        return Decision("pass")
    return Decision("none")
