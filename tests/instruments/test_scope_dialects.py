"""Each scope dialect against a recorded conversation: the commands the driver writes, in
order, and what it makes of the answers (numbers, 9.9E37, preambles, blocks, errors)."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from visa_fakes import TIMEOUT, Recorded, block, wavedesc

from harness.instruments import InstrumentError, Link, ScpiScope
from harness.instruments.dialects import DIALECTS
from harness.instruments.dialects.tektronix import parse_wfmoutpre
from harness.instruments.link import parse_number

RESOURCE = "TCPIP::192.0.2.10::INSTR"


def scope(dialect: str, conversation: list) -> tuple[ScpiScope, Recorded]:
    fake = Recorded(conversation)
    return ScpiScope(Link("lab-scope", RESOURCE, fake, timeout_s=2.0), DIALECTS[dialect]), fake


def check(scope: ScpiScope) -> dict:
    """The driver's whole flow for one check, as the hardware hook runs it."""
    found = {"identity": scope.identify().as_dict()}
    scope.reset()
    scope.configure_channel(1, 0.5, 1.65, probe=10)
    scope.set_timebase(0.01, 0.1)
    scope.edge_trigger(1, 1.65, "rising")
    scope.arm()
    found["acquired"] = scope.wait(5.0)
    found["frequency"] = scope.measure("frequency", 1)
    found["duty"] = scope.measure("duty_cycle", 1)
    found["delay"] = scope.measure("rise_delay", 1, 2)
    found["wave"] = scope.waveform(1)
    return found


def test_rigol_ds1000z_conversation():
    driver, fake = scope("rigol-ds1000z", [
        ("*IDN?", "RIGOL TECHNOLOGIES,DS1054Z,DS1ZA000000001,00.04.04.SP4"),
        ("*RST", None), ("*CLS", None), ("*OPC?", "1"),
        (":CHANnel1:DISPlay 1", None), (":CHANnel1:PROBe 10", None), (":CHANnel1:COUPling DC", None),
        (":CHANnel1:SCALe 0.5", None), (":CHANnel1:OFFSet -1.65", None),
        (":TIMebase:MAIN:SCALe 0.000833333", None), (":TIMebase:MAIN:OFFSet 0.004", None),
        (":TRIGger:MODE EDGE", None), (":TRIGger:EDGe:SOURce CHANnel1", None),
        (":TRIGger:EDGe:SLOPe POSitive", None), (":TRIGger:EDGe:LEVel 1.65", None),
        (":SINGle", None), (":TRIGger:STATus?", "WAIT"),
        (":TRIGger:STATus?", "WAIT"), (":TRIGger:STATus?", "TD"), (":TRIGger:STATus?", "STOP"),
        (":MEASure:ITEM? FREQuency,CHANnel1", "1.000000e+03"),
        (":MEASure:ITEM? PDUTy,CHANnel1", "4.968382e-01"),
        (":MEASure:ITEM? RDELay,CHANnel1,CHANnel2", "9.9E37"),
        (":WAVeform:SOURce CHANnel1", None), (":WAVeform:MODE RAW", None), (":WAVeform:FORMat BYTE", None),
        (":ACQuire:MDEPth?", "4"), (":WAVeform:STARt 1", None), (":WAVeform:STOP 4", None),
        (":WAVeform:DATA?", block(bytes([127, 168, 168, 86]))),
        (":WAVeform:PREamble?", "0,2,4,1,1.000000e-06,-2.000000e-06,0,4.000000e-02,-41,127"),
    ])
    found = check(driver)
    assert fake.finished
    assert found["identity"]["model"] == "DS1054Z"
    assert found["acquired"] is True
    assert found["frequency"] == 1000.0
    assert found["duty"] == pytest.approx(49.68382)  # the ratio Rigol answers, as percent
    assert found["delay"] is None  # 9.9E37: no valid value, never a number
    wave = found["wave"]
    # volts = (byte - yorigin - yreference) * yincrement
    assert wave.volts == pytest.approx([1.64, 3.28, 3.28, 0.0])
    assert wave.times == pytest.approx([-2e-6, -1e-6, 0.0, 1e-6])
    assert wave.x_increment == 1e-6 and wave.instrument == "lab-scope"


