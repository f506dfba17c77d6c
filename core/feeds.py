"""The base of the site's Atom feeds (news, documents, meetings, projects)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .siteurl import on_site
from .text import clean_text

# Seconds a reader or proxy may keep a feed: modest, as new content should reach readers soon.
FEED_MAX_AGE = 15 * 60
# Identifiers of entries and calendar events name this domain, not the host that served them,
# so they survive a move of the site (Atom ids and iCalendar UIDs must never change).
ID_DOMAIN = "stadtregion-muenster.de"


class CleanAtom1Feed(Atom1Feed):
    """Atom with every text through core.text: Django's XML writer refuses the control characters
    XML 1.0 forbids, and a single one in a title would answer 500."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{key: _clean(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **{key: _clean(value) for key, value in kwargs.items()})


def _clean(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):  # categories
        return type(value)(_clean(item) for item in value)
    return value


class AtomFeed(Feed):
    """German Atom feed of published content, newest first, with each entry's last change.

    Reads nothing of the visitor (no session, no cookie), so any cache may keep it for a while.
    Subclasses set ``section`` (the list page's name), ``link``, ``subtitle`` and ``items()``.
    """

    feed_type = CleanAtom1Feed
    language = "de"
    section = ""
    limit = 30

    def title(self) -> str:
        return f"{self.section} – {settings.SITE_NAME}"

    def author_name(self) -> str:
        return settings.SITE_NAME

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def get_feed(self, obj, request):
        """Links and the feed's id on the configured site address (core.siteurl), never the
        Host the client sent: an id that changed with the host would duplicate every entry."""
        feed = super().get_feed(obj, request)
        for key in ("link", "feed_url", "id"):
            feed.feed[key] = on_site(feed.feed[key])
        for item in feed.items:
            item["link"] = on_site(item["link"])
        return feed

    def item_title(self, item) -> str:
        # Atom's <title> is text that the generator escapes; the default would escape twice.
        return str(item)

    def item_description(self, item) -> str:
        # <summary type="html">: plain text must not turn into markup.
        return escape(self.item_summary(item))

    def item_summary(self, item) -> str:
        return ""

    def item_updateddate(self, item):
        # A scheduled item changed for its readers when it went live, not when it was scheduled.
        went_live = getattr(item, "publish_from", None)
        return max(item.updated_at, went_live) if went_live else item.updated_at

    def item_guid(self, item) -> str:
        # A tag URI (RFC 4151) by primary key: a renamed slug must not look like a new entry.
        return f"tag:{ID_DOMAIN},2025:{item._meta.model_name}-{item.pk}"
