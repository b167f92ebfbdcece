"""Giao khóa học: the service, the admin list and form, and overdue on the learner dashboard."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from courses.admin_views.assignments import NO_PERMISSION, AssignmentMenuItem
from courses.assignments import (
    AGENCY_OUT_OF_SCOPE,
    ASSIGN_LOG_ACTION,
    COURSE_NOT_LIVE,
    DUE_DATE_IN_PAST,
    NO_PEOPLE,
    NO_TARGET,
    PEOPLE_OUT_OF_SCOPE,
    assignment_list,
    course_assign,
)
from courses.forms import CODES_NOT_FOUND
from courses.models import Assignment, Enrolment
from learners.models import Agency, User
from learners.roles import HR_GROUP, TRAINEE_GROUP, TRAINER_GROUP
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import AgencyFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.districts]

LIST_URL = "/admin/assignments/"
ADD_URL = "/admin/assignments/add/"
DASHBOARD = "/hoc-tap/"
HR = HR_GROUP


def today():
    return timezone.localdate()


def in_days(days):
    return today() + timedelta(days=days)


def dmy(value):
    return value.strftime("%d/%m/%Y")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def member_of(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return User.objects.get(pk=user.pk)  # no cached permissions


def enrolled(course):
    return set(Enrolment.objects.filter(course=course).values_list("user__username", flat=True))


def nothing_written():
    return (
        Assignment.objects.count(),
        Enrolment.objects.count(),
        ModelLogEntry.objects.filter(action=ASSIGN_LOG_ACTION).count(),
    ) == (0, 0, 0)


@pytest.fixture
def people(tree):
    """Two active people in district A's subtree, one who left, two in district B's."""
    return {
        "a1": UserFactory(username="a1", employee_code="A0001", agency=tree["district_a"]),
        "a2": UserFactory(username="a2", employee_code="A0002", agency=tree["office_a"]),
        "a_left": UserFactory(
            username="a_left", employee_code="A0003", agency=tree["office_a"], is_active=False
        ),
        "b1": UserFactory(username="b1", employee_code="B0001", agency=tree["district_b"]),
        "b2": UserFactory(username="b2", employee_code="B0002", agency=tree["office_b"]),
    }


@pytest.fixture
def hr_a(tree):
    return member_of(HR, username="tochuc_a", employee_code="HRA", agency=tree["district_a"])


@pytest.fixture
def hr_province(tree):
    return member_of(HR, username="tochuc_tinh", employee_code="HRT", agency=tree["province"])


@pytest.fixture
def course():
    return CoursePageFactory(title="Cải cách hành chính 2017")


# The service ----------------------------------------------------------------------------------


def test_assigning_a_district_enrols_exactly_its_active_people(course, tree, people, hr_a):
    due = in_days(30)

    assignment = course_assign(
        course=course, due_date=due, assigned_by=hr_a, agency=tree["district_a"], note="Đợt 1"
    )

    # The HR officer works in district A too; the person who left and district B are not enrolled.
    assert enrolled(course) == {"a1", "a2", "tochuc_a"}
    assert assignment.people_count == 3
    assert (assignment.agency, assignment.assigned_by, assignment.note) == (
        tree["district_a"],
        hr_a,
        "Đợt 1",
    )
    for enrolment in Enrolment.objects.filter(course=course):
        assert enrolment.source == Enrolment.Source.ASSIGNED
        assert enrolment.due_date == due
        assert enrolment.assignment_id == assignment.pk
        assert enrolment.completed_at is None
    entry = ModelLogEntry.objects.get(action=ASSIGN_LOG_ACTION)
    assert entry.object_id == str(assignment.pk)
    assert entry.user_id == hr_a.pk
    assert entry.data["people"] == 3
    assert entry.data["due_date"] == due.isoformat()
    assert log_registry.get_action_label(ASSIGN_LOG_ACTION) == "Giao khóa học"
    assert log_registry.get_formatter(entry).format_message(entry) == (
        f"Đã giao “{course.title}” cho 3 người, hạn hoàn thành {dmy(due)}."
    )


def test_assigning_an_office_leaves_out_its_parent_district(course, tree, people, hr_a):
    course_assign(course=course, due_date=today(), assigned_by=hr_a, agency=tree["office_a"])

    assert enrolled(course) == {"a2"}


def test_assigning_chosen_people_enrols_only_them(course, people, hr_a):
    assignment = course_assign(
        course=course, due_date=in_days(7), assigned_by=hr_a, people=[people["a2"]]
    )

    assert enrolled(course) == {"a2"}
    assert assignment.agency is None
    assert list(assignment.people.all()) == [people["a2"]]
    assert assignment.people_count == 1


def test_agency_and_chosen_people_together_count_each_person_once(course, tree, people, hr_a):
    assignment = course_assign(
        course=course,
        due_date=in_days(7),
        assigned_by=hr_a,
        agency=tree["office_a"],
        people=[people["a1"], people["a2"]],
    )

    assert enrolled(course) == {"a1", "a2"}
    assert assignment.people_count == 2


def test_assigning_again_updates_the_due_date_and_keeps_completions(course, tree, people, hr_a):
    first = course_assign(
        course=course, due_date=in_days(10), assigned_by=hr_a, agency=tree["district_a"]
    )
    done_at = timezone.now() - timedelta(days=1)
    Enrolment.objects.filter(user=people["a1"]).update(completed_at=done_at)
    # A newcomer who opened the course on their own before it was given to them.
    newcomer = UserFactory(username="a_new", agency=tree["office_a"])
    Enrolment.objects.create(user=newcomer, course=course)

    second = course_assign(
        course=course, due_date=in_days(20), assigned_by=hr_a, agency=tree["district_a"]
    )

    assert Enrolment.objects.filter(course=course).count() == 4  # no duplicates
    assert second.people_count == 4
    completed = Enrolment.objects.get(user=people["a1"])
    assert (completed.completed_at, completed.due_date, completed.assignment_id) == (
        done_at,
        in_days(10),
        first.pk,
    )
    for username in ["a2", "tochuc_a", "a_new"]:
        enrolment = Enrolment.objects.get(user__username=username, course=course)
        assert (enrolment.due_date, enrolment.assignment_id, enrolment.source) == (
            in_days(20),
            second.pk,
            Enrolment.Source.ASSIGNED,
        )
        assert enrolment.completed_at is None


def test_a_due_date_in_the_past_is_refused_and_nothing_written(course, tree, people, hr_a):
    with pytest.raises(ValidationError) as error:
        course_assign(
            course=course, due_date=in_days(-1), assigned_by=hr_a, agency=tree["district_a"]
        )

    assert error.value.message_dict == {"due_date": [str(DUE_DATE_IN_PAST)]}
    assert str(DUE_DATE_IN_PAST) == "Hạn hoàn thành phải từ hôm nay trở đi."
    assert nothing_written()


def test_neither_agency_nor_people_is_refused(course, hr_a):
    with pytest.raises(ValidationError) as error:
        course_assign(course=course, due_date=today(), assigned_by=hr_a)

    assert error.value.messages == [str(NO_TARGET)]
    assert nothing_written()


def test_an_agency_outside_the_scope_is_refused_and_nothing_written(course, tree, people, hr_a):
    for agency in [tree["district_b"], tree["province"]]:
        with pytest.raises(ValidationError) as error:
            course_assign(course=course, due_date=in_days(5), assigned_by=hr_a, agency=agency)

        assert error.value.messages == [str(AGENCY_OUT_OF_SCOPE % {"name": agency.name})]
    assert nothing_written()


def test_a_person_outside_the_scope_is_refused_and_nothing_written(course, tree, people, hr_a):
    with pytest.raises(ValidationError) as error:
        course_assign(
            course=course,
            due_date=in_days(5),
            assigned_by=hr_a,
            agency=tree["district_a"],
            people=[people["a1"], people["b2"]],
        )

    assert error.value.message_dict == {"people": [str(PEOPLE_OUT_OF_SCOPE % {"count": 1})]}
    assert nothing_written()


def test_someone_without_hr_rights_has_no_scope(course, tree, people):
    trainer = member_of(TRAINER_GROUP, agency=tree["district_a"])

    with pytest.raises(ValidationError):
        course_assign(
            course=course, due_date=today(), assigned_by=trainer, agency=tree["district_a"]
        )

    assert nothing_written()


def test_a_course_that_is_not_live_is_refused(tree, people, hr_a):
    draft = CoursePageFactory(live=False)

    with pytest.raises(ValidationError) as error:
        course_assign(course=draft, due_date=today(), assigned_by=hr_a, agency=tree["district_a"])

    assert error.value.message_dict == {"course": [str(COURSE_NOT_LIVE % {"title": draft.title})]}
    assert nothing_written()


def test_an_agency_without_active_people_is_refused(course, tree, hr_a):
    empty = AgencyFactory(name="Phòng mới", kind=Agency.Kind.OFFICE, parent=tree["district_a"])

    with pytest.raises(ValidationError) as error:
        course_assign(course=course, due_date=today(), assigned_by=hr_a, agency=empty)

    assert error.value.messages == [str(NO_PEOPLE)]
    assert nothing_written()


def test_the_query_count_does_not_grow_with_the_number_of_people(tree, hr_a):
    office = tree["office_a"]
    few = [UserFactory(agency=office) for _ in range(5)]
    many = [UserFactory(agency=office) for _ in range(50)]
    # Someone already enrolled, to exercise the update as well as the insert.
    first, second = CoursePageFactory(), CoursePageFactory()
    Enrolment.objects.create(user=few[0], course=first)
    Enrolment.objects.create(user=many[0], course=second)

    counts = []
    for course, chosen in [(first, few), (second, many)]:
        assigner = User.objects.get(pk=hr_a.pk)
        with CaptureQueriesContext(connection) as queries:
            assignment = course_assign(
                course=course, due_date=in_days(3), assigned_by=assigner, people=chosen
            )
        assert assignment.people_count == len(chosen)
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert counts[1] <= 15
    assert Enrolment.objects.filter(course=second, due_date=in_days(3)).count() == 50


# The admin list -------------------------------------------------------------------------------


def test_an_hr_officer_sees_only_assignments_inside_their_scope(
    course, tree, people, hr_a, hr_province
):
    hr_b = member_of(HR, username="tochuc_b", employee_code="HRB", agency=tree["district_b"])
    to_district = course_assign(
        course=course, due_date=in_days(9), assigned_by=hr_a, agency=tree["district_a"]
    )
    to_person = course_assign(
        course=course, due_date=in_days(9), assigned_by=hr_a, people=[people["a2"]]
    )
    province_wide = course_assign(
        course=course, due_date=in_days(9), assigned_by=hr_province, agency=tree["province"]
    )
    across = course_assign(
        course=course,
        due_date=in_days(9),
        assigned_by=hr_province,
        people=[people["a1"], people["b1"]],
    )

    assert set(assignment_list(user=hr_a)) == {to_district, to_person}
    assert set(assignment_list(user=hr_b)) == set()
    assert set(assignment_list(user=hr_province)) == {
        to_district,
        to_person,
        province_wide,
        across,
    }

    response = signed_in(hr_b).get(LIST_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert course.title not in content
    assert "Chưa có khóa học nào được giao." in content


def test_the_list_counts_enrolled_completed_and_overdue_in_one_query(
    course, tree, people, hr_a, django_assert_num_queries
):
    course_assign(course=course, due_date=in_days(9), assigned_by=hr_a, agency=tree["district_a"])
    course_assign(course=course, due_date=in_days(9), assigned_by=hr_a, people=[people["a2"]])
    Enrolment.objects.filter(user=people["a1"]).update(completed_at=timezone.now())
    Enrolment.objects.filter(user=people["a2"]).update(due_date=in_days(-1))

    with django_assert_num_queries(1):
        person, district = list(assignment_list(user=hr_a))

    assert (district.enrolled_count, district.completed_count, district.overdue_count) == (3, 1, 1)
    assert (person.people_chosen, person.enrolled_count, person.completed_count) == (1, 1, 0)
    assert person.overdue_count == 1


def test_the_list_shows_each_assignment_with_its_counts(course, tree, people, hr_a):
    course_assign(course=course, due_date=in_days(9), assigned_by=hr_a, agency=tree["district_a"])

    response = signed_in(hr_a).get(LIST_URL)

    assert response.status_code == 200
    content = response.content.decode()
    for text in [
        "Giao khóa học",
        course.title,
        "UBND huyện A (cả đơn vị trực thuộc)",
        dmy(in_days(9)),
        hr_a.get_full_name(),
        "Đã ghi danh",
        "Quá hạn",
        ADD_URL,
    ]:
        assert text in content, text


def test_the_menu_item_is_for_people_who_may_assign(tree, hr_a):
    trainer = member_of(TRAINER_GROUP, agency=tree["district_a"])
    item = AssignmentMenuItem("Giao khóa học", LIST_URL)

    def request_for(user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return request

    assert item.is_shown(request_for(hr_a))
    assert not item.is_shown(request_for(trainer))


# Who may open the pages -----------------------------------------------------------------------


@pytest.mark.parametrize("url", [LIST_URL, ADD_URL])
def test_a_trainer_gets_403(tree, url):
    trainer = member_of(TRAINER_GROUP, agency=tree["district_a"])

    response = signed_in(trainer).get(url)

    assert response.status_code == 403
    assert str(NO_PERMISSION) in response.content.decode()


def test_a_trainer_cannot_post_an_assignment(course, tree, people):
    trainer = member_of(TRAINER_GROUP, agency=tree["district_a"])
    data = {"course": course.pk, "agency": tree["district_a"].pk, "due_date": dmy(today())}

    response = signed_in(trainer).post(ADD_URL, data)

    assert response.status_code == 403
    assert nothing_written()


@pytest.mark.parametrize("url", [LIST_URL, ADD_URL])
def test_a_trainee_is_turned_away(course, tree, people, url):
    course_assign(
        course=course,
        due_date=today(),
        assigned_by=UserFactory(is_superuser=True),
        agency=tree["district_a"],
    )
    trainee = member_of(TRAINEE_GROUP, agency=tree["district_a"])

    response = signed_in(trainee).get(url)

    # Without admin access Wagtail itself turns the request away (to its sign-in page) before
    # our view runs; our own check answers 403 for anyone who gets past it.
    assert response.status_code in (302, 403)
    assert course.title not in response.content.decode()
    assert signed_in(trainee).post(ADD_URL, {"course": course.pk}).status_code in (302, 403)
    assert Assignment.objects.count() == 1


# The form ---------------------------------------------------------------------------------------


def test_the_form_offers_live_courses_and_agencies_in_scope_indented(course, tree, hr_a):
    draft = CoursePageFactory(live=False, title="Khóa học nháp")

    response = signed_in(hr_a).get(ADD_URL)

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.fields["course"].queryset) == [course]
    assert list(form.fields["agency"].queryset) == [tree["district_a"], tree["office_a"]]
    content = response.content.decode()
    assert draft.title not in content
    assert "UBND huyện B" not in content
    assert ">UBND huyện A</option>" in content
    assert ">\xa0\xa0\xa0\xa0Phòng Nội vụ A</option>" in content
    assert 'placeholder="dd/mm/yyyy"' in content


def test_posting_the_form_assigns_and_says_how_many_and_when(course, tree, people, hr_a):
    due = in_days(14)
    client = signed_in(hr_a)

    response = client.post(
        ADD_URL,
        {
            "course": course.pk,
            "agency": tree["office_a"].pk,
            "people": "a0001\n",
            "due_date": dmy(due),
            "note": "Theo Kế hoạch số 12",
        },
        follow=True,
    )

    assert response.redirect_chain == [(LIST_URL, 302)]
    assert enrolled(course) == {"a1", "a2"}
    assert f"Đã giao khóa học cho 2 người, hạn hoàn thành {dmy(due)}." in (
        response.content.decode()
    )
    assignment = Assignment.objects.get()
    assert (assignment.due_date, assignment.note) == (due, "Theo Kế hoạch số 12")
    assert list(assignment.people.all()) == [people["a1"]]


def test_the_form_takes_a_list_of_employee_codes(course, people, hr_province):
    response = signed_in(hr_province).post(
        ADD_URL,
        {"course": course.pk, "people": "A0001, A0002;\r\nB0001", "due_date": dmy(today())},
    )

    assert response.status_code == 302
    assert enrolled(course) == {"a1", "a2", "b1"}


def test_the_form_names_codes_outside_the_scope_and_writes_nothing(course, tree, people, hr_a):
    response = signed_in(hr_a).post(
        ADD_URL,
        {"course": course.pk, "people": "A0001\nB0001\nKHONGCO", "due_date": dmy(today())},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["people"] == [
        str(CODES_NOT_FOUND % {"codes": "B0001, KHONGCO"})
    ]
    assert "Chưa giao được khóa học. Hãy sửa các lỗi bên dưới." in response.content.decode()
    assert nothing_written()


def test_the_form_refuses_a_past_date_and_a_missing_target_in_vietnamese(course, tree, hr_a):
    client = signed_in(hr_a)

    past = client.post(
        ADD_URL,
        {"course": course.pk, "agency": tree["district_a"].pk, "due_date": dmy(in_days(-3))},
    )
    no_target = client.post(ADD_URL, {"course": course.pk, "due_date": dmy(today())})
    bad_date = client.post(
        ADD_URL, {"course": course.pk, "agency": tree["district_a"].pk, "due_date": "31/02/2017"}
    )
    empty = client.post(ADD_URL, {})

    assert past.context["form"].errors["due_date"] == [str(DUE_DATE_IN_PAST)]
    assert str(NO_TARGET) in no_target.content.decode()
    assert bad_date.context["form"].errors["due_date"] == [
        "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 31/12/2017."
    ]
    assert empty.context["form"].errors["course"] == ["Hãy điền mục này."]
    assert nothing_written()


def test_the_form_refuses_an_agency_outside_the_scope(course, tree, people, hr_a):
    response = signed_in(hr_a).post(
        ADD_URL, {"course": course.pk, "agency": tree["district_b"].pk, "due_date": dmy(today())}
    )

    assert response.status_code == 200
    assert "agency" in response.context["form"].errors
    assert nothing_written()


# Overdue ------------------------------------------------------------------------------------------


def test_an_enrolment_is_overdue_once_its_due_date_has_passed(course, tree, people, hr_a):
    due = in_days(2)
    course_assign(course=course, due_date=due, assigned_by=hr_a, people=[people["a1"]])
    enrolment = Enrolment.objects.get(user=people["a1"])

    assert not enrolment.is_overdue
    with mock.patch("django.utils.timezone.localdate", return_value=due):
        assert not enrolment.is_overdue  # due today is not late yet
    with mock.patch("django.utils.timezone.localdate", return_value=due + timedelta(days=1)):
        assert enrolment.is_overdue
        enrolment.completed_at = timezone.now()
        assert not enrolment.is_overdue


def test_the_dashboard_shows_the_due_date_and_qua_han_after_it_passes(course, people, hr_a):
    ModulePageFactory(parent=course)
    LessonPageFactory(parent=course.get_children().get().specific)
    due = in_days(5)
    course_assign(course=course, due_date=due, assigned_by=hr_a, people=[people["a2"]])
    client = signed_in(people["a2"])

    before = client.get(DASHBOARD).content.decode()
    assert f"Hạn hoàn thành: {dmy(due)}" in before
    assert "Quá hạn" not in before

    Enrolment.objects.filter(user=people["a2"]).update(due_date=in_days(-1))
    after = client.get(DASHBOARD).content.decode()
    assert f"Hạn hoàn thành: {dmy(in_days(-1))}" in after
    assert "Quá hạn" in after
    assert "enrolment--overdue" in after
