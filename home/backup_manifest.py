"""The backup manifest: what an archive holds, with the sha256 and size of every member.

``manifest.json`` (format 2) lists every member of the archive, the database copy and each
media file, under ``files``: ``{"media/documents/a.pdf": {"sha256": "...", "size": 123}}``. A
restore reads the whole archive, hashes every member and compares the result with this list
before it writes anything: a damaged, missing or extra member is refused by name.

Archives of format 1 (before per-file hashes) only checked the database copy. They are refused
with a message saying so: restoring media that nothing can check is what this format exists to
stop. (The files can still be taken out by hand with ``tar`` if an old archive is all there is.)
"""

from __future__ import annotations

import hashlib
import json
import posixpath

FORMAT_VERSION = 2
MAX_MANIFEST_BYTES = 64 * 1024 * 1024  # about 300,000 media files
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is written for the operator."""


class HashingReader:
    """A read-only file wrapper that hashes and counts what is read through it (``tarfile``
    reads a member's data through it, so the archive and the digest see the same bytes)."""

    def __init__(self, raw):
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.raw.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data

    def entry(self) -> dict:
        return {"sha256": self.digest.hexdigest(), "size": self.size}


def manifest_bytes(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def parse_manifest(data: bytes) -> dict:
    """The manifest as a dict, its required fields checked; older formats refused plainly."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"manifest.json không đọc được: {error}") from error
    if not isinstance(manifest, dict):
        raise BackupError("manifest.json không đúng định dạng.")
    version = manifest.get("format_version")
    if version == 1:
        raise BackupError(
            "Tệp sao lưu theo định dạng cũ (format_version 1) chỉ có mã sha256 của bản CSDL, "
            "không có mã của từng tệp media, nên không thể kiểm tra trước khi ghi. Từ chối "
            "khôi phục: hãy tạo bản sao lưu mới bằng `manage.py backup` của phiên bản này "
            "(nếu chỉ còn bản cũ, có thể giải nén thủ công bằng tar và tự kiểm tra)."
        )
    if version != FORMAT_VERSION:
        raise BackupError(
            f"manifest.json không đúng định dạng (cần format_version = {FORMAT_VERSION}, "
            f"thấy {version!r})."
        )
    try:
        engine = manifest["engine"]
        if engine not in DATABASE_MEMBERS or manifest["database_file"] != DATABASE_MEMBERS[engine]:
            raise BackupError(f"manifest.json ghi loại CSDL không hỗ trợ: {engine!r}.")
        files = manifest["files"]
        if not isinstance(files, dict) or manifest["database_file"] not in files:
            raise TypeError("files")
        for name, entry in files.items():
            if not (
                isinstance(name, str)
                and isinstance(entry, dict)
                and isinstance(entry.get("sha256"), str)
                and isinstance(entry.get("size"), int)
            ):
                raise TypeError(f"files[{name!r}]")
        int(manifest["media"]["files"])
    except (KeyError, TypeError, ValueError) as error:
        raise BackupError(f"manifest.json thiếu hoặc sai trường: {error}") from error
    return manifest


def verify_members(manifest: dict, found: dict[str, dict]) -> None:
    """Compare what the archive holds (``{name: {"sha256", "size"}}``, the manifest itself
    left out) with the manifest's list; the first difference is refused by member name."""
    expected = manifest["files"]
    for name in sorted(set(found) - set(expected)):
        raise BackupError(
            f"Tệp sao lưu có mục {name!r} không ghi trong manifest.json: tệp sao lưu đã bị sửa. "
            f"Từ chối khôi phục."
        )
    for name in sorted(set(expected) - set(found)):
        raise BackupError(
            f"Tệp sao lưu thiếu mục {name!r} mà manifest.json ghi: tệp sao lưu bị hỏng hoặc "
            f"không đầy đủ. Từ chối khôi phục."
        )
    for name in sorted(expected):
        if found[name]["size"] != expected[name]["size"]:
            raise BackupError(
                f"Kích thước của {name!r} ({found[name]['size']} byte) khác manifest.json "
                f"({expected[name]['size']} byte): tệp sao lưu bị hỏng hoặc đã bị sửa. Từ chối "
                f"khôi phục."
            )
        if found[name]["sha256"] != expected[name]["sha256"]:
            raise BackupError(
                f"Mã sha256 của {name!r} không khớp manifest.json: tệp sao lưu bị hỏng hoặc "
                f"đã bị sửa. Từ chối khôi phục."
            )


def member_relative_path(name: str) -> str:
    """The checked POSIX path of a member; refuses absolute names and any ``..`` component."""
    if not name or "\\" in name or "\x00" in name:
        raise BackupError(f"Tệp sao lưu có mục tên không hợp lệ: {name!r}. Từ chối khôi phục.")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise BackupError(
            f"Tệp sao lưu có mục đường dẫn tuyệt đối: {name!r}. Từ chối khôi phục "
            f"(có thể là tệp bị sửa nhằm ghi ra ngoài thư mục media)."
        )
    parts = name.split("/")
    if ".." in parts:
        raise BackupError(
            f"Tệp sao lưu có mục chứa '..': {name!r}. Từ chối khôi phục "
            f"(có thể là tệp bị sửa nhằm ghi ra ngoài thư mục media)."
        )
    if posixpath.normpath(name) != name:  # "a//b", "./a", "a/./b", "a/": not written by backup
        raise BackupError(f"Tệp sao lưu có mục tên không hợp lệ: {name!r}. Từ chối khôi phục.")
    return name
