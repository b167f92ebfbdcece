"""Backup and restore: a round trip on the configured engine (SQLite or PostgreSQL), the SQLite
services on a real file, and the refusals (tampered archive, path traversal, no --yes,
another engine, production)."""

import hashlib
import io
import json
import os
import re
import sqlite3
import stat
import tarfile
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page

from courses import services
from courses.models import LessonProgress
from home import backup
from learners.models import User
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory


@pytest.fixture
def _content_type_cache_refilled():
    """A restore empties ContentType's cache (ids can change with the database). The next
    test's serialized_rollback reloads rows through signals that call get_for_model, which
    would insert content types again on a cold cache: fill it while the rows are still there."""
    yield
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


def transactional(test):
    """The backup reads the database through a connection of its own: the data must be
    committed. serialized_rollback brings back the pages the migrations create afterwards."""
    test = pytest.mark.usefixtures("_content_type_cache_refilled")(test)
    return pytest.mark.django_db(transaction=True, serialized_rollback=True)(test)


ENGINE = "postgresql" if connection.vendor == "postgresql" else "sqlite"
OTHER_ENGINE = "sqlite" if ENGINE == "postgresql" else "postgresql"


def media_root():
    return Path(settings.MEDIA_ROOT)


def write_media(relative, data):
    path = media_root() / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def make_backup(tmp_path):
    call_command("backup", output=str(tmp_path / "backups"), stdout=io.StringIO())
    (archive,) = (tmp_path / "backups").glob("parlearn-backup-*.tar.gz")
    return archive


def restore(archive, tmp_path, *args, **options):
    out = io.StringIO()
    call_command(
        "restore",
        str(archive),
        *args,
        safety_backup_dir=str(tmp_path / "safety"),
        stdout=out,
        **options,
    )
    return out.getvalue()


def archive_members(archive):
    """{name: (TarInfo, bytes)} of every member, in order."""
    with tarfile.open(archive, "r:gz") as tar:
        return {m.name: (m, tar.extractfile(m).read()) for m in tar.getmembers()}


def write_archive(path, members):
    """A .tar.gz from {name: bytes}; a TarInfo value is added as is (links, odd names)."""
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            if isinstance(data, tarfile.TarInfo):
                tar.addfile(data)
                continue
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    return path


def repack(archive, path, *, replace=None, add=None):
    """A copy of ``archive`` with some members replaced and others added."""
    members = {name: data for name, (_info, data) in archive_members(archive).items()}
    members.update(replace or {})
    members.update(add or {})
    return write_archive(path, members)


def snapshot():
    """Everything the round trip must bring back, as plain values."""
    return {
        "users": sorted(User.objects.values_list("pk", "username", "full_name", "email")),
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "slug", "live")),
        "progress": sorted(
            LessonProgress.objects.values_list("pk", "user_id", "lesson_id", "completed_at")
        ),
    }


def learning_data():
    trainee, other = UserFactory(full_name="Nguyễn Văn An"), UserFactory()
    UserFactory(username="khongcoketqua")  # no records: may be deleted after the backup
    course = CoursePageFactory(title="Cải cách hành chính")
    module = ModulePageFactory(parent=course)
    lessons = [LessonPageFactory(parent=module) for _ in range(2)]
    for lesson in lessons:
        services.lesson_complete(user=trainee, lesson=lesson, course=course)
    services.lesson_record_view(user=other, lesson=lessons[0], course=course)
    return trainee, other, course, lessons


# Round trip on the configured engine ------------------------------------------------------------


