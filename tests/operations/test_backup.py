"""`backup` writes one archive with the database and every upload; `restore` brings both back
into an empty database and media folder, row for row and byte for byte."""

import hashlib
import io
import json
import sqlite3
import stat
import tarfile
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from operations.backup import (
    FORMAT,
    POSTGRES,
    SQLITE,
    BackupError,
    create_backup,
    restore_backup,
)
from tests.factories import DocumentFactory, MeetingFactory, MunicipalityFactory, NewsArticleFactory


def _content(media_root):
    """A few rows in several tables, and uploads in nested folders (one binary)."""
    MunicipalityFactory(name="Havixbeck")
    DocumentFactory(meeting=MeetingFactory(), title="Kontrakt 2018")
    NewsArticleFactory(title="Drittes Rätetreffen")
    (media_root / "dokumente").mkdir(parents=True, exist_ok=True)
    (media_root / "dokumente" / "a.pdf").write_bytes(b"%PDF-1.7 \x00\xff binary")
    (media_root / "wappen.png").write_bytes(bytes(range(256)))


def _files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _sqlite_rows(path):
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}


def _pg_connect(name):
    settings_dict = connection.settings_dict
    return psycopg2.connect(
        host=settings_dict["HOST"], port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"], password=settings_dict["PASSWORD"], dbname=name,
    )  # fmt: skip


def _pg_rows(name):
    with _pg_connect(name) as db, db.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = sorted(r[0] for r in cursor.fetchall())
        rows = {}
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            rows[table] = cursor.fetchall()
    return rows


@pytest.fixture
def source(settings, tmp_path, transactional_db):  # pg_dump reads committed rows only
    """The database to back up, as a settings dict, with content in it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    _content(settings.MEDIA_ROOT)
    if connection.vendor == "postgresql":
        return connection.settings_dict
    # The test database lives in memory; SQLite's backup API copies it into a file.
    path = tmp_path / "source.sqlite3"
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return {"ENGINE": SQLITE, "NAME": str(path)}


@pytest.fixture
def empty_target(source, tmp_path):
    if source["ENGINE"] == SQLITE:
        yield {"ENGINE": SQLITE, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"restore_{uuid.uuid4().hex[:12]}"
    admin = _pg_connect("postgres")
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    yield {**source, "NAME": name}
    admin.cursor().execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


def _rows(database):
    return (
        _pg_rows(database["NAME"])
        if database["ENGINE"] == POSTGRES
        else _sqlite_rows(database["NAME"])
    )


def test_round_trip_keeps_every_row_and_file(settings, source, empty_target, tmp_path):
    archive = create_backup(source, settings.MEDIA_ROOT, tmp_path / "backups")
    assert archive.name.endswith(".tar.gz")

    restored_media = tmp_path / "restored-media"
    restore_backup(archive, empty_target, restored_media)

    before, after = _rows(source), _rows(empty_target)
    assert len(before["governance_document"]) == 1
    assert after == before
    assert _files(restored_media) == _files(settings.MEDIA_ROOT)


def test_restore_refuses_a_target_that_is_not_empty(settings, source, tmp_path):
    archive = create_backup(source, settings.MEDIA_ROOT, tmp_path / "backups")
    with pytest.raises(BackupError, match=r"nicht leer|existiert schon"):
        restore_backup(archive, source, tmp_path / "other-media")
    with pytest.raises(BackupError, match="Medienordner"):
        restore_backup(archive, {**source, "NAME": str(tmp_path / "x")}, settings.MEDIA_ROOT)


def test_restore_refuses_a_damaged_archive(settings, source, empty_target, tmp_path):
    archive = create_backup(source, settings.MEDIA_ROOT, tmp_path / "backups")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as original, tarfile.open(damaged, "w:gz") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            if member.name == "media/wappen.png":
                data = data[::-1]
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match=r"media/wappen\.png"):
        restore_backup(damaged, empty_target, tmp_path / "restored-media")


# The commands read settings.DATABASES; the connections keep the settings they started with.
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_commands_print_the_archive_last_and_explain_refusals(settings, source, tmp_path, capsys):
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {**settings.DATABASES["default"], **source},
    }
    call_command("backup", folder=tmp_path / "backups")
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert last_line.startswith("/") and last_line.endswith(".tar.gz")
    with pytest.raises(CommandError, match=r"nicht leer|existiert schon"):
        call_command("restore", last_line)
    with pytest.raises(CommandError, match="nicht gefunden"):
        call_command("restore", str(tmp_path / "fehlt.tar.gz"))


def _archive(path, *members, unlisted=()):
    """A tar.gz with ``members``, (TarInfo, content or None) pairs, and a manifest that lists
    their files' checksums, except those named in ``unlisted``."""
    files = {
        info.name: hashlib.sha256(data).hexdigest()
        for info, data in members
        if data is not None and info.name not in unlisted
    }
    manifest = json.dumps({"format": FORMAT, "engine": SQLITE, "files": files}).encode()
    with tarfile.open(path, "w:gz") as tar:
        for info, data in [(tarfile.TarInfo("manifest.json"), manifest), *members]:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _member(name, kind=tarfile.REGTYPE, **attributes):
    info = tarfile.TarInfo(name)
    info.type = kind
    for key, value in attributes.items():
        setattr(info, key, value)
    return info


