"""The "Mitglied der Stadtregion Münster" badge as a PNG that towns put on their websites.

A raster image with the text drawn in: it looks the same everywhere, needs no font on the
visitor's device and can carry no script (an SVG could). Pillow's bundled font draws it, so the
server needs no system fonts either; that font has ASCII glyphs only, so umlauts are drawn as
their base letter with two dots (and ß as "ss").
"""

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

TITLE = "Mitglied der Stadtregion Münster"
SCALE = 2  # drawn at twice the size the snippet declares: sharp on high-density screens
HEIGHT = 56
PADDING = 12
TEAL = (11, 79, 92)  # --teal-800 of site.css
WHITE = (255, 255, 255)


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size * SCALE)


UMLAUTS = str.maketrans("äöüÄÖÜ", "aouAOU")


def _ascii(text: str) -> str:
    return text.replace("ß", "ss").translate(UMLAUTS)


def _text_width(text: str, font) -> float:
    return font.getlength(_ascii(text))


def _draw_text(draw, xy: tuple[int, int], text: str, font, fill) -> None:
    """Draws the text letter by letter, adding the two dots over each umlaut's base letter."""
    x, y = xy
    text = text.replace("ß", "ss")
    for char in text:
        base = char.translate(UMLAUTS)
        draw.text((x, y), base, font=font, fill=fill)
        width = font.getlength(base)
        if base != char:
            top = y + font.getbbox(base)[1]
            radius = max(1, font.size // 14)
            gap = font.size * 0.22
            for dx in (width / 2 - gap / 2, width / 2 + gap / 2):
                cx, cy = x + dx, top - radius * 3
                draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=fill)
        x += width


def badge_width(name: str) -> int:
    """The badge's width in CSS pixels (the snippet's width attribute)."""
    text = max(_text_width(TITLE, _font(15)), _text_width(name, _font(13)))
    return int(text / SCALE) + 2 * PADDING + 1


@lru_cache(maxsize=64)
def badge_png(name: str) -> bytes:
    """The badge for the town of this name: the title on a teal band, the town below."""
    width = badge_width(name) * SCALE
    image = Image.new("RGB", (width, HEIGHT * SCALE), WHITE)
    draw = ImageDraw.Draw(image)
    band = 30 * SCALE
    draw.rectangle([0, 0, width - 1, HEIGHT * SCALE - 1], outline=TEAL, width=2 * SCALE)
    draw.rectangle([0, 0, width - 1, band], fill=TEAL)
    _draw_text(draw, (PADDING * SCALE, 9 * SCALE), TITLE, _font(15), WHITE)
    _draw_text(draw, (PADDING * SCALE, band + 6 * SCALE), name, _font(13), TEAL)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
