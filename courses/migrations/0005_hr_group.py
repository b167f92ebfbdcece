"""The HR officer (Cán bộ tổ chức) group: admin access, records of people in scope (the scope
itself is their agency's subtree, enforced in code), staff import, assignments, certificates."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HR = "Cán bộ tổ chức"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("learners", "view_records"),
    ("learners", "import_staff"),
    ("courses", "add_assignment"),
    ("courses", "view_assignment"),
    ("courses", "view_certificate"),
    ("courses", "change_certificate"),
]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name=HR)
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in PERMISSIONS
        )
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name=HR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_assignments_certificates"),
        ("learners", "0002_hr_permissions"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
