"""A town's website on another origin: a tiny server of its own on another port of localhost.

(A page fulfilled by Playwright counts as public to Chromium, whose Local Network Access checks
then refuse any frame from localhost; and only localhost resolves in our Chromium.)
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def serve(page: bytes) -> ThreadingHTTPServer:
    """Serves ``page`` at every path until shut down (``shutdown()``, ``server_close()``)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("localhost", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
