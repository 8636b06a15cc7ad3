<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Console</name>
    <message>
        <location filename="../app/ui/workers.py" line="60"/>
        <source>Something went wrong (%1). The details are in the log.</source>
        <translation>Etwas ist schiefgegangen (%1). Die Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../app/ui/application.py" line="120"/>
        <source>Ringfence keeps running</source>
        <translation>Ringfence läuft weiter</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="121"/>
        <source>Ringfence keeps protecting your PC from the tray. To stop it, choose Quit in the tray menu.</source>
        <translation>Ringfence schützt Ihren PC weiter aus dem Infobereich. Zum Beenden wählen Sie „Beenden“ im Menü des Symbols.</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="146"/>
        <source>This action is not available in this version.</source>
        <translation>Diese Aktion gibt es in dieser Version nicht.</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="228"/>
        <source>Scanning…</source>
        <translation>Prüfung läuft …</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="231"/>
        <source>Your PC is protected.</source>
        <translation>Ihr PC ist geschützt.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../app/ui/error_dialog.py" line="23"/>
        <source>Something went wrong inside Ringfence. It keeps running; the details are in the log:
%1</source>
        <translation>In Ringfence ist etwas schiefgegangen. Ringfence läuft weiter; die Einzelheiten stehen im Protokoll:
%1</translation>
    </message>
    <message>
        <location filename="../app/ui/error_dialog.py" line="37"/>
        <source>Ringfence</source>
        <translation>Ringfence</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app/ui/main_window.py" line="183"/>
        <source>Ringfence</source>
        <extracomment>(name, module, class) of every page, in sidebar order.</extracomment>
        <translation>Ringfence</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="184"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="185"/>
        <source>Open the settings (Ctrl+,)</source>
        <translation>Einstellungen öffnen (Strg+,)</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="186"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../app/ui/main_window.py" line="191"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../app/ui/notifications.py" line="69"/>
        <source>Threat moved to the quarantine</source>
        <translation>Bedrohung in die Quarantäne verschoben</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="69"/>
        <source>Threat found</source>
        <translation>Bedrohung gefunden</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="71"/>
        <source>Your PC recovered from a crash</source>
        <translation>Ihr PC hat sich von einem Absturz erholt</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="73"/>
        <source>Definitions updated</source>
        <translation>Definitionen aktualisiert</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="73"/>
        <source>Definitions update undone</source>
        <translation>Definitionsupdate rückgängig gemacht</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="74"/>
        <source>Scan finished</source>
        <translation>Prüfung beendet</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="82"/>
        <source>Threats moved to the quarantine</source>
        <translation>Bedrohungen in die Quarantäne verschoben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="83"/>
        <source>%n threat(s) were moved to the quarantine.</source>
        <translation>
            <numerusform>%n Bedrohung wurde in die Quarantäne verschoben.</numerusform>
            <numerusform>%n Bedrohungen wurden in die Quarantäne verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="84"/>
        <source>Threats found</source>
        <translation>Bedrohungen gefunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="84"/>
        <source>%n threat(s) were found.</source>
        <translation>
            <numerusform>%n Bedrohung wurde gefunden.</numerusform>
            <numerusform>%n Bedrohungen wurden gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="86"/>
        <source>%n unexpected restart(s) of your PC were found.</source>
        <translation>
            <numerusform>%n unerwarteter Neustart Ihres PCs wurde gefunden.</numerusform>
            <numerusform>%n unerwartete Neustarts Ihres PCs wurden gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="89"/>
        <source>%n scan(s) finished.</source>
        <translation>
            <numerusform>%n Prüfung wurde beendet.</numerusform>
            <numerusform>%n Prüfungen wurden beendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Quarantine</name>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="80"/>
        <source>The quarantined item is damaged (its header is cut short).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (sein Kopf ist abgeschnitten).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="83"/>
        <source>The quarantined item is damaged (it is not a Ringfence quarantine file).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (es ist keine Ringfence-Quarantänedatei).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="85"/>
        <source>The quarantined item was written by a newer Ringfence; update Ringfence to restore it.</source>
        <translation>Das Quarantäne-Objekt wurde von einer neueren Ringfence-Version geschrieben; aktualisieren Sie Ringfence, um es wiederherzustellen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="140"/>
        <source>The quarantined item was sealed with a different quarantine key, so it cannot be opened.</source>
        <translation>Das Quarantäne-Objekt wurde mit einem anderen Quarantäneschlüssel versiegelt und lässt sich deshalb nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="150"/>
        <source>The quarantined item is damaged (it is cut short).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (es ist abgeschnitten).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="155"/>
        <source>The quarantined item is damaged (its content does not authenticate).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (sein Inhalt lässt sich nicht authentifizieren).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="103"/>
        <source>The system keyring that holds the quarantine key is locked or unavailable; unlock it and try again.</source>
        <translation>Der Systemschlüsselbund mit dem Quarantäneschlüssel ist gesperrt oder nicht verfügbar; entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="115"/>
        <source>The quarantine key could not be stored in the system keyring; unlock it and try again.</source>
        <translation>Der Quarantäneschlüssel konnte nicht im Systemschlüsselbund gespeichert werden; entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="146"/>
        <source>The quarantine key file cannot be read; check its permissions.</source>
        <translation>Die Datei mit dem Quarantäneschlüssel kann nicht gelesen werden; prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="176"/>
        <source>The quarantine&apos;s vault.json is damaged; restore it from a backup to open the quarantine.</source>
        <translation>Die Datei vault.json der Quarantäne ist beschädigt; stellen Sie sie aus einer Sicherung wieder her, um die Quarantäne zu öffnen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="218"/>
        <source>The quarantine has no key yet, so there is nothing to open.</source>
        <translation>Die Quarantäne hat noch keinen Schlüssel, es gibt also nichts zu öffnen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="229"/>
        <source>The quarantine key is missing from the system keyring, so quarantined items cannot be opened; restore the keyring from a backup.</source>
        <translation>Der Quarantäneschlüssel fehlt im Systemschlüsselbund, deshalb lassen sich die Quarantäne-Objekte nicht öffnen; stellen Sie den Schlüsselbund aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="232"/>
        <source>The quarantine key file is missing or damaged, so quarantined items cannot be opened; restore it from a backup.</source>
        <translation>Die Datei mit dem Quarantäneschlüssel fehlt oder ist beschädigt, deshalb lassen sich die Quarantäne-Objekte nicht öffnen; stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="244"/>
        <source>The quarantine key could not be stored safely; check the system keyring and try again.</source>
        <translation>Der Quarantäneschlüssel konnte nicht sicher gespeichert werden; prüfen Sie den Systemschlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="81"/>
        <source>The file changed after it was scanned, so it was left in place; scan it again.</source>
        <translation>Die Datei hat sich nach der Prüfung geändert und wurde deshalb an ihrem Ort gelassen; prüfen Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="99"/>
        <source>The file no longer exists, so there was nothing to quarantine.</source>
        <translation>Die Datei existiert nicht mehr, es gab also nichts in Quarantäne zu verschieben.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="102"/>
        <source>Only regular files can be quarantined (this is a link, a folder or a device).</source>
        <translation>Nur normale Dateien können in Quarantäne verschoben werden (dies ist eine Verknüpfung, ein Ordner oder ein Gerät).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="109"/>
        <source>There is not enough free disk space for the quarantine copy, so the file was left in place.</source>
        <translation>Es gibt nicht genug freien Speicherplatz für die Quarantänekopie, deshalb wurde die Datei an ihrem Ort gelassen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="132"/>
        <source>The quarantine copy could not be read back correctly, so the file was left in place.</source>
        <translation>Die Quarantänekopie ließ sich nicht korrekt zurücklesen, deshalb wurde die Datei an ihrem Ort gelassen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/protected.py" line="24"/>
        <source>an operating-system file</source>
        <translation>eine Datei des Betriebssystems</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/protected.py" line="25"/>
        <source>one of Ringfence&apos;s own files</source>
        <translation>eine von Ringfences eigenen Dateien</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/restoring.py" line="137"/>
        <source>The quarantined item does not match its recorded fingerprint, so it was not restored.</source>
        <translation>Das Quarantäne-Objekt stimmt nicht mit seinem gespeicherten Fingerabdruck überein und wurde deshalb nicht wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../app/core/recovery/artifacts.py" line="110"/>
        <source>A saved reagentc output reports no result: {line}</source>
        <translation>Eine gespeicherte reagentc-Ausgabe meldet kein Ergebnis: {line}</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/correlate_linux.py" line="56"/>
        <source>Kernel crash record {record} saved by pstore: {reason}</source>
        <translation>Von pstore gespeicherter Kernel-Absturzbericht {record}: {reason}</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/correlate_linux.py" line="58"/>
        <source>Kernel log saved after the crash: {reason}</source>
        <translation>Nach dem Absturz gespeichertes Kernel-Protokoll: {reason}</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/correlate_linux.py" line="64"/>
        <source>Boot {boot_id} has no &quot;Journal stopped&quot; entry: it did not shut down cleanly (last entry {time}).</source>
        <translation>Der Systemstart {boot_id} hat keinen Eintrag „Journal stopped“: Das System wurde nicht sauber heruntergefahren (letzter Eintrag {time}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="20"/>
        <source>The system restarted without shutting down cleanly; stop code {code} was recorded.</source>
        <translation>Das System wurde neu gestartet, ohne sauber herunterzufahren; der Stoppcode {code} wurde aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="23"/>
        <source>The system restarted without shutting down cleanly; the power button had been held down.</source>
        <translation>Das System wurde neu gestartet, ohne sauber herunterzufahren; der Netzschalter war gedrückt gehalten worden.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="24"/>
        <source>The system restarted without shutting down cleanly; no stop code and no power-button press were recorded.</source>
        <translation>Das System wurde neu gestartet, ohne sauber herunterzufahren; weder ein Stoppcode noch ein Druck auf den Netzschalter wurden aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="28"/>
        <source>The previous shutdown was unexpected.</source>
        <translation>Das letzte Herunterfahren kam unerwartet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="29"/>
        <source>The previous shutdown was unexpected; the system was last running at {time}.</source>
        <translation>Das letzte Herunterfahren kam unerwartet; das System lief zuletzt um {time}.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="35"/>
        <source>Windows restarted after stop code {code}; a dump was saved in {path}.</source>
        <translation>Windows wurde nach dem Stoppcode {code} neu gestartet; ein Speicherabbild wurde in {path} gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="38"/>
        <source>Windows restarted after stop code {code}; no full dump was saved.</source>
        <translation>Windows wurde nach dem Stoppcode {code} neu gestartet; es wurde kein vollständiges Speicherabbild gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="40"/>
        <source>Windows restarted after a stop error; no dump was saved.</source>
        <translation>Windows wurde nach einem Stoppfehler neu gestartet; es wurde kein Speicherabbild gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="42"/>
        <source>A planned restart or shutdown was started (reason code {reason}) but did not finish cleanly.</source>
        <translation>Ein geplanter Neustart oder ein geplantes Herunterfahren wurde begonnen (Grundcode {reason}), aber nicht sauber beendet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="44"/>
        <source>Event {event_id} was recorded.</source>
        <translation>Das Ereignis {event_id} wurde aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="50"/>
        <source>Crash dump ({dump_type}) of stop code {code}; probable driver {module} ({how}).</source>
        <translation>Speicherabbild ({dump_type}) des Stoppcodes {code}; vermutlicher Treiber {module} ({how}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="54"/>
        <source>Crash dump ({dump_type}) of stop code {code}.</source>
        <translation>Speicherabbild ({dump_type}) des Stoppcodes {code}.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="67"/>
        <source>Windows reported that the boot before this one did not complete.</source>
        <translation>Windows hat gemeldet, dass der vorherige Systemstart nicht abgeschlossen wurde.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="69"/>
        <source>Windows Recovery Environment servicing started.</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung hat begonnen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="71"/>
        <source>Windows Recovery Environment servicing succeeded; its version is now {version}.</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung war erfolgreich; ihre Version ist jetzt {version}.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="74"/>
        <source>Windows Recovery Environment servicing failed (phase {phase}, error {error}).</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung ist fehlgeschlagen (Phase {phase}, Fehler {error}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="77"/>
        <source>Windows Recovery Environment servicing was cancelled or rolled back.</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung wurde abgebrochen oder rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/findings.py" line="63"/>
        <source>reagentc did not report the Windows Recovery Environment status ({problem}).</source>
        <translation>reagentc hat den Zustand der Windows-Wiederherstellungsumgebung nicht gemeldet ({problem}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/findings.py" line="69"/>
        <source>reagentc did not report the Quick Machine Recovery settings ({problem}).</source>
        <translation>reagentc hat die Einstellungen der Schnellen Computerwiederherstellung nicht gemeldet ({problem}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="60"/>
        <location filename="../app/core/recovery/offline.py" line="36"/>
        <location filename="../app/core/recovery/windows_live.py" line="147"/>
        <source>Skipped {path}: {reason}</source>
        <translation>{path} übersprungen: {reason}</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="68"/>
        <source>The system journal could not be read ({reason}).</source>
        <translation>Das Systemjournal konnte nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="71"/>
        <source>Ringfence has no permission to read the system journal, so it cannot tell how the previous boot ended; add your account to the systemd-journal group.</source>
        <translation>Ringfence darf das Systemjournal nicht lesen und kann deshalb nicht sagen, wie der vorherige Systemstart endete; fügen Sie Ihr Konto der Gruppe systemd-journal hinzu.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="74"/>
        <source>The journal keeps no record of the previous boot (it may not be stored on disk).</source>
        <translation>Das Journal enthält keine Aufzeichnung des vorherigen Systemstarts (es wird möglicherweise nicht auf der Festplatte gespeichert).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="79"/>
        <source>The previous boot&apos;s journal was unreadable: {reason}</source>
        <translation>Das Journal des vorherigen Systemstarts war nicht lesbar: {reason}</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="90"/>
        <source>Ringfence has no permission to read {path}.</source>
        <translation>Ringfence darf {path} nicht lesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="103"/>
        <source>The Windows tool {tool} could not be run ({reason}).</source>
        <translation>Das Windows-Werkzeug {tool} konnte nicht ausgeführt werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="115"/>
        <source>Ringfence has no permission to read the System event log.</source>
        <translation>Ringfence darf das System-Ereignisprotokoll nicht lesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="117"/>
        <source>The System event log could not be read ({reason}).</source>
        <translation>Das System-Ereignisprotokoll konnte nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="123"/>
        <source>Part of the System event log was unreadable: {reason}</source>
        <translation>Ein Teil des System-Ereignisprotokolls war nicht lesbar: {reason}</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="136"/>
        <source>Ringfence has no permission to read the crash dumps in {folder}; run it as an administrator to include them.</source>
        <translation>Ringfence darf die Speicherabbilder in {folder} nicht lesen; führen Sie es als Administrator aus, um sie einzubeziehen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="160"/>
        <source>Reading the Windows Recovery Environment and Quick Machine Recovery settings needs administrator rights.</source>
        <translation>Zum Lesen der Einstellungen der Windows-Wiederherstellungsumgebung und der Schnellen Computerwiederherstellung sind Administratorrechte nötig.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../app/core/settings.py" line="69"/>
        <source>Largest file to scan (MB)</source>
        <translation>Größte zu prüfende Datei (MB)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="71"/>
        <source>Scanner threads (0 = one per processor core)</source>
        <translation>Prüf-Threads (0 = einer pro Prozessorkern)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="73"/>
        <source>Time limit for matching one file (seconds)</source>
        <translation>Zeitlimit für die Prüfung einer Datei (Sekunden)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="75"/>
        <source>Skip files that are unchanged since they were found clean</source>
        <translation>Dateien überspringen, die sich seit der letzten sauberen Prüfung nicht geändert haben</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="76"/>
        <source>Look inside zip archives</source>
        <translation>In ZIP-Archive hineinsehen</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="77"/>
        <source>Archives inside archives: deepest level</source>
        <translation>Archive in Archiven: tiefste Ebene</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="79"/>
        <source>Archives: most files to look at in one archive</source>
        <translation>Archive: höchstens so viele Dateien pro Archiv prüfen</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="81"/>
        <source>Archives: most data to unpack from one archive (MB)</source>
        <translation>Archive: höchstens so viele Daten pro Archiv entpacken (MB)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="83"/>
        <source>Folders and files never scanned</source>
        <translation>Ordner und Dateien, die nie geprüft werden</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="84"/>
        <source>Name patterns never scanned (for example *.iso)</source>
        <translation>Namensmuster, die nie geprüft werden (zum Beispiel *.iso)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="86"/>
        <source>File extensions never scanned</source>
        <translation>Dateiendungen, die nie geprüft werden</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="87"/>
        <source>Delete quarantined items after (days)</source>
        <translation>Quarantäne-Objekte löschen nach (Tagen)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="89"/>
        <source>Check for definitions every (hours)</source>
        <translation>Nach Definitionen suchen alle (Stunden)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="91"/>
        <source>Update ring (early, default, delayed 48 hours, pinned)</source>
        <translation>Update-Ring (früh, Standard, 48 Stunden verzögert, festgehalten)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="93"/>
        <source>Keep the event history for (days)</source>
        <translation>Verlauf aufbewahren für (Tage)</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="95"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="96"/>
        <source>Start Ringfence when I log in</source>
        <translation>Ringfence bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../app/core/settings.py" line="98"/>
        <source>Do not disturb: show only threat and crash notifications</source>
        <translation>Nicht stören: nur Meldungen zu Bedrohungen und Abstürzen zeigen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="39"/>
        <source>Scanning</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="40"/>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="41"/>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="42"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="43"/>
        <source>Console</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="46"/>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="49"/>
        <source>Early</source>
        <translation>Früh</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="50"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="51"/>
        <source>Delayed (48 hours)</source>
        <translation>Verzögert (48 Stunden)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="52"/>
        <source>Pinned (no updates)</source>
        <translation>Festgehalten (keine Updates)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="60"/>
        <source>Choose a number from %1 to %2.</source>
        <translation>Wählen Sie eine Zahl von %1 bis %2.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="65"/>
        <source>Write the full path of the folder or file: %1</source>
        <translation>Geben Sie den vollständigen Pfad des Ordners oder der Datei an: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="67"/>
        <source>Not a file extension: %1 (write it like .iso)</source>
        <translation>Keine Dateiendung: %1 (schreiben Sie sie wie .iso)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="145"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="146"/>
        <source>Back to the default value</source>
        <translation>Zurück zum Standardwert</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="147"/>
        <source>Reset %1 to its default</source>
        <translation>%1 auf den Standard zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="153"/>
        <source>One entry per line</source>
        <translation>Ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="244"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>StopCodes</name>
    <message>
        <location filename="../app/core/recovery/explain.py" line="16"/>
        <source>Ringfence runs in user mode and installs no kernel driver, so it cannot have caused a stop code.</source>
        <translation>Ringfence läuft im Benutzermodus und installiert keinen Kernel-Treiber; es kann daher keinen Stoppcode verursacht haben.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="17"/>
        <source>This stop code is rarely seen. Look it up in Microsoft&apos;s bug check code reference; if it comes back, note the driver named here and update or remove it.</source>
        <translation>Dieser Stoppcode kommt selten vor. Schlagen Sie ihn in Microsofts Referenz der Fehlerprüfungscodes nach; tritt er erneut auf, notieren Sie den hier genannten Treiber und aktualisieren oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="18"/>
        <source>Update or roll back the driver named as probable cause (or the software that installed it); if the crash returns, uninstall it.</source>
        <translation>Aktualisieren Sie den als vermutliche Ursache genannten Treiber (oder die Software, die ihn installiert hat) oder setzen Sie ihn zurück; kehrt der Absturz wieder, deinstallieren Sie ihn.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="19"/>
        <source>Run Windows Memory Diagnostic, undo any overclocking or memory (XMP/EXPO) profile, and install pending Windows and driver updates.</source>
        <translation>Führen Sie die Windows-Speicherdiagnose aus, machen Sie Übertaktungen und Speicherprofile (XMP/EXPO) rückgängig und installieren Sie ausstehende Windows- und Treiberupdates.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="20"/>
        <source>Back up your files, then check the drive: run chkdsk, look at its health in the maker&apos;s tool, and reseat or replace the cable if it is a desktop.</source>
        <translation>Sichern Sie Ihre Dateien und prüfen Sie dann das Laufwerk: Führen Sie chkdsk aus, sehen Sie sich seinen Zustand im Werkzeug des Herstellers an und stecken Sie bei einem Desktop-PC das Kabel neu ein oder ersetzen Sie es.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="30"/>
        <source>A driver touched memory it was not allowed to at that moment (IRQL_NOT_LESS_OR_EQUAL).</source>
        <translation>Ein Treiber hat zu einem Zeitpunkt auf Speicher zugegriffen, zu dem er das nicht durfte (IRQL_NOT_LESS_OR_EQUAL).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="31"/>
        <source>A driver damaged shared kernel memory (the pool).</source>
        <translation>Ein Treiber hat gemeinsam genutzten Kernel-Speicher (den Pool) beschädigt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="32"/>
        <source>Windows found its memory bookkeeping damaged; faulty RAM or a faulty driver are the usual causes.</source>
        <translation>Windows hat seine Speicherverwaltung beschädigt vorgefunden; die üblichen Ursachen sind fehlerhafter Arbeitsspeicher oder ein fehlerhafter Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="33"/>
        <source>Kernel code (usually a driver) raised an error nobody handled.</source>
        <translation>Kernel-Code (meist ein Treiber) hat einen Fehler ausgelöst, den niemand behandelt hat.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="34"/>
        <source>The NTFS file system hit a problem, often damage on the drive.</source>
        <translation>Das Dateisystem NTFS ist auf ein Problem gestoßen, oft einen Schaden auf dem Laufwerk.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="35"/>
        <source>A driver failed while doing work for a program; graphics and antivirus drivers are common culprits.</source>
        <translation>Ein Treiber ist bei der Arbeit für ein Programm gescheitert; häufig sind Grafik- und Antivirentreiber schuld.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="36"/>
        <source>The list Windows keeps of physical memory pages is corrupt; usually faulty RAM or a driver.</source>
        <translation>Die Liste der physischen Speicherseiten, die Windows führt, ist beschädigt; meist durch fehlerhaften Arbeitsspeicher oder einen Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="37"/>
        <source>Code read memory that does not exist; usually a faulty driver, sometimes faulty RAM.</source>
        <translation>Code hat Speicher gelesen, den es nicht gibt; meist ein fehlerhafter Treiber, manchmal fehlerhafter Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="38"/>
        <source>Windows could not read back part of itself from the drive.</source>
        <translation>Windows konnte einen Teil von sich selbst nicht vom Laufwerk zurücklesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="39"/>
        <source>Windows lost access to the drive it starts from, often after a storage driver or BIOS/UEFI setting changed.</source>
        <translation>Windows hat den Zugriff auf das Startlaufwerk verloren, oft nachdem sich ein Speichertreiber oder eine BIOS/UEFI-Einstellung geändert hat.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="39"/>
        <source>Undo recent changes to storage settings in the BIOS/UEFI (such as AHCI/RAID mode) and let Startup Repair run.</source>
        <translation>Machen Sie kürzliche Änderungen an Speichereinstellungen im BIOS/UEFI (etwa AHCI/RAID-Modus) rückgängig und lassen Sie die Starthilfe laufen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="40"/>
        <source>A system thread, usually in a driver, raised an error nobody handled.</source>
        <translation>Ein System-Thread, meist in einem Treiber, hat einen Fehler ausgelöst, den niemand behandelt hat.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="41"/>
        <source>The processor hit a trap the kernel could not handle; often hardware, overheating or overclocking.</source>
        <translation>Der Prozessor ist auf eine Ausnahme gestoßen, die der Kernel nicht behandeln konnte; oft Hardware, Überhitzung oder Übertaktung.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="41"/>
        <source>Remove any overclocking, make sure the PC is not overheating, and test the memory.</source>
        <translation>Entfernen Sie jede Übertaktung, stellen Sie sicher, dass der PC nicht überhitzt, und testen Sie den Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="42"/>
        <source>Kernel code raised an error nobody handled; a driver or faulty RAM.</source>
        <translation>Kernel-Code hat einen Fehler ausgelöst, den niemand behandelt hat; ein Treiber oder fehlerhafter Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="43"/>
        <source>A driver did not finish a power change (sleep, wake, shutdown) in time.</source>
        <translation>Ein Treiber hat einen Energiewechsel (Ruhezustand, Aufwachen, Herunterfahren) nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="43"/>
        <source>Update chipset, graphics, Wi-Fi and USB drivers from the PC maker; until then avoid sleep if the crash follows it.</source>
        <translation>Aktualisieren Sie Chipsatz-, Grafik-, WLAN- und USB-Treiber vom PC-Hersteller; meiden Sie bis dahin den Ruhezustand, wenn der Absturz auf ihn folgt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="44"/>
        <source>A driver asked for kernel memory in a wrong way.</source>
        <translation>Ein Treiber hat auf falsche Weise Kernel-Speicher angefordert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="45"/>
        <source>Driver Verifier caught a driver breaking the rules; Verifier is a testing tool that is normally off.</source>
        <translation>Die Treiberüberprüfung hat einen Treiber bei einem Regelverstoß ertappt; sie ist ein Testwerkzeug, das normalerweise ausgeschaltet ist.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="45"/>
        <source>If you did not turn on Driver Verifier on purpose, turn it off (run &quot;verifier /reset&quot; as administrator) and update the named driver.</source>
        <translation>Wenn Sie die Treiberüberprüfung nicht absichtlich eingeschaltet haben, schalten Sie sie aus (führen Sie „verifier /reset“ als Administrator aus) und aktualisieren Sie den genannten Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="46"/>
        <source>A driver damaged kernel memory and Windows noticed too late.</source>
        <translation>Ein Treiber hat Kernel-Speicher beschädigt, und Windows hat es zu spät bemerkt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="47"/>
        <source>A driver accessed memory it was not allowed to at that moment (DRIVER_IRQL_NOT_LESS_OR_EQUAL); very often network, Wi-Fi or antivirus drivers.</source>
        <translation>Ein Treiber hat zu einem Zeitpunkt auf Speicher zugegriffen, zu dem er das nicht durfte (DRIVER_IRQL_NOT_LESS_OR_EQUAL); sehr oft Netzwerk-, WLAN- oder Antivirentreiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="48"/>
        <source>A process Windows cannot run without stopped unexpectedly.</source>
        <translation>Ein Prozess, ohne den Windows nicht laufen kann, wurde unerwartet beendet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="48"/>
        <source>Install pending updates and run &quot;sfc /scannow&quot; and &quot;DISM /Online /Cleanup-Image /RestoreHealth&quot; as administrator to repair system files.</source>
        <translation>Installieren Sie ausstehende Updates und führen Sie „sfc /scannow“ und „DISM /Online /Cleanup-Image /RestoreHealth“ als Administrator aus, um Systemdateien zu reparieren.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="49"/>
        <source>A process Windows depends on ended, often because the drive stopped responding.</source>
        <translation>Ein Prozess, auf den Windows angewiesen ist, wurde beendet, oft weil das Laufwerk nicht mehr reagierte.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="50"/>
        <source>One processor core stopped responding; often firmware, overheating or overclocking.</source>
        <translation>Ein Prozessorkern reagierte nicht mehr; oft Firmware, Überhitzung oder Übertaktung.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="50"/>
        <source>Update the BIOS/UEFI and chipset drivers, remove overclocking and check cooling.</source>
        <translation>Aktualisieren Sie BIOS/UEFI und Chipsatztreiber, entfernen Sie Übertaktungen und prüfen Sie die Kühlung.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="51"/>
        <source>Windows detected that core kernel code or data was modified, by a driver, faulty RAM or malicious software.</source>
        <translation>Windows hat festgestellt, dass zentraler Kernel-Code oder Kernel-Daten verändert wurden, durch einen Treiber, fehlerhaften Arbeitsspeicher oder Schadsoftware.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="51"/>
        <source>Remove drivers that patch the kernel (old cheat, tuning or security tools), test the memory and run a full scan.</source>
        <translation>Entfernen Sie Treiber, die den Kernel verändern (alte Cheat-, Tuning- oder Sicherheitswerkzeuge), testen Sie den Arbeitsspeicher und führen Sie eine vollständige Prüfung durch.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="52"/>
        <source>The graphics driver stopped responding and could not be restarted.</source>
        <translation>Der Grafiktreiber reagierte nicht mehr und konnte nicht neu gestartet werden.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="52"/>
        <source>Install the latest graphics driver from the card or PC maker, remove graphics overclocking and check the card is not overheating.</source>
        <translation>Installieren Sie den neuesten Grafiktreiber vom Hersteller der Grafikkarte oder des PCs, entfernen Sie Grafik-Übertaktungen und prüfen Sie, ob die Karte überhitzt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="53"/>
        <source>The graphics scheduler found the graphics driver misbehaving.</source>
        <translation>Der Grafik-Scheduler hat ein Fehlverhalten des Grafiktreibers festgestellt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="53"/>
        <source>Install the latest graphics driver from the card or PC maker.</source>
        <translation>Installieren Sie den neuesten Grafiktreiber vom Hersteller der Grafikkarte oder des PCs.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="54"/>
        <source>The hardware itself reported an error it could not correct (processor, memory, or bus).</source>
        <translation>Die Hardware selbst hat einen Fehler gemeldet, den sie nicht korrigieren konnte (Prozessor, Arbeitsspeicher oder Bus).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="54"/>
        <source>Remove overclocking, check temperatures and power supply, update the BIOS/UEFI; if it repeats, have the hardware checked.</source>
        <translation>Entfernen Sie Übertaktungen, prüfen Sie Temperaturen und Netzteil und aktualisieren Sie BIOS/UEFI; wiederholt es sich, lassen Sie die Hardware prüfen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="55"/>
        <source>A driver kept the processor busy for too long; storage (SSD firmware) and graphics drivers are common causes.</source>
        <translation>Ein Treiber hat den Prozessor zu lange beschäftigt; häufige Ursachen sind Speicher- (SSD-Firmware) und Grafiktreiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="55"/>
        <source>Update the SSD firmware, storage and graphics drivers from their makers.</source>
        <translation>Aktualisieren Sie die SSD-Firmware sowie Speicher- und Grafiktreiber von ihren Herstellern.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="56"/>
        <source>Kernel code detected corrupted data structures and stopped to stay safe.</source>
        <translation>Kernel-Code hat beschädigte Datenstrukturen entdeckt und angehalten, um sicher zu bleiben.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="57"/>
        <source>The kernel memory manager found its heap damaged, usually by a driver.</source>
        <translation>Die Speicherverwaltung des Kernels hat ihren Heap beschädigt vorgefunden, meist durch einen Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="58"/>
        <source>Windows&apos; compressed memory store hit an error; often the drive or RAM.</source>
        <translation>Der komprimierte Speicher von Windows ist auf einen Fehler gestoßen; oft das Laufwerk oder der Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="59"/>
        <source>The power button was held down, and Windows recorded the hang it was in at that moment.</source>
        <translation>Der Netzschalter wurde gedrückt gehalten, und Windows hat den Hänger aufgezeichnet, in dem es sich gerade befand.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="59"/>
        <source>If the PC had frozen, note what it was doing; update graphics and storage drivers if freezes repeat.</source>
        <translation>Falls der PC eingefroren war, notieren Sie, was er gerade tat; aktualisieren Sie Grafik- und Speichertreiber, wenn sich das Einfrieren wiederholt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="63"/>
        <source>Windows stopped with a stop code (the black or blue crash screen) and restarted.</source>
        <translation>Windows hat mit einem Stoppcode angehalten (der schwarze oder blaue Absturzbildschirm) und neu gestartet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="64"/>
        <source>The PC turned off without shutting down: the power was cut, or it froze so hard that no stop code could be written.</source>
        <translation>Der PC wurde ausgeschaltet, ohne herunterzufahren: Der Strom fiel aus, oder er fror so stark ein, dass kein Stoppcode geschrieben werden konnte.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="65"/>
        <source>The PC was switched off by holding the power button, usually because it had stopped responding.</source>
        <translation>Der PC wurde durch Gedrückthalten des Netzschalters ausgeschaltet, meist weil er nicht mehr reagierte.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="66"/>
        <source>The Linux kernel stopped with a kernel panic.</source>
        <translation>Der Linux-Kernel hat mit einer Kernel-Panik angehalten.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="67"/>
        <source>The Linux kernel hit an error (an oops); the system may have kept running or locked up afterwards.</source>
        <translation>Der Linux-Kernel ist auf einen Fehler gestoßen (ein „Oops“); das System lief danach womöglich weiter oder blieb hängen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="68"/>
        <source>The system did not shut down cleanly; the log ends without a normal shutdown.</source>
        <translation>Das System wurde nicht sauber heruntergefahren; das Protokoll endet ohne normales Herunterfahren.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../app/ui/tray.py" line="74"/>
        <source>Ringfence</source>
        <translation>Ringfence</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="80"/>
        <source>Open Ringfence</source>
        <translation>Ringfence öffnen</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="81"/>
        <source>Quick scan</source>
        <translation>Schnellprüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="82"/>
        <source>Check for updates</source>
        <translation>Nach Updates suchen</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="83"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>UpdateState</name>
    <message>
        <location filename="../app/core/updates/status.py" line="26"/>
        <source>No update channel is configured; Ringfence uses its built-in baseline definitions. Add one with: ringfence update channel URL --root ROOT_JSON</source>
        <translation>Es ist kein Update-Kanal eingerichtet; Ringfence verwendet seine eingebauten Basisdefinitionen. Richten Sie einen ein mit: ringfence update channel URL --root ROOT_JSON</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="28"/>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="29"/>
        <source>An update is rolling out; it has not reached this device yet</source>
        <translation>Ein Update wird verteilt; es hat dieses Gerät noch nicht erreicht</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="30"/>
        <source>Downloading version %1 (%2 of %3 bytes)</source>
        <translation>Version %1 wird heruntergeladen (%2 von %3 Bytes)</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="31"/>
        <source>Checking version %1 before it is used</source>
        <translation>Version %1 wird vor der Verwendung geprüft</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="32"/>
        <source>Switching to version %1</source>
        <translation>Wechsel zu Version %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="33"/>
        <source>Version %1 is in probation: %2 hours left</source>
        <translation>Version %1 ist in der Bewährungsphase: noch %2 Stunden</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="34"/>
        <source>Rolled back: %1</source>
        <translation>Zurückgesetzt: %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="35"/>
        <source>Updates halted by the vendor: %1</source>
        <translation>Updates vom Hersteller angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="36"/>
        <source>Updates paused until %1</source>
        <translation>Updates pausiert bis %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="37"/>
        <source>Pinned: new definitions are installed only when you apply them</source>
        <translation>Festgehalten: Neue Definitionen werden nur installiert, wenn Sie sie anwenden</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="38"/>
        <source>Out of date since %1</source>
        <translation>Veraltet seit %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="39"/>
        <source>Badly out of date since %1</source>
        <translation>Stark veraltet seit %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="43"/>
        <source>Activated</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="44"/>
        <source>Refused before use</source>
        <translation>Vor der Verwendung abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="45"/>
        <source>Reverted automatically</source>
        <translation>Automatisch zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="46"/>
        <source>Withdrawn by the vendor</source>
        <translation>Vom Hersteller zurückgezogen</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="47"/>
        <source>Rolled back</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="48"/>
        <source>Passed probation</source>
        <translation>Bewährungsphase bestanden</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="49"/>
        <source>Update refused (verification failed)</source>
        <translation>Update abgelehnt (Überprüfung fehlgeschlagen)</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="50"/>
        <source>Flagged a protected file (reported only)</source>
        <translation>Eine geschützte Datei erkannt (nur gemeldet)</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="51"/>
        <source>Back on the baseline definitions</source>
        <translation>Wieder auf den Basisdefinitionen</translation>
    </message>
    <message>
        <location filename="../app/core/updates/status.py" line="52"/>
        <source>Halted by the vendor</source>
        <translation>Vom Hersteller angehalten</translation>
    </message>
</context>
</TS>
