"""Tektronix MSO4/5/6 Series (MSO44, MSO54, MSO64...).

Measurements are added (``MEASUrement:ADDMEAS``), pointed at sources and read back from
``MEASUrement:MEAS1:RESUlts:CURRentacq:MEAN?``. Acquisition: ``ACQuire:STOPAfter SEQuence``,
``ACQuire:STATE RUN``, done when ``ACQuire:STATE?`` is 0. Waveforms: ``CURVe?`` in signed
bytes, scaled by the keys of ``WFMOutpre?`` (asked with headers on, parsed by key):
volts = (code - YOFF) * YMULT + YZERO, time = XZERO + XINCR * (i - PT_OFF).
"""

from __future__ import annotations

import re

import numpy as np

from harness.instruments.dialect import Dialect, Samples, integer_test
from harness.instruments.link import Link

_KEYS = ("BYT_NR", "BN_FMT", "BYT_OR", "NR_PT", "XINCR", "XZERO", "PT_OFF", "YMULT", "YOFF", "YZERO")


def parse_wfmoutpre(answer: str) -> dict[str, str]:
    """``:WFMOUTPRE:BYT_NR 1;BIT_NR 8;...`` -> {"BYT_NR": "1", ...}: keys by their short
    form, whatever header verbosity the scope uses."""
    fields: dict[str, str] = {}
    for part in answer.strip().split(";"):
        part = part.strip()
        if not part:
            continue
        key, _, value = part.partition(" ")
        key = key.rsplit(":", 1)[-1].upper()
        for full in _KEYS:  # short forms are prefixes: NR_P for NR_PT, XIN for XINCR
            if key == full or (len(key) >= 3 and full.startswith(key)):
                key = full
                break
        fields[key] = value.strip().strip('"')
    return fields


def read_waveform(link: Link, dialect: Dialect, channel: int) -> Samples:
    link.write(f"DATa:SOUrce {dialect.channel_name(channel)}")
    link.write("DATa:ENCdg RIBinary")
    link.write("WFMOutpre:BYT_Nr 1")
    record = link.query_int("HORizontal:RECOrdlength?")
    link.write("DATa:STARt 1")
    link.write(f"DATa:STOP {record}")
    link.write("HEADer 1")
    answer = link.query("WFMOutpre?")
    link.write("HEADer 0")
    fields = parse_wfmoutpre(answer)
    missing = [k for k in ("NR_PT", "XINCR", "XZERO", "YMULT", "YOFF", "YZERO") if k not in fields]
    if missing:
        raise link.error("WFMOutpre?", f"answer lacks {', '.join(missing)}: {answer[:80]!r}")
    try:
        points = int(float(fields["NR_PT"]))
        xincr, xzero = float(fields["XINCR"]), float(fields["XZERO"])
        pt_off = float(fields.get("PT_OFF", "0"))
        ymult, yoff, yzero = float(fields["YMULT"]), float(fields["YOFF"]), float(fields["YZERO"])
    except ValueError as err:
        raise link.error("WFMOutpre?", f"{err} in {answer[:80]!r}") from None
    data = link.query_block("CURVe?")
    codes = np.frombuffer(data, dtype=np.int8).astype(float)
    if len(codes) != points:
        raise link.error("CURVe?", f"{len(codes)} points read, WFMOutpre? says {points}")
    volts = (codes - yoff) * ymult + yzero
    times = xzero + xincr * (np.arange(len(codes)) - pt_off)
    return Samples(times, volts, xincr, {"points": len(codes), "wfmoutpre": fields})


def _measure(kind: str, two: bool = False, edge: str = "") -> tuple[str, ...]:
    steps = ["MEASUrement:DELETEALL", f"MEASUrement:ADDMEAS {kind}", "MEASUrement:MEAS1:SOUrce1 {src}"]
    if two:
        steps += ["MEASUrement:MEAS1:SOUrce2 {src2}", f"MEASUrement:MEAS1:DELay:EDGE1 {edge}",
                  f"MEASUrement:MEAS1:DELay:EDGE2 {edge}"]
    return (*steps, "*OPC?", "MEASUrement:MEAS1:RESUlts:CURRentacq:MEAN?")


TEKTRONIX_MSO = Dialect(
    name="tektronix-mso",
    title="Tektronix MSO4/5/6",
    idn=re.compile(r"^TEKTRONIX,(MSO|DPO|LPD)[456]\d", re.IGNORECASE),
    divisions=10,
    channel_name=lambda n: f"CH{n}",
    reset=("*RST", "*CLS", "HEADer 0", "*OPC?"),
    channel=("DISplay:GLObal:{src}:STATE 1", "{src}:PROBEFunc:EXTAtten {probe}", "{src}:COUPling {coupling}",
             "{src}:SCAle {scale}", "{src}:POSition 0", "{src}:OFFSet {offset}"),
    timebase=("HORizontal:MODE AUTO", "HORizontal:SCAle {scale}", "HORizontal:POSition {position}"),
    trigger=("TRIGger:A:TYPe EDGE", "TRIGger:A:MODe NORMal", "TRIGger:A:EDGE:SOUrce {src}",
             "TRIGger:A:EDGE:SLOpe {slope}", "TRIGger:A:LEVel:{src} {level}"),
    slopes={"rising": "RISe", "falling": "FALL"},
    arm=("ACQuire:STOPAfter SEQuence", "ACQuire:STATE RUN", "ACQuire:STATE?"),  # the query: armed
    done=(("ACQuire:STATE?", integer_test(lambda v: v == 0)),),
    measures={
        "frequency": _measure("FREQUENCY"),
        "period": _measure("PERIOD"),
        "pulse_width_pos": _measure("PWIDTH"),
        "pulse_width_neg": _measure("NWIDTH"),
        "duty_cycle": _measure("PDUTY"),
        "rise_delay": _measure("DELAY", True, "RISe"),
        "fall_delay": _measure("DELAY", True, "FALL"),
    },
    read_waveform=read_waveform,
    offset_sign=1.0,  # with position 0 the offset is the voltage at the screen centre
    # the trigger point as a percentage of the record
    position=lambda window, pre: 100.0 * pre,
)
