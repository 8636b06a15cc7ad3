"""System-log event XML as Windows writes it, for the events crash correlation reads.

The Kernel-Power 41 (version 10) and EventLog 6008 bodies are the real Windows 11 exports quoted in the
crash-recovery reference; the WER 1001 body follows the manifest fields (``param1``..``param3``) and the
``param1`` format of a real report. Values are parameters so one template covers each case.
"""

from __future__ import annotations

NS = "http://schemas.microsoft.com/win/2004/08/events/event"

# EventLog 6008 <Binary> of the real export: local 2025-11-25 10:23:28.357, UTC 15:23:28.357, then two DWORDs.
REAL_6008_BINARY = ("E9070B00020019000A0017001C006501E9070B00020019000F0017001C0065013C0000003C00000000000000000000000000"
                    "0000000000000000000000000000000000")


def _system(provider: str, event_id: int, time: str, record: int, *, guid: str = "", qualifiers: str = "",
            level: int = 4, source: str = "") -> str:
    guid_attr = f' Guid="{guid}"' if guid else ""
    source_attr = f' EventSourceName="{source}"' if source else ""
    qual = f' Qualifiers="{qualifiers}"' if qualifiers else ""
    return (f'<System><Provider Name="{provider}"{guid_attr}{source_attr} /><EventID{qual}>{event_id}</EventID>'
            f"<Version>0</Version><Level>{level}</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>"
            f'<TimeCreated SystemTime="{time}" /><EventRecordID>{record}</EventRecordID><Correlation />'
            f'<Execution ProcessID="4" ThreadID="8" /><Channel>System</Channel><Computer>TOOTHLESS</Computer>'
            f'<Security UserID="S-1-5-18" /></System>')


def kernel_power_41(time: str = "2025-11-25T15:33:38.3279369Z", *, code: int = 0, params: tuple[str, ...] = ("0x0",) * 4,
                    power_button: int = 0, record: int = 9001) -> str:
    data = "".join(f'<Data Name="BugcheckParameter{i}">{p}</Data>' for i, p in enumerate(params, 1))
    return (f'<Event xmlns="{NS}">'
            + _system("Microsoft-Windows-Kernel-Power", 41, time, record, guid="{331c3b3a-2005-44c2-ac5e-77220c37d6b4}", level=1)
            + f'<EventData><Data Name="BugcheckCode">{code}</Data>{data}<Data Name="SleepInProgress">0</Data>'
            f'<Data Name="PowerButtonTimestamp">{power_button}</Data><Data Name="BootAppStatus">0</Data>'
            '<Data Name="Checkpoint">0</Data><Data Name="ConnectedStandbyInProgress">false</Data>'
            '<Data Name="SystemSleepTransitionsToOn">0</Data><Data Name="CsEntryScenarioInstanceId">0</Data>'
            '<Data Name="BugcheckInfoFromEFI">false</Data><Data Name="CheckpointStatus">0</Data>'
            '<Data Name="CsEntryScenarioInstanceIdV2">0</Data><Data Name="LongPowerButtonPressDetected">false</Data>'
            '<Data Name="LidReliability">false</Data><Data Name="InputSuppressionState">0</Data>'
            '<Data Name="PowerButtonSuppressionState">0</Data><Data Name="LidState">3</Data>'
            '<Data Name="WHEABootErrorCount">0</Data></EventData></Event>')


def eventlog_6008(time: str = "2025-11-25T15:33:46.3051443Z", binary: str = REAL_6008_BINARY, record: int = 9002) -> str:
    return (f'<Event xmlns="{NS}">' + _system("EventLog", 6008, time, record, qualifiers="32768", level=2)
            + "<EventData><Data>10:23:28 AM</Data><Data>11/25/2025</Data><Data /><Data /><Data>12</Data><Data /><Data />"
            f"<Binary>{binary}</Binary></EventData></Event>")


def wer_1001(time: str = "2025-11-25T15:35:02.1000000Z", *, param1: str, dump: str = r"C:\Windows\MEMORY.DMP",
             event_id: int = 1001, record: int = 9003) -> str:
    return (f'<Event xmlns="{NS}">'
            + _system("Microsoft-Windows-WER-SystemErrorReporting", event_id, time, record, qualifiers="16384", level=2,
                      guid="{ABCE23E7-DE45-4366-8631-84FA6C525952}", source="BugCheck")
            + f'<EventData><Data Name="param1">{param1}</Data><Data Name="param2">{dump}</Data>'
            '<Data Name="param3">7a1c2d3e-0000-4c5b-9d8e-123456789abc</Data></EventData></Event>')


def user32_1074(time: str, record: int = 9004) -> str:
    return (f'<Event xmlns="{NS}">' + _system("User32", 1074, time, record, qualifiers="32768", source="User32")
            + r'<EventData><Data Name="param1">C:\Windows\system32\winlogon.exe (TOOTHLESS)</Data>'
            '<Data Name="param2">TOOTHLESS</Data><Data Name="param3">Operating System: Upgrade (Planned)</Data>'
            '<Data Name="param4">0x80020003</Data><Data Name="param5">restart</Data><Data Name="param6" />'
            r'<Data Name="param7">NT AUTHORITY\SYSTEM</Data></EventData></Event>')


def eventlog_simple(event_id: int, time: str, record: int = 9005) -> str:
    """6005 (event log started: a new session) or 6006 (event log stopped: clean shutdown)."""
    return (f'<Event xmlns="{NS}">' + _system("EventLog", event_id, time, record, qualifiers="32768")
            + "<EventData><Data /><Binary>0100000000000000</Binary></EventData></Event>")


def kernel_boot_20(time: str, *, last_boot_good: bool = True, last_shutdown_good: bool = True, record: int = 9006) -> str:
    return (f'<Event xmlns="{NS}">'
            + _system("Microsoft-Windows-Kernel-Boot", 20, time, record, guid="{15ca44ff-4d7a-4baa-bba5-0998955e531e}")
            + f'<EventData><Data Name="LastShutdownGood">{last_shutdown_good}</Data>'
            f'<Data Name="LastBootGood">{last_boot_good}</Data><Data Name="LastBootId">0</Data>'
            '<Data Name="BootStatusPolicy">2</Data></EventData></Event>')


def winre_agent(event_id: int, time: str, version: str = "10.0.26100.8235", record: int = 9007) -> str:
    data = f'<Data Name="Version">{version}</Data>' if event_id == 4501 else \
        '<Data Name="ErrorPhase">2</Data><Data Name="Errorcode">-2147024809</Data>' if event_id == 4502 else ""
    return (f'<Event xmlns="{NS}">'
            + _system("Microsoft-Windows-WinREAgent", event_id, time, record, guid="{1F7A6C55-5532-573B-35B7-2107E43A6EF5}")
            + f"<EventData>{data}</EventData></Event>")


def wevtutil_stream(*events: str) -> str:
    """What ``wevtutil qe System /f:xml`` prints: the events one after another, without a root element."""
    return "\r\n".join(events) + "\r\n"


def exported_document(*events: str) -> str:
    """An Event Viewer "Save as XML" export: a declaration and an ``<Events>`` root."""
    return '<?xml version="1.0" encoding="utf-8"?>\n<Events>' + "".join(events) + "</Events>"
