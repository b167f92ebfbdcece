"""Trainers (Giảng viên) write the question pool: add, change, view and delete questions, their
choices and question areas in the Wagtail admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRAINER = "Giảng viên"
MODELS = ["question", "choice", "questionarea"]
ACTIONS = ["add", "change", "view", "delete"]


def _permissions(apps):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(
        content_type__app_label="quizzes",
        codename__in=[f"{action}_{model}" for model in MODELS for action in ACTIONS],
    )


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    trainers, _ = apps.get_model("auth.Group").objects.get_or_create(name=TRAINER)
    trainers.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    trainers = apps.get_model("auth.Group").objects.filter(name=TRAINER).first()
    if trainers is not None:
        trainers.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("courses", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
