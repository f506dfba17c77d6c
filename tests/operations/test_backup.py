"""`backup` writes one archive with the database and every upload; `restore` brings both back
into an empty database and media folder, row for row and byte for byte."""

import io
import sqlite3
import tarfile
import uuid

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from operations.backup import POSTGRES, SQLITE, BackupError, create_backup, restore_backup
from tests.factories import DocumentFactory, MeetingFactory, MunicipalityFactory, NewsArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump reads committed rows only


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
def source(settings, tmp_path):
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
