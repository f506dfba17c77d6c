"""What link previews read (OpenGraph) and the page's one canonical address, for base.html:
towns' CMSs and social posts show title, description and image of a shared link."""

from django import template
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from core.siteurl import absolute_url

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Rendered (and escaped) once; used twice, e.g. in <title> and og:title.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: the rendered content as the variable ``name``.
    Blocks inside stay overridable by child templates."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's address on the configured site address (core.siteurl), without the query:
    whatever host or parameters a visitor used, previews and search engines see one address."""
    request = context.get("request")
    return absolute_url(request.path) if request is not None else absolute_url("/")


@register.simple_tag
def default_share_image() -> str:
    return absolute_url(static("img/share.png"))


@register.simple_tag
def on_site(path: str) -> str:
    """A path of ours (an upload's URL, say) as an absolute address on the configured site."""
    return absolute_url(path)
