#!/usr/bin/env python3
"""Reads every text line of a PDF with pdfminer and prints JSON: per page, its size in points,
each line's top, bottom, left and right edge, text, dominant font size and fill colour, the
straight rules drawn on it (with stroke colour and width) and the vertical ones (table columns).
A line that runs across a table's column border (pdfminer joins neighbouring cells) is cut there.
Text turned a quarter (the page number in a landscape page's margin) comes as one line with
"rotated": true, read from top to bottom.
Used by the render checks; the assertions live in the TypeScript tests."""
import json
import sys
from collections import Counter

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTCurve, LTTextContainer, LTTextLine


def lines_of(page):
    borders = sorted({u["x"] for u in uprights_of(page)})
    turned = []
    for element in page:
        if isinstance(element, LTTextContainer):
            for line in element:
                if isinstance(line, LTTextLine):
                    if not line.get_text().strip():
                        continue
                    chars = [c for c in line if isinstance(c, LTChar)]
                    if chars and not any(c.upright for c in chars):
                        turned.extend(c for c in chars if c.get_text().strip())
                        continue
                    for piece in cut_at_borders(list(line), borders):
                        text = "".join(c.get_text() for c in piece).strip()
                        glyphs = [c for c in piece if isinstance(c, LTChar)]
                        if text and glyphs:
                            yield line_of(page, glyphs, text)
    yield from turned_lines(page, turned)


def cut_at_borders(items, borders):
    """The line's characters (and the spaces pdfminer puts in gaps) in pieces, cut wherever a
    column border runs between two characters."""
    pieces = [[]]
    previous = None
    for c in items:
        if isinstance(c, LTChar):
            if previous is not None and any(previous.x1 - 1 <= x <= c.x0 + 1 for x in borders):
                pieces.append([])
            previous = c
        pieces[-1].append(c)
    return [p for p in pieces if p]


def line_of(page, chars, text):
    sizes = Counter(round(c.size, 1) for c in chars)
    colors = Counter(hex_color(c.graphicstate.ncolor) for c in chars)
    return {
        "top": round(page.height - max(c.y1 for c in chars), 2),
        "bottom": round(page.height - min(c.y0 for c in chars), 2),
        "x0": round(min(c.x0 for c in chars), 2),
        "x1": round(max(c.x1 for c in chars), 2),
        "text": text,
        "size": sizes.most_common(1)[0][0] if sizes else None,
        "color": colors.most_common(1)[0][0] if colors else None,
    }


def turned_lines(page, chars):
    """Characters turned a quarter, gathered into lines by their column and read top to bottom."""
    columns = []
    for c in sorted(chars, key=lambda c: (round(c.x0), -c.y1)):
        column = next((col for col in columns if abs(col[0].x0 - c.x0) < 2 and abs(col[-1].y0 - c.y1) < col[-1].width * 1.5), None)
        if column is None:
            columns.append([c])
        else:
            column.append(c)
    for column in columns:
        column.sort(key=lambda c: -c.y1)
        colors = Counter(hex_color(c.graphicstate.ncolor) for c in column)
        yield {
            "top": round(page.height - max(c.y1 for c in column), 2),
            "bottom": round(page.height - min(c.y0 for c in column), 2),
            "x0": round(min(c.x0 for c in column), 2),
            "x1": round(max(c.x1 for c in column), 2),
            "text": "".join(c.get_text() for c in column),
            # The em of a turned glyph lies across the page.
            "size": Counter(round(c.width, 1) for c in column).most_common(1)[0][0],
            "color": colors.most_common(1)[0][0] if colors else None,
            "rotated": True,
        }


def hex_color(color):
    """pdfminer colours are gray (one number) or RGB (three); CMYK and patterns are left as None."""
    if isinstance(color, (int, float)):
        color = (color, color, color)
    if isinstance(color, (tuple, list)) and len(color) == 3 and all(isinstance(v, (int, float)) for v in color):
        return "#%02X%02X%02X" % tuple(round(v * 255) for v in color)
    return None


def uprights_of(page):
    """Vertical rules (table column borders), with their horizontal position and extent."""
    for element in page:
        if isinstance(element, LTCurve) and abs(element.x1 - element.x0) < 2 and element.y1 - element.y0 >= 2:
            yield {
                "x": round((element.x0 + element.x1) / 2, 2),
                "top": round(page.height - element.y1, 2),
                "bottom": round(page.height - element.y0, 2),
            }


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
        "uprights": list(uprights_of(page)),
    })
print(json.dumps(pages, ensure_ascii=False))
