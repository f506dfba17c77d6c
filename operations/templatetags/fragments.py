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

from ..pagecache import period
from ..pagestore import local_fragments

register = template.Library()


def _period_key(request) -> str:
    """The content version and next moment of change, read once per request."""
    key = getattr(request, "_fragment_period", None)
    if key is None:
        key = request._fragment_period = period.key(timezone.now())
    return key


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        request = context.get("request")
        if not settings.FRAGMENT_CACHE_ENABLED or request is None or connection.in_atomic_block:
            return self.nodelist.render(context)
        values = [str(value.resolve(context)) for value in self.vary]
        key = "\x1f".join([_period_key(request), self.name.resolve(context), *values])
        html = local_fragments.get(key)
        if html is None:
            html = self.nodelist.render(context)
            local_fragments.put(key, html)
        return html


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
