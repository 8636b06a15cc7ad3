"""Percentage, speed and time left of a scan, from the files *and* the bytes it has got through.

A scan's time goes on two things: a cost per file (opening it, the cache, the bookkeeping) and a cost per
byte (reading and matching). A disk of many tiny files and one of a few huge ones differ by orders of
magnitude in files per second, so neither count alone says how far a scan is. The estimator fits

    time ≈ a · files + b · bytes

to what the scan has done (least squares over the steps between two reports, each weighed by how long it
took and by how recent it is), and applies the fitted cost to what is left. Before the fit has data on a
coefficient it leans on a modest prior, so a scan of only tiny files still says something sensible about
the huge ones ahead, and the first huge file corrects it.

What the user sees is smoothed on top of that: the time left counts down with the clock between two
reports, moves towards the fitted value gradually, and never changes by more than a factor of two from
one shown value to the next (nor by more than that in any :data:`SWING_WINDOW_S` seconds). Inside a large
archive no file completes for a while; the estimator then holds its speed and time left rather than
concluding that the scan has stopped (the "1 file per second, 199 h left" of a naive rate).

Everything here is plain arithmetic on the numbers passed in, with the time passed in too: no clock, no
threads, no Qt, so a test can drive a whole simulated scan in milliseconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MB = 1_000_000.0
#: How long (seconds of scanning) until an old step counts half as much in the cost fit.
FIT_HALF_LIFE_S = 300.0
#: How long until an old step counts half as much in the speed shown.
SPEED_HALF_LIFE_S = 10.0
#: The shown time left moves towards the fitted value with this time constant (seconds).
SMOOTHING_S = 5.0
#: The shown time left never changes by more than a factor of two from one value to the next, nor within
#: this many seconds (a viewer that samples every few seconds still sees no jump larger than that).
SWING_WINDOW_S = 4.0
MAX_SWING = 2.0
#: No time left before this much scanning has been seen (one report says little).
MIN_OBSERVED_S = 1.0
#: The prior: a modest machine's cost per file (seconds) and per megabyte (seconds), weighed as if this
#: many files and megabytes had been seen at that cost; real steps outweigh it within seconds.
PRIOR_S_PER_FILE = 0.002
PRIOR_S_PER_MB = 1 / 40
PRIOR_FILES = 20.0
PRIOR_MB = 20.0


@dataclass(frozen=True)
class Estimate:
    """What to show about a running scan."""

    percent: float | None  # 0..100; None while the total is still being counted
    remaining_s: float | None  # None while the total is counted or too little has been seen
    files_per_s: float
    bytes_per_s: float  # bytes actually read and matched (files from the scan cache read none)


class _Decaying:
    """Sums that fade with a half-life measured in seconds of scanning."""

    def __init__(self, half_life_s: float, size: int) -> None:
        self.half_life_s = half_life_s
        self.values = [0.0] * size

    def add(self, dt: float, *terms: float) -> None:
        keep = math.pow(0.5, dt / self.half_life_s)
        self.values = [value * keep + term for value, term in zip(self.values, terms, strict=True)]


class ScanEstimator:
    """Feed it the scan's running counts with :meth:`observe`; ask :meth:`estimate` what to show."""

    def __init__(self) -> None:
        self.active_s = 0.0  # seconds of scanning seen (pauses excluded)
        self._last: tuple[float, int, int, int] | None = None  # time, files, walked bytes, read bytes
        self._paused_at: float | None = None
        # the fit: ff, fb, bb, ft, bt (files and megabytes; each step weighed by 1/dt)
        self._fit = _Decaying(FIT_HALF_LIFE_S, 5)
        self._speed = _Decaying(SPEED_HALF_LIFE_S, 3)  # files, bytes read, seconds
        self._shown: tuple[float, float] | None = None  # (time, time left) last shown
        self._percent = 0.0

    # -- input -----------------------------------------------------------------------------------

    def observe(self, now: float, files: int, walked_bytes: int, read_bytes: int) -> None:
        """The scan's counts at ``now``: files done, the bytes of those files (their sizes in the walk,
        whether read or answered from the cache) and the bytes actually read."""
        if self._paused_at is not None:
            return
        if self._last is None:
            self._last = (now, files, walked_bytes, read_bytes)
            return
        t0, f0, w0, r0 = self._last
        d_files, d_walked, d_read = files - f0, walked_bytes - w0, read_bytes - r0
        if d_files <= 0 and d_walked <= 0:
            return  # nothing finished since (a large file is being read): the step goes on
        dt = now - t0
        self._last = (now, files, walked_bytes, read_bytes)
        if dt <= 0:
            return
        self.active_s += dt
        mb = max(0, d_walked) / MB
        d_files = max(0, d_files)
        self._fit.add(dt, d_files * d_files / dt, d_files * mb / dt, mb * mb / dt, d_files, mb)
        self._speed.add(dt, d_files, max(0, d_read), dt)

    def pause(self, now: float) -> None:
        """The scan is paused: the time until :meth:`resume` is not scanning time."""
        if self._paused_at is None:
            self._paused_at = now

    def resume(self, now: float) -> None:
        if self._paused_at is None:
            return
        paused_for = now - self._paused_at
        self._paused_at = None
        if self._last is not None:
            t0, *counts = self._last
            self._last = (t0 + paused_for, *counts)  # type: ignore[assignment]
        if self._shown is not None:
            self._shown = (self._shown[0] + paused_for, self._shown[1])

    # -- the fit ---------------------------------------------------------------------------------

    def cost(self) -> tuple[float, float]:
        """Seconds per file and seconds per megabyte, as fitted so far (never negative)."""
        ff, fb, bb, ft, bt = self._fit.values
        ff, ft = ff + PRIOR_FILES, ft + PRIOR_FILES * PRIOR_S_PER_FILE
        bb, bt = bb + PRIOR_MB, bt + PRIOR_MB * PRIOR_S_PER_MB
        det = ff * bb - fb * fb
        if det > 0:
            a, b = (ft * bb - bt * fb) / det, (bt * ff - ft * fb) / det
            if a >= 0 and b >= 0:
                return a, b
        # one coefficient would come out negative: the data are explained by the other alone
        only_a, only_b = ft / ff, bt / bb
        if ft * only_a >= bt * only_b:  # the one that leaves the smaller squared error
            return only_a, 0.0
        return 0.0, only_b

    def _speeds(self) -> tuple[float, float]:
        files, read, seconds = self._speed.values
        if seconds <= 0:
            return 0.0, 0.0
        return files / seconds, read / seconds

    # -- output ----------------------------------------------------------------------------------

    def estimate(self, now: float, files: int, walked_bytes: int, *, files_total: int, bytes_total: int,
                 final: bool) -> Estimate:
        """What to show at ``now`` for a scan at ``files`` / ``walked_bytes`` of ``files_total`` /
        ``bytes_total`` (``final``: the total is counted to the end)."""
        files_per_s, bytes_per_s = self._speeds()
        if not final:
            return Estimate(None, None, files_per_s, bytes_per_s)
        a, b = self.cost()
        files_left = max(0, files_total - files)
        mb_left = max(0, bytes_total - walked_bytes) / MB
        done_cost = a * files + b * walked_bytes / MB
        left_cost = a * files_left + b * mb_left
        if done_cost + left_cost > 0:
            percent = 100.0 * done_cost / (done_cost + left_cost)
        else:
            percent = 100.0 * files / files_total if files_total else 100.0
        if files_left == 0:
            percent = 100.0
        self._percent = max(self._percent, min(100.0, percent))  # the bar never goes back
        if files_left == 0:
            return Estimate(100.0, 0.0, files_per_s, bytes_per_s)
        if self.active_s < MIN_OBSERVED_S:
            return Estimate(self._percent, None, files_per_s, bytes_per_s)
        return Estimate(self._percent, self._show(now, left_cost), files_per_s, bytes_per_s)

    def _show(self, now: float, fitted: float) -> float:
        """The time left to show: ``fitted`` approached smoothly, within the swing limits."""
        if self._shown is None:
            self._shown = (now, fitted)
            return fitted
        then, shown = self._shown
        if self._paused_at is not None:
            return shown
        dt = max(0.0, now - then)
        if dt == 0:
            return shown
        counted_down = max(0.0, shown - dt)
        value = counted_down + (fitted - counted_down) * (1 - math.exp(-dt / SMOOTHING_S))
        swing = min(MAX_SWING, math.pow(MAX_SWING, dt / SWING_WINDOW_S))
        value = min(max(value, shown / swing), shown * swing)
        self._shown = (now, value)
        return value
