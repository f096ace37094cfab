"""The CSV export streamed: ``search.export.write_csv`` runs in a thread over
``Index.iter_matching`` and hands its output to the response chunk by chunk, so a large
result set never sits whole in memory. A client that goes away stops the writer."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

from search import Index, SearchQuery
from search.export import write_csv

CHUNK = 64 * 1024
_DONE = object()


class _Cancelled(Exception):
    pass


class _QueueWriter:
    def __init__(self, q: queue.Queue, stop: threading.Event) -> None:
        self.q, self.stop, self.parts, self.size = q, stop, [], 0

    def write(self, text: str) -> int:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.parts:
            self._put("".join(self.parts))
            self.parts, self.size = [], 0

    def _put(self, item) -> None:
        while True:
            if self.stop.is_set():
                raise _Cancelled
            try:
                self.q.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def stream_csv(index: Index, query: SearchQuery) -> Iterator[bytes]:
    """UTF-8 with a BOM (spreadsheets then read the accents), as ``expediente search --csv``."""
    q: queue.Queue = queue.Queue(maxsize=8)
    stop = threading.Event()
    writer = _QueueWriter(q, stop)
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            write_csv(index.iter_matching(query), writer)
            writer.flush()
        except _Cancelled:
            return
        except BaseException as exc:  # handed to the response, which ends the stream
            failure.append(exc)
        try:
            writer._put(_DONE)
        except _Cancelled:
            pass

    thread = threading.Thread(target=produce, name="csv-export", daemon=True)
    thread.start()
    try:
        yield "\ufeff".encode()
        while (item := q.get()) is not _DONE:
            yield item.encode("utf-8")
        if failure:
            raise failure[0]
    finally:
        stop.set()
