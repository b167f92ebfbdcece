"""Backup and restore: the database and the media files in one ``.tar.gz`` archive.

Archive layout (every member a regular file)::

    database.sqlite3 | database.dump   SQLite online-backup copy, or ``pg_dump --format=custom``
    media/<path>                       every regular file under MEDIA_ROOT
    manifest.json                      written last, so it describes what the archive holds

The services take the database ``settings_dict`` and the media folder as parameters (the
defaults are Django's ``default`` connection and ``settings.MEDIA_ROOT``), so tests can point
them at a temporary SQLite file. Every failure the operator should read is a ``BackupError``.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.utils import load_backend
from django.utils import timezone

from .backup_manifest import (
    DATABASE_MEMBERS,
    FORMAT_VERSION,
    MAX_MANIFEST_BYTES,
    BackupError,
    HashingReader,
    manifest_bytes,
    member_relative_path,
    parse_manifest,
    verify_members,
)
from .site_cache import clear_site_cache

__all__ = ["BackupError", "DATABASE_MEMBERS", "FORMAT_VERSION", "member_relative_path"]

ARCHIVE_PREFIX = "parlearn-backup-"
ARCHIVE_SUFFIX = ".tar.gz"
MANIFEST = "manifest.json"
MEDIA_DIR = "media"
ENGINE_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Rows counted into the manifest and shown before a restore.
COUNTED_MODELS = {
    "users": settings.AUTH_USER_MODEL,
    "pages": "wagtailcore.Page",
    "lesson_progress": "courses.LessonProgress",
}
CHUNK = 1024 * 1024
# libpq reads these from the environment; the matching OPTIONS keys in DATABASES are passed on.
PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: dict
    skipped_media: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MediaMember:
    name: str  # the member name in the archive, "media/..."
    relative: str  # the path under MEDIA_ROOT, POSIX separators
    size: int


@dataclass(frozen=True)
class ArchiveInfo:
    path: Path
    manifest: dict
    media: list[MediaMember]

    @property
    def engine(self) -> str:
        return self.manifest["engine"]


@dataclass(frozen=True)
class RestoreResult:
    archive: ArchiveInfo
    media_written: int
    warnings: list[str] = field(default_factory=list)
    # Cache aliases that could not be cleared of this site's keys only (left as they were).
    caches_skipped: list[str] = field(default_factory=list)


# Settings ---------------------------------------------------------------------------------------


def database_settings(settings_dict: dict | None = None) -> dict:
    """Django's ``default`` connection settings, or ``settings_dict`` completed like Django does."""
    if settings_dict is None:
        return connections[DEFAULT_DB_ALIAS].settings_dict
    # The handler fills the keys Django's backends expect (OPTIONS, TIME_ZONE, AUTOCOMMIT...).
    return connections.configure_settings({DEFAULT_DB_ALIAS: dict(settings_dict)})[DEFAULT_DB_ALIAS]


def engine_of(settings_dict: dict) -> str:
    engine = settings_dict.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine or "postgis" in engine:
        return "postgresql"
    raise BackupError(f"Chưa hỗ trợ sao lưu CSDL loại {engine!r}: chỉ hỗ trợ SQLite và PostgreSQL.")


def database_label(settings_dict: dict) -> str:
    """ "SQLite /path/db.sqlite3" or "PostgreSQL parlearn @ host:5432", for messages."""
    engine = engine_of(settings_dict)
    name = str(settings_dict.get("NAME") or "")
    if engine == "sqlite":
        return f"SQLite {name}"
    host = settings_dict.get("HOST") or "socket"
    port = settings_dict.get("PORT")
    return f"PostgreSQL {name} @ {host}{f':{port}' if port else ''}"


def default_backup_dir() -> Path:
    return Path(settings.BASE_DIR) / "backups"


def _same_database(a: dict, b: dict) -> bool:
    return all(str(a.get(key) or "") == str(b.get(key) or "") for key in ("ENGINE", "NAME", "HOST"))


