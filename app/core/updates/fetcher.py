"""A ``requests``-based fetcher for python-tuf with connect/read timeouts and a total deadline.

python-tuf 7 defaults to urllib3; Ringfence uses one HTTP stack (``requests``: same proxy and CA
settings as the rest of the app) through tuf's public :class:`FetcherInterface` (reference §7.13).
``requests`` timeouts apply per socket operation, so a server that drips one byte at a time would
never time out; every download therefore also has a total deadline, checked after each read
(``read1`` returns as soon as any bytes arrive). Length caps (endless data) are enforced by
``FetcherInterface.download_file``. A 429/503 answer's ``Retry-After`` is kept for the poll scheduler.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator

import requests
import urllib3
from tuf.api import exceptions
from tuf.ngclient import FetcherInterface

from app import __version__

USER_AGENT = f"Ringfence/{__version__}"


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date), capped at a day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), 86400.0)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return min(max(0.0, when - now), 86400.0)


class RequestsFetcher(FetcherInterface):
    def __init__(self, session: requests.Session | None = None, *, connect_timeout: float = 10.0,
                 read_timeout: float = 30.0, deadline: float = 300.0, chunk: int = 64 * 1024,
                 progress: Callable[[str, int], None] | None = None) -> None:
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = (connect_timeout, read_timeout)
        self.deadline = deadline
        self.chunk = chunk
        self.progress = progress
        self.retry_after: float | None = None

    def _fetch(self, url: str) -> Iterator[bytes]:
        started = time.monotonic()
        try:
            response = self.session.get(url, stream=True, timeout=self.timeout)
        except requests.Timeout as exc:
            raise exceptions.SlowRetrievalError(f"{url} did not answer in time") from exc
        except requests.RequestException as exc:
            raise exceptions.DownloadError(f"Failed to download {url}: {exc}") from exc
        if response.status_code >= 400:
            if response.status_code in (429, 503):
                self.retry_after = parse_retry_after(response.headers.get("Retry-After"), time.time())
            response.close()
            raise exceptions.DownloadHTTPError(f"HTTP {response.status_code} for {url}", response.status_code)
        return self._chunks(url, response, started)

    def _chunks(self, url: str, response: requests.Response, started: float) -> Iterator[bytes]:
        received = 0
        try:
            while True:
                if time.monotonic() - started > self.deadline:
                    raise exceptions.SlowRetrievalError(f"{url} took longer than {self.deadline:g} s")
                data = response.raw.read1(self.chunk, decode_content=True)
                if not data:
                    return
                received += len(data)
                if self.progress is not None:
                    self.progress(url, received)
                yield data
        except (urllib3.exceptions.TimeoutError, requests.Timeout) as exc:
            raise exceptions.SlowRetrievalError(f"{url} stopped sending data") from exc
        except (urllib3.exceptions.HTTPError, requests.RequestException, OSError) as exc:
            raise exceptions.DownloadError(f"Failed to download {url}: {exc}") from exc
        finally:
            response.close()
