"""Upload checks for documents: size, and content that matches the file's extension."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

DOCUMENT_TOO_LARGE = _("Tệp quá lớn (%(size)s). Dung lượng tối đa là %(limit)s.")
DOCUMENT_CONTENT_MISMATCH = _(
    "Nội dung tệp không khớp với đuôi “%(extension)s”. Hãy tải lên đúng tệp gốc."
)

# What the first bytes of each allowed binary type must look like (filetype's guess).
# Office formats (docx, xlsx, pptx) and OpenDocument are zip archives; csv and txt are text.
EXPECTED = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "ods": {"ods", "zip"},
    "odp": {"odp", "zip"},
    "zip": {"zip"},
}
TEXT = {"csv", "txt"}


def check_document(file):
    """Raise ValidationError unless the file is small enough and is what its name says."""
    if file.size > settings.DOCUMENT_MAX_UPLOAD_SIZE:
        raise ValidationError(
            DOCUMENT_TOO_LARGE
            % {
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.DOCUMENT_MAX_UPLOAD_SIZE),
            }
        )
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    head = file.read(8192)
    file.seek(0)
    if extension in TEXT:
        ok = b"\x00" not in head
    else:
        kind = filetype.guess(head)
        ok = kind is not None and kind.extension in EXPECTED.get(extension, set())
    if not ok:
        raise ValidationError(DOCUMENT_CONTENT_MISMATCH % {"extension": extension})


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "read") and getattr(file, "size", None) is not None:
            check_document(file)
        return file