# SQLite -----------------------------------------------------------------------------------------


def _sqlite_connect(name) -> sqlite3.Connection:
    # Django opens SQLite with uri=True: a plain path still works, "file:..." names are URIs.
    return sqlite3.connect(str(name), uri=True, timeout=30)


def sqlite_backup(source, dest: Path) -> None:
    """Copy the live database ``source`` into the new file ``dest`` with SQLite's backup API.

    The copy is one read transaction of the source, so it is consistent even while the site
    writes; the site's own connections are never touched.
    """
    source = str(source)
    if not source.startswith("file:") and not Path(source).is_file():
        # Connecting would silently create an empty database.
        raise BackupError(f"Không tìm thấy tệp CSDL SQLite: {source}")
    with closing(_sqlite_connect(source)) as src, closing(sqlite3.connect(dest)) as dst:
        src.backup(dst)


def sqlite_restore(snapshot: Path, dest) -> None:
    """Replace the whole database ``dest`` with ``snapshot``: the backup API in reverse.

    The copy runs in one write transaction of ``dest``: other connections see the old
    database or the new one, never a mixture.
    """
    dest = str(dest)
    if not dest.startswith("file:"):
        Path(dest).parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(snapshot)) as src, closing(_sqlite_connect(dest)) as dst:
        src.backup(dst)


def _sqlite_counts(path: Path) -> dict:
    counts = {}
    with closing(sqlite3.connect(path)) as conn:
        for key, table in _counted_tables():
            try:
                sql = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608 - model table names
                counts[key] = conn.execute(sql).fetchone()[0]
            except sqlite3.DatabaseError:
                counts[key] = None
    return counts


# PostgreSQL -------------------------------------------------------------------------------------


def _require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"Cần công cụ {name} của PostgreSQL nhưng không tìm thấy trong PATH. Cài gói "
            f"postgresql-client (Debian/Ubuntu: apt-get install postgresql-client), cùng phiên "
            f"bản chính hoặc mới hơn máy chủ PostgreSQL."
        )
    return path


def _pg_connection_args(settings_dict: dict) -> list[str]:
    args = ["--no-password"]  # never prompt: fail with a message instead
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [option, str(settings_dict[key])]
    return [*args, "--dbname", str(settings_dict["NAME"])]


def _pg_env(settings_dict: dict) -> dict:
    """The environment of pg_dump/pg_restore: the password goes here, never on the command line."""
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    for option, variable in PG_OPTION_ENV.items():
        value = (settings_dict.get("OPTIONS") or {}).get(option)
        if value not in (None, ""):
            env[variable] = str(value)
    env.setdefault("PGCONNECT_TIMEOUT", "15")
    return env


