"""Fuzzing the parsers of untrusted input: dumps, event XML and reagentc output never raise anything but a
RingfenceError. A few hundred examples each run by default; ``-m slow`` runs 10,000 each."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.foundation.errors import RingfenceError
from app.core.recovery.dumpfile import parse_dump
from app.core.recovery.reagentc import parse_info, parse_recovery_settings, redact_wifi
from app.core.recovery.windows_events import kernel_power_bugcheck, last_alive_time, parse_events, power_button_held, wer_bugcheck
from tests.recovery import eventxml as x
from tests.recovery import recorded as r
from tests.recovery.dumps import STANDARD_DRIVERS, Driver, Triage, build_dump

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SEED_DUMPS = [
    build_dump(bits=64, code=0x50, params=(1, 2, STANDARD_DRIVERS[3].base + 5, 4), triage=Triage(STANDARD_DRIVERS, [1, 2, 3])),
    build_dump(bits=32, code=0xD1, params=(1, 2, 3, 0xF7A10010), triage=Triage([Driver("a.sys", 0xF7A10000, 0x1000)], [7])),
    build_dump(bits=64, code=0x1A),
    build_dump(bits=32, code=0x0A),
]
SEED_EVENTS = [
    x.kernel_power_41(code=26, params=("0x3470", "0x0", "0x0", "0x0")),
    x.eventlog_6008(),
    x.wer_1001(param1="0x0000001a (0x0000000000003470, 0xfffffe7f3f9fc000, 0x0, 0x1)"),
    x.user32_1074("2025-11-25T15:20:00Z"),
    x.kernel_boot_20("2025-11-25T15:33:30Z", last_boot_good=False),
    x.winre_agent(4501, "2025-11-24T03:00:00Z"),
]
SEED_REAGENTC = [r.GETRECOVERYSETTINGS, r.GETRECOVERYSETTINGS_TURKISH_OFF, r.INFO_24H2, r.INFO_DISABLED, r.INFO_TURKISH,
                 r.INFO_RUSSIAN_DISABLED, r.OPERATION_FAILED]


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=0x2400))
    data = bytearray(draw(st.sampled_from(SEED_DUMPS)))
    for _ in range(draw(st.integers(0, 12))):
        position = draw(st.integers(0, len(data) - 1))
        # Favour the header and triage fields, where offsets and counts live.
        if draw(st.booleans()):
            position = draw(st.sampled_from([0x38, 0x40, 0x58, 0xF98, 0xFA8, 0x2004, 0x2008, 0x2028, 0x202C, 0x2030, 0x2034,
                                             0x1004, 0x1008, 0x1028, 0x102C, 0x1030, 0x1034, 0x2100, 0x1100])) % len(data)
        chunk = draw(st.binary(min_size=1, max_size=8))
        data[position:position + len(chunk)] = chunk
    cut = draw(st.integers(0, len(data)))
    return bytes(data[:cut]) if draw(st.booleans()) else bytes(data)


@st.composite
def mutated_text(draw: st.DrawFn, seeds: list[str]) -> str:
    if draw(st.integers(0, 4)) == 0:
        return draw(st.text(max_size=400))
    text = draw(st.sampled_from(seeds))
    if draw(st.booleans()):
        text = "".join(draw(st.sampled_from(seeds)) for _ in range(draw(st.integers(1, 3))))
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 30)))
        insert = draw(st.one_of(st.text(max_size=12), st.sampled_from(["<", ">", "\"", "&", "=", "0x", "<Data>", "</Event>", ":",
                                                                         "\uff1a", "<Binary>zz", "-1", "99999999999999999999999"])))
        text = text[:start] + insert + text[end:]
    return text


def check_dump(data: bytes) -> None:
    try:
        info = parse_dump(data)
    except RingfenceError:
        return
    assert info.signature in ("PAGEDU64", "PAGEDUMP")


def check_events(text: str) -> None:
    try:
        events = parse_events(text)
    except RingfenceError:
        return
    for event in events:
        kernel_power_bugcheck(event), wer_bugcheck(event), power_button_held(event), last_alive_time(event)


def check_reagentc(text: str) -> None:
    parse_info(text)
    parse_recovery_settings(text)


@FAST
@given(mutated_bytes())
def test_fuzz_dump_parser(data: bytes) -> None:
    check_dump(data)


@FAST
@given(mutated_text(SEED_EVENTS))
def test_fuzz_event_parser(text: str) -> None:
    check_events(text)


@FAST
@given(mutated_text(SEED_REAGENTC))
def test_fuzz_reagentc_parsers(text: str) -> None:
    check_reagentc(text)


@FAST
@given(st.text(alphabet="abcdefghijkXYZ0123456789!#$%()*+,-./;?@[]^_{|}~ ", min_size=12, max_size=40), st.sampled_from(['"', "'"]))
def test_fuzz_wifi_password_never_survives(password: str, quote: str) -> None:
    password = "PW" + password.replace(quote, "")
    text = r.GETRECOVERYSETTINGS.replace('password="ContosoWiFiPassword"', f"password={quote}{password}{quote}")
    assert password not in redact_wifi(text)
    assert password not in repr(parse_recovery_settings(text))


@pytest.mark.slow
@SLOW
@given(mutated_bytes())
def test_fuzz_dump_parser_slow(data: bytes) -> None:
    check_dump(data)


@pytest.mark.slow
@SLOW
@given(mutated_text(SEED_EVENTS))
def test_fuzz_event_parser_slow(text: str) -> None:
    check_events(text)


@pytest.mark.slow
@SLOW
@given(mutated_text(SEED_REAGENTC))
def test_fuzz_reagentc_parsers_slow(text: str) -> None:
    check_reagentc(text)
