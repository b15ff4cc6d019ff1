"""An input refused before anything is read: a flag value that cannot be right or an output path that
would overwrite (or be read as) an input. The command prints one line naming it and reads nothing."""

from __future__ import annotations


class InputError(Exception):
    """``input`` is what the user gave (a path, a flag); ``reason`` says why it is refused."""

    def __init__(self, input: str, reason: str) -> None:  # noqa: A002 — the name users see
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason
