"""The audit trail of changes to a person's record, in Wagtail's audit log (site history).

Wagtail logs an edit in the user admin as a bare "edited". For a civil servant's record the log
says what changed, from what to what: the administrator who moved someone to another agency,
renamed them, changed their code or deactivated them is on record, and so is a person who
corrected their own e-mail address or phone number. Passwords are recorded as changed, never
with a value.
"""

from django.db.models import Model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

PERSON_EDIT_LOG_ACTION = "learners.edit_person"
CONTACT_EDIT_LOG_ACTION = "learners.edit_contact"
ACTIVATION_CODES_LOG_ACTION = "learners.activation_codes_issue"
ACTIVATION_REISSUE_LOG_ACTION = "learners.activation_code_reissue"
ACTIVATION_EMAILS_LOG_ACTION = "learners.activation_emails_send"
ACTIVATION_USE_LOG_ACTION = "learners.activate"
PASSWORD_FIELDS = frozenset({"password", "password1", "password2"})
PASSWORD_LABEL = _("Mật khẩu")


def _shown(value) -> str:
    """A field's value as the log keeps it: text, never an object."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("Có") if value else gettext("Không")
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, list | tuple | set) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return ", ".join(sorted(str(item) for item in items))
    return str(value)


def change_describe(field: str, label, old="", new="") -> dict:
    if field in PASSWORD_FIELDS:
        return {"field": "password", "label": str(PASSWORD_LABEL)}
    return {"field": field, "label": str(label), "old": _shown(old), "new": _shown(new)}


def form_changes_describe(form, old) -> list[dict]:
    """What a valid admin form changes on ``old`` (the person as stored before the save)."""
    changes, password = [], False
    for name in form.changed_data:
        if name in PASSWORD_FIELDS:
            password = True
            continue
        field = form.fields[name]
        before = getattr(old, name)
        if name == "groups":
            before = list(before.all())
        after = form.cleaned_data.get(name)
        if _shown(before) != _shown(after):
            changes.append(change_describe(name, field.label or name, before, after))
    if password:
        changes.append(change_describe("password", PASSWORD_LABEL))
    return changes


def person_log_change(*, person, by, changes: list[dict], action=PERSON_EDIT_LOG_ACTION):
    if changes:
        log(instance=person, action=action, user=by, data={"changes": changes})


class PersonChangeFormatter(LogFormatter):
    label = _("Sửa hồ sơ")

    def format_message(self, log_entry):
        parts = []
        for item in (log_entry.data or {}).get("changes", []):
            if item.get("field") == "password":
                parts.append(gettext("%(label)s: đã đổi") % item)
            else:
                parts.append(
                    gettext("%(label)s: “%(old)s” → “%(new)s”")
                    % {"label": item.get("label"), "old": item.get("old"), "new": item.get("new")}
                )
        return "; ".join(parts) or gettext("Đã sửa hồ sơ.")


class ContactChangeFormatter(PersonChangeFormatter):
    label = _("Tự sửa thông tin liên hệ")


class _CountFormatter(LogFormatter):
    """A batch: "… %(count)s người …", with the agency when one was chosen."""

    message = ""
    message_for_agency = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        try:
            template = self.message_for_agency if data.get("agency") else self.message
            return str(template) % data
        except (KeyError, TypeError):
            return str(self.label)


class ActivationCodesFormatter(_CountFormatter):
    label = _("Cấp mã kích hoạt")
    message = _("Đã cấp mã kích hoạt cho %(count)s người.")
    message_for_agency = _("Đã cấp mã kích hoạt cho %(count)s người của “%(agency)s”.")


class ActivationEmailsFormatter(_CountFormatter):
    label = _("Gửi thư kích hoạt")
    message = _("Đã gửi thư kích hoạt cho %(count)s người.")
    message_for_agency = _("Đã gửi thư kích hoạt cho %(count)s người của “%(agency)s”.")


class ActivationReissueFormatter(LogFormatter):
    label = _("Cấp lại mã kích hoạt")

    def format_message(self, log_entry):
        return gettext("Đã cấp mã kích hoạt mới; mã cũ (nếu có) không dùng được nữa.")


class ActivationUseFormatter(LogFormatter):
    label = _("Kích hoạt tài khoản")

    def format_message(self, log_entry):
        if (log_entry.data or {}).get("by") == "link":
            return gettext("Đã kích hoạt tài khoản bằng liên kết trong thư và đặt mật khẩu.")
        return gettext("Đã kích hoạt tài khoản bằng mã kích hoạt và đặt mật khẩu.")


def register_log_actions(actions):
    actions.register_action(PERSON_EDIT_LOG_ACTION)(PersonChangeFormatter)
    actions.register_action(CONTACT_EDIT_LOG_ACTION)(ContactChangeFormatter)
    actions.register_action(ACTIVATION_CODES_LOG_ACTION)(ActivationCodesFormatter)
    actions.register_action(ACTIVATION_EMAILS_LOG_ACTION)(ActivationEmailsFormatter)
    actions.register_action(ACTIVATION_REISSUE_LOG_ACTION)(ActivationReissueFormatter)
    actions.register_action(ACTIVATION_USE_LOG_ACTION)(ActivationUseFormatter)
