"""The sizes in which the site shows images, defined once: the templates render them
(``{% site_image %}`` in ``course_images``) and ``renditions_make`` makes them ahead of time, at
publish and import time, so that no trainee waits while a slide deck is resized in a request.

A kind is a way of showing an image: its Wagtail filter specs (the syntax of
``{% srcset_image %}``: one rendition per width, in WebP) and the ``sizes`` attribute the browser
picks a width with.
"""

import time
from dataclasses import dataclass
from functools import cache

from wagtail.images.models import Filter, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found


@dataclass(frozen=True)
class ImageKind:
    specs: tuple[str, ...]
    sizes: str


FULL_COLUMN = "(min-width: 64em) 46rem, 100vw"

IMAGE_KINDS = {
    "slide": ImageKind(("width-{480,960,1280}", "format-webp"), FULL_COLUMN),
    "figure": ImageKind(("width-{480,960,1440}", "format-webp"), FULL_COLUMN),
    "course_cover": ImageKind(
        ("fill-{480x270,960x540}-c100", "format-webp"), "(min-width: 64em) 24rem, 100vw"
    ),
    "course_card": ImageKind(
        ("fill-{400x225,800x450}-c100", "format-webp"), "(min-width: 48em) 22rem, 100vw"
    ),
    "trainer_photo": ImageKind(("fill-{96x96,192x192}-c100", "format-webp"), "6rem"),
}


@cache
def filter_specs(kind: str) -> tuple[str, ...]:
    """Every rendition spec of a kind, e.g. ("width-480|format-webp", …)."""
    return tuple(Filter.expand_spec(list(IMAGE_KINDS[kind].specs)))


def responsive_image_html(image, kind: str, attrs: dict) -> str:
    """An <img> with srcset and sizes for the kind: what ``{% srcset_image %}`` renders."""
    renditions = get_renditions_or_not_found(image, [Filter(spec) for spec in filter_specs(kind)])
    attrs = {**attrs, "sizes": IMAGE_KINDS[kind].sizes}
    return ResponsiveImage(renditions, attrs).__html__()


def body_image_kinds(body):
    """(image, kind) for every image of a lesson body: its figures and slide decks."""
    pairs = []
    for block in body:
        if block.block_type == "figure" and block.value["image"]:
            pairs.append((block.value["image"], "figure"))
        elif block.block_type == "slide_deck":
            pairs.extend((s["image"], "slide") for s in block.value["slides"] if s["image"])
    return pairs


def page_image_kinds(page):
    """(image, kind) for every image the page's public views show: a lesson's body; a course's
    cover (on its page and on course cards) and its trainers' photos."""
    page = page.specific
    pairs = []
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "raw_data"):
        pairs += body_image_kinds(body)
    cover = getattr(page, "cover_image", None)
    if cover is not None:
        pairs += [(cover, "course_cover"), (cover, "course_card")]
    links = getattr(page, "course_trainers", None)
    if links is not None:
        pairs += [
            (link.trainer.photo, "trainer_photo")
            for link in links.select_related("trainer__photo")
            if link.trainer.photo
        ]
    return pairs


def renditions_make(pairs, *, deadline: float | None = None) -> int:
    """Make every rendition the (image, kind) pairs need that does not exist yet, in the order
    given (a deck's first slides first); return how many were made. Existing ones are found in
    one query per image; a missing source file is skipped (the page shows Wagtail's "not found"
    image, as it would). With a ``deadline`` (a ``time.monotonic()`` value) it stops at the
    first image after it: what is left is made at the next publication, or at the first view."""
    specs_by_image = {}
    images = {}
    for image, kind in pairs:
        images[image.pk] = image
        specs_by_image.setdefault(image.pk, set()).update(filter_specs(kind))
    made = 0
    for pk, specs in specs_by_image.items():
        if deadline is not None and time.monotonic() > deadline:
            break
        image = images[pk]
        image.__dict__.pop("prefetched_renditions", None)  # look at the table, not a stale list
        existing = set(
            image.renditions.filter(filter_spec__in=specs).values_list("filter_spec", flat=True)
        )
        missing = sorted(specs - existing)
        if missing:
            get_renditions_or_not_found(image, missing)
            made += len(missing)
    return made
