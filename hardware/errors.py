"""The shape every device failure shares: a kind, an English detail for the log, and the plain
Vietnamese sentence for the screen.

`str()` of the error is English ("camera timeout: still took longer than 5 s") and never carries
personal data; `message` is the sentence the UI translates with the device's context ("Camera",
"Printer", "Card"). Each device lists its kinds and sentences; this class only ties them together.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar

K = TypeVar("K", bound=enum.Enum)


class DeviceError(Exception, Generic[K]):
    """A device failure of kind `kind`; subclasses set `device` (the log's word) and `messages`."""

    device: ClassVar[str]
    messages: ClassVar[Mapping[Any, str]]  # kind → sentence; Any: each device keys by its own enum

    def __init__(self, kind: K, detail: str = "", *, note: str = "") -> None:
        text = f"{self.device} {kind.value}"
        if detail:
            text += f": {detail}"
        super().__init__(text + note)
        self.kind = kind
        self.detail = detail

    @property
    def message(self) -> str:
        return self.messages[self.kind]
