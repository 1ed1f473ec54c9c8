"""One archive holds a whole installation: the database, every stored file and the secret
key; ``restore`` puts it onto an empty installation and checks the row counts.

The database is copied with its own tools, so the copy is consistent while the platform
runs: SQLite's online backup API, PostgreSQL's ``pg_dump`` in custom format (restored with
``pg_restore``). Files are read and written through Django's storage API, so the same
commands work with local disk and with an object store. The task queue is not kept:
its jobs are re-created (the nightly checks run again).
"""
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
DB_SQLITE = "database.sqlite3"
DB_PGDUMP = "database.pgdump"


class BackupError(Exception):
    pass


def row_counts() -> dict[str, int]:
    """Rows in every table of the platform's models (names from Django, not from input)."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def stored_files(storage=default_storage, folder: str = "") -> list[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # a new installation's media folder, not yet made
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for directory in directories:
        names += stored_files(storage, f"{folder}/{directory}" if folder else directory)
    return sorted(names)


def backup_create(*, path: Path) -> dict:
    """Write the archive to ``path`` (tar, gzip); return its manifest."""
    manifest = {
        "format": FORMAT, "created": timezone.localtime().isoformat(),
        "vendor": connection.vendor, "tables": row_counts(), "files": stored_files(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(partial, "w:gz") as archive:
        database = _dump_database(Path(scratch))
        archive.add(database, arcname=database.name)
        for name in manifest["files"]:
            with default_storage.open(name, "rb") as handle:
                _add_bytes(archive, f"media/{name}", handle.read())
        _add_bytes(archive, "secret_key", settings.SECRET_KEY.encode())
        _add_bytes(archive, "manifest.json",
                   json.dumps(manifest, ensure_ascii=False, indent=1).encode())
    partial.replace(path)  # a crash never leaves a half archive under the real name
    path.chmod(0o600)  # it holds the secret key and personal data
    return manifest


def backup_restore(*, path: Path, force: bool = False) -> dict:
    """Restore the archive at ``path``; return ``{"manifest", "tables", "files"}`` with
    the counts found after restoring. Refuses a non-empty installation unless ``force``."""
    with tarfile.open(path, "r:gz") as archive:
        manifest = json.loads(_read(archive, "manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(_("归档格式“%(f)s”无法识别。") % {"f": manifest.get("format")})
        if manifest["vendor"] != connection.vendor:
            raise BackupError(_("归档来自 %(a)s 数据库，本安装使用 %(b)s。")
                              % {"a": manifest["vendor"], "b": connection.vendor})
        if not force and _has_data():
            raise BackupError(_("本安装已有数据（确需覆盖请加 --force）。"))
        with tempfile.TemporaryDirectory() as scratch:
            name = DB_SQLITE if connection.vendor == "sqlite" else DB_PGDUMP
            target = Path(scratch) / name
            target.write_bytes(_read(archive, name))
            _load_database(target)
        for name in manifest["files"]:
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(_read(archive, f"media/{name}")))
            if saved != name:
                raise BackupError(_("文件 %(a)s 被存为 %(b)s。") % {"a": name, "b": saved})
        secret = _read(archive, "secret_key").decode()
    return {"manifest": manifest, "tables": row_counts(), "files": stored_files(),
            "secret_key": _restore_secret_key(secret)}


def _has_data() -> bool:
    from django.contrib.auth import get_user_model

    from gongkai.core.models import AuditEvent
    return get_user_model().objects.exists() or AuditEvent.objects.exists()


def _dump_database(scratch: Path) -> Path:
    if connection.vendor == "sqlite":
        target = scratch / DB_SQLITE
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target
    if connection.vendor == "postgresql":
        target = scratch / DB_PGDUMP
        _pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file",
            str(target))
        return target
    raise BackupError(_("不支持备份 %(v)s 数据库。") % {"v": connection.vendor})


def _load_database(dump: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError(_("不能在事务中恢复。"))
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    connection.close()  # pg_restore drops and re-creates the tables this process holds
    _pg("pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
        "--single-transaction", "--exit-on-error", str(dump))


def _pg(program: str, *args: str) -> None:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [program, "--dbname", db["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [flag, str(db[key])]
    result = subprocess.run([*command, *args], env=env, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise BackupError(_("%(p)s 失败：%(e)s") % {"p": program, "e": result.stderr.strip()[-2000:]})


def _restore_secret_key(secret: str) -> str:
    """Sessions, password-reset links and signed values depend on the key. When the key
    comes from the environment the operator sets it (``differs`` says they must);
    otherwise it is written back to ``var/secret_key``."""
    if os.environ.get("DJANGO_SECRET_KEY"):
        return "same" if os.environ["DJANGO_SECRET_KEY"] == secret else "differs"
    key_file = settings.VAR_DIR / "secret_key"
    key_file.write_text(secret)
    key_file.chmod(0o600)
    return "written"


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(data), 0o600
    info.mtime = int(datetime.now().timestamp())  # noqa: DTZ005 - a file's mtime is epoch
    archive.addfile(info, io.BytesIO(data))


def _read(archive: tarfile.TarFile, name: str) -> bytes:
    try:
        member = archive.extractfile(name)
    except KeyError:
        raise BackupError(_("归档中缺少 %(n)s。") % {"n": name}) from None
    if member is None:
        raise BackupError(_("归档中缺少 %(n)s。") % {"n": name})
    return member.read()
