#!/usr/bin/env python3
"""Reads every text line of a PDF with pdfminer and prints JSON: per page, its size in points,
each line's top, bottom, left and right edge, text, dominant font size and fill colour, and the
straight rules drawn on it (with stroke colour and width).
Used by the render checks; the assertions live in the TypeScript tests."""
import json
import sys
from collections import Counter

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTCurve, LTTextContainer, LTTextLine


def lines_of(page):
    for element in page:
        if isinstance(element, LTTextContainer):
            for line in element:
                if isinstance(line, LTTextLine):
                    text = line.get_text().strip()
                    if not text:
                        continue
                    chars = [c for c in line if isinstance(c, LTChar)]
                    sizes = Counter(round(c.size, 1) for c in chars)
                    colors = Counter(hex_color(c.graphicstate.ncolor) for c in chars)
                    yield {
                        "top": round(page.height - line.y1, 2),
                        "bottom": round(page.height - line.y0, 2),
                        "x0": round(line.x0, 2),
                        "x1": round(line.x1, 2),
                        "text": text,
                        "size": sizes.most_common(1)[0][0] if sizes else None,
                        "color": colors.most_common(1)[0][0] if colors else None,
                    }


def hex_color(color):
    """pdfminer colours are gray (one number) or RGB (three); CMYK and patterns are left as None."""
    if isinstance(color, (int, float)):
        color = (color, color, color)
    if isinstance(color, (tuple, list)) and len(color) == 3 and all(isinstance(v, (int, float)) for v in color):
        return "#%02X%02X%02X" % tuple(round(v * 255) for v in color)
    return None


def rules_of(page):
    for element in page:
        if isinstance(element, LTCurve) and abs(element.y1 - element.y0) < 2:
            yield {
                "top": round(page.height - element.y1, 2),
                "x0": round(element.x0, 2),
                "x1": round(element.x1, 2),
                "width": round(element.linewidth, 2),
                "color": hex_color(element.stroking_color),
            }


pages = []
for page in extract_pages(sys.argv[1]):
    pages.append({
        "width": page.width,
        "height": page.height,
        "lines": sorted(lines_of(page), key=lambda l: (l["top"], l["x0"])),
        "rules": list(rules_of(page)),
    })
print(json.dumps(pages, ensure_ascii=False))
