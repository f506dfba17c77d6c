"""Every public page (the session's crawl, see `seeded_site`) passes the Nu HTML Checker."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)

# One short run: the quick compiler alone (TieredStopAtLevel=1) saves a second or more; its larger
# stack frames need a larger thread stack for vnu's schemas (StackOverflowError otherwise).
JAVA = ["java", "-Xss8m", "-XX:TieredStopAtLevel=1"]


def _require_vnu():
    if VNU_JAR.exists() and shutil.which("java"):
        return
    message = "vnu.jar or java missing: run `make test`, which installs both"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def test_every_public_page_is_valid_html(seeded_site, db, tmp_path):
    _require_vnu()
    # Own folder: tmp_path also holds MEDIA_ROOT, which vnu must not check.
    html_dir = tmp_path / "html"
    html_dir.mkdir()
    paths_by_file = {}
    for index, (path, html) in enumerate(sorted(seeded_site.pages.items())):
        file = html_dir / f"page{index}.html"
        file.write_text(html, encoding="utf-8")
        paths_by_file[file.name] = path

    result = subprocess.run(
        [*JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(html_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu reports on stderr, even when all is well; a checker that crashed reports nothing.
    assert result.stderr.startswith("{"), result.stdout + result.stderr
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{paths_by_file.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors[:50])
