"""One error type for bad project data, so every failure names file, item and field."""


class DataError(Exception):
    """Bad input in a data file or page; the message says where."""

    def __init__(self, file: str, item: str | None, field: str | None, problem: str):
        self.file, self.item, self.field, self.problem = file, item, field, problem
        where = file
        if item:
            where += f", item '{item}'"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")
