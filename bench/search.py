"""Benchmark: site search over a course of 200 lessons with slides, on the current engine.

Builds its own database once (SQLite file bench/out/search_bench.sqlite3, or the PostgreSQL
database ``parlearn_search_bench`` on the server of DATABASE_URL when it is set; never the
development db.sqlite3): a course of 20 modules of 10 lessons, each lesson with two paragraphs and
a deck of 10 slides (title and text), written with Vietnamese words, legal references and the
"đường"/"dương" pair. Then it times ``home.search.pages_search`` for each query of QUERIES and
prints the number of pages found, the p50 and the p99 in milliseconds.

    make bench-search                                                    # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x make bench-search  # PostgreSQL
    .venv/bin/python bench/search.py --rebuild                           # build the data again
"""

import argparse
import io
import json
import random
import statistics
import time

from bench_db import choose_database, setup_django

BENCH_DB = "parlearn_search_bench"
MODULES, LESSONS_PER_MODULE, SLIDES = 20, 10, 10
RUNS = 50
QUERIES = [
    "ke hoach",
    "kế hoạch",
    "quyet dinh",
    "quyết định",
    "nghi quyet 30c",
    "2948/QĐ-BNV",
    "qd 2948",
    "xep hang",
    "cham diem",
    "mot cua",
    "đường",
    "duong",
    "cai cach hanh chinh",
    "khongcotunay",
]
PHRASES = [
    "Kế hoạch cải cách hành chính năm",
    "Quyết định 2948/QĐ-BNV phê duyệt Chỉ số cải cách hành chính",
    "Nghị quyết 30c về chương trình tổng thể",
    "Xếp hạng các sở, ban, ngành",
    "Chấm điểm tiêu chí thành phần",
    "Bộ phận một cửa cấp xã",
    "Con đường chuyển đổi số",
    "Năng lượng dương ở công sở",
    "Thủ tục hành chính trên môi trường điện tử",
    "Đánh giá sự hài lòng của người dân",
    "Ứng dụng công nghệ thông tin",
    "Tinh giản biên chế và vị trí việc làm",
]


def slide_image():
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    data = io.BytesIO()
    PILImage.new("RGB", (32, 18), "white").save(data, "PNG")
    return get_image_model().objects.create(
        title="Trang chiếu", file=ImageFile(data, name="bench-slide.png")
    )


FILLER = [
    "Học viên đọc kỹ tài liệu trước buổi học",
    "Giảng viên nêu ví dụ thực tế tại địa phương",
    "Trao đổi nhóm về kinh nghiệm triển khai",
    "Tổng hợp ý kiến và rút ra bài học",
    "Thời hạn hoàn thành theo quy định",
    "Trách nhiệm của người đứng đầu cơ quan",
]


def lesson_body(rng, image, m, n):
    """Mostly general text, with the lesson's own topic and, now and then, another one."""

    def sentence():
        topic = rng.choice(PHRASES) if rng.random() < 0.05 else rng.choice(FILLER)
        return f"{topic} {m}.{n}."

    slides = [
        {"image": image.pk, "title": rng.choice(FILLER), "text": f"<p>{sentence()}</p>"}
        for _ in range(SLIDES)
    ]
    blocks = [
        {"type": "paragraph", "value": f"<p>{PHRASES[n % len(PHRASES)]}. {sentence()}</p>"},
        {"type": "paragraph", "value": f"<p>{sentence()}</p>"},
        {"type": "slide_deck", "value": {"title": f"Trình chiếu {m}.{n}", "slides": slides}},
    ]
    return json.dumps(blocks, ensure_ascii=False)


def build():
    """The course, once: 20 modules of 10 lessons with slides. Pages are indexed by a background
    task on this site, so the index is rebuilt here (``update_index``) once they are all added."""
    from django.core.management import call_command

    from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
    from home.models import HomePage

    if LessonPage.objects.filter(slug__startswith="tim-").count() >= MODULES * LESSONS_PER_MODULE:
        return
    rng = random.Random(13)  # noqa: S311 - bench text, not secrets
    index = CourseIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = home.add_child(instance=CourseIndexPage(title="Khóa học", slug="khoa-hoc"))
    image = slide_image()
    course = index.add_child(
        instance=CoursePage(title="Khóa học tìm kiếm", slug="tim-kiem", live=True)
    )
    for m in range(1, MODULES + 1):
        module = CoursePage.objects.get(pk=course.pk).add_child(
            instance=ModulePage(title=f"Chuyên đề {m}", slug=f"tim-{m}")
        )
        for n in range(1, LESSONS_PER_MODULE + 1):
            ModulePage.objects.get(pk=module.pk).add_child(
                instance=LessonPage(
                    title=f"Bài {m}.{n}: {PHRASES[(m + n) % len(PHRASES)]}",
                    slug=f"tim-{m}-{n}",
                    summary=rng.choice(FILLER),
                    body=lesson_body(rng, image, m, n),
                )
            )
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    print(f"update_index: {time.perf_counter() - started:.1f} s")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build the bench data again")
    args = parser.parse_args()
    where = choose_database("search_bench.sqlite3", BENCH_DB, rebuild=args.rebuild)
    setup_django()
    from django.core.management import call_command

    from home.search import pages_search

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build()
    print(
        f"{where}: course of {MODULES * LESSONS_PER_MODULE} lessons × {SLIDES} slides "
        f"ready in {time.perf_counter() - started:.1f} s"
    )
    print(f"{'query':<24} {'found':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for query in QUERIES:
        found = len(pages_search(query))  # warm-up
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            pages_search(query)
            times.append((time.perf_counter() - start) * 1000)
        p50, p99 = statistics.median(times), percentile(times, 0.99)
        print(f"{query:<24} {found:>6} {p50:>8.1f} {p99:>8.1f}")


if __name__ == "__main__":
    main()
