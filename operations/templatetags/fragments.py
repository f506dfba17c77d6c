"""{% fragment "name" vary... %}…{% endfragment %}: a part that many pages share (navigation,
footer, consent banner, filter facets), rendered once per content version and per value of what
it varies on, then kept in this process's memory (operations.pagestore.local_fragments).

The version is the page cache's (operations.pagecache.period): any committed change, and any
scheduled moment, renders it anew. Only for parts without a CSRF token or anything of the
signed-in person, and never inside a transaction (a preview draws drafts inside one that is
rolled back: what it renders must not outlive it).
"""

from django import template
from django.conf import settings
from django.db import connection
from django.utils import timezone

from privacy.consent import get_consent

from ..pagecache import period
from ..pagestore import local_fragments

register = template.Library()


def _period_key(request) -> str:
    """The content version and next moment of change, read once per request."""
    key = getattr(request, "_fragment_period", None)
    if key is None:
        key = request._fragment_period = period.key(timezone.now())
    return key


def _kept(node, context, request, parts: list[str]) -> str:
    """The node drawn, from this process's memory if this version already drew it."""
    if not settings.FRAGMENT_CACHE_ENABLED or request is None or connection.in_atomic_block:
        return node._draw(context)
    key = "\x1f".join([_period_key(request), *parts])
    html = local_fragments.get(key)
    if html is None:
        had_token = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        html = node._draw(context)
        if had_token or not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # no one's token kept
            local_fragments.put(key, html)
    return html


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        parts = [str(part.resolve(context)) for part in (self.name, *self.vary)]
        return _kept(self, context, context.get("request"), parts)

    def _draw(self, context):
        return self.nodelist.render(context)


class ContentFragmentNode(template.Node):
    """A detail page's own part (its head or its content), kept when its view names it
    (core.views.ContentFragmentMixin) and the visitor is anonymous: staff may see drafts and
    notices that no visitor may. Whoever draws it first fetches the relations it reads."""

    def __init__(self, nodelist, part):
        self.nodelist, self.part = nodelist, part

    def render(self, context):
        name, request = context.get("content_fragment"), context.get("request")
        if (
            not name
            or request is None
            or request.method not in ("GET", "HEAD")
            or request.user.is_authenticated
        ):
            return self._draw(context)
        consent = get_consent(request).state  # maps and videos follow the visitor's choice
        parts = ["content", self.part, name, consent]
        return _kept(self, context, request, parts)

    def _draw(self, context):
        prepare = context.get("content_prepare")
        if prepare is not None:
            prepare()
        return self.nodelist.render(context)


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [
        parser.compile_filter(bit) for bit in bits[2:]
    ])  # fmt: skip


@register.tag
def content_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% content_fragment %} needs the part's name")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(nodelist, bits[1].strip("\"'"))
