"""The one "is a Chinese character" test of the project, shared by every layer.

`is_cjk`/`has_cjk`/`CJK_CLASS`: the CJK unified ideographs with extension A and the compatibility
ideographs (U+3400–U+9FFF, U+F900–U+FAFF).
"""

from __future__ import annotations

import re

CJK_CLASS = "\u3400-\u9fff\uf900-\ufaff"  # inside a regex character class: f"[{CJK_CLASS}]"
_CJK = re.compile(f"[{CJK_CLASS}]")


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (unified, extension A, compatibility)."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def has_cjk(text: str | None) -> bool:
    """Any CJK ideograph in `text`."""
    return bool(text and _CJK.search(text))
