"""Markdown marks on the document page: kept in the text, hidden from the reader."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# a heading's leading marks, or bold words between two pairs of stars on one line
_MARKS = re.compile(r"^(?P<heading>#{1,6} )|\*\*(?P<bold>[^*\n]+)\*\*", re.MULTILINE)
_HIDDEN = Markup('<span class="md">{}</span>')


def hide_markdown(text: str) -> Markup:
    """Heading and bold marks wrapped in `<span class="md">` (the stylesheet hides them; quotes
    point into the text by offset, so nothing is removed); everything else escaped."""
    out: list[Markup] = []
    pos = 0
    for m in _MARKS.finditer(text):
        out.append(escape(text[pos : m.start()]))
        if m.group("heading"):
            out.append(_HIDDEN.format(m.group("heading")))
        else:
            out += [_HIDDEN.format("**"), escape(m.group("bold")), _HIDDEN.format("**")]
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)