@transactional
def test_round_trip_brings_back_the_database_and_the_media_files(tmp_path):
    trainee, other, course, lessons = learning_data()
    kept = write_media("documents/quy-che.pdf", b"%PDF-1.4 quy che\x00\xff")
    deleted = write_media("images/anh-hoi-nghi.jpg", b"\xff\xd8\xff jpeg bytes")
    before = snapshot()
    assert len(before["progress"]) == 3

    archive = make_backup(tmp_path)

    manifest = json.loads(archive_members(archive)["manifest.json"][1])
    assert manifest["engine"] == ENGINE
    assert manifest["counts"] == {
        "users": len(before["users"]),
        "pages": len(before["pages"]),
        "lesson_progress": 3,
    }
    assert manifest["media"] == {"files": 2, "bytes": kept.stat().st_size + deleted.stat().st_size}

    # Change everything: edit, delete, add; the media file rewritten and the other deleted.
    User.objects.filter(pk=trainee.pk).update(full_name="Tên đã sửa")
    User.objects.filter(username="khongcoketqua").delete()
    UserFactory(username="nguoimoi")
    LessonProgress.objects.all().delete()  # first: a page with records cannot be deleted
    Page.objects.get(pk=lessons[1].pk).delete()
    kept.write_bytes(b"changed")
    deleted.unlink()
    assert snapshot() != before

    output = restore(archive, tmp_path, yes=True)

    assert snapshot() == before
    assert User.objects.get(pk=trainee.pk).full_name == "Nguyễn Văn An"
    assert not User.objects.filter(username="nguoimoi").exists()
    assert kept.read_bytes() == b"%PDF-1.4 quy che\x00\xff"
    assert deleted.read_bytes() == b"\xff\xd8\xff jpeg bytes"
    # The data it replaced was backed up first.
    (safety,) = (tmp_path / "safety").glob("parlearn-backup-*.tar.gz")
    assert json.loads(archive_members(safety)["manifest.json"][1])["counts"] == {
        "users": len(before["users"]),  # one deleted, one added
        "pages": len(before["pages"]) - 1,
        "lesson_progress": 0,
    }
    assert "Đã khôi phục" in output
    # The restored database works through the ORM as before.
    assert LessonProgress.objects.filter(user=trainee, completed_at__isnull=False).count() == 2


@transactional
def test_backup_archive_name_contents_and_permissions(tmp_path):
    UserFactory()
    write_media("documents/a.txt", b"a")
    (media_root() / "documents" / "link.txt").symlink_to(media_root() / "documents" / "a.txt")

    archive = make_backup(tmp_path)

    assert re.fullmatch(r"parlearn-backup-\d{8}-\d{6}\.tar\.gz", archive.name)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert not list((tmp_path / "backups").glob(".*partial"))
    members = archive_members(archive)
    database_file = backup.DATABASE_MEMBERS[ENGINE]
    assert set(members) == {database_file, "media/documents/a.txt", "manifest.json"}
    manifest = json.loads(members["manifest.json"][1])
    assert manifest["database_sha256"] == hashlib.sha256(members[database_file][1]).hexdigest()
    assert manifest["database_file"] == database_file
    assert {"created_at", "django_version", "wagtail_version", "database_name"} <= set(manifest)
    # Every member but the manifest, with its own sha256 and size.
    assert manifest["format_version"] == 2
    assert manifest["files"] == {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, (_info, data) in members.items()
        if name != "manifest.json"
    }

    # A second backup in the same second gets its own name.
    make_second = backup.create_backup(tmp_path / "backups")
    assert make_second.path != archive
    assert make_second.path.exists()
    assert archive.exists()


# SQLite services on a real file -----------------------------------------------------------------


