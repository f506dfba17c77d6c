"""One archive holds the database and every uploaded file, so that a restore needs nothing else.

Layout of the tar.gz:
    manifest.json   format, database engine, creation time, SHA-256 of every member
    database.dump   pg_dump's custom format (PostgreSQL), or
    database.sqlite3  a consistent copy made with SQLite's online backup API
    media/...       MEDIA_ROOT as it was

pg_dump and SQLite's backup API both read a consistent snapshot while the site keeps running.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

FORMAT = "stadtregion-backup/1"
POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
DUMP_NAMES = {POSTGRES: "database.dump", SQLITE: "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""


def _engine(database: dict) -> str:
    engine = database["ENGINE"]
    if engine not in DUMP_NAMES:
        raise BackupError(f"Datenbank-Engine {engine} wird nicht unterstützt.")
    return engine


def _pg_env(database: dict) -> dict:
    """libpq reads the connection from the environment: no password on a command line."""
    env = dict(os.environ)
    for key, value in {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database["NAME"],
    }.items():
        if value:
            env[key] = str(value)
    return env


def _run(command: list[str], env: dict) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} fehlt (Debian-Paket postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} ist gescheitert: {error.stderr.strip()}") from error


def _dump_database(database: dict, target: Path) -> None:
    if _engine(database) == POSTGRES:
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(target)],
             _pg_env(database))  # fmt: skip
        return
    source = sqlite3.connect(database["NAME"])
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def create_backup(database: dict, media_root: Path, folder: Path) -> Path:
    """Writes the archive into ``folder`` and returns its path."""
    engine = _engine(database)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    archive = folder / f"stadtregion-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DUMP_NAMES[engine]
        _dump_database(database, dump)
        members = {dump.name: dump}
        media_root = Path(media_root)
        if media_root.is_dir():
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                members[f"media/{path.relative_to(media_root).as_posix()}"] = path
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created": stamp,
            "files": {name: _sha256(path) for name, path in members.items()},
        }
        manifest_path = Path(scratch) / "manifest.json"
        manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest_path, "manifest.json")
            for name, path in members.items():
                tar.add(path, name)
        partial.rename(archive)  # never leave a half-written archive under the final name
    return archive


def _read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("Das Archiv enthält kein gültiges manifest.json.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unbekanntes Archivformat: {manifest.get('format')!r}.")
    return manifest


def _check_empty_target(database: dict, media_root: Path) -> None:
    if media_root.is_dir() and any(media_root.iterdir()):
        raise BackupError(f"Der Medienordner {media_root} ist nicht leer.")
    if _engine(database) == SQLITE:
        path = Path(database["NAME"])
        if path.exists() and path.stat().st_size:
            raise BackupError(f"Die Datenbankdatei {path} existiert schon.")
        return
    import psycopg2

    env = _pg_env(database)
    with psycopg2.connect(
        host=env.get("PGHOST"), port=env.get("PGPORT"), user=env.get("PGUSER"),
        password=env.get("PGPASSWORD"), dbname=env["PGDATABASE"],
    ) as connection, connection.cursor() as cursor:  # fmt: skip
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        if cursor.fetchone()[0]:
            raise BackupError(f"Die Datenbank {database['NAME']} ist nicht leer.")


def _member_path(root: Path, member: tarfile.TarInfo, listed: set[str]) -> Path:
    """Where ``member`` goes below ``root``; refuses what the archives we write never hold."""
    path = PurePosixPath(member.name)
    if not (member.isfile() or member.isdir()):
        raise BackupError(f"{member.name} ist keine gewöhnliche Datei (Link oder Gerätedatei).")
    if not path.parts or path.is_absolute() or ".." in path.parts:
        raise BackupError(f"{member.name} zeigt aus dem Archivordner heraus.")
    if member.isfile() and member.name not in listed:
        raise BackupError(f"{member.name} steht nicht in manifest.json.")
    return root.joinpath(*path.parts)


def _extract(tar: tarfile.TarFile, root: Path, manifest: dict) -> None:
    """Writes the archive's regular files and folders below ``root``, nothing else.

    Not ``extractall``: its ``filter`` argument (Python 3.11.4+) is missing from Debian 12's
    Python 3.11.2, and writing each file ourselves is stricter than the "data" filter: no links
    of any kind, no device files, and the archive's modes and owners (setuid bits) are never
    applied. A name that comes twice is refused rather than overwritten.
    """
    listed = {"manifest.json", *manifest["files"]}
    for member in tar.getmembers():
        target = _member_path(root, member, listed)
        try:
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as source, target.open("xb") as copy:
                shutil.copyfileobj(source, copy)
        except (OSError, ValueError) as error:  # ValueError: a NUL in a pax header's name
            raise BackupError(f"{member.name!r} lässt sich nicht entpacken: {error}") from error


def restore_backup(archive: Path, database: dict, media_root: Path) -> dict:
    """Restores ``archive`` into an empty database and an empty media folder."""
    engine = _engine(database)
    media_root = Path(media_root)
    with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as scratch:
        manifest = _read_manifest(tar)
        if manifest["engine"] != engine:
            raise BackupError(f"Das Archiv stammt aus {manifest['engine']}, das Ziel ist {engine}.")
        _check_empty_target(database, media_root)
        root = Path(scratch)
        _extract(tar, root, manifest)
        for name, digest in manifest["files"].items():
            path = root / name
            if not path.is_file() or _sha256(path) != digest:
                raise BackupError(f"{name} fehlt im Archiv oder ist beschädigt.")
        dump = root / DUMP_NAMES[engine]
        if engine == POSTGRES:
            _run(["pg_restore", "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error",
                  "--dbname", database["NAME"], str(dump)], _pg_env(database))  # fmt: skip
        else:
            Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dump, database["NAME"])
        if (root / "media").is_dir():
            shutil.copytree(root / "media", media_root, dirs_exist_ok=True)
    return manifest
