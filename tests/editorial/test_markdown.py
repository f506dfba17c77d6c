import pytest

from editorial.templatetags.editorial_tags import markdown


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


LIBRARY_SRC = "/media/bilder/" + "a" * 32 + ".jpg"


def test_a_library_image_on_its_own_line_is_a_figure_with_its_credit():
    assert markdown(f'![Radweg im Grünen]({LIBRARY_SRC} "Foto: Stadt Münster")') == (
        f'<figure><img src="{LIBRARY_SRC}" alt="Radweg im Grünen" loading="lazy" '
        'decoding="async"><figcaption>Foto: Stadt Münster</figcaption></figure>'
    )


def test_an_image_within_a_sentence_stays_inline_without_title():
    rendered = markdown(f'Vorher ![Karte]({LIBRARY_SRC} "Foto") nachher')
    assert rendered == (
        f'<p>Vorher <img src="{LIBRARY_SRC}" alt="Karte" loading="lazy" decoding="async"> '
        "nachher</p>"
    )


@pytest.mark.parametrize(
    "source",
    [
        "![Logo](https://example.com/logo.png)",  # a third party would see every visitor
        "![Logo](//example.com/logo.png)",
        "![Logo](/static/img/logo.png)",  # ours, but not from the library
        "![Logo](/media/wappen/" + "b" * 32 + ".png)",  # another folder's upload
        f"![]({LIBRARY_SRC})",  # no alternative text
        f"![   ]({LIBRARY_SRC})",
        f'<img src="{LIBRARY_SRC}">',
        '<img src="https://example.com/x.png" alt="fremd">',
    ],
)
def test_images_not_from_the_library_or_without_alt_text_are_dropped(source):
    assert "<img" not in markdown(f"Text davor\n\n{source}\n\nText danach")


def test_pasted_image_html_keeps_only_what_the_renderer_writes():
    rendered = markdown(f'<img src="{LIBRARY_SRC}" alt="Karte" onerror="alert(1)" width="9000">')
    assert rendered == (
        f'<figure><img src="{LIBRARY_SRC}" alt="Karte" loading="lazy" decoding="async"></figure>'
    )


def test_alt_text_is_escaped():
    rendered = markdown(f'![Zitat "x" <b>]({LIBRARY_SRC})')
    assert 'alt="Zitat &quot;x&quot; &lt;b&gt;"' in rendered


def test_tables_scroll_in_a_named_region_with_column_headers():
    rendered = markdown("| Kommune | Einwohner |\n| --- | ---: |\n| Telgte | 20.301 |\n\n"
                        "| A |\n| - |\n| 1 |")  # fmt: skip
    assert rendered.count('<th scope="col">') == 3
    assert (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Tabelle 1">' in rendered
    )
    assert 'aria-label="Tabelle 2"><table class="data-table">' in rendered
    assert "<td>Telgte</td>" in rendered and "style" not in rendered
