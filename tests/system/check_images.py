"""Pixel checks of the rendered documents (Debian's python3-pil).

radar.png: white page, both perspectives' colours drawn in quantity (young person blue
#1f5fbf, case worker orange #d9480f), the outline spread around the centre.
plan.png: a white page with a fair share of text on it, not blank and not a black box.
plan.pdf: a PDF with at least one page.
"""
import sys

from PIL import Image


def near(pixel, colour, tolerance=40):
    return all(abs(p - c) <= tolerance for p, c in zip(pixel[:3], colour))


def check_radar(path):
    img = Image.open(path).convert("RGB")
    w, h = img.size
    assert w >= 600 and h >= 400, f"radar is {w}x{h}"
    pixels = list(img.getdata())
    white = sum(1 for p in pixels if p == (255, 255, 255)) / len(pixels)
    assert white > 0.5, f"radar background is not white ({white:.0%})"
    for name, colour in (("young person", (0x1F, 0x5F, 0xBF)), ("case worker", (0xD9, 0x48, 0x0F))):
        hits = [(i % w, i // w) for i, p in enumerate(pixels) if near(p, colour)]
        assert len(hits) > 500, f"{name}'s outline is missing ({len(hits)} pixels)"
        xs = [x for x, _ in hits]
        ys = [y for _, y in hits]
        assert max(xs) - min(xs) > w / 5 and max(ys) - min(ys) > h / 5, f"{name}'s outline is not spread out"


def check_plan(path):
    img = Image.open(path).convert("L")
    pixels = list(img.getdata())
    dark = sum(1 for p in pixels if p < 100) / len(pixels)
    white = sum(1 for p in pixels if p > 240) / len(pixels)
    assert white > 0.6, f"plan page is not mostly white ({white:.0%})"
    assert 0.01 < dark < 0.3, f"plan page has {dark:.1%} dark pixels: blank or unreadable"


def check_pdf(path):
    with open(path, "rb") as f:
        data = f.read()
    assert data.startswith(b"%PDF-"), "not a PDF"
    assert b"/Type /Page" in data or b"/Type/Page" in data, "the PDF has no page"


if __name__ == "__main__":
    radar, plan, pdf = sys.argv[1:4]
    check_radar(radar)
    check_plan(plan)
    check_pdf(pdf)
    print("render_png: radar, plan and PDF look right")
