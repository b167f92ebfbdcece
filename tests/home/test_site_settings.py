"""The site settings (organisation name, contact, footer note) are shown on every page, read
from the cache, and a change saved in the admin shows at once."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from home.models import SiteSettings
from tests.learners.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_header_and_footer_show_the_settings(client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Sở Nội vụ tỉnh Bình An"
    settings.contact_phone = "0235 3812 345"
    settings.save()
    html = client.get("/").content.decode()
    assert "Sở Nội vụ tỉnh Bình An" in html
    assert "0235 3812 345" in html


def test_an_administrators_change_shows_on_the_next_page(client):
    site = Site.objects.get(is_default_site=True)
    client.get("/")  # the settings are now in the cache
    client.force_login(UserFactory(username="quantri", is_superuser=True))
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    response = client.post(
        url,
        {
            "organisation_name": "Sở Nội vụ tỉnh Ma Trận",
            "contact_email": "",
            "contact_phone": "",
            "footer_note": "Hỗ trợ: Phòng Cải cách hành chính",
        },
    )
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Sở Nội vụ tỉnh Ma Trận" in html
    assert "Hỗ trợ: Phòng Cải cách hành chính" in html
