"""reagentc outputs recorded on real machines (verbatim from the crash-recovery reference), plus the label
variants seen on localised Windows."""

from __future__ import annotations

WIFI_PASSWORD = "ContosoWiFiPassword"

# Microsoft's documented /getrecoverysettings output (section "Verify Recovery Settings").
GETRECOVERYSETTINGS = """C:\\>reagentc.exe /getrecoverysettings
<?xml version='1.0' encoding='utf-8'?>

<WindowsRE>
    <WifiCredential>
        <Wifi ssid="ContosoWiFi" password="ContosoWiFiPassword" />
    </WifiCredential>
    <CloudRemediation state="1" />
    <AutoRemediation state="1" totalwaittime="2400" waitinterval="120"/>
</WindowsRE>

REAGENTC.EXE: Operation Successful.
"""

# The same settings with the status line of a Turkish Windows and QMR off.
GETRECOVERYSETTINGS_TURKISH_OFF = """<?xml version='1.0' encoding='utf-8'?>

<WindowsRE>
    <WifiCredential>
        <Wifi ssid="Ev-Agi" password="ContosoWiFiPassword" />
    </WifiCredential>
    <CloudRemediation state="0" />
    <AutoRemediation state="0" totalwaittime="180" waitinterval="30"/>
    <Headless state="0" />
</WindowsRE>

REAGENTC.EXE: Islem Basarili.
"""

OPERATION_FAILED = "REAGENTC.EXE: Operation failed: 57\r\n\r\n"

# Microsoft support article sample of /info.
INFO_MS_DOC = """C:\\WINDOWS\\system32>Reagentc.exe /info
Windows Recovery Environment (Windows RE) and system reset configuration
Information:

Windows RE status: Enabled
 Windows RE location: \\\\?\\GLOBALROOT\\device\\harddisk0\\partition1\\Recovery\\WindowsRE
 Boot Configuration Data (BCD) identifier: ########-####-####-####-############
 Recovery image location:
 Recovery image index: 0
 Custom image location:
 Custom image index: 0

REAGENTC.EXE: Operation Successful.
"""

# Real capture, Windows Server 26100.1150, enabled.
INFO_ENABLED = """Windows Recovery Environment (Windows RE) and system reset configuration
Information:

    Windows RE status:         Enabled
    Windows RE location:       \\\\?\\GLOBALROOT\\device\\harddisk0\\partition4\\Recovery\\WindowsRE
    Boot Configuration Data (BCD) identifier: 8e73986c-289e-11f0-bf53-a4d06eada308
    Recovery image location:
    Recovery image index:      0
    Custom image location:
    Custom image index:        0

REAGENTC.EXE: Operation Successful.
"""

# Same machine after reagentc /disable.
INFO_DISABLED = """Windows Recovery Environment (Windows RE) and system reset configuration
Information:

    Windows RE status:         Disabled
    Windows RE location:
    Boot Configuration Data (BCD) identifier: 00000000-0000-0000-0000-000000000000
    Recovery image location:
    Recovery image index:      0
    Custom image location:
    Custom image index:        0

REAGENTC.EXE: Operation Successful.
"""

# 24H2 capture with the version line (WinRE 10.0.26100.8235).
INFO_24H2 = """Windows Recovery Environment (Windows RE) and system reset configuration
Information:

    Windows RE status:         Enabled
    Windows RE location:       \\\\?\\GLOBALROOT\\device\\harddisk0\\partition8\\Recovery\\WindowsRE
    Boot Configuration Data (BCD) identifier: 66478abd-e478-11ef-936d-b4e8d5b5fa22
    Recovery image location:   
    Recovery image index:      0
    Custom image location:     
    Custom image index:        0
    Windows RE Version:        10.0.26100.8235

REAGENTC.EXE: Operation Successful.
"""  # noqa: W291 - the blank values keep their trailing spaces, as captured

# Localised labels (Turkish, Russian with a full-width colon); the device path and GUIDs are not localised.
INFO_TURKISH = """Windows Kurtarma Ortami (Windows RE) ve sistem sifirlama yapilandirmasi
Bilgi:

    Windows RE durumu:         Etkin
    Windows RE konumu:         \\\\?\\GLOBALROOT\\device\\harddisk0\\partition3\\Recovery\\WindowsRE
    Önyükleme Yapilandirma Verileri (BCD) tanimlayicisi: 1b2c3d4e-5f60-11ef-8a9b-0c1d2e3f4a5b
    Windows RE sürümü:         10.0.22621.6060

REAGENTC.EXE: Islem Basarili.
"""

INFO_RUSSIAN_DISABLED = """Конфигурация среды восстановления Windows (Windows RE) и сброса системы
Сведения:

    Состояние Windows RE：     Отключено
    Расположение Windows RE：
    Идентификатор данных конфигурации загрузки (BCD)：00000000-0000-0000-0000-000000000000

REAGENTC.EXE: Операция успешно завершена.
"""