def test_rigol_reads_deep_memory_in_chunks_and_sizes_auto_depth():
    data = np.arange(250_001, dtype=np.uint64) % 256
    driver, fake = scope("rigol-ds1000z", [
        (":WAVeform:SOURce CHANnel2", None), (":WAVeform:MODE RAW", None), (":WAVeform:FORMat BYTE", None),
        (":ACQuire:MDEPth?", "AUTO"), (":ACQuire:SRATe?", "2.500000e+08"),
        (":TIMebase:MAIN:SCALe?", "8.333367e-05"),
        (":WAVeform:STARt 1", None), (":WAVeform:STOP 250000", None),
        (":WAVeform:DATA?", block(bytes(data[:250_000].astype(np.uint8)))),
        (":WAVeform:STARt 250001", None), (":WAVeform:STOP 250001", None),
        (":WAVeform:DATA?", block(bytes(data[250_000:].astype(np.uint8)))),
        (":WAVeform:PREamble?", "0,2,250001,1,4.000000e-09,-1.000000e-04,0,4.000000e-02,0,127"),
    ])
    wave = driver.waveform(2)
    assert fake.finished and wave.points == 250_001 and wave.channel == 2
    assert wave.volts[-1] == pytest.approx((250_000 % 256 - 127) * 0.04)


def test_keysight_infiniivision_conversation():
    driver, fake = scope("keysight-infiniivision", [
        ("*IDN?", "KEYSIGHT TECHNOLOGIES,DSO-X 3024T,MY58000000,07.50.2021102830"),
        ("*RST", None), ("*CLS", None), ("*OPC?", "1"),
        (":CHANnel1:DISPlay 1", None), (":CHANnel1:PROBe 10", None), (":CHANnel1:COUPling DC", None),
        (":CHANnel1:SCALe 0.5", None), (":CHANnel1:OFFSet 1.65", None),
        (":TIMebase:REFerence CENTer", None), (":TIMebase:SCALe 0.001", None),
        (":TIMebase:POSition 0.004", None),
        (":TRIGger:MODE EDGE", None), (":TRIGger:SWEep NORMal", None),
        (":TRIGger:EDGE:SOURce CHANnel1", None),
        (":TRIGger:EDGE:SLOPe POSitive", None), (":TRIGger:EDGE:LEVel 1.65", None),
        ("*CLS", None), (":SINGle", None), (":OPERegister:CONDition?", "+40"),
        (":TER?", "+0"), (":TER?", "+1"),
        (":OPERegister:CONDition?", "+8"), (":OPERegister:CONDition?", "+0"),
        (":MEASure:FREQuency? CHANnel1", "+1.00000000E+03"),
        (":MEASure:DUTYcycle? CHANnel1", "+5.0E+01"),
        (":MEASure:DEFine DELay,+1,+1", None), (":MEASure:DELay? CHANnel1,CHANnel2", "+9.9E+37"),
        (":WAVeform:SOURce CHANnel1", None), (":WAVeform:FORMat BYTE", None), (":WAVeform:UNSigned 1", None),
        (":WAVeform:POINts:MODE RAW", None), (":WAVeform:POINts MAX", None),
        (":WAVeform:PREamble?",
         "+0,+0,+3,+1,+2.00000000E-09,-3.00000000E-09,+0,+2.00000000E-02,+1.00000000E+00,+128"),
        (":WAVeform:DATA?", block(bytes([128, 228, 78]))),
    ])
    found = check(driver)
    assert fake.finished
    assert found["frequency"] == 1000.0 and found["duty"] == 50.0 and found["delay"] is None
    # volts = (byte - yreference) * yincrement + yorigin
    assert found["wave"].volts == pytest.approx([1.0, 3.0, 0.0])
    assert found["wave"].times == pytest.approx([-3e-9, -1e-9, 1e-9])


