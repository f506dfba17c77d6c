"""Request logs with an id and a duration, slow queries, and compression of text responses."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.db import connection
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

from .encoding import compressible, negotiate
from .logs import loggable_path, request_id_var

request_logger = logging.getLogger("stadtregion.request")
query_logger = logging.getLogger("stadtregion.slow_query")
# A proxy's id is kept if it looks like one; anything else could forge log lines.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class SlowQueryLog:
    """execute_wrapper that logs each query slower than SLOW_QUERY_MS (its SQL, not its
    parameters, which may hold personal data)."""

    def __init__(self, threshold_ms: float):
        self.threshold_ms = threshold_ms

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            duration_ms = (time.perf_counter() - start) * 1000
            if duration_ms >= self.threshold_ms:
                query_logger.warning(
                    "slow query: %.0f ms: %s", duration_ms, sql[:2000],
                    extra={"duration_ms": round(duration_ms, 1)},
                )  # fmt: skip


def request_id_for(meta) -> str:
    incoming = meta.get("HTTP_X_REQUEST_ID", "")
    return incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


def log_request(method: str, path: str, status: int, started: float) -> None:
    """The request's line: never a query string, never a secret URL argument (loggable_path)."""
    path = loggable_path(path)
    duration_ms = round((time.perf_counter() - started) * 1000, 1)
    request_logger.info(
        "%s %s %s %.1f ms", method, path, status, duration_ms,
        extra={"method": method, "path": path, "status": status, "duration_ms": duration_ms},
    )  # fmt: skip


class RequestLogMiddleware:
    """One line per request: method, path (no query string: searches are personal; secret
    URL arguments redacted), status, duration and the request id, which the response also
    carries as X-Request-ID."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.slow_queries = SlowQueryLog(settings.SLOW_QUERY_MS)

    def __call__(self, request):
        request_id = request_id_for(request.META)
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            with connection.execute_wrapper(self.slow_queries):
                response = self.get_response(request)
            response["X-Request-ID"] = request_id
            log_request(request.method, request.path, response.status_code, started)
            return response
        finally:
            request_id_var.reset(token)


class TextGZipMiddleware(GZipMiddleware):
    """Compresses pages and data (HTML, JSON, XML, CSV, calendars) for clients that accept gzip.

    Static files never get here (WhiteNoise answers above with its precompressed copies), and
    uploads (PDF, images, video with byte ranges) stay untouched: compressing them gains
    nothing and would break range requests. BREACH: Django masks the CSRF token anew on every
    response, and no page echoes a secret next to visitor input.
    """

    def process_response(self, request, response):
        if getattr(request, "page_cache_encodes", False):
            return response  # the page cache stores the page once per coding and picks one
        return self.compress(request, response)

    def compress(self, request, response):
        if response.status_code == 206 or not compressible(response.get("Content-Type", "")):
            return response
        # Django's own test ignores q-values: "gzip;q=0" refuses gzip.
        if negotiate(request.META.get("HTTP_ACCEPT_ENCODING", ""), ("gzip", "identity")) != "gzip":
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        return super().process_response(request, response)
