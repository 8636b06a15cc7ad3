; The Windows installer: a per-user install of the PyInstaller one-folder bundle, no administrator rights.
; Built on Linux or Windows with NSIS 3.08 or later by scripts/build_installer, which passes
;   VERSION      the app version (pyproject.toml)      VIVERSION  the same as four numbers (a.b.c.d)
;   ICON         the app icon (.ico)                   OUTFILE    the installer to write
;   FILES_NSH    File commands for every bundle file   UNFILES_NSH  Delete/RMDir for exactly those files
;   SIGN_COMMAND (optional) a command that signs the file named by its last argument in place
; Silent use: `Ringfence-Setup-<version>.exe /S [/NOAUTOSTART] [/NOSCANMENU] [/D=folder]`,
;             `uninstall.exe /S [/REMOVEDATA]` (a silent uninstall keeps the quarantine and settings).
; The uninstaller removes the files it installed one by one (never the whole folder: a user may have
; chosen a folder that holds other things), its shortcut and its registry values.

Unicode true
Target amd64-unicode              ; the bundle is 64-bit; a 64-bit installer also runs where only 64-bit Wine is
ManifestDPIAware true
RequestExecutionLevel user        ; per user: no administrator rights, no UAC prompt
SetCompressor /SOLID lzma

!ifndef VERSION | VIVERSION | ICON | OUTFILE | FILES_NSH | UNFILES_NSH
  !error "Build with scripts/build_installer (it passes VERSION, VIVERSION, ICON, OUTFILE, FILES_NSH, UNFILES_NSH)"
!endif

!define APP "Ringfence"
!define PUBLISHER "Ringfence"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
; The same key and value name as app/core/autostart.py (RUN_KEY, VALUE_NAME): the app's own
; "Start Ringfence when I log in" setting shows and changes what the installer set.
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define RUN_VALUE "Ringfence"
; "Scan with Ringfence" in Explorer's menu: the same verb and layout as app/core/desktop/scan_menu.py
; (VERB, windows_layout), which the app's "Scan with Ringfence" setting shows and changes.
!define SCAN_VERB "Ringfence.Scan"
; Where the app keeps its state on Windows: platformdirs' user data, config, cache and log folders for
; the app name "Ringfence" (app/core/paths.py) are all %LOCALAPPDATA%\Ringfence[\Cache|\Logs].
!define DATA_DIR "$LOCALAPPDATA\${APP}"

!ifdef SIGN_COMMAND
  !finalize '${SIGN_COMMAND} "%1"' = 0
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include Sections.nsh

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\Ringfence.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SecProgram ${LANG_ENGLISH} "Ringfence"
LangString SecProgram ${LANG_GERMAN} "Ringfence"
LangString SecAutostartName ${LANG_ENGLISH} "Start Ringfence when I log in"
LangString SecAutostartName ${LANG_GERMAN} "Ringfence bei der Anmeldung starten"
LangString SecScanMenuName ${LANG_ENGLISH} "Scan with Ringfence in Explorer's menu"
LangString SecScanMenuName ${LANG_GERMAN} "Mit Ringfence prüfen im Explorer-Menü"
LangString Running ${LANG_ENGLISH} "Ringfence is running. Quit it (tray icon, Quit), then choose Retry."
LangString Running ${LANG_GERMAN} "Ringfence läuft noch. Beenden Sie es (Symbol im Infobereich, Beenden) und wählen Sie dann Wiederholen."
LangString KeepData ${LANG_ENGLISH} "Keep your quarantine and settings?$\r$\n$\r$\nChoose Yes to keep them for a later installation of Ringfence (recommended). Choose No to delete the quarantined files, the quarantine key, the settings, the history and the definitions in ${DATA_DIR}."
LangString KeepData ${LANG_GERMAN} "Quarantäne und Einstellungen behalten?$\r$\n$\r$\nWählen Sie Ja, um sie für eine spätere Installation von Ringfence zu behalten (empfohlen). Wählen Sie Nein, um die Dateien in Quarantäne, den Quarantäneschlüssel, die Einstellungen, den Verlauf und die Definitionen in ${DATA_DIR} zu löschen."
LangString NotEmpty ${LANG_ENGLISH} "Some files in $INSTDIR were not installed by Ringfence and were left there."
LangString NotEmpty ${LANG_GERMAN} "Einige Dateien in $INSTDIR stammen nicht von Ringfence und wurden dort gelassen."

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "GPL-3.0-or-later"
VIAddVersionKey /LANG=${LANG_ENGLISH} "OriginalFilename" "Ringfence-Setup-${VERSION}.exe"

