"""Keep Jinja-looking text inside Markdown code literal.

mkdocs-macros renders every page as a Jinja template, so `{{`, `{%` or `{#` inside a code block or an
inline code span (a Dockerfile, a JSON example) would be executed or break the build. This wraps such code
in {% raw %} before rendering. Written here because mkdocs-macros has no option that exempts code.
"""
from __future__ import annotations

import re

MARKERS = ("{{", "{%", "{#")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
INLINE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
RAW_OPEN, RAW_CLOSE = "{% raw %}", "{% endraw %}"


def protect_code(markdown: str) -> str:
    out: list[str] = []
    block: list[str] = []
    fence = None
    open_raw = 0  # raw blocks the author opened and has not closed yet: leave their content alone

    def emit(lines: list[str]) -> None:
        nonlocal open_raw
        for line in lines:
            open_raw += line.count(RAW_OPEN) - line.count(RAW_CLOSE)
        out.extend(lines)

    for line in markdown.split("\n"):
        if fence is None:
            match = FENCE.match(line)
            if match:
                fence = match["fence"]
                block = [line]
            else:
                emit([line if open_raw else _protect_inline(line)])
            continue
        block.append(line)
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and set(stripped) <= {fence[0]}:
            emit(block if open_raw else _raw_block(block))
            fence = None
    if fence is not None:  # unclosed fence: Markdown treats the rest as code too
        emit(block if open_raw else _raw_block(block))
    return "\n".join(out)


def _raw_block(lines: list[str]) -> list[str]:
    if not any(m in line for line in lines for m in MARKERS):
        return lines
    if len(lines) == 1:
        return [RAW_OPEN + lines[0] + RAW_CLOSE]
    return [RAW_OPEN + lines[0], *lines[1:-1], lines[-1] + RAW_CLOSE]


def _protect_inline(line: str) -> str:
    if not any(m in line for m in MARKERS):
        return line
    return INLINE.sub(lambda m: RAW_OPEN + m.group(0) + RAW_CLOSE if any(x in m.group(0) for x in MARKERS) else m.group(0), line)
