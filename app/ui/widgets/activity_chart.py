"""The activity chart: files checked, threats found and definitions updates installed, one bar per day or
week over the kept history, drawn with QPainter.

Three strips, one per measure, each with its own scale (a day of 40,000 files and a day of one threat
both show), the measure's name and total beside it, the first and last day below. Files take the
palette's highlight colour, so the chart follows light and dark; threats and updates take the verdict
colours (red, green) that mean the same everywhere in the console. Hovering a bar tells its numbers; the
same facts are in the accessible description, for screen readers.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QLocale, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.core.journal.activity import Activity, Bucket
from app.core.text.messages import Moment, translate
from app.ui.i18n import moment, text
from app.ui.widgets.verdict_banner import COLOURS

ROW_HEIGHT = 34
GAP = 6


class ActivityChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activity: Activity | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Activity chart"))

    def sizeHint(self) -> QSize:
        return QSize(480, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self._height())

    def _height(self) -> int:
        line = self.fontMetrics().height()
        return 3 * ROW_HEIGHT + 2 * GAP + line + GAP

    def set_activity(self, activity: Activity) -> None:
        self.activity = activity
        self.setAccessibleDescription(summary(activity))
        self.update()

    # -- what is drawn ------------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, QColor, list[int], int]]:
        """Each strip: its label, colour, values per bucket and total."""
        buckets = self.activity.buckets if self.activity else ()
        files = [b.files for b in buckets]
        threats = [b.threats for b in buckets]
        updates = [b.updates for b in buckets]
        return [
            (self.tr("Files checked"), self.palette().color(QPalette.ColorRole.Highlight), files, sum(files)),
            (self.tr("Threats found"), QColor(COLOURS["alert"][0]), threats, sum(threats)),
            (self.tr("Updates installed"), QColor(COLOURS["ok"][0]), updates, sum(updates)),
        ]

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(f"{label}  {QLocale().toString(total)}")
                      for label, _colour, _values, total in self.rows()), default=0)
        return min(widest + 2 * GAP, self.width() // 2)

    def _plot(self) -> QRectF:
        left = self._label_width()
        return QRectF(left, 0, max(1, self.width() - left - GAP), 3 * ROW_HEIGHT + 2 * GAP)

    def bar_rect(self, row: int, index: int, value: int, top: int) -> QRectF:
        """Where the bar of ``value`` (of a strip whose largest value is ``top``) is drawn."""
        plot = self._plot()
        count = len(self.activity.buckets) if self.activity else 1
        slot = plot.width() / max(1, count)
        width = max(1.0, slot * 0.75)
        bottom = plot.top() + row * (ROW_HEIGHT + GAP) + ROW_HEIGHT
        height = 0.0 if top <= 0 or value <= 0 else max(2.0, (ROW_HEIGHT - 2) * value / top)
        return QRectF(plot.left() + index * slot + (slot - width) / 2, bottom - height, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        plot = self._plot()
        metrics = self.fontMetrics()
        for row, (label, colour, values, total) in enumerate(self.rows()):
            baseline = plot.top() + row * (ROW_HEIGHT + GAP) + ROW_HEIGHT
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(QRectF(0, baseline - ROW_HEIGHT, plot.left() - GAP, ROW_HEIGHT),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{label}  {QLocale().toString(total)}")
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(QPoint(int(plot.left()), int(baseline)), QPoint(int(plot.right()), int(baseline)))
            top = max(values, default=0)
            for index, value in enumerate(values):
                if value > 0:
                    painter.fillRect(self.bar_rect(row, index, value, top), colour)
        if self.activity and self.activity.buckets:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            below = QRectF(plot.left(), plot.bottom() + GAP / 2, plot.width(), metrics.height())
            first, last = self.activity.buckets[0].start, self.activity.buckets[-1].start
            painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft), short_date(first))
            painter.drawText(below, int(Qt.AlignmentFlag.AlignRight), short_date(last))
        painter.end()

    # -- hovering -----------------------------------------------------------------------------------

    def bucket_at(self, x: float) -> Bucket | None:
        if not self.activity or not self.activity.buckets:
            return None
        plot = self._plot()
        if not plot.left() <= x < plot.right():
            return None
        index = int((x - plot.left()) / (plot.width() / len(self.activity.buckets)))
        return self.activity.buckets[min(index, len(self.activity.buckets) - 1)]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bucket = self.bucket_at(event.pos().x())
            if bucket is not None and self.activity is not None:
                QToolTip.showText(event.globalPos(), bucket_text(bucket, self.activity.unit), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def short_date(day: date) -> str:
    """A day as the console writes dates (the locale's short format, four-digit year)."""
    return moment(Moment(datetime.combine(day, datetime.min.time()).timestamp(), "date"))


def bucket_text(bucket: Bucket, unit: str) -> str:
    day = short_date(bucket.start)
    numbers = [QLocale().toString(v) for v in (bucket.files, bucket.scans, bucket.threats, bucket.updates)]
    if unit == "week":
        return text(translate("ActivityChart", "Week of %1 — files checked: %2; scans: %3; threats found: %4; "
                                               "definitions updates installed: %5").arg(day, *numbers))
    return text(translate("ActivityChart", "%1 — files checked: %2; scans: %3; threats found: %4; "
                                           "definitions updates installed: %5").arg(day, *numbers))


def summary(activity: Activity) -> str:
    """The chart in one sentence (shown under it, and its accessible description)."""
    numbers = [QLocale().toString(v) for v in (activity.files, activity.scans, activity.threats, activity.updates)]
    return text(translate("ActivityChart", "Last %n day(s) — files checked: %1; scans: %2; threats found: %3; "
                                           "definitions updates installed: %4.", None, 0)
                .plural(activity.days).arg(*numbers))
