"""Finds every public page reachable by links from the home page, as a visitor would."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlparse

from django.urls import resolve

SKIP_PREFIXES = ("/admin/", "/static/", "/media/")
# Every page links the feedback form with itself as ?seite=: one form, crawled once.
ONE_PAGE_WHATEVER_THE_QUERY = ("/barrierefreiheit/feedback/",)
SKIP_SUFFIXES = (".pdf", ".xml", ".txt", ".geojson", ".ics", ".json", ".csv", ".ttl", ".rdf")


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def internal_links(html: str) -> list[str]:
    """Same-site page paths linked from the HTML (query strings kept, fragments dropped)."""
    parser = _LinkParser()
    parser.feed(html)
    paths = []
    for href in parser.links:
        url = urlparse(urldefrag(href).url)
        if url.scheme or url.netloc or not url.path.startswith("/"):
            continue
        query = url.query if url.path not in ONE_PAGE_WHATEVER_THE_QUERY else ""
        path = url.path + (f"?{query}" if query else "")
        if path.startswith(SKIP_PREFIXES) or url.path.endswith(SKIP_SUFFIXES):
            continue
        paths.append(path)
    return paths


def crawl(fetch, start: str = "/", limit: int = 200) -> dict[str, str]:
    """Breadth-first over internal links; fetch(path) returns (status, html)."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        status, html = fetch(path)
        assert status == 200, f"{path} answered {status}"
        seen[path] = html
        queue.extend(p for p in internal_links(html) if p not in seen)
    return seen


def one_per_route(pages: dict[str, str]) -> list[str]:
    """One path per URL pattern, for checks that depend on the template rather than the data.

    Of the pages a pattern serves, the one with the most HTML stands for it: it shows the most
    of its template (filled lists, optional blocks).
    """
    chosen: dict[str, str] = {}
    for path, html in pages.items():
        route = resolve(urlparse(path).path).route
        if route not in chosen or len(html) > len(pages[chosen[route]]):
            chosen[route] = path
    return sorted(chosen.values())


def sitemap_text(client) -> str:
    """The sitemap index and every section it lists, as one text."""
    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>https?://[^/<]+(/sitemap-[^<]+\.xml(?:\?p=\d+)?)</loc>", index)
    assert sections, "the sitemap index lists no sections"
    return index + "".join(client.get(path).content.decode() for path in sections)
