"""Reads for the HR reports, one module per report. Every figure is aggregated in SQL: a report
page runs a fixed number of queries whatever the number of people, and an export streams rows
from one query.

The reports are built over ``people``, a queryset the caller has already limited to the HR
officer's scope (``learners.scope.scoped_people``); nothing here widens it.

- ``common``: the row states, the quizzes of a course structure, running a long read without JIT;
- ``completion``: report (a), one row per person or enrolment;
- ``summary``: report (b), per agency;
- ``transcript``: report (c), one person's courses.
"""

from .common import Status, without_jit
from .completion import (
    COMPLETION_ORDERINGS,
    completion_rows,
    completion_totals,
    decorate_row,
    fetch_page,
    filter_agency,
    filter_completed_between,
    filter_status,
    order_rows,
)
from .summary import agency_summary, default_summary_parent
from .transcript import transcript

__all__ = [
    "COMPLETION_ORDERINGS",
    "Status",
    "agency_summary",
    "completion_rows",
    "completion_totals",
    "decorate_row",
    "default_summary_parent",
    "fetch_page",
    "filter_agency",
    "filter_completed_between",
    "filter_status",
    "order_rows",
    "transcript",
    "without_jit",
]
