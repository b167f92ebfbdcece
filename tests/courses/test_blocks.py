"""Lesson body blocks: validation messages in Vietnamese, rendering of each block."""

import datetime

import pytest
from wagtail.blocks import StructBlockValidationError

from courses.blocks import (
    ALT_TEXT_IS_FILENAME,
    ALT_TEXT_REQUIRED,
    LEGAL_FIELDS_REQUIRED,
    CalloutBlock,
    FigureBlock,
)
from tests.courses.factories import ImageFactory

pytestmark = pytest.mark.django_db


def _figure(alt_text):
    block = FigureBlock()
    return block, block.to_python(
        {"image": ImageFactory().pk, "alt_text": alt_text, "caption": "", "credit": ""}
    )


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_figure_without_alt_text_is_refused_with_a_vietnamese_message(alt_text):
    block, value = _figure(alt_text)
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert raised.value.block_errors["alt_text"].messages == [str(ALT_TEXT_REQUIRED)]
    assert "văn bản thay thế" in str(ALT_TEXT_REQUIRED)


def test_figure_alt_text_that_is_a_file_name_is_refused():
    block, value = _figure("IMG_5311.JPG")
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert raised.value.block_errors["alt_text"].messages == [str(ALT_TEXT_IS_FILENAME)]


def test_figure_with_alt_text_is_accepted():
    block, value = _figure("Toàn cảnh hội nghị tập huấn")
    assert block.clean(value)["alt_text"] == "Toàn cảnh hội nghị tập huấn"


def test_legal_reference_needs_number_date_and_issuing_body():
    block = CalloutBlock()
    value = block.to_python(
        {
            "kind": "legal",
            "title": "Nghị quyết",
            "document_number": "",
            "issued_on": None,
            "issuing_body": "",
            "body": "<p>Chương trình tổng thể</p>",
        }
    )
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert set(raised.value.block_errors) == {"document_number", "issued_on", "issuing_body"}
    assert raised.value.block_errors["issued_on"].messages == [str(LEGAL_FIELDS_REQUIRED)]


def test_key_facts_need_no_document_number():
    block = CalloutBlock()
    value = block.to_python(
        {
            "kind": "facts",
            "title": "Điểm chính",
            "document_number": "",
            "issued_on": None,
            "issuing_body": "",
            "body": "<p>Sáu lĩnh vực</p>",
        }
    )
    assert block.clean(value)["title"] == "Điểm chính"


def test_legal_reference_renders_number_and_date_in_vietnamese_format():
    block = CalloutBlock()
    value = block.to_python(
        {
            "kind": "legal",
            "title": "Chương trình tổng thể",
            "document_number": "30c/NQ-CP",
            "issued_on": "2011-11-08",
            "issuing_body": "Chính phủ",
            "body": "<p>Giai đoạn 2011–2020</p>",
        }
    )
    assert value["issued_on"] == datetime.date(2011, 11, 8)
    html = block.render(value)
    assert "30c/NQ-CP" in html
    assert "08/11/2011" in html
    assert "Chính phủ" in html


@pytest.mark.django_db
def test_reading_the_slides_leaves_the_page_savable(client):
    """The numbering across decks that the template uses is not stored with the page."""
    from tests.courses.factories import LessonPageFactory, lesson_body, slide_deck

    first, second = [ImageFactory(), ImageFactory()], [ImageFactory()]
    lesson = LessonPageFactory(body=lesson_body(slides=first, extra=[slide_deck(second)]))
    assert len(lesson.slides) == 3
    lesson.save_revision().publish()  # failed with KeyError 'first_number' before
    lesson.refresh_from_db()
    assert all("first_number" not in b.value for b in lesson.body if b.block_type == "slide_deck")
    html = client.get(lesson.url).content.decode()
    assert 'id="slide-3"' in html