; Waits until neither executable of the bundle is running (an open executable cannot be written to):
; asks to quit Ringfence and retry; a silent run gives up with exit code 2.
!macro WAIT_UNTIL_CLOSED un
Function ${un}WaitUntilClosed
  retry:
  ${ForEach} $R1 0 1 + 1
    ${If} $R1 == 0
      StrCpy $R2 "$INSTDIR\Ringfence.exe"
    ${Else}
      StrCpy $R2 "$INSTDIR\ringfence-cli.exe"
    ${EndIf}
    ${If} ${FileExists} $R2
      ClearErrors
      FileOpen $R3 $R2 a
      ${If} ${Errors}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY retry
        SetErrorLevel 2
        Quit
      ${EndIf}
      FileClose $R3
    ${EndIf}
  ${Next}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

Section "$(SecProgram)" SecProgram
  SectionIn RO
  Call WaitUntilClosed
  ${If} ${FileExists} "$INSTDIR\uninstall.exe"  ; an earlier version: its files go first (silent: data kept)
    ExecWait '"$INSTDIR\uninstall.exe" /S _?=$INSTDIR'
    Delete "$INSTDIR\uninstall.exe"
  ${EndIf}
  !include /CHARSET=UTF8 "${FILES_NSH}"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\Ringfence.exe" "" "$INSTDIR\Ringfence.exe" 0
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\Ringfence.exe,0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecAutostartName)" SecAutostart
  ; the command line app/core/autostart.py writes: the console, minimized to the tray
  WriteRegStr HKCU "${RUN_KEY}" "${RUN_VALUE}" '"$INSTDIR\Ringfence.exe" --minimized'
SectionEnd

