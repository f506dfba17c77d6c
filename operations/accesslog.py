"""gunicorn's access log without secrets: its request line, path and referrer pass through
operations.logs.loggable_path, and no query string is written (gunicorn.conf.py)."""

from gunicorn.glogging import Logger

from .logs import loggable_text


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # The request target as sent: a path, or an absolute URL when a client speaks to a proxy.
        path = loggable_text(environ.get("RAW_URI") or environ.get("PATH_INFO") or "")
        referrer = loggable_text(atoms["f"])  # a preview page's images name it as referrer
        atoms.update(
            r=f"{atoms['m']} {path} {atoms['H']}",
            U=path,
            q="",
            f=referrer,
            **{"{referer}i": referrer, "{raw_uri}e": path, "{path_info}e": path,
               "{query_string}e": "", "{http_referer}e": referrer},
        )  # fmt: skip
        return atoms
