"""Every product module imports in a fresh interpreter, whatever the order: no import circles.

A circle between modules shows only for some orders. When ``courses/services.py`` imports
``from .models import LessonProgress`` at its top and a page model imports names from the
services, importing the models first works and importing the services first fails with "cannot
import name … from partially initialized module" (or the other way round, with other imports).
Which module comes first is decided by whoever imports it first: Django's ``apps.populate`` (each
app's ``models``, in INSTALLED_APPS order), a URL configuration, a management command, a worker.

Each run is a fresh interpreter (``DJANGO_SETTINGS_MODULE=settings.test``):

- ``<order>-during-setup``: while Django populates the app registry, each of our apps' modules
  is imported in the order given, just before the app's ``models`` would be, so the app's models
  are first reached through whichever module comes first. A module that needs every model loaded
  (``AppRegistryNotReady``) waits until the registry is ready, then is imported in order.
- ``<order>-after-setup``: ``django.setup()`` as the site starts, then every module in order.
- ``each-module-first``: for every module of our apps, a forked copy of the interpreter, at that
  app's turn in ``apps.populate``, imports that module before anything else of the app, then
  the app's models. This is what catches the circle above, which neither order does.

The orders are alphabetical and reverse alphabetical. Product modules: every ``.py`` of the apps
below and the root URL configuration, except migrations and tests.
"""

import importlib
import os
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("courses", "demo", "home", "learners", "quizzes", "reports")
TOP_LEVEL = ("urls",)
SKIPPED_FOLDERS = {"migrations", "tests", "__pycache__"}
ORDERS = ("alphabetical", "reverse")
PARALLEL = 2  # forked copies at a time


# A database engine's own search backend reads that engine's models from the search library at
# import time (modelsearch defines its SQLite FTS table only on SQLite): home/search/backend.py
# imports the one for the database in use, and so does this test.
ENGINE_MODULES = {"home.search.sqlite": "sqlite3", "home.search.postgres": "postgresql"}


def engine_in_use() -> str:
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]


def product_modules() -> list[str]:
    """Dotted names of every product module, alphabetically (another engine's search backend
    left out)."""
    engine = engine_in_use()
    names = list(TOP_LEVEL)
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if SKIPPED_FOLDERS.intersection(parts):
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            name = ".".join(parts)
            if ENGINE_MODULES.get(name, engine) == engine:
                names.append(name)
    return sorted(names)


def ordered(order: str) -> list[str]:
    names = product_modules()
    return names[::-1] if order == "reverse" else names


# In the fresh interpreter -----------------------------------------------------------------------


def needs_models(error: BaseException) -> bool:
    """The module needs models that are not loaded yet: Django's ``AppRegistryNotReady``, or a
    library reading another app's models at import time (``get_model(require_ready=False)`` on an
    app whose models are not imported: LookupError or TypeError inside ``django/apps``, as
    modelsearch's database backends do). That module waits for the registry; it is no circle."""
    from django.core.exceptions import AppRegistryNotReady

    if isinstance(error, AppRegistryNotReady):
        return True
    frames = traceback.extract_tb(error.__traceback__)
    return (
        isinstance(error, LookupError | TypeError)
        and bool(frames)
        and (f"django{os.sep}apps{os.sep}" in frames[-1].filename)
    )


def _import_during_setup(names):
    import django
    from django.apps import AppConfig

    waiting = list(names)
    import_models = AppConfig.import_models
    busy = set()

    def modules_first(app_config):
        if app_config.name in busy:  # a module asked for one of the app's models (get_model)
            import_models(app_config)
            return
        busy.add(app_config.name)
        for name in [name for name in waiting if name.split(".")[0] == app_config.name]:
            try:
                importlib.import_module(name)
            except Exception as error:
                if not needs_models(error):
                    raise
                continue  # needs the models: imported once the registry is ready
            waiting.remove(name)
        import_models(app_config)

    AppConfig.import_models = modules_first
    django.setup()
    AppConfig.import_models = import_models
    for name in waiting:
        importlib.import_module(name)


def _import_after_setup(names):
    import django

    django.setup()
    for name in names:
        importlib.import_module(name)


def _each_first(names):
    """For every module of our apps, a forked copy of this interpreter that imports it just
    before its app's ``models``, at the app's turn in ``apps.populate``: the module is the app's
    first one, whatever order anything else would import them in."""

    import django
    from django.apps import AppConfig

    import_models = AppConfig.import_models
    failures = []
    started = set()

    def first_then_models(name, app_config):
        """In the forked copy: the module first, then the app's models; the exit status."""
        try:
            # A module that needs the models loaded never comes first.
            try:
                importlib.import_module(name)
            except Exception as error:
                if not needs_models(error):
                    raise
            import_models(app_config)
        except BaseException:
            traceback.print_exc()
            return 1
        return 0

    def fork_each(app_config):
        if app_config.name in started or app_config.name not in APPS:
            import_models(app_config)  # asked again (``get_model``), or not one of ours
            return
        started.add(app_config.name)
        running = {}
        for name in [name for name in names if name.split(".")[0] == app_config.name]:
            if len(running) == PARALLEL:
                pid, status = os.wait()
                if status:
                    failures.append(running[pid])
                del running[pid]
            pid = os.fork()
            if pid == 0:
                status = first_then_models(name, app_config)
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
            running[pid] = name
        for pid, name in running.items():
            if os.waitpid(pid, 0)[1]:
                failures.append(name)
        import_models(app_config)

    AppConfig.import_models = fork_each
    django.setup()
    AppConfig.import_models = import_models
    assert not failures, f"fail when imported before the rest of their app: {failures}"
    for name in names:
        importlib.import_module(name)


def main(order: str, way: str) -> None:
    names = ordered(order)
    WAYS[way](names)
    missing = [name for name in names if name not in sys.modules]
    assert not missing, f"not imported: {missing}"
    print(len(names))


WAYS = {
    "during-setup": _import_during_setup,
    "after-setup": _import_after_setup,
    "each-first": _each_first,
}
RUNS = {
    f"{order}-{way}": (order, way) for way in ("during-setup", "after-setup") for order in ORDERS
}
RUNS["each-module-first"] = ("alphabetical", "each-first")


# The tests --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runs():
    """The fresh interpreters, started at once."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test", "PYTHONDONTWRITEBYTECODE": "1"}
    started = {
        run: subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "tests.test_module_imports", order, way],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for run, (order, way) in RUNS.items()
    }
    return {key: (process, *process.communicate(timeout=120)) for key, process in started.items()}


def test_the_product_modules_are_found():
    names = product_modules()
    for expected in ("urls", "courses.services", "courses.models", "quizzes.apps", "home.models"):
        assert expected in names
    assert not [name for name in names if ".migrations" in name or name.startswith("tests")]
    assert "courses.management.commands" in {name.rsplit(".", 1)[0] for name in names}


@pytest.mark.parametrize("run", RUNS)
def test_every_module_imports_in_a_fresh_interpreter(runs, run):
    process, out, err = runs[run]
    assert process.returncode == 0, f"importing modules ({run}) failed:\n{err[-4000:]}"
    assert out.split()[-1] == str(len(product_modules()))


if __name__ == "__main__":
    main(*sys.argv[1:])
