"""Rigol DS1000Z (DS1054Z, DS1104Z, MSO1104Z...).

Measurements: ``:MEASure:ITEM? <item>,<source>[,<source B>]``. Acquisition done when
``:TRIGger:STATus?`` says STOP. Waveforms in RAW mode, BYTE format, read in chunks of at
most 250,000 points; volts = (byte - yorigin - yreference) * yincrement.
"""

from __future__ import annotations

import re

import numpy as np

from harness.instruments.dialect import Dialect, Samples, parse_csv_numbers, status_is
from harness.instruments.link import Link

CHUNK_POINTS = 250_000  # the most :WAVeform:DATA? returns in BYTE format
DIVISIONS = 12


def read_waveform(link: Link, dialect: Dialect, channel: int) -> Samples:
    link.write(f":WAVeform:SOURce {dialect.channel_name(channel)}")
    link.write(":WAVeform:MODE RAW")
    link.write(":WAVeform:FORMat BYTE")
    depth_answer = link.query(":ACQuire:MDEPth?")
    if depth_answer.strip().upper() == "AUTO":
        # In AUTO the depth is what the sample rate fills across the screen.
        rate = link.query_number(":ACQuire:SRATe?")
        scale = link.query_number(":TIMebase:MAIN:SCALe?")
        if not rate or not scale:
            raise link.error(":ACQuire:SRATe?", "no sample rate or timebase to size the memory")
        depth = int(round(rate * scale * DIVISIONS))
    else:
        try:
            depth = int(float(depth_answer))
        except ValueError:
            raise link.error(":ACQuire:MDEPth?",
                             f"answered {depth_answer[:40]!r}, expected a depth") from None
    if depth < 1:
        raise link.error(":ACQuire:MDEPth?", f"memory depth {depth}")
    chunks = []
    for start in range(1, depth + 1, CHUNK_POINTS):
        link.write(f":WAVeform:STARt {start}")
        link.write(f":WAVeform:STOP {min(start + CHUNK_POINTS - 1, depth)}")
        chunks.append(link.query_block(":WAVeform:DATA?"))
    preamble = link.query(":WAVeform:PREamble?")
    try:
        (_fmt, _type, _points, _count, xinc, xorigin, xref,
         yinc, yorigin, yref) = parse_csv_numbers(preamble, 10)
    except ValueError as err:
        raise link.error(":WAVeform:PREamble?", f"answered {preamble[:80]!r}: {err}") from None
    codes = np.frombuffer(b"".join(chunks), dtype=np.uint8).astype(float)
    if len(codes) != depth:
        raise link.error(":WAVeform:DATA?", f"{len(codes)} points read, memory depth is {depth}")
    volts = (codes - yorigin - yref) * yinc
    times = (np.arange(len(codes)) - xref) * xinc + xorigin
    return Samples(times, volts, xinc, {"points": len(codes), "preamble": preamble})


RIGOL_DS1000Z = Dialect(
    name="rigol-ds1000z",
    title="Rigol DS1000Z",
    idn=re.compile(r"^RIGOL TECHNOLOGIES,(DS|MSO)1\d{2,3}Z", re.IGNORECASE),
    divisions=DIVISIONS,
    channel_name=lambda n: f"CHANnel{n}",
    reset=("*RST", "*CLS", "*OPC?"),
    channel=(":{src}:DISPlay 1", ":{src}:PROBe {probe}", ":{src}:COUPling {coupling}",
             ":{src}:SCALe {scale}", ":{src}:OFFSet {offset}"),
    timebase=(":TIMebase:MAIN:SCALe {scale}", ":TIMebase:MAIN:OFFSet {position}"),
    trigger=(":TRIGger:MODE EDGE", ":TRIGger:EDGe:SOURce {src}", ":TRIGger:EDGe:SLOPe {slope}",
             ":TRIGger:EDGe:LEVel {level}"),
    slopes={"rising": "POSitive", "falling": "NEGative"},
    arm=(":SINGle", ":TRIGger:STATus?"),  # the query: armed before the program runs
    done=((":TRIGger:STATus?", status_is("STOP", ("TD", "WAIT", "RUN", "AUTO"))),),
    measures={
        "frequency": (":MEASure:ITEM? FREQuency,{src}",),
        "period": (":MEASure:ITEM? PERiod,{src}",),
        "pulse_width_pos": (":MEASure:ITEM? PWIDth,{src}",),
        "pulse_width_neg": (":MEASure:ITEM? NWIDth,{src}",),
        "duty_cycle": (":MEASure:ITEM? PDUTy,{src}",),
        "rise_delay": (":MEASure:ITEM? RDELay,{src},{src2}",),
        "fall_delay": (":MEASure:ITEM? FDELay,{src},{src2}",),
    },
    read_waveform=read_waveform,
    offset_sign=-1.0,  # a positive offset moves the trace up: the centre shows -offset
    duty_percent=100.0,  # PDUTy answers a ratio
)
