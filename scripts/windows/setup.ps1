<#
.SYNOPSIS
    Set up Ringfence from a source checkout on Windows 10/11 and run the Windows test subset.

.DESCRIPTION
    The PowerShell counterpart of scripts/setup and of the Wine job's test phase (scripts/wine/run):
    creates .venv with the official CPython 3.11 for Windows (python.org installer or the "py" launcher),
    installs Ringfence with its exactly pinned dependencies and the test and build tools, then runs the
    same test subset the Wine job runs. No administrator rights are needed.

    Run it from the checkout in a PowerShell window:
        powershell -ExecutionPolicy Bypass -File scripts\windows\setup.ps1
        powershell -ExecutionPolicy Bypass -File scripts\windows\setup.ps1 -NoTests        # set up only
        powershell -ExecutionPolicy Bypass -File scripts\windows\setup.ps1 -Bundle         # and build dist\Ringfence
        powershell -ExecutionPolicy Bypass -File scripts\windows\setup.ps1 -Bundle -Installer   # and the installer (NSIS)

.PARAMETER Python
    The Python 3.11 to create the virtual environment with (default: "py -3.11", the launcher that the
    python.org installer puts on PATH).
#>
param(
    [string]$Python = "",
    [switch]$NoTests,
    [switch]$Bundle,
    [switch]$Installer
)

$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Fail([string]$Message) {
    Write-Host "setup.ps1: $Message" -ForegroundColor Red
    exit 2
}

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { Fail "$What failed (exit code $LASTEXITCODE)." }
}

# 1. CPython 3.11 (64-bit), the version the bundle ships
if ($Python -eq "") {
    if (Get-Command py -ErrorAction SilentlyContinue) { $launcher = @("py", "-3.11") }
    elseif (Get-Command python -ErrorAction SilentlyContinue) { $launcher = @("python") }
    else { Fail "Python 3.11 is not installed: get the 64-bit Windows installer from https://www.python.org/downloads/windows/" }
} else {
    $launcher = $Python -split " "
}
$exe = $launcher[0]
$launcherArgs = @($launcher | Select-Object -Skip 1)
$version = & $exe @launcherArgs -c "import struct, sys; print('%d.%d %d' % (sys.version_info[0], sys.version_info[1], struct.calcsize('P') * 8))"
if ($LASTEXITCODE -ne 0 -or -not $version) { Fail "$($launcher -join ' ') does not run; install the 64-bit Python 3.11 from python.org." }
if ($version -ne "3.11 64") { Fail "$($launcher -join ' ') is Python $version (version, bits); Ringfence needs the 64-bit Python 3.11." }

# 2. .venv with Ringfence, its pinned dependencies and the test and build tools (pyproject.toml)
$venvPython = Join-Path (Get-Location) ".venv\Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
    Invoke-Checked "Creating .venv" { & $exe @launcherArgs -m venv .venv }
}
Invoke-Checked "Updating pip" { & $venvPython -m pip install -q --upgrade pip }
Invoke-Checked "Installing Ringfence and its pinned dependencies" { & $venvPython -m pip install -q -e ".[test,build]" }
Write-Host "Ringfence is set up in .venv (run .venv\Scripts\ringfence.exe --help, or .venv\Scripts\ringfence-gui.exe)."

# 3. The Windows test subset: the same folders and marks as the Wine job
$status = 0
if (-not $NoTests) {
    $env:QT_QPA_PLATFORM = "offscreen"
    $subsets = @(
        @("tests\engine"),
        @("tests\quarantine"),
        @("tests\realtime", "tests\test_filelock.py", "tests\test_desktop.py", "tests\test_settings_kept.py", "tests\test_foundation.py"),
        @("tests\drives"),
        @("tests\ui", "-m", "not x11 and not slow")
    )
    foreach ($subset in $subsets) {
        Write-Host "--- $($subset -join ' ')"
        & $venvPython -m pytest -p no:cacheprovider -q -rsfE @subset
        if ($LASTEXITCODE -ne 0) { $status = 1; Write-Host "--- $($subset -join ' '): FAILED" -ForegroundColor Red }
    }
    Remove-Item Env:\QT_QPA_PLATFORM
}

# 4. The one-folder bundle, its self-tests, and the installer
if ($Bundle -or $Installer) {
    Invoke-Checked "PyInstaller" { & (Join-Path (Get-Location) ".venv\Scripts\pyinstaller.exe") build.spec --noconfirm }
    Invoke-Checked "The bundle's self-test" { & "dist\Ringfence\ringfence-cli.exe" selftest }
    $size = (Get-ChildItem "dist\Ringfence" -Recurse -File | Measure-Object -Property Length -Sum).Sum / 1MB
    Write-Host ("dist\Ringfence: {0:N1} MB" -f $size)
}
if ($Installer) {
    if (-not (Get-Command makensis -ErrorAction SilentlyContinue)) {
        $nsis = Join-Path ${env:ProgramFiles(x86)} "NSIS"
        if (Test-Path (Join-Path $nsis "makensis.exe")) { $env:PATH = "$nsis;$env:PATH" }
        else { Fail "makensis is not installed: get NSIS 3.08 or later from https://nsis.sourceforge.io/" }
    }
    Invoke-Checked "Building the installer" { & $venvPython scripts\windows_installer.py dist\Ringfence }
}
exit $status
