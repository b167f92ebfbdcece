"""Applying a staff import: the plan checked again under lock, then the people created and
updated in one transaction with one audit log entry, or nothing written at all."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from ..models import Agency, User
from ..roles import TRAINEE_GROUP
from .messages import NO_AGENCY, PLAN_HAS_ERRORS, PLAN_STALE, SUCCESS
from .planning import ImportPlan, ImportScope, import_scope_for, staff_rows_plan

IMPORT_LOG_ACTION = "learners.import_staff"


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int

    @property
    def message(self) -> str:
        return str(SUCCESS % {"created": self.created, "updated": self.updated})


def _log_instance(scope: ImportScope) -> Agency:
    """The audit entry is filed under the agency whose people were imported: the officer's
    own, or the province for an administrator."""
    if scope.path is None:
        return Agency.get_first_root_node()
    return Agency.objects.get(path=scope.path)


@transaction.atomic
def staff_import_apply(*, user, plan: ImportPlan) -> ImportResult:
    """Create and update the people of ``plan``, all or nothing, with one audit log entry.

    The rows are planned again under lock; when the result differs from ``plan`` (someone
    was added or changed since the preview) nothing is written and ``ValidationError`` with
    ``PLAN_STALE`` is raised. New people get the lower-cased employee code as username, an
    unusable password (they set one through "Quên mật khẩu?") and the trainee group.
    """
    scope = import_scope_for(user)
    if not plan.is_valid:
        raise ValidationError(PLAN_HAS_ERRORS, code="invalid")
    if scope is None:
        raise ValidationError(NO_AGENCY, code="no_agency")
    fresh = staff_rows_plan(
        scope=scope, filename=plan.filename, columns=plan.columns, rows=plan.rows, lock=True
    )
    if not fresh.is_valid or (fresh.creates, fresh.updates) != (plan.creates, plan.updates):
        raise ValidationError(PLAN_STALE, code="stale")

    new_people = []
    for create in plan.creates:
        person = User(
            username=create.employee_code.lower(),
            employee_code=create.employee_code,
            full_name=create.full_name,
            email=create.email,
            agency_id=create.agency_id,
            position=create.position,
        )
        person.set_unusable_password()
        new_people.append(person)
    try:
        User.objects.bulk_create(new_people, batch_size=500)
    except IntegrityError:
        # Someone took one of the codes or usernames since the re-check.
        raise ValidationError(PLAN_STALE, code="stale") from None
    if any(person.pk is None for person in new_people):  # a backend without RETURNING
        by_username = User.objects.in_bulk([p.username for p in new_people], field_name="username")
        new_people = [by_username[person.username] for person in new_people]
    trainees, _created = Group.objects.get_or_create(name=TRAINEE_GROUP)
    Membership = User.groups.through
    Membership.objects.bulk_create(
        [Membership(user_id=person.pk, group_id=trainees.pk) for person in new_people],
        batch_size=500,
    )

    people = User.objects.in_bulk([update.person_id for update in plan.updates])
    changed_fields = set()
    for update in plan.updates:
        person = people[update.person_id]
        person.full_name, person.email = update.full_name, update.email
        person.agency_id, person.position = update.agency_id, update.position
        changed_fields.update(
            "agency_id" if name == "agency" else name for name in update.changed_fields
        )
    if people:
        # An upsert on the primary key of rows that exist and are locked: a few statements
        # for thousands of people, where bulk_update's CASE expressions take many seconds.
        User.objects.bulk_create(
            people.values(),
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=sorted(changed_fields),
            batch_size=500,
        )

    if plan.has_changes:
        log(
            instance=_log_instance(scope),
            action=IMPORT_LOG_ACTION,
            user=user,
            data={
                "file": plan.filename,
                "created": len(plan.creates),
                "updated": len(plan.updates),
                "unchanged": plan.unchanged,
                "created_codes": [create.employee_code for create in plan.creates],
                "updated_codes": {
                    update.employee_code: update.changed_fields for update in plan.updates
                },
            },
        )
    return ImportResult(
        created=len(plan.creates), updated=len(plan.updates), unchanged=plan.unchanged
    )