def test_tektronix_mso_conversation():
    curve = struct.pack("bbb", -82, 83, 0)
    wfmoutpre = (':WFMOUTPRE:BYT_NR 1;BIT_NR 8;ENCDG BINARY;BN_FMT RI;BYT_OR MSB;WFID "Ch1, DC coupling";'
                 'NR_PT 3;PT_FMT Y;XUNIT "s";XINCR 1.0000E-6;XZERO -1.0000E-6;PT_OFF 0;YUNIT "V";'
                 'YMULT 20.0000E-3;YOFF -82.0000;YZERO 0.0E+0')
    measure = ["MEASUrement:DELETEALL", "MEASUrement:ADDMEAS {}", "MEASUrement:MEAS1:SOUrce1 CH1"]
    driver, fake = scope("tektronix-mso", [
        ("*IDN?", "TEKTRONIX,MSO54,C012345,CF:91.1CT FV:1.30.3.9"),
        ("*RST", None), ("*CLS", None), ("HEADer 0", None), ("*OPC?", "1"),
        ("DISplay:GLObal:CH1:STATE 1", None), ("CH1:PROBEFunc:EXTAtten 10", None), ("CH1:COUPling DC", None),
        ("CH1:SCAle 0.5", None), ("CH1:POSition 0", None), ("CH1:OFFSet 1.65", None),
        ("HORizontal:MODE AUTO", None), ("HORizontal:SCAle 0.001", None), ("HORizontal:POSition 10", None),
        ("TRIGger:A:TYPe EDGE", None), ("TRIGger:A:MODe NORMal", None), ("TRIGger:A:EDGE:SOUrce CH1", None),
        ("TRIGger:A:EDGE:SLOpe RISe", None), ("TRIGger:A:LEVel:CH1 1.65", None),
        ("ACQuire:STOPAfter SEQuence", None), ("ACQuire:STATE RUN", None), ("ACQuire:STATE?", "1"),
        ("ACQuire:STATE?", "1"), ("ACQuire:STATE?", "0"),
        *[(m.format("FREQUENCY"), None) for m in measure], ("*OPC?", "1"),
        ("MEASUrement:MEAS1:RESUlts:CURRentacq:MEAN?", "1.0E+3"),
        *[(m.format("PDUTY"), None) for m in measure], ("*OPC?", "1"),
        ("MEASUrement:MEAS1:RESUlts:CURRentacq:MEAN?", "50.0"),
        *[(m.format("DELAY"), None) for m in measure],
        ("MEASUrement:MEAS1:SOUrce2 CH2", None), ("MEASUrement:MEAS1:DELay:EDGE1 RISe", None),
        ("MEASUrement:MEAS1:DELay:EDGE2 RISe", None), ("*OPC?", "1"),
        ("MEASUrement:MEAS1:RESUlts:CURRentacq:MEAN?", "9.91E37"),
        ("DATa:SOUrce CH1", None), ("DATa:ENCdg RIBinary", None), ("WFMOutpre:BYT_Nr 1", None),
        ("HORizontal:RECOrdlength?", "3"), ("DATa:STARt 1", None), ("DATa:STOP 3", None),
        ("HEADer 1", None), ("WFMOutpre?", wfmoutpre), ("HEADer 0", None), ("CURVe?", block(curve)),
    ])
    found = check(driver)
    assert fake.finished
    assert found["frequency"] == 1000.0 and found["duty"] == 50.0 and found["delay"] is None
    # volts = (code - YOFF) * YMULT + YZERO; time = XZERO + XINCR * (i - PT_OFF)
    assert found["wave"].volts == pytest.approx([0.0, 3.3, 1.64])
    assert found["wave"].times == pytest.approx([-1e-6, 0.0, 1e-6])