def sqlite_file(path, rows):
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")  # the backup API copes with a WAL database
        conn.execute("CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("DELETE FROM note")
        conn.executemany("INSERT INTO note (text) VALUES (?)", [(r,) for r in rows])
        conn.commit()


def sqlite_rows(path):
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT text FROM note ORDER BY id")]


def test_sqlite_backup_and_restore_services_on_a_file(tmp_path):
    live = tmp_path / "live.sqlite3"
    sqlite_file(live, ["một", "hai"])
    # An open connection mid-transaction: the backup still copies the committed data.
    with closing(sqlite3.connect(live)) as writer:
        writer.execute("INSERT INTO note (text) VALUES ('chưa commit')")
        backup.sqlite_backup(live, tmp_path / "copy.sqlite3")
        writer.rollback()
    assert sqlite_rows(tmp_path / "copy.sqlite3") == ["một", "hai"]

    sqlite_file(live, ["khác"])
    backup.sqlite_restore(tmp_path / "copy.sqlite3", live)
    assert sqlite_rows(live) == ["một", "hai"]

    with pytest.raises(backup.BackupError, match="Không tìm thấy tệp CSDL SQLite"):
        backup.sqlite_backup(tmp_path / "missing.sqlite3", tmp_path / "x.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()


def test_sqlite_file_round_trip_through_the_archive(tmp_path):
    """The whole archive path against a SQLite file, whatever engine the test run uses."""
    live = tmp_path / "site.sqlite3"
    files = tmp_path / "files"
    db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(live)}
    sqlite_file(live, ["một", "hai"])
    (files / "sub").mkdir(parents=True)
    (files / "sub" / "a.bin").write_bytes(b"\x00\x01")

    result = backup.create_backup(tmp_path / "out", settings_dict=db, media_root=files)
    assert result.manifest["engine"] == "sqlite"
    assert result.manifest["database_name"] == "site.sqlite3"

    sqlite_file(live, ["đã đổi"])
    (files / "sub" / "a.bin").unlink()
    (files / "extra.txt").write_text("giữ nguyên")

    restored = backup.restore_backup(result.path, settings_dict=db, media_root=files)

    assert restored.media_written == 1
    assert sqlite_rows(live) == ["một", "hai"]
    assert (files / "sub" / "a.bin").read_bytes() == b"\x00\x01"
    assert (files / "extra.txt").read_text() == "giữ nguyên"  # not in the archive: left alone

    # The archive of a SQLite site cannot go into a PostgreSQL one.
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "parlearn"}
    with pytest.raises(backup.BackupError, match="tạo từ CSDL SQLite nhưng trang đang dùng"):
        backup.restore_backup(result.path, settings_dict=postgres, media_root=files)


# Refusals ---------------------------------------------------------------------------------------


@transactional
def test_restore_without_yes_shows_the_plan_and_changes_nothing(tmp_path):
    trainee = UserFactory(full_name="Trước sao lưu")
    media = write_media("documents/a.txt", b"ban dau")
    archive = make_backup(tmp_path)
    User.objects.filter(pk=trainee.pk).update(full_name="Sau sao lưu")
    UserFactory(username="nguoimoi")
    media.write_bytes(b"da sua")
    before = snapshot()

    out = io.StringIO()
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive), stdout=out)

    assert snapshot() == before
    assert media.read_bytes() == b"da sua"
    assert "Sẽ bị thay thế" in out.getvalue()
    assert "1 tệp đang có sẽ bị ghi đè" in out.getvalue()
    assert not (tmp_path / "safety").exists()


@transactional
def test_tampered_archive_is_refused(tmp_path):
    trainee = UserFactory(full_name="Trước sao lưu")
    archive = make_backup(tmp_path)
    User.objects.filter(pk=trainee.pk).update(full_name="Sau sao lưu")
    database_file = backup.DATABASE_MEMBERS[ENGINE]
    original = archive_members(archive)[database_file][1]
    tampered = repack(
        archive,
        tmp_path / "tampered.tar.gz",
        replace={database_file: original[:-1] + bytes([original[-1] ^ 0xFF])},
    )

    with pytest.raises(CommandError, match=f"sha256 của '{database_file}' không khớp"):
        restore(tampered, tmp_path, yes=True)

    assert User.objects.get(pk=trainee.pk).full_name == "Sau sao lưu"
    assert not (tmp_path / "safety").exists()


@pytest.mark.parametrize(
    "evil",
    ["../evil", "media/../../evil", "media/../evil", "{tmp}/evil-absolute"],
)
@transactional
def test_path_traversal_member_is_refused_and_nothing_is_written(tmp_path, evil):
    trainee = UserFactory(full_name="Trước sao lưu")
    write_media("documents/a.txt", b"ban dau")
    archive = make_backup(tmp_path)
    User.objects.filter(pk=trainee.pk).update(full_name="Sau sao lưu")
    write_media("documents/a.txt", b"da sua")
    evil = evil.format(tmp=tmp_path)  # an absolute path: "/tmp/pytest-.../evil-absolute"
    bad = repack(archive, tmp_path / "bad.tar.gz", add={evil: b"pwned"})

    with pytest.raises(CommandError, match="Từ chối khôi phục"):
        restore(bad, tmp_path, yes=True)

    assert not (tmp_path / "evil").exists()
    assert not (tmp_path / "evil-absolute").exists()
    assert (media_root() / "documents" / "a.txt").read_bytes() == b"da sua"
    assert sorted(p.name for p in media_root().rglob("*")) == ["a.txt", "documents"]
    assert User.objects.get(pk=trainee.pk).full_name == "Sau sao lưu"


