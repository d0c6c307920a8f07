"""Read models: append-only view rows with valid_from/valid_to log positions, fed by a pull loop.

``current`` is "as of the head": every query takes a position, so a historical query is the same
query, on the same index, as a current one.
"""

from newsledger.domain.projections.base import Projection, Tx
from newsledger.domain.projections.db import ViewDB

__all__ = ["Projection", "Tx", "ViewDB"]
