"""home.admin_access.AdminAccessMixin: a refused admin screen answers 403 with its reason and
its way back, before the view does anything."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from home.admin_access import AdminAccessMixin
from tests.learners.factories import UserFactory


class Screen(AdminAccessMixin, View):
    no_access_message = "Không được mở màn hình này."
    no_access_back_url = "/admin/danh-sach/"
    no_access_back_label = "Về danh sách"
    served = False

    def has_access(self, request):
        return request.user.is_superuser

    def get(self, request):
        Screen.served = True
        return HttpResponse("ok")


@pytest.mark.django_db
def test_refused_with_reason_and_back_link_before_the_view_runs():
    request = RequestFactory().get("/admin/x/")
    request.user = UserFactory()
    Screen.served = False
    response = Screen.as_view()(request)
    response.render()
    assert response.status_code == 403
    body = response.content.decode()
    assert "Không được mở màn hình này." in body
    assert 'href="/admin/danh-sach/"' in body and "Về danh sách" in body
    assert not Screen.served


@pytest.mark.django_db
def test_allowed_reaches_the_view():
    request = RequestFactory().get("/admin/x/")
    request.user = UserFactory(is_superuser=True)
    response = Screen.as_view()(request)
    assert response.status_code == 200 and Screen.served
