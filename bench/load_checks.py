"""The checks of the load benchmark (bench/load.py), read from the database after the run: no
acknowledged write lost, no completion missing."""

from collections import defaultdict

from load_trainees import Ledger


def lost_writes(ledger: Ledger) -> list[str]:
    from courses.models import LessonProgress
    from quizzes.models import Attempt

    lost = []
    rows = {
        (username, lesson_id): (completed_at, last_slide)
        for username, lesson_id, completed_at, last_slide in LessonProgress.objects.filter(
            user__username__startswith="tai"
        ).values_list("user__username", "lesson_id", "completed_at", "last_slide")
    }
    for key in sorted(ledger.completed):
        if rows.get(key, (None, None))[0] is None:
            lost.append(f"completion {key}")
    for key, slide in sorted(ledger.slides.items()):
        if key not in ledger.slides_unsure and rows.get(key, (None, None))[1] != slide:
            lost.append(f"slide {key}: acknowledged {slide}, stored {rows.get(key)}")
    stored = set(
        Attempt.objects.filter(
            user__username__startswith="tai", submitted_at__isnull=False
        ).values_list("user__username", "quiz_id", "number")
    )
    lost += [f"quiz submission {key}" for key in sorted(ledger.submitted - stored)]
    return lost


def missing_completions(course, plan) -> list[str]:
    """Derived from the stored progress, independently of the code under test."""
    from courses.models import Certificate, Enrolment, LessonProgress, ModuleCompletion
    from quizzes.models import Attempt

    done = defaultdict(set)
    for user_id, lesson_id in LessonProgress.objects.filter(
        course_id=course.pk, completed_at__isnull=False
    ).values_list("user_id", "lesson_id"):
        done[user_id].add(lesson_id)
    passed = defaultdict(set)
    for user_id, quiz_id in Attempt.objects.filter(passed=True).values_list("user_id", "quiz_id"):
        passed[user_id].add(quiz_id)
    modules = defaultdict(set)
    for user_id, module_id in ModuleCompletion.objects.filter(course_id=course.pk).values_list(
        "user_id", "module_id"
    ):
        modules[user_id].add(module_id)
    finished = set(
        Enrolment.objects.filter(course_id=course.pk, completed_at__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    certified = set(
        Certificate.objects.filter(course_id=course.pk).values_list("user_id", flat=True)
    )
    missing = []
    for user_id in set(done) | set(passed):
        complete_modules = 0
        for module in plan:
            lessons = {lesson["id"] for lesson in module["lessons"]}
            quiz_ok = module["quiz"] is None or module["quiz"]["id"] in passed[user_id]
            if lessons <= done[user_id] and quiz_ok:
                complete_modules += 1
                if module["module"] not in modules[user_id]:
                    missing.append(f"module completion: user {user_id}, module {module['module']}")
        if complete_modules == len(plan):
            if user_id not in finished:
                missing.append(f"course completion: user {user_id}")
            if user_id not in certified:
                missing.append(f"certificate: user {user_id}")
    return missing