@transactional
def test_links_and_unknown_members_are_refused(tmp_path):
    archive = make_backup(tmp_path)
    link = tarfile.TarInfo("media/documents/link")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    for name, data, message in [
        ("media/documents/link", link, "không phải tệp thường"),
        ("secrets.txt", b"x", "mục lạ"),
    ]:
        bad = repack(archive, tmp_path / "bad.tar.gz", add={name: data})
        with pytest.raises(backup.BackupError, match=message):
            backup.read_archive(bad)
    assert not (media_root() / "documents" / "link").exists()


def test_media_target_stays_inside_media_root(tmp_path):
    assert backup.media_target(tmp_path, "a/b.txt") == tmp_path / "a" / "b.txt"
    for name in ["../x", "a/../../x", "/etc/passwd", "a\\..\\x", "", "a//b", "./a"]:
        with pytest.raises(backup.BackupError):
            backup.media_target(tmp_path, name)


@pytest.mark.django_db
def test_not_an_archive_is_refused(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tarball")
    with pytest.raises(CommandError, match="không phải tệp sao lưu .tar.gz hợp lệ"):
        restore(junk, tmp_path, yes=True)
    with pytest.raises(CommandError, match="Không tìm thấy tệp sao lưu"):
        restore(tmp_path / "missing.tar.gz", tmp_path, yes=True)


@pytest.mark.django_db
def test_archive_of_another_engine_is_refused_with_a_clear_message(tmp_path):
    dump = b"database of the other engine"
    database_file = backup.DATABASE_MEMBERS[OTHER_ENGINE]
    manifest = {
        "format_version": 2,
        "created_at": "2025-01-01T08:00:00+07:00",
        "engine": OTHER_ENGINE,
        "database_file": database_file,
        "database_name": "other",
        "database_sha256": hashlib.sha256(dump).hexdigest(),
        "database_bytes": len(dump),
        "django_version": "5.2",
        "wagtail_version": "8.0",
        "counts": {"users": 1, "pages": 2, "lesson_progress": 0},
        "media": {"files": 0, "bytes": 0},
        "files": {database_file: {"sha256": hashlib.sha256(dump).hexdigest(), "size": len(dump)}},
    }
    archive = write_archive(
        tmp_path / "other.tar.gz",
        {database_file: dump, "manifest.json": json.dumps(manifest).encode()},
    )
    users = User.objects.count()

    with pytest.raises(CommandError) as refused:
        restore(archive, tmp_path, yes=True)

    message = str(refused.value)
    assert backup.ENGINE_LABELS[OTHER_ENGINE] in message
    assert backup.ENGINE_LABELS[ENGINE] in message
    assert "không thể khôi phục sang loại CSDL khác" in message
    assert User.objects.count() == users


@transactional
def test_production_needs_the_extra_flag(tmp_path, settings):
    trainee = UserFactory(full_name="Trước sao lưu")
    archive = make_backup(tmp_path)
    User.objects.filter(pk=trainee.pk).update(full_name="Sau sao lưu")
    settings.ENVIRONMENT = "production"

    with pytest.raises(CommandError, match="--i-know-this-replaces-production-data"):
        restore(archive, tmp_path, yes=True)
    assert User.objects.get(pk=trainee.pk).full_name == "Sau sao lưu"

    restore(archive, tmp_path, yes=True, production_ok=True, no_safety_backup=True)
    assert User.objects.get(pk=trainee.pk).full_name == "Trước sao lưu"
    assert not (tmp_path / "safety").exists()


# PostgreSQL tools -------------------------------------------------------------------------------


def test_pg_password_goes_through_the_environment_only(monkeypatch, tmp_path):
    calls = []

    def fake_run(command, **kwargs):
        calls.append((command, kwargs["env"]))
        return type("Done", (), {"returncode": 0, "stdout": "", "stderr": ""})()

    monkeypatch.setattr(backup.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(backup.subprocess, "run", fake_run)
    db = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "parlearn",
        "USER": "parlearn",
        "PASSWORD": "s3cret-pw",
        "HOST": "db.internal",
        "PORT": "5433",
        "OPTIONS": {"sslmode": "require"},
    }
    backup.pg_dump(db, tmp_path / "x.dump")
    backup.pg_restore(db, tmp_path / "x.dump")

    (dump_cmd, env), (restore_cmd, _env) = calls
    assert all("s3cret-pw" not in part for part in dump_cmd + restore_cmd)
    assert env["PGPASSWORD"] == "s3cret-pw"
    assert env["PGSSLMODE"] == "require"
    assert "--format=custom" in dump_cmd
    assert {"--clean", "--if-exists", "--no-owner"} <= set(restore_cmd)
    assert dump_cmd[dump_cmd.index("--host") + 1] == "db.internal"
    assert dump_cmd[dump_cmd.index("--dbname") + 1] == "parlearn"


def test_missing_pg_tool_is_named_plainly(monkeypatch, tmp_path):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(backup.BackupError, match="pg_dump.*postgresql-client"):
        backup.pg_dump({"NAME": "x"}, tmp_path / "x.dump")


# Every member checked before anything is written ------------------------------------------------


def media_state():
    """{relative path: bytes} of everything under MEDIA_ROOT (a staging folder would show)."""
    return {
        p.relative_to(media_root()).as_posix(): p.read_bytes() if p.is_file() else None
        for p in media_root().rglob("*")
    }


def damaged_archive_setup(tmp_path):
    """An archive of two media files, then the site changed after it: the state to keep."""
    trainee = UserFactory(full_name="Trước sao lưu")
    write_media("documents/quy-che.pdf", b"%PDF-1.4 quy che" * 100)
    write_media("images/anh.jpg", b"\xff\xd8\xff jpeg bytes")
    archive = make_backup(tmp_path)
    User.objects.filter(pk=trainee.pk).update(full_name="Sau sao lưu")
    write_media("documents/quy-che.pdf", b"ban moi")
    (media_root() / "images" / "anh.jpg").unlink()
    return trainee, archive


def flip_last_byte(data):
    return data[:-1] + bytes([data[-1] ^ 0xFF])


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (flip_last_byte, "sha256 của 'media/documents/quy-che.pdf' không khớp"),
        (lambda data: data[:-5], "Kích thước của 'media/documents/quy-che.pdf'"),
        (lambda data: data + b"\x00", "Kích thước của 'media/documents/quy-che.pdf'"),
    ],
    ids=["same-size", "truncated", "grown"],
)
@transactional
def test_damaged_media_member_is_refused_and_nothing_is_written(tmp_path, damage, message):
    trainee, archive = damaged_archive_setup(tmp_path)
    original = archive_members(archive)["media/documents/quy-che.pdf"][1]
    bad = repack(
        archive, tmp_path / "bad.tar.gz", replace={"media/documents/quy-che.pdf": damage(original)}
    )
    before_media, before_db = media_state(), snapshot()

    with pytest.raises(CommandError, match=message):
        restore(bad, tmp_path, yes=True)

    assert (
        media_state()
        == before_media
        == {
            "documents": None,
            "documents/quy-che.pdf": b"ban moi",
            "images": None,
        }
    )
    assert snapshot() == before_db
    assert User.objects.get(pk=trainee.pk).full_name == "Sau sao lưu"
    assert not (tmp_path / "safety").exists()  # refused before even the safety backup


