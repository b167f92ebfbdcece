import pytest


@pytest.fixture(autouse=True)
def _media_and_cache(settings, tmp_path):
    """Every test writes uploads into its own temporary folder and starts with an empty cache."""
    from django.core.cache import cache  # noqa: PLC0415 - settings must be configured first

    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
