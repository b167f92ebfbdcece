"""StreamField blocks of a lesson body."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "superscript",
]

ALT_TEXT_REQUIRED = _("Hãy nhập văn bản thay thế (mô tả ảnh cho người không xem được ảnh).")
ALT_TEXT_IS_FILENAME = _(
    "Văn bản thay thế phải mô tả nội dung ảnh, không phải tên tệp. "
    "Ví dụ: “Toàn cảnh hội nghị tập huấn”."
)
LEGAL_FIELDS_REQUIRED = _("Văn bản pháp lý cần có số hiệu, ngày ban hành và cơ quan ban hành.")

_FILENAME_RE = re.compile(r"^\S+\.(jpe?g|png|gif|webp|avif|bmp|tiff?|svg)$", re.IGNORECASE)


def validate_alt_text(value):
    """Alt text must describe the image: not blank, not a file name such as "IMG_5311.jpg"."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(ALT_TEXT_REQUIRED)
    if _FILENAME_RE.match(text):
        raise ValidationError(ALT_TEXT_IS_FILENAME)


class SearchedBlock(blocks.StructBlock):
    """A struct block whose search text leaves out the children named in ``unsearched`` (choice
    labels such as "Tiêu đề mục" would make every lesson match them)."""

    unsearched = ()

    def get_searchable_content(self, value):
        return [
            text
            for name, block in self.child_blocks.items()
            if name not in self.unsearched
            for text in block.get_searchable_content(value.get(name))
        ]


class HeadingBlock(SearchedBlock):
    unsearched = ("level",)
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("h2", _("Tiêu đề mục")), ("h3", _("Tiêu đề tiểu mục"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề")
        template = "courses/blocks/heading_block.html"
        preview_value = {"text": "Mục tiêu của Chương trình tổng thể", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    """An image with alt text (required) and an optional caption."""

    image = ImageChooserBlock(label=_("Ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Văn bản thay thế"),
        max_length=255,
        required=False,
        help_text=_("Mô tả ngắn nội dung ảnh cho người dùng trình đọc màn hình. Bắt buộc."),
    )
    caption = blocks.CharBlock(label=_("Chú thích"), max_length=255, required=False)
    credit = blocks.CharBlock(label=_("Nguồn ảnh"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "courses/blocks/figure_block.html"

    def clean(self, value):
        value = super().clean(value)
        try:
            validate_alt_text(value.get("alt_text"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"alt_text": error}) from error
        return value


class SlideBlock(blocks.StructBlock):
    """One slide: its image, a title (also the image's alt text), its text and speaker notes."""

    image = ImageChooserBlock(label=_("Ảnh trang chiếu"))
    title = blocks.CharBlock(
        label=_("Tiêu đề trang chiếu"),
        max_length=200,
        help_text=_("Dùng làm văn bản thay thế của ảnh."),
    )
    text = blocks.RichTextBlock(
        label=_("Nội dung dạng chữ"),
        required=False,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Hiện dưới trang chiếu cho người dùng trình đọc màn hình và mạng chậm."),
    )
    notes = blocks.TextBlock(
        label=_("Ghi chú của giảng viên"),
        required=False,
        help_text=_("Lời giảng kèm trang chiếu; học viên mở xem khi cần."),
    )

    class Meta:
        icon = "image"
        label = _("Trang chiếu")


class SlideDeckBlock(blocks.StructBlock):
    """An ordered set of slides, shown one at a time with JavaScript and as a list without it."""

    title = blocks.CharBlock(label=_("Tên bài trình chiếu"), max_length=200)
    slides = blocks.ListBlock(SlideBlock(), label=_("Các trang chiếu"), min_num=1)

    class Meta:
        icon = "media"
        label = _("Bài trình chiếu")
        template = "courses/blocks/slide_deck_block.html"


class DocumentBlock(blocks.StructBlock):
    """A document to download; search finds the lesson by the document's own title too."""

    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(
        label=_("Tên hiển thị"),
        max_length=200,
        required=False,
        help_text=_("Để trống để dùng tên của tài liệu."),
    )
    description = blocks.CharBlock(label=_("Mô tả"), max_length=255, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu tải về")
        template = "courses/blocks/document_block.html"

    def get_searchable_content(self, value):
        content = super().get_searchable_content(value)
        document = value.get("document")
        return [*content, document.title] if document is not None else content


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Địa chỉ video"), help_text=_("Ví dụ: đường dẫn YouTube."))
    title = blocks.CharBlock(label=_("Tên video"), max_length=200)
    transcript = blocks.TextBlock(label=_("Lời thoại, tóm tắt"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video_block.html"


class CalloutBlock(SearchedBlock):
    """Key facts, or a legal reference with its number, date and issuing body."""

    unsearched = ("kind",)

    kind = blocks.ChoiceBlock(
        label=_("Loại"),
        choices=[("facts", _("Điểm chính")), ("legal", _("Văn bản pháp lý"))],
        default="facts",
    )
    title = blocks.CharBlock(label=_("Tiêu đề"), max_length=255)
    document_number = blocks.CharBlock(
        label=_("Số hiệu văn bản"), max_length=64, required=False, help_text=_("Ví dụ: 30c/NQ-CP")
    )
    issued_on = blocks.DateBlock(label=_("Ngày ban hành"), required=False)
    issuing_body = blocks.CharBlock(label=_("Cơ quan ban hành"), max_length=255, required=False)
    body = blocks.RichTextBlock(
        label=_("Nội dung"), features=["bold", "italic", "ul", "ol", "link"]
    )

    class Meta:
        icon = "warning"
        label = _("Điểm chính, văn bản pháp lý")
        template = "courses/blocks/callout_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("kind") == "legal":
            missing = {
                name: ValidationError(LEGAL_FIELDS_REQUIRED)
                for name in ("document_number", "issued_on", "issuing_body")
                if not value.get(name)
            }
            if missing:
                raise StructBlockValidationError(block_errors=missing)
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói, nguồn"), max_length=255, required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "courses/blocks/quote_block.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="courses/blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    slide_deck = SlideDeckBlock()
    document = DocumentBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()

    class Meta:
        block_counts = {}
