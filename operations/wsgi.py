"""The WSGI application in front of Django: a page-cache hit is answered here, before Django
builds a request, runs middleware or sends its signals (operations.pagecache.stored_answer).
Everything else, including every miss, goes to Django."""

import logging
import time
from http import HTTPStatus
from wsgiref.util import FileWrapper

from django.core.handlers.wsgi import get_path_info, get_script_name

from .logs import request_id_var
from .middleware import log_request, request_id_for
from .pagecache import stored_answer

logger = logging.getLogger(__name__)
FILE_BLOCK = 64 * 1024
STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


class PageCacheApplication:
    def __init__(self, django_application):
        self.django_application = django_application

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        try:
            stored = stored_answer(environ)
        except Exception:  # never a 500 from the shortcut: Django answers instead
            logger.exception("page cache shortcut failed")
            stored = None
        if stored is None:
            return self.django_application(environ, start_response)
        status, headers, body = stored
        request_id = request_id_for(environ)
        start_response(STATUS_LINES[status], [*headers, ("X-Request-ID", request_id)])
        token = request_id_var.set(request_id)
        try:
            path = get_script_name(environ).rstrip("/") + get_path_info(environ)
            log_request(environ["REQUEST_METHOD"], path, status, started)
        finally:
            request_id_var.reset(token)
        if isinstance(body, bytes):
            return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        if environ["REQUEST_METHOD"] == "HEAD":
            body.close()
            return []
        # A file from the disk store: the server sends it in blocks (sendfile where it can).
        wrapper = environ.get("wsgi.file_wrapper", FileWrapper)
        return wrapper(body, FILE_BLOCK)
