"""Search folds Vietnamese (home.search.backend): rebuild the index once this is applied.

The rebuild runs when ``migrate`` finishes (post_migrate), with every app migrated and the current
models, so an existing site gets the folded index with no step by hand; on a new database it is
an empty rebuild. ``manage.py update_index`` rebuilds it the same way at any time.
"""

from django.core.management import call_command
from django.db import migrations
from django.db.models.signals import post_migrate

DISPATCH_UID = "home.search_folding.rebuild"


def rebuild_index_once(**kwargs):
    post_migrate.disconnect(dispatch_uid=DISPATCH_UID)
    call_command("update_index", verbosity=0)


def rebuild_after_migrate(apps, schema_editor):
    post_migrate.connect(rebuild_index_once, weak=False, dispatch_uid=DISPATCH_UID)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_scheduledrun")]

    operations = [migrations.RunPython(rebuild_after_migrate, migrations.RunPython.noop)]
