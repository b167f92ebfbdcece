from django import template

from courses import selectors

register = template.Library()


@register.simple_tag
def live_courses():
    """Live, public courses with their module count (for the home page)."""
    return selectors.live_course_list()