def _hostile_members(outside):
    """What the "data" extraction filter refuses, each aimed at ``outside``."""
    return {
        "absolute path": (_member(str(outside / "absolut")), b"x"),
        "parent folder": (_member("media/../../ausserhalb"), b"x"),
        "symlink out": (_member("media/link", tarfile.SYMTYPE, linkname=str(outside)), None),
        "hardlink out": (_member("media/hart", tarfile.LNKTYPE, linkname="/etc/passwd"), None),
        "device file": (_member("media/null", tarfile.CHRTYPE, devmajor=1, devminor=3), None),
        "fifo": (_member("media/fifo", tarfile.FIFOTYPE), None),
    }


@pytest.mark.parametrize("kind", list(_hostile_members(Path("/x"))))
def test_restore_refuses_a_hostile_archive(tmp_path, kind):
    # Also on Debian 12's Python 3.11.2, whose tarfile has no extraction filters (.ci/run).
    outside = tmp_path / "outside"
    outside.mkdir()
    member = _hostile_members(outside)[kind]
    archive = _archive(tmp_path / "hostile.tar.gz", (_member("media/a.pdf"), b"%PDF"), member)
    target = {"ENGINE": SQLITE, "NAME": str(tmp_path / "restored.sqlite3")}

    with pytest.raises(BackupError, match=r"Link oder Gerätedatei|aus dem Archivordner heraus"):
        restore_backup(archive, target, tmp_path / "media")

    assert list(outside.iterdir()) == []
    assert not (tmp_path / "ausserhalb").exists()
    assert not (tmp_path / "media").exists()
    assert not (tmp_path / "restored.sqlite3").exists()


def test_restore_refuses_files_the_manifest_does_not_list(tmp_path):
    archive = _archive(
        tmp_path / "extra.tar.gz",
        (_member("database.sqlite3"), b""),
        (_member("media/seite.html"), b"<script>"),
        unlisted={"media/seite.html"},
    )
    target = {"ENGINE": SQLITE, "NAME": str(tmp_path / "restored.sqlite3")}

    with pytest.raises(BackupError, match=r"media/seite\.html steht nicht in manifest\.json"):
        restore_backup(archive, target, tmp_path / "media")
    assert not (tmp_path / "media").exists()


def test_restore_drops_setuid_bits_and_owners(tmp_path):
    database = sqlite3.connect(tmp_path / "source.sqlite3")
    database.execute("CREATE TABLE t (x)")
    database.commit()
    database.close()
    archive = _archive(
        tmp_path / "modes.tar.gz",
        (_member("database.sqlite3"), (tmp_path / "source.sqlite3").read_bytes()),
        (_member("media/programm", mode=0o6777, uid=0, gid=0), b"#!/bin/sh\n"),
    )

    restore_backup(archive, {"ENGINE": SQLITE, "NAME": str(tmp_path / "r.sqlite3")}, tmp_path / "m")

    mode = (tmp_path / "m" / "programm").stat().st_mode
    assert not mode & (stat.S_ISUID | stat.S_ISGID | stat.S_IWOTH)
