"""The pipeline's components; importing this package registers their factories with spaCy."""

from samkarta.loaders.components import (  # noqa: F401
    attendance,
    entities,
    glued,
    layout,
    lemmas,
    meeting,
    outcomes,
    people,
    reference,
)
