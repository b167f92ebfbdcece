"""Trainees' training records are kept: a page or a person that holds them is not deleted.

Deleting a lesson, quiz, module or course page would delete (``on_delete=CASCADE``) every
trainee's progress, attempts, completions and enrolments under it, and a certificate stops the
deletion half-way (``PROTECT``). Deleting a person would erase what their agency reports to the
province. Both are refused in the admin for everyone, the administrator included, with a message
that says what to do instead: unpublish the page, or deactivate the account.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

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

# (model, lookup from the record to the page path): everything under a page that is someone's.
_PAGE_RECORDS = (
    ("courses.LessonProgress", "lesson__path"),
    ("courses.ModuleCompletion", "module__path"),
    ("courses.Enrolment", "course__path"),
    ("courses.Certificate", "course__path"),
    ("quizzes.Attempt", "quiz__path"),
)
# A person's: what they have done. An enrolment alone (a course given to their agency, not yet
# begun) is not a result, and goes with the account.
_PERSON_RECORDS = (
    "courses.LessonProgress",
    "courses.ModuleCompletion",
    "courses.Certificate",
    "quizzes.Attempt",
)


def page_holds_records(page) -> bool:
    """Whether the page or any page below it has a trainee's record."""
    return any(
        apps.get_model(label).objects.filter(**{f"{lookup}__startswith": page.path}).exists()
        for label, lookup in _PAGE_RECORDS
    )


def person_holds_records(person) -> bool:
    return any(
        apps.get_model(label).objects.filter(user_id=person.pk).exists()
        for label in _PERSON_RECORDS
    )
