"""When the server cannot store anything (a full disk, a database at its limits, SQLite's write
lock held past the busy timeout), the person gets a 503 page that says so and when to try
again, instead of the generic 500, and the operator gets the error in the log.

The failed request's own writes are not kept: every multi-step write runs in one transaction,
which the error rolls back. The slide viewer and the quiz autosave retry a 503 by themselves.
"""

import errno
import logging

from django.db import OperationalError
from django.shortcuts import render

logger = logging.getLogger(__name__)

RETRY_AFTER = 60
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
# SQLite's words for a full disk and for a write lock it waited for in vain.
_SQLITE_MESSAGES = ("database or disk is full", "disk i/o error", "database is locked")
# PostgreSQL's class 53, "insufficient resources": disk full, out of memory, too many connections.
_POSTGRES_CLASS = "53"


def storage_unavailable(exception) -> bool:
    """Whether the exception means the server could not store data for now."""
    if isinstance(exception, OSError) and exception.errno in _DISK_FULL_ERRNOS:
        return True
    if isinstance(exception, OperationalError):
        cause = exception.__cause__
        sqlstate = getattr(cause, "sqlstate", None) or ""
        if sqlstate.startswith(_POSTGRES_CLASS):
            return True
        return any(words in str(exception).lower() for words in _SQLITE_MESSAGES)
    return False


class StorageUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not storage_unavailable(exception):
            return None
        logger.error(
            "Storage unavailable on %s %s", request.method, request.path, exc_info=exception
        )
        response = render(request, "503.html", {"retry_after": RETRY_AFTER}, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
