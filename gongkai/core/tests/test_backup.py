"""backup → an empty installation → restore gives the same rows, files and key."""
import tarfile

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from gongkai.core.audit import record_event
from gongkai.core.backup import row_counts, stored_files
from gongkai.orgs.models import Unit, User
from gongkai.orgs.tests.factories import UnitFactory, UserFactory


@pytest.fixture
def installation(settings, tmp_path):
    """Its own var/ and media folder, so the round trip touches nothing of the developer's."""
    settings.VAR_DIR = tmp_path / "var"
    settings.VAR_DIR.mkdir()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SECRET_KEY = "the-old-installation-key-" + "s" * 30
    return tmp_path


def _empty_installation(settings, tmp_path):
    """What a new machine has after ``migrate``: the tables, no rows, no files."""
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "new-media"
    settings.VAR_DIR = tmp_path / "new-var"
    settings.VAR_DIR.mkdir()


@pytest.mark.django_db(transaction=True)
def test_round_trip_onto_an_empty_installation(installation, settings, capsys):
    unit = UnitFactory(name="区档案馆")
    UserFactory.create_batch(3, unit=unit)
    record_event(obj=unit, action="orgs.unit.created", details={"名称": "区档案馆"})
    default_storage.save("evidence/2026/报告.pdf", ContentFile(b"%PDF-1.4 evidence"))
    default_storage.save("letters/reply.docx", ContentFile(b"PK\x03\x04 letter"))
    before_rows, before_files = row_counts(), stored_files()
    assert before_rows["orgs_user"] == 3 and len(before_files) == 2

    archive = installation / "backups" / "gongkai.tar.gz"
    call_command("backup", str(archive))
    assert archive.stat().st_mode & 0o077 == 0  # only its owner reads it
    with tarfile.open(archive) as tar:
        database = "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
        assert {"manifest.json", database, "secret_key",
                "media/evidence/2026/报告.pdf"} <= set(tar.getnames())

    _empty_installation(settings, installation)
    assert not User.objects.exists() and stored_files() == []

    call_command("restore", str(archive))
    assert row_counts() == before_rows
    assert stored_files() == before_files
    with default_storage.open("evidence/2026/报告.pdf") as handle:
        assert handle.read() == b"%PDF-1.4 evidence"
    assert Unit.objects.get().name == "区档案馆"
    assert (settings.VAR_DIR / "secret_key").read_text() == settings.SECRET_KEY
    assert '"tables_differing": {}' in capsys.readouterr().out
    connection.close()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_an_installation_with_data(installation):
    UserFactory()
    archive = installation / "gongkai.tar.gz"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="已有数据"):
        call_command("restore", str(archive))
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_restore_of_a_file_that_is_no_archive_says_so(installation):
    bogus = installation / "not-a-backup.tar.gz"
    bogus.write_bytes(b"hello")
    with pytest.raises(CommandError, match="恢复失败"):
        call_command("restore", str(bogus))
    with pytest.raises(CommandError, match="找不到"):
        call_command("restore", str(installation / "missing.tar.gz"))
