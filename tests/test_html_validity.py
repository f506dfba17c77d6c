"""Every public page passes the Nu HTML Checker (vnu) with zero errors."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from members.models import Municipality
from projects.models import FieldOfAction
from tests.crawl import crawl

VNU_JAR = (
    Path(__file__).resolve().parent.parent
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)


def _require_vnu():
    if VNU_JAR.exists() and shutil.which("java"):
        return
    message = "vnu.jar or java missing: run `make test`, which installs both"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.django_db
def test_every_public_page_is_valid_html(client, tmp_path):
    _require_vnu()
    call_command("seed_demo", verbosity=0)

    def fetch(path):
        response = client.get(path)
        return response.status_code, response.content.decode()

    pages = crawl(fetch)
    assert len(pages) > 40, f"crawl found only {len(pages)} pages"
    # Every section, all twelve members and all four fields are reachable from the home page.
    required = {
        "/kommunen/", "/handlungsfelder/", "/projekte/", "/arbeitsgruppen/", "/gremien/",
        "/termine/", "/dokumente/", "/chronik/", "/karte/", "/impressum/", "/datenschutz/",
        "/barrierefreiheit/", "/barrierefreiheit/feedback/", "/leichte-sprache/",
        "/gebaerdensprache/", "/kontakt/", "/ueber-uns/",
    }  # fmt: skip
    required |= {m.get_absolute_url() for m in Municipality.objects.all()}
    required |= {f.get_absolute_url() for f in FieldOfAction.objects.all()}
    assert len(required) == 17 + 12 + 4
    assert required - set(pages) == set()
    # Own folder: tmp_path also holds MEDIA_ROOT (the seeded PDFs), which vnu must not check.
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    paths_by_file = {}
    for index, (path, html) in enumerate(sorted(pages.items())):
        file = html_dir / f"page{index}.html"
        file.write_text(html, encoding="utf-8")
        paths_by_file[file.name] = path

    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(html_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{paths_by_file.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors[:50])