@transactional
def test_missing_or_extra_member_is_refused_by_name(tmp_path):
    trainee, archive = damaged_archive_setup(tmp_path)
    members = {name: data for name, (_info, data) in archive_members(archive).items()}
    without = dict(members)
    del without["media/images/anh.jpg"]
    cases = [
        (without, "thiếu mục 'media/images/anh.jpg'"),
        ({**members, "media/images/them.jpg": b"extra"}, "'media/images/them.jpg' không ghi"),
    ]
    before_media = media_state()
    for contents, message in cases:
        bad = write_archive(tmp_path / "bad.tar.gz", contents)
        with pytest.raises(CommandError, match=message):
            restore(bad, tmp_path, yes=True)
    assert media_state() == before_media
    assert User.objects.get(pk=trainee.pk).full_name == "Sau sao lưu"


@transactional
def test_archive_without_per_file_hashes_is_refused(tmp_path):
    """A format-1 archive (database sha256 only) cannot have its media checked: refused."""
    trainee, archive = damaged_archive_setup(tmp_path)
    members = {name: data for name, (_info, data) in archive_members(archive).items()}
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = 1
    del manifest["files"]
    old = write_archive(
        tmp_path / "old.tar.gz", {**members, "manifest.json": json.dumps(manifest).encode()}
    )
    before_media = media_state()

    with pytest.raises(CommandError, match="định dạng cũ.*không có mã của từng tệp media"):
        restore(old, tmp_path, yes=True)

    assert media_state() == before_media
    assert User.objects.get(pk=trainee.pk).full_name == "Sau sao lưu"


