"""Read YAML data files, turning parser and schema errors into DataError."""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError

M = TypeVar("M", bound=BaseModel)


def read_yaml(path: Path, root: Path | None = None) -> Any:
    """Parse one YAML file; a syntax error names the file and line."""
    name = _display(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(name, None, None, f"cannot read file ({exc.strerror})") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(name, None, None, f"YAML syntax error{line}: {problem}") from exc


def parse_items(path: Path, model: type[M], root: Path | None = None, key: str = "id") -> list[M]:
    """Read a YAML list of mappings and validate each against `model`.

    Errors name the file, the item's id (or its position) and the field.
    """
    name = _display(path, root)
    raw = read_yaml(path, root)
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise DataError(name, None, None, "expected a list of items at the top level")
    items: list[M] = []
    for position, entry in enumerate(raw, start=1):
        label = _label(entry, key, position)
        items.append(validate(model, entry, name, label))
    return items


class FieldError(ValueError):
    """Raised by a model validator to name the field at fault in a rule that spans several fields."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def validate(model: type[M], raw: Any, file: str, item: str | None) -> M:
    """Validate one mapping against `model`; a failure is a DataError naming file, item and field."""
    if not isinstance(raw, dict):
        raise DataError(file, item, None, "expected a mapping of fields")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, FieldError):
            raise DataError(file, item, cause.field, str(cause)) from exc
        raise DataError(file, item, ".".join(str(p) for p in err["loc"]) or None, err["msg"]) from exc


def check_unique(name: str, items: list, attr: str = "id", seen: dict | None = None) -> dict:
    """Fail on a repeated id; `seen` maps id -> file across several files."""
    seen = {} if seen is None else seen
    for item in items:
        value = getattr(item, attr)
        if value in seen:
            raise DataError(name, value, attr, f"duplicate {attr} (first defined in {seen[value]})")
        seen[value] = name
    return seen


def _label(entry: Any, key: str, position: int) -> str:
    if isinstance(entry, dict) and isinstance(entry.get(key), str):
        return entry[key]
    return f"#{position}"


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def parse_folder(root: Path, folder: str, model: type[M]) -> list[tuple[str, M]]:
    """Read every *.yml in a data folder; ids must be unique across all of its files."""
    files = sorted((root / folder).glob("*.yml"))
    if not files:
        raise DataError(folder, None, None, "no data files (*.yml) found")
    seen: dict[str, str] = {}
    found: list[tuple[str, M]] = []
    for path in files:
        name = path.relative_to(root).as_posix()
        items = parse_items(path, model, root)
        check_unique(name, items, seen=seen)
        found += [(name, item) for item in items]
    return found
