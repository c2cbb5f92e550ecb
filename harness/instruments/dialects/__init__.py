"""The SCPI dialects the harness drives, by the name rig files use."""

from __future__ import annotations

from harness.instruments.dialect import Dialect
from harness.instruments.dialects.keysight import KEYSIGHT_INFINIIVISION
from harness.instruments.dialects.rigol import RIGOL_DS1000Z
from harness.instruments.dialects.siglent import SIGLENT_SDS
from harness.instruments.dialects.tektronix import TEKTRONIX_MSO

DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (RIGOL_DS1000Z, KEYSIGHT_INFINIIVISION, TEKTRONIX_MSO, SIGLENT_SDS)
}

__all__ = ["DIALECTS", "Dialect"]
