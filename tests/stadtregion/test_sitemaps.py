"""The sitemap is an index of sections, each paginated, and judges publication at request time."""

import datetime

import pytest
from django.utils import timezone

from tests.crawl import sitemap_text
from tests.factories import NewsArticleFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_index_lists_sections_that_list_the_pages(client):
    project = ProjectFactory()
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index and "/sitemap-projekte.xml" in index
    assert project.get_absolute_url() in client.get("/sitemap-projekte.xml").content.decode()


def test_long_sections_are_split_into_pages(client, monkeypatch):
    from stadtregion.sitemaps import ModelSitemap

    monkeypatch.setattr(ModelSitemap, "limit", 2)
    projects = [ProjectFactory() for _ in range(3)]
    assert "/sitemap-projekte.xml?p=2" in client.get("/sitemap.xml").content.decode()
    second = client.get("/sitemap-projekte.xml?p=2").content.decode()
    assert projects[2].get_absolute_url() in second


def test_a_scheduled_article_enters_the_sitemap_when_its_time_comes(client, monkeypatch):
    start = timezone.now()
    article = NewsArticleFactory(publish_from=start + datetime.timedelta(hours=1))
    assert article.get_absolute_url() not in sitemap_text(client)
    monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(hours=2))
    assert article.get_absolute_url() in sitemap_text(client)


def test_the_index_does_not_load_the_sections_items(client, monkeypatch):
    from stadtregion.sitemaps import ModelSitemap

    ProjectFactory.create_batch(30)
    loaded = []
    original = ModelSitemap.lastmod
    monkeypatch.setattr(
        ModelSitemap, "lastmod", lambda self, obj: loaded.append(obj) or original(self, obj)
    )
    response = client.get("/sitemap.xml")
    assert "<lastmod>" in response.content.decode()
    assert loaded == []  # the newest change comes from one aggregate per section
