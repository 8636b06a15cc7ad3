"""Rotating log files under the logs folder."""

from __future__ import annotations

import logging
import logging.handlers
import os
import threading
from pathlib import Path

from app.core.text.names import plain

LOG_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class OneLineFormatter(logging.Formatter):
    """Every record's message on one line, control characters escaped (a file name with a newline or an
    escape sequence cannot forge or hide a log line); a traceback still follows on its own lines."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging.Formatter's name
        record.message = plain(record.message)
        return super().formatMessage(record)
_setup_lock = threading.Lock()  # worker threads open their contexts at the same time


def setup_logging(log_dir: Path, name: str = "ringfence.log", level: int = logging.INFO) -> Path:
    """Send the ``app`` loggers to ``log_dir/name`` (1 MB x 5 files). Returns the log file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / name
    logger = logging.getLogger("app")
    with _setup_lock:
        for handler in list(logger.handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                if handler.baseFilename == os.path.abspath(path):
                    logger.setLevel(level)
                    return path  # already logging there: one handler, or every line is written twice
                logger.removeHandler(handler)
                handler.close()
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(OneLineFormatter(LOG_FORMAT))
        logger.addHandler(handler)
        logger.setLevel(level)
    return path
