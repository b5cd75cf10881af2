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


def protect_code(markdown: str) -> str:
    out: list[str] = []
    block: list[str] = []
    fence = None
    for line in markdown.split("\n"):
        if fence is None:
            match = FENCE.match(line)
            if match:
                fence = match["fence"]
                block = [line]
            else:
                out.append(line if _inside_raw(out) else _protect_inline(line))
            continue
        block.append(line)
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and set(stripped) <= {fence[0]}:
            out.extend(block if _inside_raw(out) else _raw_block(block))
            fence = None
    if fence is not None:  # unclosed fence: Markdown treats the rest as code too
        out.extend(_raw_block(block))
    return "\n".join(out)


def _inside_raw(lines: list[str]) -> bool:
    """True when the author already opened a {% raw %} block that is still open."""
    text = "\n".join(lines)
    return text.count("{% raw %}") > text.count("{% endraw %}")


def _raw_block(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    if not any(m in text for m in MARKERS):
        return lines
    return ["{% raw %}" + lines[0], *lines[1:-1], lines[-1] + "{% endraw %}"] if len(lines) > 1 else ["{% raw %}" + text + "{% endraw %}"]


def _protect_inline(line: str) -> str:
    if not any(m in line for m in MARKERS):
        return line
    return INLINE.sub(lambda m: "{% raw %}" + m.group(0) + "{% endraw %}" if any(x in m.group(0) for x in MARKERS) else m.group(0), line)
