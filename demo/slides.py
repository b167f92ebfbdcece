"""Draw demo slide and cover images with Pillow, using the site's own Vietnamese font."""

from functools import cache
from io import BytesIO

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1280, 720
NAVY = (16, 42, 94)
RED = (183, 28, 28)
INK = (28, 28, 36)
PAPER = (250, 250, 247)
MUTED = (92, 98, 112)


@cache
def _font(weight, size):
    name = "BeVietnamPro-Bold.ttf" if weight == "bold" else "BeVietnamPro-Regular.ttf"
    return ImageFont.truetype(str(settings.BASE_DIR / "static" / "fonts" / name), size)


def _wrap(draw, text, font, max_width):
    """Greedy word wrap measured in pixels."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _png(image):
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def render_slide(*, title, bullets, number, total, deck_title, footer):
    """A 1280x720 slide: header band, title, bullet points and a page counter."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 64], fill=NAVY)
    draw.rectangle([0, 64, WIDTH, 70], fill=RED)
    draw.text((48, 18), deck_title, font=_font("regular", 24), fill=(255, 255, 255))

    y = 110
    for line in _wrap(draw, title, _font("bold", 48), WIDTH - 96)[:2]:
        draw.text((48, y), line, font=_font("bold", 48), fill=NAVY)
        y += 62
    y += 24
    body = _font("regular", 32)
    for bullet in bullets:
        lines = _wrap(draw, bullet, body, WIDTH - 150)
        draw.ellipse([56, y + 14, 70, y + 28], fill=RED)
        for line in lines:
            draw.text((92, y), line, font=body, fill=INK)
            y += 44
        y += 14
        if y > HEIGHT - 110:
            break

    draw.line([48, HEIGHT - 64, WIDTH - 48, HEIGHT - 64], fill=(210, 212, 218), width=2)
    small = _font("regular", 22)
    draw.text((48, HEIGHT - 50), footer, font=small, fill=MUTED)
    counter = f"{number}/{total}"
    draw.text(
        (WIDTH - 48 - draw.textlength(counter, font=small), HEIGHT - 50),
        counter,
        font=small,
        fill=MUTED,
    )
    return _png(image)


def render_cover(*, title, subtitle):
    """A 1600x900 course cover with the title on a navy field."""
    image = Image.new("RGB", (1600, 900), NAVY)
    draw = ImageDraw.Draw(image)
    for i in range(0, 1600, 80):
        draw.line([i, 900, i + 500, 0], fill=(24, 54, 116), width=30)
    draw.rectangle([0, 820, 1600, 900], fill=RED)
    y = 260
    for line in _wrap(draw, title, _font("bold", 76), 1400)[:3]:
        draw.text((100, y), line, font=_font("bold", 76), fill=(255, 255, 255))
        y += 96
    draw.text((100, y + 30), subtitle, font=_font("regular", 38), fill=(220, 228, 245))
    return _png(image)