def test_tektronix_preamble_keys_parse_in_any_verbosity():
    short = parse_wfmoutpre(":WFMO:BYT_N 1;NR_P 500;XIN 2.0E-9;XZE 0.0;YMU 1.0;YOF 0;YZE 0")
    long = parse_wfmoutpre("BYT_NR 1;NR_PT 500;XINCR 2.0E-9;XZERO 0.0;YMULT 1.0;YOFF 0;YZERO 0")
    assert short["NR_PT"] == long["NR_PT"] == "500"
    assert short["XINCR"] == long["XINCR"] == "2.0E-9"


def test_siglent_sds_conversation():
    desc = wavedesc(points=3, vdiv=0.5, offset=-1.5, code_per_div=25.0, interval=1e-6, delay=0.0,
                    tdiv_index=12)
    advanced = [":MEASure ON", ":MEASure:MODE ADVanced", ":MEASure:ADVanced:P1 ON",
                ":MEASure:ADVanced:P1:TYPE {}", ":MEASure:ADVanced:P1:SOURce1 C1"]
    driver, fake = scope("siglent-sds", [
        ("*IDN?", "Siglent Technologies,SDS2104X Plus,SDS2PDDX000000,1.5.2R3"),
        ("*RST", None), ("*CLS", None), ("*OPC?", "1"),
        (":CHANnel1:SWITch ON", None), (":CHANnel1:PROBe VALue,10", None), (":CHANnel1:COUPling DC", None),
        (":CHANnel1:SCALe 0.5", None), (":CHANnel1:OFFSet -1.65", None),
        (":TIMebase:SCALe 0.001", None), (":TIMebase:DELay 0.004", None),
        (":TRIGger:TYPE EDGE", None), (":TRIGger:EDGE:SOURce C1", None), (":TRIGger:EDGE:SLOPe RISing", None),
        (":TRIGger:EDGE:LEVel 1.65", None),
        (":TRIGger:MODE SINGle", None), (":TRIGger:STATus?", "Ready"),
        (":TRIGger:STATus?", "Trig'd"), (":TRIGger:STATus?", "Stop"),
        *[(m.format("FREQ"), None) for m in advanced], (":MEASure:ADVanced:P1:VALue?", "1.00E+03"),
        *[(m.format("DUTY"), None) for m in advanced], (":MEASure:ADVanced:P1:VALue?", "5.00E+01"),
        *[(m.format("FRR"), None) for m in advanced], (":MEASure:ADVanced:P1:SOURce2 C2", None),
        (":MEASure:ADVanced:P1:VALue?", "****"),
        (":WAVeform:SOURce C1", None), (":WAVeform:WIDTh BYTE", None), (":WAVeform:STARt 0", None),
        (":WAVeform:PREamble?", block(desc)), (":WAVeform:MAXPoint?", "2"),
        (":WAVeform:STARt 0", None), (":WAVeform:POINt 2", None),
        (":WAVeform:DATA?", block(struct.pack("bb", -75, 75))),
        (":WAVeform:STARt 2", None), (":WAVeform:POINt 1", None), (":WAVeform:DATA?", block(b"\x00")),
    ])
    found = check(driver)
    assert fake.finished
    assert found["frequency"] == 1000.0 and found["duty"] == 50.0 and found["delay"] is None
    # volts = code / code_per_div * vdiv - offset; time = -(tdiv * 10 / 2) + i * interval + delay
    assert found["wave"].volts == pytest.approx([0.0, 3.0, 1.5])
    assert found["wave"].times == pytest.approx([-5e-6, -4e-6, -3e-6])


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_wrong_identity_names_instrument_and_command(name):
    driver, _ = scope(name, [("*IDN?", "HEWLETT-PACKARD,54600B,0,A.1")])
    with pytest.raises(InstrumentError) as err:
        driver.identify()
    text = str(err.value)
    assert "lab-scope" in text and RESOURCE in text and "'*IDN?'" in text
    assert f"not a {DIALECTS[name].title}" in text and "HEWLETT-PACKARD" in text


