import pytest
from django.urls import reverse
from tests.learners.factories import UserFactory
pytestmark = pytest.mark.django_db
def test_probe(client):
    u = UserFactory(is_superuser=True)
    client.force_login(u)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    i = html.find("agencies")
    print(html[i-300:i+200])
