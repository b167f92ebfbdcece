import threading

import pytest
from django.db import connection

from courses import services
from courses.models import LessonProgress
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.learners.factories import UserFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_spike():
    course = CoursePageFactory()
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=course))
    user = UserFactory()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(services.lesson_complete(user=user, lesson=lesson, course=course))
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(connection.settings_dict["NAME"], results, errors, LessonProgress.objects.count())