@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_timeout_names_instrument_and_command(name):
    driver, _ = scope(name, [("*IDN?", TIMEOUT)])
    with pytest.raises(InstrumentError, match=r"lab-scope \(TCPIP::192.0.2.10::INSTR\): '\*IDN\?': "
                                              r"no answer within 2 s \(timeout\)"):
        driver.identify()


def test_garbage_measurement_is_an_error_not_a_number():
    driver, _ = scope("rigol-ds1000z", [(":MEASure:ITEM? FREQuency,CHANnel1", "hello, world")])
    with pytest.raises(InstrumentError, match=r"':MEASure:ITEM\? FREQuency,CHANnel1': "
                                              r"answered 'hello, world', expected a number"):
        driver.measure("frequency", 1)


def test_unknown_trigger_status_is_an_error():
    driver, _ = scope("rigol-ds1000z", [(":TRIGger:STATus?", "BANANA")])
    with pytest.raises(InstrumentError,
                       match=r"':TRIGger:STATus\?': unexpected answer: unknown status 'BANANA'"):
        driver.wait(1.0)


def test_bad_preamble_and_bad_blocks_are_errors():
    head = [(":WAVeform:SOURce CHANnel1", None), (":WAVeform:FORMat BYTE", None),
            (":WAVeform:UNSigned 1", None), (":WAVeform:POINts:MODE RAW", None),
            (":WAVeform:POINts MAX", None)]
    driver, _ = scope("keysight-infiniivision", [*head, (":WAVeform:PREamble?", "1,2,3")])
    with pytest.raises(InstrumentError, match=r"':WAVeform:PREamble\?': answered '1,2,3'"):
        driver.waveform(1)
    preamble = "+0,+0,+3,+1,+2.0E-09,-3.0E-09,+0,+2.0E-02,+1.0E+00,+128"
    driver, _ = scope("keysight-infiniivision", [*head, (":WAVeform:PREamble?", preamble),
                                                 (":WAVeform:DATA?", b"1,2,3\n")])
    with pytest.raises(InstrumentError, match=r"expected a #<n><length> block"):
        driver.waveform(1)
    driver, _ = scope("keysight-infiniivision", [*head, (":WAVeform:PREamble?", preamble),
                                                 (":WAVeform:DATA?", b"#15ab")])
    with pytest.raises(InstrumentError, match=r"block cut short: 2 of 5 bytes"):
        driver.waveform(1)


def test_siglent_preamble_that_is_not_a_wavedesc_is_an_error():
    driver, _ = scope("siglent-sds", [(":WAVeform:SOURce C1", None), (":WAVeform:WIDTh BYTE", None),
                                      (":WAVeform:STARt 0", None),
                                      (":WAVeform:PREamble?", block(b"x" * 346))])
    with pytest.raises(InstrumentError, match=r"':WAVeform:PREamble\?': not a 346-byte WAVEDESC"):
        driver.waveform(1)


@pytest.mark.parametrize(("answer", "value"), [
    ("1.000000e+03", 1000.0), ("+9.9E+37", None), ("9.91E37", None), ("****", None), ("-1.2E-05", -1.2e-05),
    (":MEASUREMENT:MEAS1:RESULTS:CURRENTACQ:MEAN 2.5E-3", 2.5e-3), ("C1:PAVA FREQ,1.00E+03Hz", 1000.0),
])
def test_numbers_and_the_no_value_sentinel(answer, value):
    assert parse_number(answer) == value


@pytest.mark.parametrize("answer", ["", "hello", "OFF,ON"])
def test_answers_without_a_number_are_refused(answer):
    with pytest.raises(ValueError):
        parse_number(answer)
