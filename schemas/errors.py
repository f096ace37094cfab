"""Typed pipeline errors: one base class, one subclass per condition.

Each error knows its stable reason code, whether retrying can help, and the exit code the
CLI maps it to (see ``expediente.cli``). Third-party exceptions are converted at the
boundary with ``raise ... from exc``.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    EMPTY = "empty"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    UNSUPPORTED_TYPE = "unsupported_type"
    TOO_LARGE = "too_large"
    NO_PAGES = "no_pages"
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    SYMLINK_LOOP = "symlink_loop"
    OCR_FAILED = "ocr_failed"
    INDEX = "index"
    QUERY = "query"
    OUTPUT = "output"  # a file the user asked to write cannot be written
    CRASHED = "crashed"  # the worker process reading a document died (flows.pool)
    SHARD = "shard"  # a shard of a split ingest returned no account of its files (flows.shards)


class PipelineError(Exception):
    """Base class of every error the pipeline raises on purpose."""

    exit_code: int = 1
    retryable: bool = False

    def __init__(
        self, message: str, *, reason: Reason, path: str | None = None, retryable: bool | None = None
    ) -> None:
        if retryable is not None:  # the instance knows better than its class
            self.retryable = retryable
        self.reason = reason
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class UnreadableDocument(PipelineError):
    """A file that cannot be opened or read as a court document at all."""

    exit_code = 3


class OcrError(PipelineError):
    """Tesseract failed on a page (reported per page, not raised for a whole file)."""

    exit_code = 4
    retryable = True


class IndexUnavailable(PipelineError):
    """The index could not be opened or written."""

    exit_code = 5
    retryable = True


class QueryError(PipelineError):
    """A search query the user typed cannot be parsed; the message says why."""

    exit_code = 2