def _run_pg_tool(tool: str, args: list[str], settings_dict: dict) -> None:
    executable = _require_tool(tool)
    try:
        completed = subprocess.run(  # noqa: S603 - fixed executable, no shell
            [executable, *args],
            env=_pg_env(settings_dict),
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise BackupError(f"Không chạy được {tool}: {error}") from error
    if completed.returncode != 0:
        detail = (completed.stderr or completed.stdout).strip() or "không có thông báo"
        raise BackupError(f"{tool} thất bại (mã {completed.returncode}): {detail}")


def pg_dump(settings_dict: dict, dest: Path, *, snapshot: str | None = None) -> None:
    args = ["--format=custom", "--file", str(dest), *_pg_connection_args(settings_dict)]
    if snapshot:
        args.insert(1, f"--snapshot={snapshot}")
    _run_pg_tool("pg_dump", args, settings_dict)


def pg_restore(settings_dict: dict, dump: Path) -> None:
    """Restore ``dump`` into the configured database, all or nothing (one transaction)."""
    args = [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        *_pg_connection_args(settings_dict),
        str(dump),
    ]
    _run_pg_tool("pg_restore", args, settings_dict)


def _pg_dump_with_counts(settings_dict: dict, dest: Path) -> dict:
    """pg_dump and the manifest counts from one exported snapshot, so they agree exactly.

    A separate connection keeps the caller's transactions out of it.
    """
    _require_tool("pg_dump")
    wrapper = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(
        dict(settings_dict), alias="parlearn_backup"
    )
    try:
        with wrapper.cursor() as cursor:  # autocommit: the transaction below is ours
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = {}
            for key, table in _counted_tables():
                cursor.execute("SAVEPOINT parlearn_count")
                try:
                    sql = f"SELECT COUNT(*) FROM {wrapper.ops.quote_name(table)}"  # noqa: S608
                    cursor.execute(sql)
                    counts[key] = cursor.fetchone()[0]
                    cursor.execute("RELEASE SAVEPOINT parlearn_count")
                except DatabaseError:
                    cursor.execute("ROLLBACK TO SAVEPOINT parlearn_count")
                    counts[key] = None
            pg_dump(settings_dict, dest, snapshot=snapshot)
            cursor.execute("COMMIT")
    except DatabaseError as error:
        raise BackupError(f"Không kết nối/đọc được CSDL PostgreSQL: {error}") from error
    finally:
        wrapper.close()
    return counts


# Counts -----------------------------------------------------------------------------------------


def _counted_tables():
    for key, label in COUNTED_MODELS.items():
        yield key, apps.get_model(label)._meta.db_table


def current_counts(using: str = DEFAULT_DB_ALIAS) -> dict:
    """The same counts as the manifest, read through the ORM from the live database."""
    counts = {}
    for key, label in COUNTED_MODELS.items():
        try:
            counts[key] = apps.get_model(label)._default_manager.using(using).count()
        except DatabaseError:
            counts[key] = None
    return counts


# Media ------------------------------------------------------------------------------------------


def _media_files(media_root: Path, *, exclude: Path | None = None):
    """(absolute path, POSIX relative path) of every regular file; symlinks are skipped."""
    skipped = []
    files = []
    if not media_root.is_dir():
        return files, skipped
    excluded = os.path.realpath(exclude) if exclude else None
    for folder, dirnames, filenames in os.walk(media_root):
        dirnames.sort()
        kept = []
        for dirname in dirnames:
            path = os.path.join(folder, dirname)
            if os.path.islink(path):
                skipped.append(os.path.relpath(path, media_root))
            elif excluded is None or os.path.realpath(path) != excluded:
                kept.append(dirname)
        dirnames[:] = kept
        for filename in sorted(filenames):
            path = os.path.join(folder, filename)
            relative = Path(os.path.relpath(path, media_root)).as_posix()
            if os.path.islink(path) or not os.path.isfile(path):
                skipped.append(relative)
            else:
                files.append((path, relative))
    return files, skipped


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# Backup -----------------------------------------------------------------------------------------


def _archive_path(output_dir: Path, moment) -> Path:
    stem = f"{ARCHIVE_PREFIX}{moment:%Y%m%d-%H%M%S}"
    path = output_dir / f"{stem}{ARCHIVE_SUFFIX}"
    n = 1
    while path.exists():  # two backups in the same second: never overwrite the first
        n += 1
        path = output_dir / f"{stem}-{n}{ARCHIVE_SUFFIX}"
    return path


def create_backup(
    output_dir=None, *, settings_dict: dict | None = None, media_root=None, now=None
) -> BackupResult:
    """Write one archive with a consistent copy of the database and every media file.

    The database is copied first (one snapshot), then the media files: a file uploaded
    meanwhile may be in the archive without its database row, never the other way round
    unless a file is deleted during the backup.
    """
    settings_dict = database_settings(settings_dict)
    engine = engine_of(settings_dict)
    media_root = Path(media_root if media_root is not None else settings.MEDIA_ROOT)
    output_dir = Path(output_dir) if output_dir is not None else default_backup_dir()
    try:
        output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise BackupError(f"Không tạo được thư mục sao lưu {output_dir}: {error}") from error

    moment = timezone.localtime(now or timezone.now())
    final = _archive_path(output_dir, moment)
    partial = final.with_name(f".{final.name}.partial")
    db_member = DATABASE_MEMBERS[engine]

    with tempfile.TemporaryDirectory(prefix="parlearn-backup-") as tmp:
        db_file = Path(tmp) / db_member
        if engine == "sqlite":
            sqlite_backup(settings_dict["NAME"], db_file)
            counts = _sqlite_counts(db_file)
        else:
            counts = _pg_dump_with_counts(settings_dict, db_file)
        db_sha256 = _sha256(db_file)
        db_bytes = db_file.stat().st_size
        entries = {db_member: {"sha256": db_sha256, "size": db_bytes}}

        files, skipped = _media_files(media_root, exclude=output_dir)
        media_count = media_bytes = 0
        # The archive holds personal data and password hashes: readable by its owner only.
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            raise BackupError(f"Không ghi được tệp sao lưu {partial}: {error}") from error
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                tar.add(db_file, arcname=db_member, recursive=False)
                for path, relative in files:
                    name = f"{MEDIA_DIR}/{relative}"
                    try:
                        info = tar.gettarinfo(path, arcname=name)
                        with open(path, "rb") as handle:
                            # The digest of the very bytes tarfile writes (a file rewritten
                            # meanwhile fails the restore's check instead of passing it).
                            reader = HashingReader(handle)
                            tar.addfile(info, reader)
                    except FileNotFoundError:  # deleted while we were copying
                        skipped.append(relative)
                        continue
                    entries[name] = reader.entry()
                    media_count += 1
                    media_bytes += info.size
                manifest = {
                    "format_version": FORMAT_VERSION,
                    "application": "PAR Learn",
                    "created_at": moment.isoformat(),
                    "engine": engine,
                    "database_file": db_member,
                    "database_name": Path(str(settings_dict["NAME"])).name,
                    "database_sha256": db_sha256,
                    "database_bytes": db_bytes,
                    "django_version": django.get_version(),
                    "wagtail_version": wagtail.__version__,
                    "counts": counts,
                    "media": {"files": media_count, "bytes": media_bytes},
                    # Every member but the manifest itself: checked before a restore writes.
                    "files": entries,
                }
                _add_bytes(tar, MANIFEST, manifest_bytes(manifest))
            os.replace(partial, final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupResult(path=final, manifest=manifest, skipped_media=skipped)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


# Reading and checking an archive ----------------------------------------------------------------


def _open_archive(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu: {path}")
    try:
        return tarfile.open(path, mode="r:gz")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(f"{path} không phải tệp sao lưu .tar.gz hợp lệ: {error}") from error


def read_archive(path, *, extract_database_to: Path | None = None) -> ArchiveInfo:
    """Check every member against the manifest: names, types, sizes and sha256.

    The whole archive is read and every member hashed; nothing outside ``extract_database_to``
    is written. A damaged, missing or extra member raises ``BackupError`` naming it, before any
    restore step runs.
    """
    path = Path(path)
    tar = _open_archive(path)
    try:
        with tar:
            manifest, found, media = _scan_members(tar, extract_database_to)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(f"Tệp sao lưu {path} bị hỏng hoặc không đọc hết được: {error}") from error

    if manifest is None:
        raise BackupError(f"{path} không có manifest.json: không phải tệp sao lưu PAR Learn.")
    database_members = sorted(set(found) & set(DATABASE_MEMBERS.values()))
    if database_members != [manifest["database_file"]]:
        raise BackupError(
            f"Tệp sao lưu phải có đúng một bản CSDL {manifest['database_file']!r} (thấy: "
            f"{', '.join(database_members) or 'không có'}). Từ chối khôi phục."
        )
    verify_members(manifest, found)
    if len(media) != manifest["media"]["files"]:
        raise BackupError(
            f"manifest.json ghi {manifest['media']['files']} tệp media nhưng tệp sao lưu có "
            f"{len(media)}: tệp sao lưu bị hỏng hoặc đã bị sửa. Từ chối khôi phục."
        )
    return ArchiveInfo(path=path, manifest=manifest, media=media)


def _scan_members(tar: tarfile.TarFile, extract_database_to: Path | None):
    """The manifest, ``{name: {"sha256", "size"}}`` of every other member, and the media list."""
    manifest = None
    found = {}
    media = []
    for member in tar:
        name = member_relative_path(member.name)
        if name in found or (name == MANIFEST and manifest is not None):
            raise BackupError(f"Tệp sao lưu có mục trùng tên: {name!r}. Từ chối khôi phục.")
        if not member.isfile():
            raise BackupError(
                f"Tệp sao lưu có mục không phải tệp thường ({name!r}: liên kết, thư mục hoặc "
                f"thiết bị). Từ chối khôi phục."
            )
        if name == MANIFEST:
            if member.size > MAX_MANIFEST_BYTES:
                raise BackupError("manifest.json quá lớn: tệp sao lưu không hợp lệ.")
            manifest = parse_manifest(tar.extractfile(member).read())
            continue
        if name in DATABASE_MEMBERS.values():
            found[name] = _hash_member(tar, member, extract_database_to)
        elif name.startswith(f"{MEDIA_DIR}/"):
            found[name] = _hash_member(tar, member, None)
            media.append(MediaMember(name, name[len(MEDIA_DIR) + 1 :], member.size))
        else:
            raise BackupError(f"Tệp sao lưu có mục lạ: {name!r}. Từ chối khôi phục.")
    return manifest, found, media


def _hash_member(tar: tarfile.TarFile, member: tarfile.TarInfo, folder: Path | None) -> dict:
    """``{"sha256", "size"}`` of the member's data, copied into ``folder`` when given."""
    reader = HashingReader(tar.extractfile(member))
    target = open(folder / member.name, "wb") if folder else None  # noqa: SIM115
    try:
        while chunk := reader.read(CHUNK):
            if target:
                target.write(chunk)
    finally:
        if target:
            target.close()
    return reader.entry()


def check_compatible(info: ArchiveInfo, settings_dict: dict) -> list[str]:
    """Refuse an archive of another engine; return warnings for other version differences."""
    engine = engine_of(settings_dict)
    if info.engine != engine:
        raise BackupError(
            f"Tệp sao lưu được tạo từ CSDL {ENGINE_LABELS[info.engine]} nhưng trang đang dùng "
            f"{ENGINE_LABELS[engine]}: không thể khôi phục sang loại CSDL khác. Hãy khôi phục "
            f"trên một trang dùng {ENGINE_LABELS[info.engine]}."
        )
    warnings = []
    for key, current in (
        ("django_version", django.get_version()),
        ("wagtail_version", wagtail.__version__),
    ):
        if info.manifest.get(key) != current:
            warnings.append(
                f"Tệp sao lưu tạo với {key.split('_')[0].title()} {info.manifest.get(key)}, "
                f"trang đang chạy {current}: sau khi khôi phục hãy chạy `manage.py migrate`."
            )
    return warnings


def media_target(media_root: Path, relative: str) -> Path:
    """The file ``relative`` under ``media_root``; refuses any path that would leave it."""
    relative = member_relative_path(relative)
    root = os.path.abspath(media_root)
    target = os.path.abspath(os.path.join(root, relative))
    if os.path.commonpath([root, target]) != root or target == root:
        raise BackupError(f"Đường dẫn media {relative!r} nằm ngoài MEDIA_ROOT. Từ chối.")
    return Path(target)


# Restore ----------------------------------------------------------------------------------------


def _close_django_connections(settings_dict: dict) -> None:
    """Close Django's connections to the database being replaced (none may be mid-transaction)."""
    for conn in connections.all(initialized_only=True):
        if not _same_database(conn.settings_dict, settings_dict):
            continue
        if conn.in_atomic_block:
            raise BackupError(
                "Không thể khôi phục khi kết nối CSDL đang ở giữa một giao dịch (transaction)."
            )
        conn.close()  # a no-op for an in-memory SQLite database, which closing would destroy


def restore_backup(path, *, settings_dict: dict | None = None, media_root=None) -> RestoreResult:
    """Replace the database with the archive's copy, then put its media files in place.

    1. The whole archive is read and every member checked against the manifest (sha256, size,
       names): a bad archive is refused here, with nothing written.
    2. The media files are copied into a hidden staging folder inside MEDIA_ROOT and checked
       again as they are written (the archive could change between the two reads).
    3. The database is replaced, then the staged files are renamed into place.

    Media files in MEDIA_ROOT that the archive does not hold are left in place.
    """
    settings_dict = database_settings(settings_dict)
    engine = engine_of(settings_dict)
    media_root = Path(media_root if media_root is not None else settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="parlearn-restore-") as tmp:
        info = read_archive(path, extract_database_to=Path(tmp))
        warnings = check_compatible(info, settings_dict)
        for member in info.media:  # every target checked before the first write
            media_target(media_root, member.relative)
        if engine == "postgresql":
            _require_tool("pg_restore")
        staging = _stage_media(info, media_root)
        try:
            _close_django_connections(settings_dict)
            snapshot = Path(tmp) / info.manifest["database_file"]
            if engine == "sqlite":
                try:
                    sqlite_restore(snapshot, settings_dict["NAME"])
                except sqlite3.Error as error:
                    raise BackupError(f"Không ghi được CSDL SQLite: {error}") from error
            else:
                pg_restore(settings_dict, snapshot)
            skipped = _after_database_restore()
            written = _move_staged_media(info, media_root, staging)
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
    return RestoreResult(
        archive=info, media_written=written, warnings=warnings, caches_skipped=skipped
    )


def _after_database_restore() -> list[str]:
    """Forget what this process and the cache remember about the database that was replaced:
    this site's cache keys only, never another application's on a shared Redis."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    return clear_site_cache()


def _stage_media(info: ArchiveInfo, media_root: Path) -> Path | None:
    """Copy the archive's media into a hidden folder in MEDIA_ROOT (the same file system, so
    the final moves are renames), checking each file against the manifest as it is written."""
    if not info.media:
        return None
    expected = info.manifest["files"]
    media_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".parlearn-restore-", dir=media_root))
    try:
        with _open_archive(info.path) as tar:
            for member in tar:
                if not member.name.startswith(f"{MEDIA_DIR}/") or not member.isfile():
                    continue
                target = staging / member_relative_path(member.name)
                target.parent.mkdir(parents=True, exist_ok=True)
                reader = HashingReader(tar.extractfile(member))
                with open(target, "wb") as out:
                    shutil.copyfileobj(reader, out, CHUNK)
                if reader.entry() != expected.get(member.name):
                    raise BackupError(
                        f"{member.name!r} đọc lần hai khác manifest.json (tệp sao lưu vừa bị "
                        f"thay đổi?). Từ chối khôi phục, chưa ghi gì."
                    )
                os.chmod(target, member.mode & 0o777 or 0o644)
                os.utime(target, (member.mtime, member.mtime))
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, tarfile.TarError | OSError | EOFError | zlib.error):
            raise BackupError(f"Không chép được tệp media ra thư mục tạm: {error}") from error
        raise
    return staging


def _move_staged_media(info: ArchiveInfo, media_root: Path, staging: Path | None) -> int:
    written = 0
    try:
        for member in info.media:
            target = media_target(media_root, member.relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / member.name, target)
            written += 1
    except OSError as error:
        raise BackupError(
            f"CSDL đã được khôi phục nhưng ghi tệp media thất bại sau {written} tệp: {error}"
        ) from error
    return written
