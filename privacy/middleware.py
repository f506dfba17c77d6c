"""Per-response Content-Security-Policy that follows the visitor's privacy choice."""

from django.conf import settings
from django.utils.cache import patch_vary_headers

from .consent import allowed_for_response, csp_sources


class ConsentCSPMiddleware:
    """Adds the hosts of consented services to this response's CSP, and nothing for anyone else.

    The policy in settings names no third-party host, so for a visitor without consent the
    browser itself refuses tiles and videos even if a template slipped. Must sit after
    csp.middleware.CSPMiddleware in MIDDLEWARE, so that it runs before the header is written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        extra = csp_sources(allowed_for_response(request))
        if extra:
            response._csp_replace = self._widen(getattr(response, "_csp_replace", None), extra)
        if response.get("Content-Type", "").startswith("text/html"):
            # Banner, placeholders and policy differ by the consent cookie: a shared cache
            # must never hand a consented page to a visitor who has not consented.
            patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def _widen(replace, extra):
        directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
        replace = dict(replace or {})
        for directive, sources in extra.items():
            current = (
                replace.get(directive) or directives.get(directive) or directives["default-src"]
            )
            # 'none' must stand alone; it gives way to the hosts the visitor allowed.
            current = [s for s in current if s != "'none'"]
            replace[directive] = current + [s for s in sources if s not in current]
        return replace
