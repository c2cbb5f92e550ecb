"""Siglent SDS (SDS2000X Plus, SDS2000X HD, SDS1000X HD, SDS5000X, SDS6000: the current
command set).

Measurements: ``:MEASure:ADVanced:P1:TYPE FREQ`` on ``SOURce1`` (and ``SOURce2``), read by
``:MEASure:ADVanced:P1:VALue?``; "****" is no valid value. Acquisition:
``:TRIGger:MODE SINGle``, done when ``:TRIGger:STATus?`` says Stop. Waveforms: signed bytes
scaled by the binary WAVEDESC preamble: volts = code / code_per_div * vdiv - offset,
time = -(tdiv * 10 / 2) + i * interval + delay.
"""

from __future__ import annotations

import re
import struct

import numpy as np

from harness.instruments.dialect import Dialect, Samples, status_is
from harness.instruments.link import Link

HORIZONTAL_DIVISIONS = 10
WAVEDESC_BYTES = 346
# timebase index (WAVEDESC offset 0x144) -> seconds per division
TDIV = (100e-12, 200e-12, 500e-12, 1e-9, 2e-9, 5e-9, 10e-9, 20e-9, 50e-9, 100e-9, 200e-9, 500e-9,
        1e-6, 2e-6, 5e-6, 10e-6, 20e-6, 50e-6, 100e-6, 200e-6, 500e-6, 1e-3, 2e-3, 5e-3, 10e-3, 20e-3,
        50e-3, 100e-3, 200e-3, 500e-3, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0)


def parse_wavedesc(desc: bytes) -> dict[str, float]:
    """The fields of Siglent's WAVEDESC block that scale a waveform (little-endian)."""
    if len(desc) < WAVEDESC_BYTES or not desc.startswith(b"WAVEDESC"):
        raise ValueError(f"not a {WAVEDESC_BYTES}-byte WAVEDESC block ({len(desc)} bytes, "
                         f"starts {desc[:8]!r})")
    (points,) = struct.unpack_from("<i", desc, 0x74)
    vdiv, offset, code_per_div = struct.unpack_from("<fff", desc, 0x9C)
    (interval,) = struct.unpack_from("<f", desc, 0xB0)
    (delay,) = struct.unpack_from("<d", desc, 0xB4)
    (tdiv_index,) = struct.unpack_from("<h", desc, 0x144)
    (probe,) = struct.unpack_from("<f", desc, 0x148)
    if not 0 <= tdiv_index < len(TDIV):
        raise ValueError(f"timebase index {tdiv_index} out of range")
    if code_per_div == 0 or interval <= 0:
        raise ValueError("zero codes per division or sample interval")
    return {"points": points, "vdiv": vdiv * probe, "offset": offset * probe,
            "code_per_div": code_per_div, "interval": interval, "delay": delay,
            "tdiv": TDIV[tdiv_index]}


def read_waveform(link: Link, dialect: Dialect, channel: int) -> Samples:
    link.write(f":WAVeform:SOURce {dialect.channel_name(channel)}")
    link.write(":WAVeform:WIDTh BYTE")
    link.write(":WAVeform:STARt 0")
    desc = link.query_block(":WAVeform:PREamble?")
    try:
        pre = parse_wavedesc(desc)
    except (ValueError, struct.error) as err:
        raise link.error(":WAVeform:PREamble?", str(err)) from None
    total = int(pre["points"])
    chunk = link.query_int(":WAVeform:MAXPoint?")
    if chunk < 1:
        raise link.error(":WAVeform:MAXPoint?", f"answered {chunk}")
    parts = []
    for start in range(0, total, chunk):
        link.write(f":WAVeform:STARt {start}")
        link.write(f":WAVeform:POINt {min(chunk, total - start)}")
        parts.append(link.query_block(":WAVeform:DATA?"))
    codes = np.frombuffer(b"".join(parts), dtype=np.int8).astype(float)
    if len(codes) != total:
        raise link.error(":WAVeform:DATA?", f"{len(codes)} points read, the preamble says {total}")
    volts = codes / pre["code_per_div"] * pre["vdiv"] - pre["offset"]
    times = -(pre["tdiv"] * HORIZONTAL_DIVISIONS / 2) + np.arange(total) * pre["interval"] + pre["delay"]
    return Samples(times, volts, pre["interval"], {"points": total, "wavedesc": pre})


def _measure(kind: str, two: bool = False) -> tuple[str, ...]:
    steps = [":MEASure ON", ":MEASure:MODE ADVanced", ":MEASure:ADVanced:P1 ON",
             f":MEASure:ADVanced:P1:TYPE {kind}", ":MEASure:ADVanced:P1:SOURce1 {src}"]
    if two:
        steps.append(":MEASure:ADVanced:P1:SOURce2 {src2}")
    return (*steps, ":MEASure:ADVanced:P1:VALue?")


SIGLENT_SDS = Dialect(
    name="siglent-sds",
    title="Siglent SDS",
    idn=re.compile(r"^SIGLENT TECHNOLOGIES,SDS\d", re.IGNORECASE),
    divisions=HORIZONTAL_DIVISIONS,
    channel_name=lambda n: f"C{n}",
    reset=("*RST", "*CLS", "*OPC?"),
    channel=(":CHANnel{n}:SWITch ON", ":CHANnel{n}:PROBe VALue,{probe}", ":CHANnel{n}:COUPling {coupling}",
             ":CHANnel{n}:SCALe {scale}", ":CHANnel{n}:OFFSet {offset}"),
    timebase=(":TIMebase:SCALe {scale}", ":TIMebase:DELay {position}"),
    trigger=(":TRIGger:TYPE EDGE", ":TRIGger:EDGE:SOURce {src}", ":TRIGger:EDGE:SLOPe {slope}",
             ":TRIGger:EDGE:LEVel {level}"),
    slopes={"rising": "RISing", "falling": "FALLing"},
    arm=(":TRIGger:MODE SINGle", ":TRIGger:STATus?"),  # the query: armed
    done=((":TRIGger:STATus?", status_is("Stop", ("Arm", "Ready", "Auto", "Trig'd", "Roll"))),),
    measures={
        "frequency": _measure("FREQ"),
        "period": _measure("PER"),
        "pulse_width_pos": _measure("PWID"),
        "pulse_width_neg": _measure("NWID"),
        "duty_cycle": _measure("DUTY"),
        "rise_delay": _measure("FRR", two=True),
        "fall_delay": _measure("FFF", two=True),
    },
    read_waveform=read_waveform,
    offset_sign=-1.0,  # a positive offset moves the trace up: the centre shows -offset
)
