"""The reminders a person was sent, for "Góc học tập" (the notices) and the transcripts (the
log): one query each, read-only."""

from django import template

from courses.reminders import reminder_log, reminder_notices

register = template.Library()


@register.simple_tag
def notices_for(user):
    """The person's recent reminders of courses not completed yet (``reminder_notices``)."""
    return reminder_notices(user=user)


@register.simple_tag
def reminders_sent_to(user):
    """Everything sent to the person, newest first (``reminder_log``)."""
    return reminder_log(user=user)
