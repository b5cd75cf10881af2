"""The exam format the practice exam follows (data/exams.yml): length, time and the scaled pass mark."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .loader import FieldError, check_unique, parse_items

FILE = "data/exams.yml"


class Exam(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^[A-Z]{3}-C\d\d$")
    name: str = Field(min_length=5)
    status: Literal["current", "beta", "retired"]
    questions: int = Field(ge=1, le=200)
    scored: int = Field(ge=1, le=200)
    minutes: int = Field(ge=1, le=600)
    passing: int
    scale_min: int
    scale_max: int

    @model_validator(mode="after")
    def _consistent(self):
        if self.scored > self.questions:
            raise FieldError("scored", f"{self.scored} scored questions is more than the {self.questions} in the exam")
        if not self.scale_min < self.passing <= self.scale_max:
            raise FieldError("passing", f"pass mark {self.passing} is outside the scale {self.scale_min}–{self.scale_max}")
        return self


def load_exams(root: Path) -> dict[str, Exam]:
    items = parse_items(root / FILE, Exam, root, key="code")
    check_unique(FILE, items, attr="code")
    return {e.code: e for e in items}
