#!/usr/bin/env python3
"""Reads every text line of a PDF with pdfminer and prints JSON: per page, its size in points
and each line's baseline, left and right edge, text and dominant font size.
Used by the render checks; the assertions live in the TypeScript tests."""
import json
import sys
from collections import Counter

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine


def lines_of(page):
    for element in page:
        if isinstance(element, LTTextContainer):
            for line in element:
                if isinstance(line, LTTextLine):
                    text = line.get_text().strip()
                    if not text:
                        continue
                    sizes = Counter(round(c.size, 1) for c in line if isinstance(c, LTChar))
                    yield {
                        "top": round(page.height - line.y1, 2),
                        "bottom": round(page.height - line.y0, 2),
                        "x0": round(line.x0, 2),
                        "x1": round(line.x1, 2),
                        "text": text,
                        "size": sizes.most_common(1)[0][0] if sizes else None,
                    }


pages = []
for page in extract_pages(sys.argv[1]):
    pages.append({"width": page.width, "height": page.height, "lines": sorted(lines_of(page), key=lambda l: (l["top"], l["x0"]))})
print(json.dumps(pages, ensure_ascii=False))
