"""What can be proven about the container setup without a Docker daemon (docs/architecture.md, "Containers"): hadolint
accepts the Dockerfile, and compose.yaml is valid against the Compose Specification and wires
two app servers to one PostgreSQL, one Redis and one shared media volume behind the proxy."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

BASE_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _run(*command) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True, timeout=120)


def test_hadolint_accepts_the_dockerfile():
    result = _run(str(BIN / "hadolint"), "--config", ".hadolint.yaml", "Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_file_follows_the_compose_specification():
    result = _run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec", "compose.yaml"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    if shutil.which("docker") and _run("docker", "compose", "version").returncode == 0:
        env_result = _run("docker", "compose", "--env-file", ".env.example", "config", "--quiet")
        assert env_result.returncode == 0, env_result.stderr


def test_two_app_servers_share_database_redis_and_media_behind_the_proxy():
    compose = yaml.safe_load((BASE_DIR / "compose.yaml").read_text())
    services = compose["services"]
    apps = [services["app1"], services["app2"]]
    environments = [
        {**compose["x-app"]["environment"], **app.get("environment", {})} for app in apps
    ]
    assert {env["DATABASE_URL"] for env in environments} == {environments[0]["DATABASE_URL"]}
    assert all(env["REDIS_URL"] == "redis://redis:6379/0" for env in environments)
    assert [env["DJANGO_MIGRATE_ON_START"] for env in environments] == ["true", "false"]
    assert all("media:/data/media" in app["volumes"] for app in apps)
    # Only the proxy is published; the apps trust its address for X-Forwarded-For, nothing else.
    assert [name for name, service in services.items() if "ports" in service] == ["proxy"]
    proxy_address = services["proxy"]["networks"]["internal"]["ipv4_address"]
    assert all(env["DJANGO_TRUSTED_PROXIES"] == f"{proxy_address}/32" for env in environments)
    caddyfile = (BASE_DIR / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy app1:8000 app2:8000" in caddyfile