Section "$(SecScanMenuName)" SecScanMenu
  ; files, folders, a folder window's background and drives; one process per item, gathered into one scan
  WriteRegStr HKCU "Software\Classes\*\shell\${SCAN_VERB}" "" "Scan with Ringfence"
  WriteRegStr HKCU "Software\Classes\*\shell\${SCAN_VERB}" "Icon" "$INSTDIR\Ringfence.exe,0"
  WriteRegStr HKCU "Software\Classes\*\shell\${SCAN_VERB}" "MultiSelectModel" "Player"
  WriteRegStr HKCU "Software\Classes\*\shell\${SCAN_VERB}\command" "" '"$INSTDIR\Ringfence.exe" --scan "%1"'
  WriteRegStr HKCU "Software\Classes\Directory\shell\${SCAN_VERB}" "" "Scan with Ringfence"
  WriteRegStr HKCU "Software\Classes\Directory\shell\${SCAN_VERB}" "Icon" "$INSTDIR\Ringfence.exe,0"
  WriteRegStr HKCU "Software\Classes\Directory\shell\${SCAN_VERB}" "MultiSelectModel" "Player"
  WriteRegStr HKCU "Software\Classes\Directory\shell\${SCAN_VERB}\command" "" '"$INSTDIR\Ringfence.exe" --scan "%1"'
  WriteRegStr HKCU "Software\Classes\Directory\Background\shell\${SCAN_VERB}" "" "Scan with Ringfence"
  WriteRegStr HKCU "Software\Classes\Directory\Background\shell\${SCAN_VERB}" "Icon" "$INSTDIR\Ringfence.exe,0"
  WriteRegStr HKCU "Software\Classes\Directory\Background\shell\${SCAN_VERB}" "MultiSelectModel" "Player"
  WriteRegStr HKCU "Software\Classes\Directory\Background\shell\${SCAN_VERB}\command" "" '"$INSTDIR\Ringfence.exe" --scan "%V"'
  WriteRegStr HKCU "Software\Classes\Drive\shell\${SCAN_VERB}" "" "Scan with Ringfence"
  WriteRegStr HKCU "Software\Classes\Drive\shell\${SCAN_VERB}" "Icon" "$INSTDIR\Ringfence.exe,0"
  WriteRegStr HKCU "Software\Classes\Drive\shell\${SCAN_VERB}" "MultiSelectModel" "Player"
  WriteRegStr HKCU "Software\Classes\Drive\shell\${SCAN_VERB}\command" "" '"$INSTDIR\Ringfence.exe" --scan %1'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/NOAUTOSTART" $1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecAutostart}
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/NOSCANMENU" $1
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecScanMenu}
  ${EndIf}
  ; installing over an earlier version keeps the user's choices (made here or in Ringfence's settings)
  ReadRegStr $0 HKCU "${UNINST_KEY}" "InstallLocation"
  ReadRegStr $1 HKCU "${RUN_KEY}" "${RUN_VALUE}"
  ${If} $0 != ""
  ${AndIf} $1 == ""
    !insertmacro UnselectSection ${SecAutostart}
  ${EndIf}
  ReadRegStr $1 HKCU "Software\Classes\*\shell\${SCAN_VERB}\command" ""
  ${If} $0 != ""
  ${AndIf} $1 == ""
    !insertmacro UnselectSection ${SecScanMenu}
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Deletes the quarantine key from the Credential Manager: generic credentials whose user name is the
; key's ("quarantine-key:<vault id>", app/core/quarantine/keystore.py) under the service "Ringfence"
; (the keyring package stores them as "Ringfence" or "<user name>@Ringfence").
Function un.DeleteQuarantineKeys
  System::Call 'advapi32::CredEnumerateW(p 0, i 0, *i .r1, *p .r2) i .r0'
  ${If} $0 == 0
    Return
  ${EndIf}
  StrCpy $3 0
  ${DoWhile} $3 < $1
    IntPtrOp $4 $3 * 8
    IntPtrOp $4 $2 + $4
    System::Call '*$4(p .r5)'
    ; CREDENTIALW on x64: Flags, Type, TargetName, Comment, LastWritten, CredentialBlobSize, (padding),
    ; CredentialBlob, Persist, AttributeCount, Attributes, TargetAlias, UserName
    System::Call '*$5(i, i .r6, w .r7, p, l, i, i, p, i, i, p, p, w .r8)'
    StrCpy $R1 $8 15
    StrCpy $R3 $7 "" -10
    ${If} $R1 == "quarantine-key:"
      ${If} $7 == "${APP}"
      ${OrIf} $R3 == "@${APP}"
        System::Call 'advapi32::CredDeleteW(w r7, i r6, i 0) i .r0'
        DetailPrint "Deleted the credential $7 ($8)"
      ${EndIf}
    ${EndIf}
    IntOp $3 $3 + 1
  ${Loop}
  System::Call 'advapi32::CredFree(p r2)'
FunctionEnd

Section "Uninstall"
  Call un.WaitUntilClosed
  ${GetParameters} $0
  StrCpy $1 keep
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $2
  ${IfNot} ${Errors}
    StrCpy $1 remove
  ${ElseIf} ${Cmd} `MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON1 "$(KeepData)" /SD IDYES IDNO`
    StrCpy $1 remove
  ${EndIf}

  DeleteRegValue HKCU "${RUN_KEY}" "${RUN_VALUE}"
  DeleteRegKey HKCU "Software\Classes\*\shell\${SCAN_VERB}"
  DeleteRegKey HKCU "Software\Classes\Directory\shell\${SCAN_VERB}"
  DeleteRegKey HKCU "Software\Classes\Directory\Background\shell\${SCAN_VERB}"
  DeleteRegKey HKCU "Software\Classes\Drive\shell\${SCAN_VERB}"
  Delete "$SMPROGRAMS\${APP}.lnk"
  !include /CHARSET=UTF8 "${UNFILES_NSH}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ${If} ${FileExists} "$INSTDIR\*.*"
    MessageBox MB_OK|MB_ICONINFORMATION "$(NotEmpty)" /SD IDOK
  ${EndIf}
  DeleteRegKey HKCU "${UNINST_KEY}"

  ${If} $1 == remove
    Call un.DeleteQuarantineKeys
    RMDir /r "${DATA_DIR}"
  ${EndIf}
SectionEnd
