"""reagentc /info and /getrecoverysettings: recorded outputs, localised labels, failures, Wi-Fi redaction."""

from __future__ import annotations

import pytest

from app.core.recovery.reagentc import QmrSettings, WinreInfo, parse_info, parse_recovery_settings, redact_wifi
from tests.recovery import recorded as r


@pytest.mark.parametrize(("text", "expected"), [
    (r.INFO_MS_DOC, WinreInfo(True, r"\\?\GLOBALROOT\device\harddisk0\partition1\Recovery\WindowsRE", None)),
    (r.INFO_ENABLED, WinreInfo(True, r"\\?\GLOBALROOT\device\harddisk0\partition4\Recovery\WindowsRE", None)),
    (r.INFO_DISABLED, WinreInfo(False, None, None)),
    (r.INFO_24H2, WinreInfo(True, r"\\?\GLOBALROOT\device\harddisk0\partition8\Recovery\WindowsRE", "10.0.26100.8235")),
    (r.INFO_TURKISH, WinreInfo(True, r"\\?\GLOBALROOT\device\harddisk0\partition3\Recovery\WindowsRE", "10.0.22621.6060")),
    (r.INFO_RUSSIAN_DISABLED, WinreInfo(False, None, None)),
])
def test_info_outputs(text: str, expected: WinreInfo) -> None:
    assert parse_info(text) == expected


def test_info_with_windows_line_endings_and_utf16_round_trip() -> None:
    text = r.INFO_24H2.replace("\n", "\r\n").encode("utf-16").decode("utf-16")
    assert parse_info(text).version == "10.0.26100.8235"


def test_info_operation_failed_is_unknown_not_disabled() -> None:
    info = parse_info(r.OPERATION_FAILED)
    assert (info.enabled, info.location, info.version) == (None, None, None)
    assert info.problem == "REAGENTC.EXE: Operation failed: 57"


def test_recovery_settings_ms_doc_sample() -> None:
    assert parse_recovery_settings(r.GETRECOVERYSETTINGS) == QmrSettings(True, True, 2400, 120)


def test_recovery_settings_localised_status_line_and_unknown_elements() -> None:
    assert parse_recovery_settings(r.GETRECOVERYSETTINGS_TURKISH_OFF) == QmrSettings(False, False, 180, 30)


def test_recovery_settings_missing_attributes_stay_unknown() -> None:
    text = "<WindowsRE><CloudRemediation state=\"1\" /><AutoRemediation /></WindowsRE>\nREAGENTC.EXE: Operation Successful."
    assert parse_recovery_settings(text) == QmrSettings(True, None, None, None)


def test_recovery_settings_operation_failed() -> None:
    settings = parse_recovery_settings(r.OPERATION_FAILED)
    assert (settings.cloud_remediation, settings.auto_remediation) == (None, None)
    assert settings.problem == "REAGENTC.EXE: Operation failed: 57"


@pytest.mark.parametrize("text", [
    r.GETRECOVERYSETTINGS,
    r.GETRECOVERYSETTINGS_TURKISH_OFF,
    '<WindowsRE><WifiCredential><Wifi ssid="a" password="ContosoWiFiPassword"',  # cut off mid-way
    "<WindowsRE><Wifi ssid='a' password='ContosoWiFiPassword'/></WindowsRE>",
    '<Wifi ssid="a" password="ContosoWiFiPassword" />',  # a Wifi element outside WifiCredential
    "<WindowsRE><NetworkPassword>ContosoWiFiPassword</NetworkPassword></WindowsRE>",
    "<WLANProfile><sharedKey><keyMaterial>ContosoWiFiPassword</keyMaterial></sharedKey></WLANProfile>",
    "REAGENTC.EXE: password=ContosoWiFiPassword",
])
def test_wifi_password_never_survives(text: str) -> None:
    assert r.WIFI_PASSWORD not in redact_wifi(text)
    assert r.WIFI_PASSWORD not in repr(parse_recovery_settings(text))
    assert r.WIFI_PASSWORD not in repr(parse_info(text))


def test_password_with_markup_characters_is_removed_whole() -> None:
    text = '<WindowsRE><WifiCredential><Wifi ssid="a" password="p&gt;a>ss/&quot;w0rd" /></WifiCredential></WindowsRE>'
    redacted = redact_wifi(text)
    assert "ss/" not in redacted and "w0rd" not in redacted and "p&gt;a" not in redacted
