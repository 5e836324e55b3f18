"""Errors a user can act on: which file, what is wrong, what to do."""

from __future__ import annotations


class NewsdocsError(Exception):
    """Base class for errors newsdocs reports without a traceback."""


class SourceError(NewsdocsError):
    """A source file that cannot be converted.

    The message names the file, says what is wrong in plain words and what to do.
    """

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.path}: {self.problem}"
        return f"{text}; {self.hint}" if self.hint else text


class PageError(NewsdocsError):
    """An article page that breaks the page contract (``build_tools.page``).

    The message names the page, the field, what is wrong and what to do.
    """

    def __init__(self, path: str, field: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.field = field
        self.problem = problem
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.path}: {self.field} {self.problem}"
        return f"{text}; {self.hint}" if self.hint else text
