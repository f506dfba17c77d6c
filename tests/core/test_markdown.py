import pytest

from core.templatetags.portal import markdown


@pytest.mark.parametrize(
    ("source", "html"),
    [
        ("# Abschnitt", "<h2>Abschnitt</h2>"),
        ("## Abschnitt", "<h2>Abschnitt</h2>"),
        ("### Unterabschnitt", "<h3>Unterabschnitt</h3>"),
        ("#### Detail", "<h4>Detail</h4>"),
        ("##### Kleiner", "<h4>Kleiner</h4>"),
        ("###### Am kleinsten", "<h4>Am kleinsten</h4>"),
    ],
)
def test_headings_are_kept_below_the_page_title(source, html):
    assert markdown(source) == html


def test_pasted_html_headings_and_scripts_are_still_cleaned():
    rendered = markdown('<h1 onclick="x()">Titel</h1>\n\n<script>alert(1)</script>')
    assert "<script" not in rendered and "onclick" not in rendered and "<h1" not in rendered