def test_archive_changed_between_check_and_write_is_refused_and_staging_removed(
    tmp_path, monkeypatch
):
    """The media are checked again as they are staged; a change there writes nothing."""
    live = tmp_path / "site.sqlite3"
    files = tmp_path / "files"
    db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(live)}
    sqlite_file(live, ["một"])
    (files / "sub").mkdir(parents=True)
    (files / "sub" / "a.bin").write_bytes(b"goc")
    result = backup.create_backup(tmp_path / "out", settings_dict=db, media_root=files)
    good = result.path.read_bytes()
    sqlite_file(live, ["đã đổi"])
    (files / "sub" / "a.bin").write_bytes(b"moi")

    checked = backup.read_archive

    def check_then_swap(path, **kwargs):
        info = checked(path, **kwargs)
        repack(path, path, replace={"media/sub/a.bin": b"xyz"})  # same size, other bytes
        return info

    monkeypatch.setattr(backup, "read_archive", check_then_swap)
    with pytest.raises(backup.BackupError, match="đọc lần hai khác manifest.json"):
        backup.restore_backup(result.path, settings_dict=db, media_root=files)

    assert sqlite_rows(live) == ["đã đổi"]
    assert sorted(p.name for p in files.rglob("*")) == ["a.bin", "sub"]
    assert (files / "sub" / "a.bin").read_bytes() == b"moi"
    result.path.write_bytes(good)


# Only this site's cache keys ----------------------------------------------------------------------

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


@pytest.fixture(
    params=["django.core.cache.backends.redis.RedisCache", "home.cache.ResilientRedisCache"]
)
def redis_cache(settings, request):
    """The site's cache on a real Redis database shared with 'another application'."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    prefix = f"parlearn-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": request.param,
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    foreign = {"otherapp:session:42": b"keep", f"{prefix}x:1:lookalike": b"keep"}
    client.mset(foreign)
    yield prefix, client, foreign
    client.delete(*foreign)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)
    client.close()


@transactional
def test_restore_clears_only_this_sites_redis_keys(tmp_path, redis_cache):
    from django.core.cache import cache

    prefix, client, foreign = redis_cache
    trainee = UserFactory(full_name="Trước sao lưu")
    archive = make_backup(tmp_path)
    User.objects.filter(pk=trainee.pk).update(full_name="Sau sao lưu")
    cache.set("page-fragment", "cũ", 600)
    cache.set("other-version", "cũ", 600, version=7)
    assert len(list(client.scan_iter(match=f"{prefix}:*"))) == 2

    output = restore(archive, tmp_path, yes=True, no_safety_backup=True)

    assert User.objects.get(pk=trainee.pk).full_name == "Trước sao lưu"
    assert cache.get("page-fragment") is None
    assert cache.get("other-version", version=7) is None
    assert list(client.scan_iter(match=f"{prefix}:*")) == []
    for key, value in foreign.items():  # another application's keys are still there
        assert client.get(key) == value
    assert "khóa của ứng dụng khác giữ nguyên" in output
