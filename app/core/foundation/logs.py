"""Rotating log files under the logs folder."""

from __future__ import annotations

import logging
import logging.handlers
import os
import threading
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
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
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logger.addHandler(handler)
        logger.setLevel(level)
    return path
