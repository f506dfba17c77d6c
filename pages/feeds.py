"""Atom feed of the published news (/aktuelles/atom.xml)."""

import datetime

from django.urls import reverse_lazy

from core.feeds import AtomFeed

from .models import NewsArticle


class NewsFeed(AtomFeed):
    section = "Aktuelles"
    link = reverse_lazy("news:list")
    subtitle = "Meldungen aus der Stadtregion Münster, die neuesten zuerst."
    limit = 20

    def items(self):
        return NewsArticle.objects.published().order_by("-date", "-created_at")[: self.limit]

    def item_summary(self, item: NewsArticle) -> str:
        return item.teaser

    def item_pubdate(self, item: NewsArticle):
        # A scheduled article was published when it went live; otherwise the article's own
        # date, as the list shows it (the feed makes it local midnight).
        return item.publish_from or datetime.datetime.combine(item.date, datetime.time())
