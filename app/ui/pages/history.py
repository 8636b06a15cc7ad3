"""History: an activity chart of the kept history, then the event journal, filtered by kind and searched
for what the reader sees (the message in the console's language, the raw arguments), a page of events at a
time; the events shown, or all of them, exported to CSV or JSON."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, QVBoxLayout

from app.core.context import Context
from app.core.detections import fp_report
from app.core.foundation.errors import RingfenceError
from app.core.journal import events, export
from app.core.journal import search as event_search
from app.core.journal.activity import Activity, activity
from app.core.journal.events import Event
from app.core.journal.search import SEARCH_LIMIT
from app.core.text.messages import translate
from app.ui.dialogs.false_positive import FalsePositiveDialog
from app.ui.formatting import when
from app.ui.i18n import text
from app.ui.icons import state_icon
from app.ui.models.rows import Column, RowsModel, sorted_filtered
from app.ui.pages.base import ConsoleLike, Page
from app.ui.widgets.activity_chart import ActivityChart, summary
from app.ui.widgets.detection_details import DetectionDetails
from app.ui.widgets.table import table_view

PAGE_SIZE = 100
DETECTION_CODES = ("threat.found", "realtime.detected")  # events a false-positive report can be made from


@dataclass(frozen=True)
class EventsShown:
    events: list[Event]
    total: int
    offset: int
    limited: bool = False  # a search read only the newest events in the filter
    activity: Activity | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ExportRequest:
    path: str
    fmt: str | None
    kinds: list[str] | None  # None: every event
    search: str
    overwrite: bool


@dataclass(frozen=True)
class Exported:
    path: str
    count: int


def export_events(ctx: Context, request: ExportRequest) -> Exported:
    """Write the events of a view to a file, their messages in the console's language."""
    def render(event: Event) -> str:
        return text(event.message)

    kinds = request.kinds
    chosen = export.select(ctx.store, render, kinds=kinds, search=request.search) if kinds is None or kinds else []
    written = export.write_export(request.path, chosen, render, fmt=request.fmt, overwrite=request.overwrite)
    return Exported(str(written), len(chosen))


