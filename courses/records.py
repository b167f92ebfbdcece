"""Trainees' training records are kept: a page or a person that holds them is not deleted.

The rule lives in the database layer: every foreign key from a record (lesson progress, module
completion, enrolment to its course, certificate, quiz attempt) to its page or person is
``on_delete=PROTECT``, so any path that deletes through the ORM (the admin, its bulk actions,
Wagtail's admin API, ``manage.py shell``, ``page.delete()``, ``QuerySet.delete()``,
``user.delete()``) raises ``ProtectedError`` and deletes nothing. An enrolment alone is not a
result: it goes with its person's account (CASCADE), but keeps its course.

This module says so to people: the admin views ask ``page_holds_records`` and
``person_holds_records`` first, for a clear refusal before Wagtail starts; ``refusal`` turns a
``ProtectedError`` from any other admin path into the same words (see ``courses.middleware``).
The message says what to do instead: unpublish the page, or deactivate the account.
"""

from django.utils.translation import gettext_lazy as _

from .models import Certificate, Enrolment, LessonProgress, ModuleCompletion

PAGE_HOLDS_RECORDS = _(
    "Không thể xóa “%(title)s”: trang này đã có kết quả học tập của học viên (tiến độ, bài "
    "làm hoặc giấy chứng nhận), và xóa trang sẽ xóa luôn các kết quả đó. Nếu không muốn học "
    "viên thấy trang nữa, hãy gỡ xuất bản (Unpublish) trang."
)
PERSON_HOLDS_RECORDS = _(
    "Không thể xóa tài khoản “%(name)s”: người này đã có kết quả học tập (tiến độ, bài làm "
    "hoặc giấy chứng nhận), cần được lưu giữ. Nếu người này không còn công tác, hãy "
    "sửa tài khoản và bỏ chọn “Kích hoạt” để khóa đăng nhập."
)

RECORDS_KEPT = _(
    "Không thể xóa: mục này đã gắn với kết quả học tập của học viên (tiến độ, bài làm hoặc "
    "giấy chứng nhận), cần được lưu giữ. Hãy gỡ xuất bản trang, hoặc khóa tài khoản, thay vì xóa."
)

# (model, lookup from the record to the page path, whether it is its person's result): everything
# under a page that is someone's. An enrolment alone (a course given to their agency, not yet
# begun) is not a person's result, and goes with the account. Other apps add theirs
# (``register_kept_records``: the quizzes app, its attempts).
_kept_records: list[tuple[type, str, bool]] = [
    (LessonProgress, "lesson__path", True),
    (ModuleCompletion, "module__path", True),
    (Enrolment, "course__path", False),
    (Certificate, "course__path", True),
]


def register_kept_records(model, path_field: str, *, person: bool = True) -> None:
    """Keep ``model``'s rows: a page is not deleted while a row's ``path_field`` (the lookup to
    its page's path, e.g. "quiz__path") is at or below it, and, with ``person``, a person is not
    deleted while a row's ``user`` is them. Called from the registering app's ``ready``."""
    entry = (model, path_field, person)
    if entry not in _kept_records:
        _kept_records.append(entry)


def page_holds_records(page) -> bool:
    """Whether the page or any page below it has a trainee's record."""
    return any(
        model.objects.filter(**{f"{lookup}__startswith": page.path}).exists()
        for model, lookup, _person in _kept_records
    )


def person_holds_records(person) -> bool:
    return any(
        model.objects.filter(user_id=person.pk).exists()
        for model, _lookup, is_result in _kept_records
        if is_result
    )


def refusal(*, page=None, person=None) -> str:
    """The refusal to show when deleting ``page`` or ``person`` met kept records."""
    if page is not None:
        return str(PAGE_HOLDS_RECORDS % {"title": page.get_admin_display_title()})
    if person is not None:
        return str(PERSON_HOLDS_RECORDS % {"name": person.get_full_name() or person.get_username()})
    return str(RECORDS_KEPT)
