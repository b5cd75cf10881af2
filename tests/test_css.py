"""Every own stylesheet parses cleanly: a stray brace or a broken declaration silently drops rules in the browser."""
from pathlib import Path

import pytest
import tinycss2

STYLES = sorted((Path(__file__).parent.parent / "overrides" / "assets" / "stylesheets").glob("*.css"))
NESTED_RULES = {"media", "supports", "layer", "container", "document"}  # at-rules whose block holds rules


def css_errors(text: str) -> list[str]:
    """Parse errors anywhere in a stylesheet: top level, inside at-rule blocks, and inside declaration blocks."""
    errors: list[str] = []

    def rules(nodes):
        for node in nodes:
            if node.type == "error":
                errors.append(f"line {node.source_line}: {node.message}")
            elif node.type == "qualified-rule":
                stray = [t for t in node.prelude if t.type == "error" or (t.type == "literal" and t.value in ";")]
                if stray:  # the browser drops the rule whose selector swallowed a stray brace or semicolon
                    errors.append(f"line {node.source_line}: stray token before a rule (the rule is dropped)")
                declarations(node.content)
            elif node.type == "at-rule" and node.content is not None:
                if node.lower_at_keyword in NESTED_RULES:
                    rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
                else:
                    declarations(node.content)

    def declarations(content):
        for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
            if item.type == "error":
                errors.append(f"line {item.source_line}: {item.message}")
            elif item.type == "declaration" and not [t for t in item.value if t.type not in ("whitespace", "comment")] and not item.name.startswith("--"):
                errors.append(f"line {item.source_line}: empty value for '{item.name}'")
            elif item.type == "qualified-rule":  # nested rule
                declarations(item.content)

    rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
    return errors


def test_stylesheets_exist():
    assert len(STYLES) >= 2, "own stylesheets not found"


@pytest.mark.parametrize("path", STYLES, ids=lambda p: p.name)
def test_stylesheet_parses(path: Path):
    assert css_errors(path.read_text(encoding="utf-8")) == [], f"{path.name} has CSS parse errors"


@pytest.mark.parametrize("bad", [".a { color: red; }\n}\n.b { color: blue; }", ".a { color: red; ; : x }",
                                 ".a { color: }", "@media print { .a { color red } }"])
def test_parse_errors_are_caught(bad: str):
    assert css_errors(bad), f"no error reported for {bad!r}"
