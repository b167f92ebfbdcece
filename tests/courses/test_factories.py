"""The record factories keep course, module and lesson consistent, and make what the site makes."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from courses import certificates
from courses.models import Certificate, Enrolment
from learners.models import Agency
from tests.courses.factories import (
    AssignmentFactory,
    CertificateFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    LessonProgressFactory,
    ModuleCompletionFactory,
    ModulePageFactory,
    course_of,
)
from tests.learners.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

COMPLETED = datetime(2017, 8, 15, 3, 0, tzinfo=UTC)


def test_enrolment_factory_makes_an_open_enrolment_and_stores_when_it_began():
    enrolment = EnrolmentFactory()
    began = timezone.now() - timedelta(days=30)
    earlier = EnrolmentFactory(enrolled_at=began, due_date=timezone.localdate())
    done = EnrolmentFactory(completed=True)

    assert enrolment.completed_at is None
    assert enrolment.source == Enrolment.Source.SELF
    assert Enrolment.objects.get(pk=earlier.pk).enrolled_at == began
    assert done.completed_at is not None
    assert Enrolment.objects.completed().get() == done


def test_lesson_progress_of_an_enrolment_is_in_its_course():
    enrolment = EnrolmentFactory()

    progress = LessonProgressFactory(enrolment=enrolment, completed=True)

    assert progress.user == enrolment.user
    assert progress.course == enrolment.course
    assert course_of(progress.lesson) == enrolment.course
    assert progress.completed_at == progress.last_viewed_at
    assert Enrolment.objects.filter(user=enrolment.user).count() == 1


def test_lesson_progress_finds_the_course_of_its_lesson_and_enrols_the_person():
    lesson = LessonPageFactory()

    progress = LessonProgressFactory(lesson=lesson)

    assert progress.course == course_of(lesson)
    assert progress.completed_at is None
    assert Enrolment.objects.filter(user=progress.user, course=progress.course).exists()
    alone = LessonProgressFactory(enrol=False)
    assert not Enrolment.objects.filter(user=alone.user).exists()
    assert alone.course == course_of(alone.lesson)


def test_lesson_progress_refuses_a_lesson_outside_its_course():
    lesson = LessonPageFactory()
    other = CoursePageFactory()

    with pytest.raises(ValueError, match="not inside the course"):
        LessonProgressFactory(lesson=lesson, course=other)
    with pytest.raises(ValueError, match="not inside the course"):
        LessonProgressFactory(lesson=lesson, enrolment=EnrolmentFactory(course=other))
    with pytest.raises(ValueError, match="differs from the enrolment's"):
        LessonProgressFactory(enrolment=EnrolmentFactory(), user=UserFactory())


def test_module_completion_is_in_the_course_of_its_module():
    course = CoursePageFactory()
    module = ModulePageFactory(parent=course)

    given = ModuleCompletionFactory(module=module)
    made = ModuleCompletionFactory(course=course)
    enrolled = ModuleCompletionFactory(enrolment=EnrolmentFactory(course=course))

    assert given.course == course
    assert course_of(made.module) == course and made.module != module
    assert enrolled.course == course
    assert Enrolment.objects.filter(course=course).count() == 3
    with pytest.raises(ValueError, match="not inside the course"):
        ModuleCompletionFactory(module=module, course=CoursePageFactory())


def test_assignment_factory_enrols_its_people_as_course_assign_does():
    course = CoursePageFactory()
    new, studying, finished = UserFactory(), UserFactory(), UserFactory()
    EnrolmentFactory(user=studying, course=course)
    EnrolmentFactory(user=finished, course=course, completed_at=COMPLETED)

    assignment = AssignmentFactory(course=course, people=[new, studying, finished])

    assert set(assignment.people.all()) == {new, studying, finished}
    by_person = {e.user: e for e in Enrolment.objects.filter(course=course)}
    for person in (new, studying):
        assert by_person[person].source == Enrolment.Source.ASSIGNED
        assert by_person[person].due_date == assignment.due_date
        assert by_person[person].assignment == assignment
    assert by_person[finished].assignment is None
    assert by_person[finished].source == Enrolment.Source.SELF
    assert AssignmentFactory().people.count() == 0


def test_certificate_factory_copies_the_printed_fields_as_certificate_issue_does():
    province = AgencyFactory(code="T", name="UBND tỉnh", kind=Agency.Kind.PROVINCE)
    office = AgencyFactory(code="T-NV", name="Sở Nội vụ", parent=province)
    course = CoursePageFactory(title="Cải cách hành chính", estimated_hours=12)
    person = UserFactory(full_name="Nguyễn Thị Phượng Hằng", agency=office)
    twin = UserFactory(full_name=person.full_name, employee_code="CC-TWIN", agency=office)

    made = CertificateFactory(user=person, course=course, completed_at=COMPLETED)
    EnrolmentFactory(user=twin, course=course, completed_at=COMPLETED)
    issued = certificates.certificate_issue(user=twin, course=course, completed_at=COMPLETED)

    printed = ("full_name", "agency_name", "course_title", "hours")
    assert [getattr(made, f) for f in printed] == [getattr(issued, f) for f in printed]
    assert made.employee_code == person.employee_code
    assert made.number == certificates.certificate_number(year=2017, sequence=made.pk)
    assert certificates.certificate_code_normalise(made.code) == made.code
    assert made.is_valid


def test_a_certificate_s_course_is_completed_by_its_owner():
    enrolment = EnrolmentFactory()

    certificate = CertificateFactory(user=enrolment.user, course=enrolment.course)
    other = CertificateFactory()
    revoked = CertificateFactory(user=other.user, course=other.course, revoked=True)

    assert Enrolment.objects.get(pk=enrolment.pk).completed_at == certificate.completed_at
    assert Enrolment.objects.get(user=other.user, course=other.course).completed_at is not None
    assert not revoked.is_valid
    assert Certificate.objects.filter(user=other.user, revoked_at__isnull=True).get() == other
    assert len({certificate.code, other.code, revoked.code}) == 3
