from django import template

from courses.images import IMAGE_KINDS, responsive_image_html

register = template.Library()


@register.simple_tag
def site_image(image, kind, **attrs):
    """``{% site_image slide.image "slide" alt=slide.title class="slide__img" %}``: the image
    in the renditions and ``sizes`` of its kind (``courses.images.IMAGE_KINDS``), the ones made
    ahead of time at publish and import. Nothing without an image."""
    if kind not in IMAGE_KINDS:
        raise template.TemplateSyntaxError(f"site_image: unknown image kind {kind!r}")
    if not image:
        return ""
    return responsive_image_html(image, kind, attrs)
