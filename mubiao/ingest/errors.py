"""The two ways an input is refused. ``BadInput``: a reader cannot read one input (the message is the
reason shown beside its name). ``InputError``: refused before anything is read, a flag value that
cannot be right, an output path that would overwrite (or be read as) an input, or a store that is not
there; the command prints
one line naming it and reads nothing."""

from __future__ import annotations


class BadInput(Exception):
    """Raised by a reader for an input it cannot read; the message is the reason shown to the user."""


class InputError(Exception):
    """``input`` is what the user gave (a path, a flag); ``reason`` says why it is refused."""

    def __init__(self, input: str, reason: str) -> None:  # noqa: A002 — the name users see
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason
