"""File storage that names uploads itself."""

import posixpath
import uuid

from django.core.files.storage import FileSystemStorage

# Uploads land under these folders (Wagtail's originals and documents); renditions and other
# generated files keep the names Wagtail gives them.
UPLOAD_FOLDERS = ("original_images/", "documents/")


class ServerNamedStorage(FileSystemStorage):
    """Store uploaded images and documents under random names, keeping only a safe extension.

    A name chosen by the uploader never reaches the disk: no path tricks, no clashes, nothing
    guessable about other people's files.
    """

    def generate_filename(self, filename):
        filename = filename.replace("\\", "/")
        if filename.startswith(UPLOAD_FOLDERS):
            folder, name = posixpath.split(filename)
            extension = posixpath.splitext(name)[1].lower()
            if not extension[1:].isalnum() or len(extension) > 6:
                extension = ""
            filename = posixpath.join(folder, uuid.uuid4().hex + extension)
        return super().generate_filename(filename)
