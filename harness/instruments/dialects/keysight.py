"""Keysight (Agilent) InfiniiVision 2000/3000/4000 X-Series.

Measurements: ``:MEASure:FREQuency? CHANnel1``; delays between channels with
``:MEASure:DEFine DELay,<edge>,<edge>`` then ``:MEASure:DELay? CHANnel1,CHANnel2``.
Acquisition: ``:SINGle``, then ``:TER?`` says the trigger came and ``:OPERegister:CONDition?``
bit 3 (Run) clears once the record is full. Waveforms: BYTE, unsigned, RAW points;
volts = (byte - yreference) * yincrement + yorigin.
"""

from __future__ import annotations

import re

import numpy as np

from harness.instruments.dialect import Dialect, Samples, integer_test, parse_csv_numbers
from harness.instruments.link import Link

RUN_BIT = 1 << 3


def read_waveform(link: Link, dialect: Dialect, channel: int) -> Samples:
    link.write(f":WAVeform:SOURce {dialect.channel_name(channel)}")
    link.write(":WAVeform:FORMat BYTE")
    link.write(":WAVeform:UNSigned 1")
    link.write(":WAVeform:POINts:MODE RAW")
    link.write(":WAVeform:POINts MAX")
    preamble = link.query(":WAVeform:PREamble?")
    try:
        (_fmt, _type, points, _count, xinc, xorigin, xref,
         yinc, yorigin, yref) = parse_csv_numbers(preamble, 10)
    except ValueError as err:
        raise link.error(":WAVeform:PREamble?", f"answered {preamble[:80]!r}: {err}") from None
    data = link.query_block(":WAVeform:DATA?")
    codes = np.frombuffer(data, dtype=np.uint8).astype(float)
    if len(codes) != int(points):
        raise link.error(":WAVeform:DATA?", f"{len(codes)} points read, the preamble says {int(points)}")
    volts = (codes - yref) * yinc + yorigin
    times = (np.arange(len(codes)) - xref) * xinc + xorigin
    return Samples(times, volts, xinc, {"points": len(codes), "preamble": preamble})


KEYSIGHT_INFINIIVISION = Dialect(
    name="keysight-infiniivision",
    title="Keysight InfiniiVision",
    idn=re.compile(r"^(KEYSIGHT|AGILENT) TECHNOLOGIES,(DSO|MSO)-?X? ?\d", re.IGNORECASE),
    divisions=10,
    channel_name=lambda n: f"CHANnel{n}",
    reset=("*RST", "*CLS", "*OPC?"),
    channel=(":{src}:DISPlay 1", ":{src}:PROBe {probe}", ":{src}:COUPling {coupling}",
             ":{src}:SCALe {scale}", ":{src}:OFFSet {offset}"),
    timebase=(":TIMebase:REFerence CENTer", ":TIMebase:SCALe {scale}", ":TIMebase:POSition {position}"),
    trigger=(":TRIGger:MODE EDGE", ":TRIGger:SWEep NORMal", ":TRIGger:EDGE:SOURce {src}",
             ":TRIGger:EDGE:SLOPe {slope}", ":TRIGger:EDGE:LEVel {level}"),
    slopes={"rising": "POSitive", "falling": "NEGative"},
    arm=("*CLS", ":SINGle", ":OPERegister:CONDition?"),  # the query: armed
    done=((":TER?", integer_test(lambda v: v == 1)),
          (":OPERegister:CONDition?", integer_test(lambda v: not v & RUN_BIT))),
    measures={
        "frequency": (":MEASure:FREQuency? {src}",),
        "period": (":MEASure:PERiod? {src}",),
        "pulse_width_pos": (":MEASure:PWIDth? {src}",),
        "pulse_width_neg": (":MEASure:NWIDth? {src}",),
        "duty_cycle": (":MEASure:DUTYcycle? {src}",),
        "rise_delay": (":MEASure:DEFine DELay,+1,+1", ":MEASure:DELay? {src},{src2}"),
        "fall_delay": (":MEASure:DEFine DELay,-1,-1", ":MEASure:DELay? {src},{src2}"),
    },
    read_waveform=read_waveform,
    offset_sign=1.0,  # the offset is the voltage at the screen centre
)
