"""A public page whose Markdown holds a library image and a table, as visitors get it."""

import json
import subprocess

from tests.factories import ImageFactory, NewsArticleFactory
from tests.site.test_html_validity import JAVA, VNU_JAR, _require_vnu

TABLE = "| Kommune | Einwohner |\n| --- | ---: |\n| Telgte | 20.301 |"


def test_article_with_library_image_and_table_is_valid_html(client, db, tmp_path):
    _require_vnu()
    image = ImageFactory()
    article = NewsArticleFactory(text=f"## Zahlen\n\n{TABLE}\n\n{image.markdown}")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<img src="{image.url}" alt="{image.alt_text}" loading="lazy"' in html
    assert f"<figcaption>{image.credit}</figcaption>" in html
    assert client.get(image.url).status_code == 200  # visitors' browsers get the file

    page = tmp_path / "article.html"
    page.write_text(html, encoding="utf-8")
    result = subprocess.run(
        [*JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stderr.startswith("{"), result.stdout + result.stderr
    assert [m["message"] for m in json.loads(result.stderr)["messages"]] == []
