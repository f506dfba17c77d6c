"""The import contracts of pyproject.toml list our apps exactly as INSTALLED_APPS orders them:
a new app or a moved one cannot slip past `make check`."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings


def test_import_contracts_follow_installed_apps():
    config = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["tool"]
    ours = [
        app.name
        for app in apps.get_app_configs()
        if Path(app.path).parent == Path(settings.BASE_DIR)
    ]
    linter = config["importlinter"]
    layers = next(c for c in linter["contracts"] if c["type"] == "layers")["layers"]
    assert linter["root_packages"] == ours
    assert layers == ours[::-1]