class HistoryPage(Page):
    name = "history"
    icon = "page-history"
    kinds: ClassVar[tuple[str, ...]] = events.KINDS

    def __init__(self, app: ConsoleLike) -> None:
        super().__init__(app)
        self.offset = 0
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._filters_changed)
        self.start()

    def build(self) -> None:
        self.kind_labels = {
            "scan": self.tr("Scans"), "threat": self.tr("Threats"), "quarantine": self.tr("Quarantine"),
            "updates": self.tr("Updates"), "engine": self.tr("Engine"), "crash": self.tr("Crashes"),
            "protection": self.tr("Real-time protection"), "settings": self.tr("Settings"),
        }
        self.severity_labels = {"info": self.tr("Information"), "warning": self.tr("Warning"),
                                "critical": self.tr("Critical")}
        self.severity_icons: dict[str, QIcon] = {"warning": state_icon("attention"), "critical": state_icon("alert")}
        layout = QVBoxLayout(self.body)
        heading = QLabel(self.tr("<h2>History</h2>"), self.body)
        layout.addWidget(heading)
        self.chart = ActivityChart(self.body)
        layout.addWidget(self.chart)
        self.chart_summary = QLabel(self.body)
        self.chart_summary.setWordWrap(True)
        layout.addWidget(self.chart_summary)
        filters = QHBoxLayout()
        self.kind_boxes: dict[str, QCheckBox] = {}
        for kind in events.KINDS:
            box = QCheckBox(self.kind_labels[kind], self.body)
            box.setChecked(True)
            box.toggled.connect(self._filters_changed)
            self.kind_boxes[kind] = box
            filters.addWidget(box)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.search = QLineEdit(self.body)
        self.search.setPlaceholderText(self.tr("Search the history"))
        self.search.setAccessibleName(self.tr("Search the history"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        layout.addWidget(self.search)
        self.limited = QLabel(text(translate("HistoryPage", "Only the newest %1 events were searched.").arg(
            QLocale().toString(SEARCH_LIMIT))), self.body)
        self.limited.setWordWrap(True)
        self.limited.hide()
        layout.addWidget(self.limited)
        self.model: RowsModel[Event] = RowsModel([
            Column(self.tr("Time"), lambda e: when(e.time), sort=lambda e: e.time),
            Column(self.tr("Kind"), lambda e: self.kind_labels.get(e.kind, e.kind)),
            Column(self.tr("Severity"), lambda e: self.severity_labels.get(e.severity, e.severity),
                   sort=lambda e: events.SEVERITIES.index(e.severity) if e.severity in events.SEVERITIES else -1,
                   icon=lambda e: self.severity_icons.get(e.severity)),  # a marker, not a page of bold rows
            Column(self.tr("What happened"), lambda e: text(e.message)),
        ], parent=self)
        self.proxy = sorted_filtered(self.model, self)
        self.table = table_view(self.proxy, self.tr("Events"), self.body)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.details = DetectionDetails(self.body)
        layout.addWidget(self.details)
        self.report = QPushButton(self.tr("Report &false positive…"), self.body)
        self.report.clicked.connect(self.report_false_positive)
        self.report.setEnabled(False)
        self.export_button = QPushButton(self.tr("E&xport…"), self.body)
        menu = QMenu(self.export_button)
        self.export_shown = menu.addAction(self.tr("The events shown (filters and search)…"))
        self.export_all = menu.addAction(self.tr("All events…"))
        self.export_shown.triggered.connect(lambda: self.choose_export(every=False))
        self.export_all.triggered.connect(lambda: self.choose_export(every=True))
        self.export_button.setMenu(menu)
        paging = QHBoxLayout()
        self.newer = QPushButton(self.tr("Newer"), self.body)
        self.older = QPushButton(self.tr("Older"), self.body)
        self.newer.clicked.connect(lambda: self._page(-PAGE_SIZE))
        self.older.clicked.connect(lambda: self._page(PAGE_SIZE))
        self.position = QLabel(self.body)
        paging.addWidget(self.report)
        paging.addWidget(self.export_button)
        paging.addWidget(self.newer)
        paging.addWidget(self.position, 1)
        paging.addWidget(self.older)
        layout.addLayout(paging)

    @property
    def title(self) -> str:
        return self.tr("History")

    def selected_kinds(self) -> list[str]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    def load_args(self) -> tuple[Any, ...]:
        return self.selected_kinds(), self.search.text().strip(), self.offset

    @staticmethod
    def load(ctx: Context, *args: Any) -> EventsShown:
        kinds, search, offset = args
        chart = activity(ctx.store, int(ctx.settings["history.keep_days"]))
        if not kinds:
            return EventsShown([], 0, 0, activity=chart)
        if search:  # what the reader sees: the message in the console's language, and the raw arguments
            hits = event_search.search(ctx.store, search, lambda event: text(event.message), kinds=kinds,
                                       offset=offset, limit=PAGE_SIZE)
            return EventsShown(hits.events, hits.total, hits.offset, hits.limited, activity=chart)
        total = events.count(ctx.store, kinds=kinds)
        offset = max(0, min(offset, (max(total, 1) - 1) // PAGE_SIZE * PAGE_SIZE))
        return EventsShown(events.query(ctx.store, kinds=kinds, offset=offset, limit=PAGE_SIZE), total, offset,
                           activity=chart)

    def show_data(self, data: EventsShown) -> None:
        self.offset = data.offset
        if data.activity is not None:
            self.chart.set_activity(data.activity)
            self.chart_summary.setText(summary(data.activity))
        self.model.set_rows(data.events)
        if data.total:
            self.position.setText(text(translate("HistoryPage", "Events %1–%2 of %3").arg(
                data.offset + 1, data.offset + len(data.events), data.total)))
        else:
            self.position.setText(self.tr("No events match these filters."))
        self.limited.setVisible(data.limited)
        self.newer.setEnabled(data.offset > 0)
        self.older.setEnabled(data.offset + len(data.events) < data.total)
        self._selection_changed()

    def selected(self) -> Event | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()]

    def _selection_changed(self, *_args: object) -> None:
        event = self.selected()
        detection = event is not None and event.code in DETECTION_CODES
        self.details.show_detection(str(event.args.get("threat") or "") if event and detection else None,
                                    event.args if event else None)
        self.report.setEnabled(bool(detection and event and event.args.get("sha256")))

    def report_false_positive(self) -> FalsePositiveDialog | None:
        """The false-positive report about the selected detection, and the offer to allow the file."""
        event = self.selected()
        if event is None or event.code not in DETECTION_CODES:
            return None
        try:
            report = fp_report.from_detection(event.args)
        except RingfenceError as exc:
            self.show_failure(exc.msg)
            return None
        name = os.path.basename(str(event.args.get("file") or event.args.get("path") or ""))
        dialog = FalsePositiveDialog(report, self.app.workers, self, allow_name=name)
        dialog.open()
        return dialog

    # -- export -------------------------------------------------------------------------------------

    def choose_export(self, *, every: bool) -> QFileDialog:
        """Ask where to save (without blocking the console); the file dialog confirms replacing a file."""
        dialog = QFileDialog(self, self.tr("Export the history"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        csv_filter, json_filter = self.tr("CSV for spreadsheets (*.csv)"), self.tr("JSON (*.json)")
        dialog.setNameFilters([csv_filter, json_filter])
        dialog.setDefaultSuffix("csv")
        dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix("json" if chosen == json_filter else "csv"))
        dialog.selectFile(f"ringfence-history-{date.today().isoformat()}.csv")
        dialog.fileSelected.connect(lambda path: self.export_to(
            path, every=every, fmt="json" if dialog.selectedNameFilter() == json_filter else "csv", overwrite=True))
        dialog.open()
        return dialog

    def export_to(self, path: str, *, every: bool, fmt: str | None = None, overwrite: bool = False) -> None:
        """Export to ``path`` (the file dialog's choice): all events, or those the filters and search show.
        A name ending in .csv or .json decides the format; ``fmt`` is for a name without either."""
        suffix = os.path.splitext(path)[1].lower().lstrip(".")
        chosen_fmt = suffix if suffix in export.FORMATS else fmt
        kinds = None if every else self.selected_kinds()
        search = "" if every else self.search.text().strip()
        self.call("history.export", export_events, ExportRequest(path, chosen_fmt, kinds, search, overwrite),
                  done=self._exported)

    def _exported(self, done: Exported) -> None:
        self.say(text(translate("HistoryPage", "%n event(s) exported to %1.", None, 0).plural(done.count)
                      .arg(done.path)))

    def _filters_changed(self) -> None:
        self.offset = 0
        self.refresh()

    def _page(self, step: int) -> None:
        self.offset = max(0, self.offset + step)
        self.refresh()
