"""The log file: one handler however many worker threads open their contexts at once."""

from __future__ import annotations

import logging
import logging.handlers
import threading
from pathlib import Path

from app.core.foundation.logs import setup_logging


def test_threads_setting_up_the_log_at_once_write_each_line_once(tmp_path: Path) -> None:
    logger = logging.getLogger("app")
    before = list(logger.handlers)
    try:
        start = threading.Barrier(8)

        def open_log() -> None:
            start.wait()
            setup_logging(tmp_path)

        threads = [threading.Thread(target=open_log) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        files = [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
        assert len(files) == 1
        logging.getLogger("app.test").warning("written once")
        files[0].flush()
        assert (tmp_path / "ringfence.log").read_text(encoding="utf-8").count("written once") == 1
    finally:
        for handler in list(logger.handlers):
            if handler not in before:
                logger.removeHandler(handler)
                handler.close()
        for handler in before:
            if handler not in logger.handlers:
                logger.addHandler(handler)
