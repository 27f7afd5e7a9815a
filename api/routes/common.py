"""Parameter types shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

NodeId = Annotated[str, Path(pattern=r"^[a-z]+-[0-9a-f]{16}$", description="A node id such as person-3f2a0c9b1d4e5f60")]
