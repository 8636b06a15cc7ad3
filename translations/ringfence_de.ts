<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDefinitionsDialog</name>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="34"/>
        <source>About the definitions</source>
        <translation>Über die Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="37"/>
        <source>the definitions built into Ringfence</source>
        <translation>die in Ringfence eingebauten Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="38"/>
        <source>from the update channel</source>
        <translation>aus dem Update-Kanal</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="39"/>
        <source>chosen for this scan</source>
        <translation>für diese Prüfung gewählt</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="41"/>
        <source>Definitions %1 (%2): %3 rules and %4 hash signatures.</source>
        <translation>Definitionen %1 (%2): %3 Regeln und %4 Hash-Signaturen.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="48"/>
        <source>Rule sets</source>
        <translation>Regelsammlungen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="49"/>
        <source>Rule set</source>
        <translation>Regelsammlung</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="49"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="49"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="49"/>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="50"/>
        <source>Hash signatures</source>
        <translation>Hash-Signaturen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="50"/>
        <source>Kinds</source>
        <translation>Arten</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="65"/>
        <source>These definitions do not list the rule sets they were built from: they are Ringfence&apos;s own rules.</source>
        <translation>Diese Definitionen nennen keine Regelsammlungen, aus denen sie erstellt wurden: Es sind Ringfences eigene Regeln.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="80"/>
        <source>Licence text</source>
        <translation>Lizenztext</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="99"/>
        <source>Licence of %1: %2</source>
        <translation>Lizenz von %1: %2</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/about_definitions.py" line="103"/>
        <source>%1 comes from %2 (commit %3) under the licence %4:</source>
        <translation>%1 stammt aus %2 (Commit %3) und steht unter der Lizenz %4:</translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message>
        <location filename="../app/ui/widgets/activity_chart.py" line="34"/>
        <source>Activity chart</source>
        <translation>Aktivitätsdiagramm</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/activity_chart.py" line="60"/>
        <source>Files checked</source>
        <translation>Geprüfte Dateien</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/activity_chart.py" line="61"/>
        <source>Threats found</source>
        <translation>Gefundene Bedrohungen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/activity_chart.py" line="62"/>
        <source>Updates installed</source>
        <translation>Installierte Updates</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/activity_chart.py" line="142"/>
        <source>Week of %1 — files checked: %2; scans: %3; threats found: %4; definitions updates installed: %5</source>
        <translation>Woche ab %1 — geprüfte Dateien: %2; Prüfungen: %3; gefundene Bedrohungen: %4; installierte Definitions-Updates: %5</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/activity_chart.py" line="144"/>
        <source>%1 — files checked: %2; scans: %3; threats found: %4; definitions updates installed: %5</source>
        <translation>%1 — geprüfte Dateien: %2; Prüfungen: %3; gefundene Bedrohungen: %4; installierte Definitions-Updates: %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/widgets/activity_chart.py" line="151"/>
        <source>Last %n day(s) — files checked: %1; scans: %2; threats found: %3; definitions updates installed: %4.</source>
        <translation>
            <numerusform>Letzter %n Tag — geprüfte Dateien: %1; Prüfungen: %2; gefundene Bedrohungen: %3; installierte Definitions-Updates: %4.</numerusform>
            <numerusform>Letzte %n Tage — geprüfte Dateien: %1; Prüfungen: %2; gefundene Bedrohungen: %3; installierte Definitions-Updates: %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AllowListView</name>
    <message>
        <location filename="../app/ui/pages/quarantine_allowed.py" line="23"/>
        <source>Files on the allow-list are never reported as threats, whatever the definitions say. Remove a file to have it checked again.</source>
        <translation>Dateien auf der Zulassungsliste werden nie als Bedrohung gemeldet, was auch immer die Definitionen sagen. Entfernen Sie eine Datei, damit sie wieder geprüft wird.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine_allowed.py" line="28"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine_allowed.py" line="29"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine_allowed.py" line="29"/>
        <source>(no name recorded)</source>
        <translation>(kein Name gespeichert)</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine_allowed.py" line="30"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine_allowed.py" line="33"/>
        <source>Allow-list</source>
        <translation>Zulassungsliste</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine_allowed.py" line="36"/>
        <source>Re&amp;move from the allow-list</source>
        <translation>Von der Zulassungsliste &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../app/core/desktop/autostart.py" line="39"/>
        <source>Starting Ringfence at log-in could not be changed: %1</source>
        <translation>Der Start von Ringfence bei der Anmeldung ließ sich nicht ändern: %1</translation>
    </message>
    <message>
        <location filename="../app/core/desktop/autostart.py" line="61"/>
        <source>%1 exists and was not made by Ringfence; it was left as it is.</source>
        <translation>%1 gibt es schon, und es stammt nicht von Ringfence; es bleibt, wie es ist.</translation>
    </message>
</context>
<context>
    <name>Beacon</name>
    <message>
        <location filename="../app/core/beacon/reporter.py" line="27"/>
        <source>Help stop bad definitions updates before they reach everyone? Ringfence can send the vendor a short, anonymous health report after each definitions update (installed, refused, rolled back, or passed its health check) and once a day a few counts (engine crashes and hangs, scan errors, protected system files flagged, detections per hour). Each report carries a random number that identifies this installation and nothing else, its update ring and the versions of Ringfence and its definitions. It never contains file names, folders, file contents or anything about your files. The vendor uses these reports to halt a release that makes computers crash or flags system files while only a few installations have it. You can turn this off at any time in the settings.</source>
        <translation>Helfen, fehlerhafte Definitions-Updates zu stoppen, bevor sie alle erreichen? Ringfence kann dem Hersteller nach jedem Definitions-Update einen kurzen, anonymen Zustandsbericht senden (installiert, abgelehnt, zurückgenommen oder Gesundheitsprüfung bestanden) und einmal am Tag einige Zahlen (Abstürze und Hänger der Scan-Engine, Scanfehler, markierte geschützte Systemdateien, Funde pro Stunde). Jeder Bericht enthält eine Zufallszahl, die nur diese Installation kennzeichnet und sonst nichts, ihren Update-Ring und die Versionen von Ringfence und seinen Definitionen. Er enthält nie Dateinamen, Ordner, Dateiinhalte oder sonst etwas über Ihre Dateien. Der Hersteller nutzt diese Berichte, um eine Version anzuhalten, die Computer abstürzen lässt oder Systemdateien markiert, solange sie erst wenige Installationen haben. Sie können das jederzeit in den Einstellungen abschalten.</translation>
    </message>
</context>
<context>
    <name>BeaconConsent</name>
    <message>
        <location filename="../app/ui/beacon_consent.py" line="73"/>
        <source>Send health reports</source>
        <translation>Zustandsberichte senden</translation>
    </message>
    <message>
        <location filename="../app/ui/beacon_consent.py" line="74"/>
        <source>Don&apos;t send</source>
        <translation>Nicht senden</translation>
    </message>
    <message>
        <location filename="../app/ui/beacon_consent.py" line="75"/>
        <source>Health reports</source>
        <translation>Zustandsberichte</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="23"/>
        <source>What changed</source>
        <translation>Was sich geändert hat</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="29"/>
        <source>Rules added, removed and changed</source>
        <translation>Hinzugefügte, entfernte und geänderte Regeln</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="32"/>
        <location filename="../app/ui/pages/updates_changes.py" line="36"/>
        <source>Release notes</source>
        <translation>Versionshinweise</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="47"/>
        <source>Ringfence uses its built-in definitions; no update has been installed.</source>
        <translation>Ringfence verwendet seine eingebauten Definitionen; es wurde noch kein Update installiert.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="54"/>
        <source>the built-in definitions</source>
        <translation>den eingebauten Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="66"/>
        <source>Added: %1</source>
        <translation>Hinzugefügt: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="66"/>
        <source>Removed: %1</source>
        <translation>Entfernt: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="67"/>
        <source>Changed: %1</source>
        <translation>Geändert: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="76"/>
        <source>This version came without release notes.</source>
        <translation>Zu dieser Version gibt es keine Versionshinweise.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="79"/>
        <source>threats</source>
        <translation>Bedrohungen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="79"/>
        <source>potentially unwanted</source>
        <translation>potenziell unerwünscht</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="80"/>
        <source>suspicious</source>
        <translation>verdächtig</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../app/ui/workers.py" line="62"/>
        <source>Something went wrong (%1). The details are in the log.</source>
        <translation>Etwas ist schiefgegangen (%1). Die Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../app/ui/application.py" line="201"/>
        <source>Ringfence keeps running</source>
        <translation>Ringfence läuft weiter</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="202"/>
        <source>Ringfence keeps protecting your PC from the tray. To stop it, choose Quit in the tray menu.</source>
        <translation>Ringfence schützt Ihren PC weiter aus dem Infobereich. Zum Beenden wählen Sie „Beenden“ im Menü des Symbols.</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="239"/>
        <source>This action is not available in this version.</source>
        <translation>Diese Aktion gibt es in dieser Version nicht.</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="331"/>
        <source>Scanning…</source>
        <translation>Prüfung läuft …</translation>
    </message>
    <message>
        <location filename="../app/ui/application.py" line="334"/>
        <source>Your PC is protected.</source>
        <translation>Ihr PC ist geschützt.</translation>
    </message>
</context>
<context>
    <name>CrashCard</name>
    <message>
        <location filename="../app/ui/widgets/crash_card.py" line="47"/>
        <source>Your device ran into a problem and needed to restart.</source>
        <translation>Auf Ihrem Gerät ist ein Problem aufgetreten, und es musste neu gestartet werden.</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/crash_card.py" line="59"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/crash_card.py" line="60"/>
        <source>Dismiss the crash report</source>
        <translation>Absturzbericht ausblenden</translation>
    </message>
</context>
<context>
    <name>CrashExport</name>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="27"/>
        <source>Ringfence crash history</source>
        <translation>Ringfence-Absturzverlauf</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="52"/>
        <source>a folder of copied logs and dumps (%1)</source>
        <translation>einem Ordner mit kopierten Protokollen und Abbildern (%1)</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="53"/>
        <source>this PC</source>
        <translation>diesem PC</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="55"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="56"/>
        <source>Read from</source>
        <translation>Gelesen von</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="60"/>
        <source>Probable drivers</source>
        <translation>Vermutliche Treiber</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="65"/>
        <source>Unexpected restarts, newest first</source>
        <translation>Unerwartete Neustarts, neueste zuerst</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="70"/>
        <source>Stop code</source>
        <translation>Stoppcode</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="73"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="76"/>
        <source>Probable driver</source>
        <translation>Vermutlicher Treiber</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="78"/>
        <source>Dump file</source>
        <translation>Abbilddatei</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="79"/>
        <source>Ringfence definitions</source>
        <translation>Ringfence-Definitionen</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="81"/>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="85"/>
        <source>What could not be read</source>
        <translation>Was nicht gelesen werden konnte</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="86"/>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="86"/>
        <source>User and computer names, home folders, e-mail addresses, network names, serial numbers and Wi-Fi passwords were removed from this report.</source>
        <translation>Benutzer- und Computernamen, Benutzerordner, E-Mail-Adressen, Netzwerknamen, Seriennummern und WLAN-Passwörter wurden aus diesem Bericht entfernt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="96"/>
        <source>On this PC</source>
        <translation>Auf diesem PC</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="97"/>
        <source>not found, or without version information</source>
        <translation>nicht gefunden oder ohne Versionsangaben</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="99"/>
        <source>File on this PC</source>
        <translation>Datei auf diesem PC</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="100"/>
        <source>Company</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="101"/>
        <source>File version</source>
        <translation>Dateiversion</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="102"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="103"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="107"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_export.py" line="179"/>
        <source>The crash history could not be saved to %1 (%2); choose another folder.</source>
        <translation>Der Absturzverlauf konnte nicht unter %1 gespeichert werden (%2); wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>CrashKinds</name>
    <message>
        <location filename="../app/core/recovery/explain.py" line="76"/>
        <source>Stop error</source>
        <translation>Stoppfehler</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="77"/>
        <source>Power loss or hard freeze</source>
        <translation>Stromausfall oder völliges Einfrieren</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="78"/>
        <source>Forced power-off</source>
        <translation>Erzwungenes Ausschalten</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="79"/>
        <source>Kernel panic</source>
        <translation>Kernel-Panik</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="80"/>
        <source>Kernel oops</source>
        <translation>Kernel-Oops</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="81"/>
        <source>Unclean shutdown</source>
        <translation>Unsauberes Herunterfahren</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="87"/>
        <source>Unexpected restart</source>
        <translation>Unerwarteter Neustart</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="42"/>
        <source>Real-time protection</source>
        <translation>Echtzeitschutz</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="43"/>
        <source>Definitions</source>
        <translation>Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="44"/>
        <source>Last scan</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="45"/>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="46"/>
        <source>Scanner engine</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="47"/>
        <source>Crashes and recovery</source>
        <translation>Abstürze und Wiederherstellung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="58"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="81"/>
        <source>The self-test is running…</source>
        <translation>Der Selbsttest läuft …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="87"/>
        <source>The self-test passed: the engine finds test threats and leaves clean files alone.</source>
        <translation>Der Selbsttest ist bestanden: Der Scanner findet Testbedrohungen und lässt saubere Dateien in Ruhe.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="89"/>
        <source>The self-test failed. Check for updates; if it keeps failing, reinstall Ringfence.</source>
        <translation>Der Selbsttest ist fehlgeschlagen. Suchen Sie nach Updates; wenn er weiter fehlschlägt, installieren Sie Ringfence neu.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="99"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="109"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="109"/>
        <source>New and changed files are checked as soon as they are written.</source>
        <translation>Neue und geänderte Dateien werden geprüft, sobald sie geschrieben sind.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="110"/>
        <source>Pause…</source>
        <translation>Anhalten …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="113"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="113"/>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="114"/>
        <source>Until Ringfence restarts</source>
        <translation>Bis Ringfence neu startet</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="114"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="116"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="116"/>
        <source>Files are checked only when you scan them.</source>
        <translation>Dateien werden nur geprüft, wenn Sie sie prüfen lassen.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="117"/>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="128"/>
        <source>Built-in definitions</source>
        <translation>Eingebaute Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="129"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="130"/>
        <source>%1; update ring: %2</source>
        <translation>%1; Update-Ring: %2</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="132"/>
        <source>Check for updates</source>
        <translation>Nach Updates suchen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="137"/>
        <source>No scan yet</source>
        <translation>Noch keine Prüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="137"/>
        <location filename="../app/ui/pages/dashboard.py" line="144"/>
        <source>Quick scan</source>
        <translation>Schnellprüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="139"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/dashboard.py" line="140"/>
        <source>%n file(s) checked, threats found: %1</source>
        <translation>
            <numerusform>%n Datei geprüft, gefundene Bedrohungen: %1</numerusform>
            <numerusform>%n Dateien geprüft, gefundene Bedrohungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="143"/>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/dashboard.py" line="147"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="150"/>
        <source>%1; no longer detected: %2</source>
        <translation>%1; nicht mehr erkannt: %2</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="152"/>
        <source>The key is kept in a private file, not in the system keyring.</source>
        <translation>Der Schlüssel liegt in einer privaten Datei, nicht im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="158"/>
        <source>Self-test failed</source>
        <translation>Selbsttest fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="158"/>
        <location filename="../app/ui/pages/dashboard.py" line="176"/>
        <source>On %1</source>
        <translation>Am %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="160"/>
        <source>Stopped responding recently</source>
        <translation>Hat kürzlich nicht mehr reagiert</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="161"/>
        <location filename="../app/ui/pages/dashboard.py" line="164"/>
        <source>On %1; it was restarted.</source>
        <translation>Am %1; er wurde neu gestartet.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="163"/>
        <source>Crashed recently</source>
        <translation>Kürzlich abgestürzt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="166"/>
        <source>Working</source>
        <translation>Funktioniert</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="167"/>
        <source>Last self-test passed on %1</source>
        <translation>Letzter Selbsttest bestanden am %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="168"/>
        <source>Runs in its own process, in user mode.</source>
        <translation>Läuft in einem eigenen Prozess im Benutzermodus.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="169"/>
        <source>Run the self-test</source>
        <translation>Selbsttest ausführen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="175"/>
        <source>Your PC restarted unexpectedly</source>
        <translation>Ihr PC wurde unerwartet neu gestartet</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="177"/>
        <source>Show what happened</source>
        <translation>Zeigen, was geschah</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/dashboard.py" line="179"/>
        <source>No new unexpected restarts</source>
        <translation>Keine neuen unerwarteten Neustarts</translation>
    </message>
</context>
<context>
    <name>Definitions</name>
    <message>
        <location filename="../app/core/scanning/definitions.py" line="56"/>
        <source>The definitions file %1 cannot be read (%2).</source>
        <translation>Die Definitionsdatei %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/definitions.py" line="73"/>
        <source>The definitions %1 do not exist.</source>
        <translation>Die Definitionen %1 gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="14"/>
        <source>The definitions declare an engine version %1 that is not a version number.</source>
        <translation>Die Definitionen geben eine Scanner-Version %1 an, die keine Versionsnummer ist.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="16"/>
        <source>The definitions archive contains an absolute path (%1) and was refused.</source>
        <translation>Das Definitionsarchiv enthält einen absoluten Pfad (%1) und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="18"/>
        <source>The definitions archive contains a path that leaves its folder (%1) and was refused.</source>
        <translation>Das Definitionsarchiv enthält einen Pfad, der seinen Ordner verlässt (%1), und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="20"/>
        <source>The definitions archive contains a link (%1) and was refused.</source>
        <translation>Das Definitionsarchiv enthält eine Verknüpfung (%1) und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="21"/>
        <source>The definitions archive contains a special file (%1) and was refused.</source>
        <translation>Das Definitionsarchiv enthält eine Spezialdatei (%1) und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="22"/>
        <source>The definitions archive contains a file that is too large (%1) and was refused.</source>
        <translation>Das Definitionsarchiv enthält eine zu große Datei (%1) und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="24"/>
        <source>The definitions archive contains an unexpected file (%1) and was refused.</source>
        <translation>Das Definitionsarchiv enthält eine unerwartete Datei (%1) und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="26"/>
        <source>The definitions archive holds too many files and was refused.</source>
        <translation>Das Definitionsarchiv enthält zu viele Dateien und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="27"/>
        <source>The definitions archive is too large when expanded and was refused.</source>
        <translation>Das Definitionsarchiv ist entpackt zu groß und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="28"/>
        <source>The definitions archive %1 is damaged or unreadable (%2).</source>
        <translation>Das Definitionsarchiv %1 ist beschädigt oder unlesbar (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="29"/>
        <source>There is not enough free disk space to unpack the definitions; free some space and try again.</source>
        <translation>Zum Entpacken der Definitionen ist nicht genug Speicherplatz frei; schaffen Sie Platz und versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="31"/>
        <source>The definitions archive %1 cannot be read (%2).</source>
        <translation>Das Definitionsarchiv %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="32"/>
        <source>The definitions have no content.json manifest and were refused.</source>
        <translation>Die Definitionen haben kein Manifest content.json und wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="33"/>
        <source>The definitions manifest cannot be read (%1).</source>
        <translation>Das Manifest der Definitionen kann nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="34"/>
        <source>The definitions manifest is not a JSON object and was refused.</source>
        <translation>Das Manifest der Definitionen ist kein JSON-Objekt und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="35"/>
        <source>The definitions use content schema %1, which this version of Ringfence does not understand (it reads schema %2).</source>
        <translation>Die Definitionen verwenden das Inhaltsschema %1, das diese Ringfence-Version nicht versteht (sie liest Schema %2).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="37"/>
        <source>The definitions manifest has no valid integer version and was refused.</source>
        <translation>Das Manifest der Definitionen hat keine gültige ganzzahlige Version und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="38"/>
        <source>The definitions need engine %1 to %2, but this Ringfence has engine %3.</source>
        <translation>Die Definitionen brauchen Scanner-Version %1 bis %2, dieses Ringfence hat aber Version %3.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="39"/>
        <source>The definitions declare %1 entries for hash but contain %2; they were refused.</source>
        <translation>Die Definitionen geben %1 Einträge in der Hash-Liste an, enthalten aber %2; sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="41"/>
        <source>The definitions declare %1 entries for allow but contain %2; they were refused.</source>
        <translation>Die Definitionen geben %1 Einträge in der Liste erlaubter Dateien an, enthalten aber %2; sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="43"/>
        <source>The definitions declare %1 entries for golden but contain %2; they were refused.</source>
        <translation>Die Definitionen geben %1 Referenzmuster an, enthalten aber %2; sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="45"/>
        <source>The definitions manifest does not declare its rule count and was refused.</source>
        <translation>Das Manifest der Definitionen gibt die Zahl der Regeln nicht an und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="47"/>
        <source>The definitions list %1 known-good file hash(es) as threats (first: %2); they were refused.</source>
        <translation>Die Definitionen führen %1 Hash(es) bekannt sauberer Dateien als Bedrohung (erster: %2); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="49"/>
        <source>The definitions manifest has no valid file list and was refused.</source>
        <translation>Das Manifest der Definitionen hat keine gültige Dateiliste und wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="50"/>
        <source>The definitions contain files not listed in the manifest (%1).</source>
        <translation>Die Definitionen enthalten Dateien, die nicht im Manifest stehen (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="51"/>
        <source>The definitions are missing a file the manifest lists (%1).</source>
        <translation>Den Definitionen fehlt eine Datei, die im Manifest steht (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="52"/>
        <source>The definitions file %1 does not match its manifest entry; it was refused.</source>
        <translation>Die Definitionsdatei %1 passt nicht zu ihrem Eintrag im Manifest; sie wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="54"/>
        <source>The hash list %1 cannot be read (%2).</source>
        <translation>Die Hash-Liste %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="55"/>
        <source>Line %1 of %2 is not &apos;sha256&lt;TAB&gt;name&apos;; the definitions were refused.</source>
        <translation>Zeile %1 von %2 hat nicht die Form „sha256&lt;TAB&gt;Name“; die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="56"/>
        <source>The golden sample %1 is not valid base64; the definitions were refused.</source>
        <translation>Das Referenzmuster %1 ist kein gültiges Base64; die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="58"/>
        <source>The folder %1 contains no .yar or .yara rule files.</source>
        <translation>Der Ordner %1 enthält keine Regeldateien (.yar oder .yara).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="59"/>
        <source>The definitions folder %1 does not exist.</source>
        <translation>Den Definitionsordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="60"/>
        <source>The definitions contain a rule that does not compile: %1.</source>
        <translation>Die Definitionen enthalten eine Regel, die sich nicht übersetzen lässt: %1.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="61"/>
        <source>The definitions could not be compiled: %1.</source>
        <translation>Die Definitionen ließen sich nicht übersetzen: %1.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/bundle_messages.py" line="62"/>
        <source>The definitions declare %1 rules but contain %2; they were refused.</source>
        <translation>Die Definitionen geben %1 Regeln an, enthalten aber %2; sie wurden abgelehnt.</translation>
    </message>
</context>
<context>
    <name>DetectionDetails</name>
    <message>
        <location filename="../app/ui/widgets/detection_details.py" line="40"/>
        <source>Detected as</source>
        <translation>Erkannt als</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/detection_details.py" line="41"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/detection_details.py" line="42"/>
        <source>Rule set</source>
        <translation>Regelsammlung</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/detection_details.py" line="43"/>
        <source>Rule author</source>
        <translation>Autor der Regel</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/detection_details.py" line="44"/>
        <source>Rule licence</source>
        <translation>Lizenz der Regel</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/detection_details.py" line="47"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/detection_details.py" line="66"/>
        <source>Details of the selected detection</source>
        <translation>Details des gewählten Funds</translation>
    </message>
</context>
<context>
    <name>Drives</name>
    <message>
        <location filename="../app/core/drives/drive_service.py" line="57"/>
        <source>without a name</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <location filename="../app/ui/drives.py" line="86"/>
        <source>USB drive %1 (%2) connected — Scan now?</source>
        <extracomment>%1: the drive&apos;s name (KINGSTON), %2: where it is (E: or its folder)</extracomment>
        <translation>USB-Laufwerk %1 (%2) angeschlossen – jetzt prüfen?</translation>
    </message>
    <message>
        <location filename="../app/ui/drives.py" line="90"/>
        <location filename="../app/ui/drives.py" line="101"/>
        <source>USB drive connected</source>
        <translation>USB-Laufwerk angeschlossen</translation>
    </message>
    <message>
        <location filename="../app/ui/drives.py" line="90"/>
        <source>Click here to scan it.</source>
        <translation>Zum Prüfen hier klicken.</translation>
    </message>
    <message>
        <location filename="../app/ui/drives.py" line="103"/>
        <source>Scan now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../app/ui/drives.py" line="104"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../app/ui/drives.py" line="127"/>
        <source>That USB drive is no longer connected.</source>
        <translation>Dieses USB-Laufwerk ist nicht mehr angeschlossen.</translation>
    </message>
    <message>
        <location filename="../app/ui/drives.py" line="129"/>
        <source>Scanning the USB drive; History shows what it finds.</source>
        <translation>Das USB-Laufwerk wird geprüft; der Verlauf zeigt, was dabei gefunden wird.</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <location filename="../app/core/scanning/engine_process.py" line="59"/>
        <source>The scanner engine could not be started (%1).</source>
        <translation>Der Scanner konnte nicht gestartet werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/engine_process.py" line="77"/>
        <source>The scanner engine did not start; see the engine log for details.</source>
        <translation>Der Scanner ist nicht gestartet; Einzelheiten stehen im Scanner-Protokoll.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/supervisor.py" line="203"/>
        <source>The scanner engine stopped responding and was restarted; try again.</source>
        <translation>Der Scanner reagierte nicht mehr und wurde neu gestartet; versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/supervisor.py" line="212"/>
        <source>The scanner engine stopped twice while handling the request; see the engine log for details.</source>
        <translation>Der Scanner wurde beim Bearbeiten der Anfrage zweimal beendet; Einzelheiten stehen im Scanner-Protokoll.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/supervisor.py" line="283"/>
        <source>The scanner engine keeps stopping; the scan was abandoned. See the engine log for details.</source>
        <translation>Der Scanner wird immer wieder beendet; die Prüfung wurde abgebrochen. Einzelheiten stehen im Scanner-Protokoll.</translation>
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
        <location filename="../app/ui/gui.py" line="107"/>
        <source>Ringfence</source>
        <translation>Ringfence</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../app/core/foundation/resources.py" line="37"/>
        <source>Ringfence&apos;s resources folder is missing; reinstall Ringfence.</source>
        <translation>Der Ressourcenordner von Ringfence fehlt; installieren Sie Ringfence neu.</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <location filename="../app/core/journal/events.py" line="64"/>
        <source>A scan started: %1.</source>
        <extracomment>The kinds History filters by.</extracomment>
        <translation>Eine Prüfung hat begonnen: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/journal/events.py" line="67"/>
        <source>Scan finished: %n file(s) checked; threats found: %1; not checked: %2.</source>
        <translation>
            <numerusform>Prüfung beendet: %n Datei geprüft; gefundene Bedrohungen: %1; nicht geprüft: %2.</numerusform>
            <numerusform>Prüfung beendet: %n Dateien geprüft; gefundene Bedrohungen: %1; nicht geprüft: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/journal/events.py" line="69"/>
        <source>Scan cancelled after %n file(s).</source>
        <translation>
            <numerusform>Prüfung nach %n Datei abgebrochen.</numerusform>
            <numerusform>Prüfung nach %n Dateien abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="70"/>
        <source>A scan was abandoned: %1</source>
        <translation>Eine Prüfung wurde aufgegeben: %1</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="71"/>
        <source>%1 was not fully checked: %2.</source>
        <translation>%1 wurde nicht vollständig geprüft: %2.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="74"/>
        <source>%1 could not be checked: it is password-protected.</source>
        <translation>%1 konnte nicht geprüft werden: die Datei ist kennwortgeschützt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="77"/>
        <source>%1 was found in %2.</source>
        <translation>%1 wurde in %2 gefunden.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="78"/>
        <source>%1 was found in %2 (%3).</source>
        <translation>%1 wurde in %2 gefunden (%3).</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="79"/>
        <source>%1 was moved to the quarantine (%2).</source>
        <translation>%1 wurde in die Quarantäne verschoben (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="80"/>
        <source>%1 was moved to the quarantine (%2; %3).</source>
        <translation>%1 wurde in die Quarantäne verschoben (%2; %3).</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="81"/>
        <source>%1 was restored from the quarantine.</source>
        <translation>%1 wurde aus der Quarantäne wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="82"/>
        <source>%1 was deleted from the quarantine.</source>
        <translation>%1 wurde aus der Quarantäne gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="83"/>
        <source>%1 was added to the allow-list.</source>
        <translation>%1 wurde zur Liste der zugelassenen Dateien hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="84"/>
        <source>%1 was removed from the allow-list.</source>
        <translation>%1 wurde von der Liste der zugelassenen Dateien entfernt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/journal/events.py" line="86"/>
        <source>%n old item(s) were deleted from the quarantine.</source>
        <translation>
            <numerusform>%n altes Objekt wurde aus der Quarantäne gelöscht.</numerusform>
            <numerusform>%n alte Objekte wurden aus der Quarantäne gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/journal/events.py" line="88"/>
        <source>Added %n quarantined item(s) back to the index from their encrypted copies.</source>
        <translation>
            <numerusform>%n Quarantäne-Objekt wurde aus seiner verschlüsselten Kopie wieder in den Index aufgenommen.</numerusform>
            <numerusform>%n Quarantäne-Objekte wurden aus ihren verschlüsselten Kopien wieder in den Index aufgenommen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="91"/>
        <source>%1 is no longer detected by definitions %2: you may restore it.</source>
        <translation>%1 wird von den Definitionen %2 nicht mehr erkannt: Sie können es wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="93"/>
        <source>Definitions %1 are now active.</source>
        <translation>Die Definitionen %1 sind jetzt aktiv.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="95"/>
        <source>Definitions %1 were refused at the %2 step: %3</source>
        <translation>Die Definitionen %1 wurden im Schritt „%2“ abgelehnt: %3</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="98"/>
        <source>Definitions %1 were rolled back to %2 during probation: %3</source>
        <translation>Die Definitionen %1 wurden während der Bewährungszeit auf %2 zurückgesetzt: %3</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="100"/>
        <source>Definitions %1 were reverted to %2 at start-up: %3</source>
        <translation>Die Definitionen %1 wurden beim Start auf %2 zurückgesetzt: %3</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="102"/>
        <source>The vendor withdrew definitions %1; Ringfence went back to %2.</source>
        <translation>Der Hersteller hat die Definitionen %1 zurückgezogen; Ringfence ist zu %2 zurückgekehrt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="104"/>
        <source>The vendor rolled the definitions back to %1.</source>
        <translation>Der Hersteller hat die Definitionen auf %1 zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="106"/>
        <source>You rolled the definitions back from %1 to %2.</source>
        <translation>Sie haben die Definitionen von %1 auf %2 zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="107"/>
        <source>The vendor halted definitions updates: %1</source>
        <translation>Der Hersteller hat die Definitionsupdates angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="109"/>
        <source>Definitions %1 passed probation and are now known good.</source>
        <translation>Die Definitionen %1 haben die Bewährungszeit bestanden und gelten jetzt als bewährt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="112"/>
        <source>The scanner engine stopped while checking %1 (definitions %2) and was restarted.</source>
        <translation>Die Prüf-Engine ist beim Prüfen von %1 (Definitionen %2) ausgefallen und wurde neu gestartet.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="114"/>
        <source>The scanner engine stopped responding while checking %1 (definitions %2) and was restarted.</source>
        <translation>Die Prüf-Engine reagierte beim Prüfen von %1 (Definitionen %2) nicht mehr und wurde neu gestartet.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="117"/>
        <source>The scanner engine stopped unexpectedly between files (definitions %1) and was restarted.</source>
        <translation>Der Scanner wurde zwischen zwei Dateien unerwartet beendet (Definitionen %1) und neu gestartet.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="119"/>
        <source>The scanner engine was restarted (definitions %1).</source>
        <translation>Die Prüf-Engine wurde neu gestartet (Definitionen %1).</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="122"/>
        <source>Your PC restarted unexpectedly on %1: %2 %3</source>
        <translation>Ihr PC wurde am %1 unerwartet neu gestartet: %2 %3</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="126"/>
        <source>Real-time protection found %1 in %2: %3.</source>
        <translation>Der Echtzeitschutz hat %1 in %2 gefunden: %3.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="127"/>
        <source>Real-time protection found %1 in %2: %3 (%4).</source>
        <translation>Der Echtzeitschutz hat %1 in %2 gefunden: %3 (%4).</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="129"/>
        <source>Real-time protection did not check %1: it is larger than the %2 MB limit for checking a file (a scan with a higher limit checks it).</source>
        <translation>Der Echtzeitschutz hat %1 nicht geprüft: Die Datei ist größer als die Grenze von %2 MB für die Prüfung einer Datei (ein Scan mit höherer Grenze prüft sie).</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/journal/events.py" line="132"/>
        <source>Real-time protection is on and watches %n folder(s).</source>
        <translation>
            <numerusform>Der Echtzeitschutz ist an und überwacht %n Ordner.</numerusform>
            <numerusform>Der Echtzeitschutz ist an und überwacht %n Ordner.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="133"/>
        <source>Real-time protection was turned off.</source>
        <translation>Der Echtzeitschutz wurde ausgeschaltet.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="135"/>
        <source>Real-time protection is paused until %1.</source>
        <translation>Der Echtzeitschutz ist bis %1 pausiert.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="137"/>
        <source>Real-time protection is paused until Ringfence restarts.</source>
        <translation>Der Echtzeitschutz ist pausiert, bis Ringfence neu startet.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="139"/>
        <source>Real-time protection resumed; files changed during the pause are being checked.</source>
        <translation>Der Echtzeitschutz läuft wieder; Dateien, die sich während der Pause geändert haben, werden geprüft.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="141"/>
        <source>File changes may have been missed (%1); the protected folders are being checked again.</source>
        <translation>Dateiänderungen wurden möglicherweise verpasst (%1); die geschützten Ordner werden erneut geprüft.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="144"/>
        <source>%1 cannot be watched (%2); it is checked every 15 minutes instead.</source>
        <translation>%1 kann nicht überwacht werden (%2); der Ordner wird stattdessen alle 15 Minuten geprüft.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="146"/>
        <source>A scheduled scan was skipped: the battery is at %1 percent.</source>
        <translation>Eine geplante Prüfung wurde ausgelassen: Der Akku steht bei %1 Prozent.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="148"/>
        <source>USB drive %1 (%2) connected.</source>
        <translation>USB-Laufwerk %1 (%2) angeschlossen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/journal/events.py" line="150"/>
        <source>Checking USB drive %1 (%2): %n program(s), script(s) and shortcut(s) at its top levels.</source>
        <translation>
            <numerusform>USB-Laufwerk %1 (%2) wird geprüft: %n Programm, Skript oder Verknüpfung in seinen obersten Ebenen.</numerusform>
            <numerusform>USB-Laufwerk %1 (%2) wird geprüft: %n Programme, Skripte und Verknüpfungen in seinen obersten Ebenen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="152"/>
        <source>Checking all files on USB drive %1 (%2).</source>
        <translation>Alle Dateien auf dem USB-Laufwerk %1 (%2) werden geprüft.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/journal/events.py" line="155"/>
        <source>USB drive %1 (%2): %n file(s) larger than %3 MB or beyond the first %4 were left out of the quick check; a full drive scan checks them.</source>
        <translation>
            <numerusform>USB-Laufwerk %1 (%2): %n Datei, größer als %3 MB oder nach den ersten %4, wurde bei der schnellen Prüfung ausgelassen; eine vollständige Prüfung des Laufwerks prüft sie.</numerusform>
            <numerusform>USB-Laufwerk %1 (%2): %n Dateien, größer als %3 MB oder nach den ersten %4, wurden bei der schnellen Prüfung ausgelassen; eine vollständige Prüfung des Laufwerks prüft sie.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="159"/>
        <source>USB drive %1 (%2) has no programs, scripts or shortcuts at its top levels; there was nothing to check.</source>
        <translation>USB-Laufwerk %1 (%2) hat in seinen obersten Ebenen keine Programme, Skripte oder Verknüpfungen; es gab nichts zu prüfen.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="162"/>
        <source>USB drive %1 (%2) was removed before its scan ended, so the scan stopped. Connect it again to scan it.</source>
        <translation>USB-Laufwerk %1 (%2) wurde vor dem Ende seiner Prüfung entfernt, deshalb wurde die Prüfung beendet. Schließen Sie es wieder an, um es zu prüfen.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="165"/>
        <source>USB drive %1 (%2) could not be scanned: %3</source>
        <translation>USB-Laufwerk %1 (%2) konnte nicht geprüft werden: %3</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="168"/>
        <source>Ringfence&apos;s state database was damaged; it was kept as %1 and a new one was started.</source>
        <translation>Die Zustandsdatenbank von Ringfence war beschädigt; sie wurde als %1 aufbewahrt und eine neue wurde angelegt.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="172"/>
        <source>The settings file could not be read; it was kept as %1 and the defaults are in use.</source>
        <translation>Die Einstellungsdatei konnte nicht gelesen werden; sie wurde als %1 aufbewahrt, und die Standardeinstellungen sind aktiv.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="173"/>
        <source>%1 will never be scanned.</source>
        <translation>%1 wird nie mehr geprüft.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="175"/>
        <source>%1 will never be scanned; it was excluded from the threat %2 found in %3.</source>
        <translation>%1 wird nie mehr geprüft; der Ordner wurde von der Bedrohung %2 aus ausgenommen, die in %3 gefunden wurde.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/events.py" line="194"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/core/updates/activation.py" line="194"/>
        <source>the built-in baseline definitions</source>
        <translation>die mitgelieferten Basis-Definitionen</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="202"/>
        <source>from the update server</source>
        <translation>vom Update-Server</translation>
    </message>
</context>
<context>
    <name>Exclusions</name>
    <message>
        <location filename="../app/core/scanning/exclusions.py" line="169"/>
        <location filename="../app/core/scanning/exclusions.py" line="187"/>
        <source>Added in the settings</source>
        <translation>In den Einstellungen hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/exclusions.py" line="171"/>
        <source>Added from the threat %1 found in %2; that file is not scanned any more either</source>
        <translation>Von der Bedrohung %1 aus hinzugefügt, die in %2 gefunden wurde; auch diese Datei wird nicht mehr geprüft</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/exclusions.py" line="173"/>
        <source>Added from the Scan page</source>
        <translation>Auf der Seite „Prüfen“ hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/exclusions.py" line="185"/>
        <source>Preset: developer folders (any folder of this name)</source>
        <translation>Vorgabe: Entwicklerordner (jeder Ordner dieses Namens)</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/exclusions.py" line="191"/>
        <source>Preset: virtual machine disks</source>
        <translation>Vorgabe: Festplatten virtueller Maschinen</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/exclusions.py" line="194"/>
        <source>Ringfence&apos;s own folders (its definitions and test samples): always</source>
        <translation>Ringfences eigene Ordner (Definitionen und Testmuster): immer</translation>
    </message>
</context>
<context>
    <name>ExclusionsList</name>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="29"/>
        <source>Folder or file</source>
        <translation>Ordner oder Datei</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="29"/>
        <source>Folder name</source>
        <translation>Ordnername</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="30"/>
        <source>Name pattern</source>
        <translation>Namensmuster</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="30"/>
        <source>File extension</source>
        <translation>Dateiendung</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="32"/>
        <source>Never scanned</source>
        <translation>Nie geprüft</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="33"/>
        <source>What it is</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="34"/>
        <source>Threats found</source>
        <translation>Funde</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/dialogs/exclusions_list.py" line="36"/>
        <source>%n threat(s) found earlier are in what this leaves alone.</source>
        <translation>
            <numerusform>%n früher gefundene Bedrohung liegt in dem, was hier ausgelassen wird.</numerusform>
            <numerusform>%n früher gefundene Bedrohungen liegen in dem, was hier ausgelassen wird.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="38"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="40"/>
        <source>Everything that is never scanned</source>
        <translation>Alles, was nie geprüft wird</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/exclusions_list.py" line="47"/>
        <source>Everything that is never scanned, and why</source>
        <translation>Alles, was nie geprüft wird, und warum</translation>
    </message>
</context>
<context>
    <name>FalsePositiveDialog</name>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="55"/>
        <source>Report a false positive</source>
        <translation>Fehlalarm melden</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="58"/>
        <source>If you are sure this file is safe, send this report to the vendor of the definitions so the rule can be fixed. It names the rule, where the rule comes from, the definitions version and the file&apos;s SHA-256 and size. It never contains the file, its name or where it is on your PC.</source>
        <translation>Wenn Sie sicher sind, dass diese Datei harmlos ist, senden Sie diesen Bericht an den Anbieter der Definitionen, damit die Regel korrigiert werden kann. Er nennt die Regel, ihre Herkunft, die Version der Definitionen sowie SHA-256 und Größe der Datei. Er enthält nie die Datei selbst, ihren Namen oder ihren Ort auf Ihrem PC.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="66"/>
        <source>The report</source>
        <translation>Der Bericht</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="69"/>
        <source>If you trust this file, you can also allow it: Ringfence then never reports a file with this SHA-256 again.</source>
        <translation>Wenn Sie dieser Datei vertrauen, können Sie sie auch zulassen: Ringfence meldet dann nie wieder eine Datei mit diesem SHA-256.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="71"/>
        <source>If you trust this file, put it back with Restore and allow: Ringfence then never reports a file with this SHA-256 again.</source>
        <translation>Wenn Sie dieser Datei vertrauen, holen Sie sie mit „Wiederherstellen und zulassen“ zurück: Ringfence meldet dann nie wieder eine Datei mit diesem SHA-256.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="80"/>
        <source>&amp;Save report…</source>
        <translation>Bericht &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="81"/>
        <source>&amp;Allow this file</source>
        <translation>Diese Datei &amp;zulassen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="94"/>
        <source>Save the false-positive report</source>
        <translation>Fehlalarm-Bericht speichern</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="97"/>
        <source>Reports (*.json)</source>
        <translation>Berichte (*.json)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="114"/>
        <source>The report was saved to %1. Send it to the vendor of your definitions.</source>
        <translation>Der Bericht wurde in %1 gespeichert. Senden Sie ihn an den Anbieter Ihrer Definitionen.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/false_positive.py" line="119"/>
        <source>The file is allowed: a file with this SHA-256 is not reported again.</source>
        <translation>Die Datei ist zugelassen: Eine Datei mit diesem SHA-256 wird nicht mehr gemeldet.</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../app/core/detections/fp_report.py" line="67"/>
        <source>This detection was recorded without the file&apos;s SHA-256, so it cannot be reported; scan the file again and report the new detection.</source>
        <translation>Dieser Fund wurde ohne den SHA-256 der Datei aufgezeichnet und kann daher nicht gemeldet werden; prüfen Sie die Datei erneut und melden Sie den neuen Fund.</translation>
    </message>
    <message>
        <location filename="../app/core/detections/fp_report.py" line="111"/>
        <source>The report could not be saved to %1 (%2); choose another place.</source>
        <translation>Der Bericht konnte nicht in %1 gespeichert werden (%2); wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/provenance.py" line="21"/>
        <location filename="../app/core/journal/provenance.py" line="24"/>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <location filename="../app/core/journal/provenance.py" line="22"/>
        <source>Potentially unwanted</source>
        <translation>Potenziell unerwünscht</translation>
    </message>
    <message>
        <location filename="../app/core/journal/provenance.py" line="23"/>
        <source>Suspicious</source>
        <translation>Verdächtig</translation>
    </message>
    <message>
        <location filename="../app/core/journal/provenance.py" line="47"/>
        <source>%1 · rule set %2</source>
        <translation>%1 · Regelsammlung %2</translation>
    </message>
    <message>
        <location filename="../app/core/journal/provenance.py" line="48"/>
        <source>%1 · by %2</source>
        <translation>%1 · von %2</translation>
    </message>
    <message>
        <location filename="../app/core/journal/provenance.py" line="49"/>
        <source>%1 · licence %2</source>
        <translation>%1 · Lizenz %2</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../app/ui/formatting.py" line="46"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../app/ui/formatting.py" line="61"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../app/ui/formatting.py" line="63"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../app/ui/formatting.py" line="64"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../app/core/status/protection.py" line="38"/>
        <location filename="../app/ui/formatting.py" line="70"/>
        <source>age unknown</source>
        <translation>Alter unbekannt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/status/protection.py" line="40"/>
        <location filename="../app/ui/formatting.py" line="72"/>
        <source>%n day(s) old</source>
        <translation>
            <numerusform>%n Tag alt</numerusform>
            <numerusform>%n Tage alt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/formatting.py" line="74"/>
        <source>less than an hour old</source>
        <translation>weniger als eine Stunde alt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/status/protection.py" line="41"/>
        <location filename="../app/ui/formatting.py" line="75"/>
        <source>%n hour(s) old</source>
        <translation>
            <numerusform>%n Stunde alt</numerusform>
            <numerusform>%n Stunden alt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryExport</name>
    <message>
        <location filename="../app/core/journal/export.py" line="70"/>
        <source>Choose CSV or JSON for the export (a name ending in .csv or .json).</source>
        <translation>Wählen Sie CSV oder JSON für den Export (ein Name, der auf .csv oder .json endet).</translation>
    </message>
    <message>
        <location filename="../app/core/journal/export.py" line="120"/>
        <source>The folder %1 does not exist. Choose another place for the export.</source>
        <translation>Den Ordner %1 gibt es nicht. Wählen Sie einen anderen Ort für den Export.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/export.py" line="123"/>
        <source>%1 is a folder. Choose a file name for the export.</source>
        <translation>%1 ist ein Ordner. Wählen Sie einen Dateinamen für den Export.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/export.py" line="162"/>
        <source>%1 exists already. Choose another name, or allow replacing it.</source>
        <translation>%1 gibt es schon. Wählen Sie einen anderen Namen, oder erlauben Sie, die Datei zu ersetzen.</translation>
    </message>
    <message>
        <location filename="../app/core/journal/export.py" line="168"/>
        <source>The export could not be written to %1 (%2). Choose a folder you can write to.</source>
        <translation>Der Export konnte nicht nach %1 geschrieben werden (%2). Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../app/ui/pages/history.py" line="88"/>
        <source>Scans</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="88"/>
        <source>Threats</source>
        <translation>Bedrohungen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="88"/>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="89"/>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="89"/>
        <source>Engine</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="89"/>
        <source>Crashes</source>
        <translation>Abstürze</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="90"/>
        <source>Real-time protection</source>
        <translation>Echtzeitschutz</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="90"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="92"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="92"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="93"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="96"/>
        <source>&lt;h2&gt;History&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Verlauf&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="114"/>
        <location filename="../app/ui/pages/history.py" line="115"/>
        <source>Search the history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="119"/>
        <source>Only the newest %1 events were searched.</source>
        <translation>Durchsucht wurden nur die neuesten %1 Ereignisse.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="125"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="126"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="127"/>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="130"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="133"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="138"/>
        <source>Report &amp;false positive…</source>
        <translation>&amp;Fehlalarm melden…</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="141"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="143"/>
        <source>The events shown (filters and search)…</source>
        <translation>Die angezeigten Ereignisse (Filter und Suche) …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="144"/>
        <source>All events…</source>
        <translation>Alle Ereignisse …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="149"/>
        <source>Newer</source>
        <translation>Neuere</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="150"/>
        <source>Older</source>
        <translation>Ältere</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="163"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="193"/>
        <source>Events %1–%2 of %3</source>
        <translation>Ereignisse %1–%2 von %3</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="196"/>
        <source>No events match these filters.</source>
        <translation>Keine Ereignisse passen zu diesen Filtern.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="234"/>
        <source>Export the history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="236"/>
        <source>CSV for spreadsheets (*.csv)</source>
        <translation>CSV für Tabellenkalkulationen (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/history.py" line="236"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/history.py" line="257"/>
        <source>%n event(s) exported to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../app/ui/labels.py" line="13"/>
        <source>Early (first to get new definitions)</source>
        <translation>Früh (bekommt neue Definitionen zuerst)</translation>
    </message>
    <message>
        <location filename="../app/ui/labels.py" line="14"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../app/ui/labels.py" line="15"/>
        <source>Delayed (48 hours after everyone else)</source>
        <translation>Verzögert (48 Stunden nach allen anderen)</translation>
    </message>
    <message>
        <location filename="../app/ui/labels.py" line="16"/>
        <source>Pinned (only when you check now)</source>
        <translation>Festgehalten (nur wenn Sie „Jetzt suchen“ wählen)</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="25"/>
        <location filename="../app/ui/labels.py" line="22"/>
        <source>Quick scan</source>
        <translation>Schnellprüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="26"/>
        <location filename="../app/ui/labels.py" line="22"/>
        <source>Full scan</source>
        <translation>Vollständige Prüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="27"/>
        <location filename="../app/ui/labels.py" line="23"/>
        <source>Custom scan</source>
        <translation>Benutzerdefinierte Prüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="28"/>
        <source>Scheduled scan</source>
        <translation>Geplante Prüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="29"/>
        <source>Scan</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="33"/>
        <source>archives nested deeper than the limit</source>
        <extracomment>Why a file was not fully checked (the limit reached, or what the container kept back).</extracomment>
        <translation>Archive tiefer verschachtelt als die Grenze</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="34"/>
        <source>more files in the archive than the limit</source>
        <translation>mehr Dateien im Archiv als die Grenze</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="35"/>
        <source>more data unpacked than the limit</source>
        <translation>mehr entpackte Daten als die Grenze</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="36"/>
        <source>a file in the archive larger than the largest file scanned</source>
        <translation>eine Datei im Archiv, größer als die größte geprüfte Datei</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="37"/>
        <source>the time limit for one archive</source>
        <translation>die Zeitgrenze für ein Archiv</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="38"/>
        <source>the archive is damaged and could only be read in part</source>
        <translation>das Archiv ist beschädigt und konnte nur teilweise gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="39"/>
        <source>a compression method Ringfence cannot unpack</source>
        <translation>ein Kompressionsverfahren, das Ringfence nicht entpacken kann</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="40"/>
        <source>a limit</source>
        <translation>eine Grenze</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="44"/>
        <source>signature check</source>
        <extracomment>The steps an update goes through before it is used (:mod:`app.engine.sandbox_checks`, the update service).</extracomment>
        <translation>Signaturprüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="45"/>
        <source>unpacking</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="46"/>
        <source>contents check</source>
        <translation>Inhaltsprüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="47"/>
        <source>version check</source>
        <translation>Versionsprüfung</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="48"/>
        <source>hash list check</source>
        <translation>Prüfung der Hash-Liste</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="49"/>
        <source>rule compilation</source>
        <translation>Übersetzen der Regeln</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="50"/>
        <source>EICAR test</source>
        <translation>EICAR-Test</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="51"/>
        <source>sample test</source>
        <translation>Mustertest</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="52"/>
        <source>clean files test</source>
        <translation>Test mit sauberen Dateien</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="53"/>
        <source>speed test</source>
        <translation>Geschwindigkeitstest</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="54"/>
        <source>large file test</source>
        <translation>Test mit großen Dateien</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="55"/>
        <source>time limit</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="56"/>
        <location filename="../app/core/text/labels.py" line="57"/>
        <source>test run</source>
        <translation>Testlauf</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="58"/>
        <source>engine self-test</source>
        <translation>Selbsttest des Scanners</translation>
    </message>
    <message>
        <location filename="../app/core/text/labels.py" line="59"/>
        <source>validation</source>
        <translation>Prüfung vor der Verwendung</translation>
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
    <name>Notice</name>
    <message>
        <location filename="../app/ui/widgets/notice.py" line="14"/>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/notice.py" line="22"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/notice.py" line="23"/>
        <source>Close the notice</source>
        <translation>Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../app/ui/notifications.py" line="72"/>
        <source>Threat moved to the quarantine</source>
        <translation>Bedrohung in die Quarantäne verschoben</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="72"/>
        <source>Threat found</source>
        <translation>Bedrohung gefunden</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="74"/>
        <source>Your PC recovered from a crash</source>
        <translation>Ihr PC hat sich von einem Absturz erholt</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="76"/>
        <source>USB drive removed</source>
        <translation>USB-Laufwerk entfernt</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="76"/>
        <source>USB drive</source>
        <translation>USB-Laufwerk</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="78"/>
        <source>Definitions updated</source>
        <translation>Definitionen aktualisiert</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="78"/>
        <source>Definitions update undone</source>
        <translation>Definitionsupdate rückgängig gemacht</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="79"/>
        <source>Scan finished</source>
        <translation>Prüfung beendet</translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="87"/>
        <source>Threats moved to the quarantine</source>
        <translation>Bedrohungen in die Quarantäne verschoben</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="88"/>
        <source>%n threat(s) were moved to the quarantine.</source>
        <translation>
            <numerusform>%n Bedrohung wurde in die Quarantäne verschoben.</numerusform>
            <numerusform>%n Bedrohungen wurden in die Quarantäne verschoben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/notifications.py" line="89"/>
        <source>Threats found</source>
        <translation>Bedrohungen gefunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="89"/>
        <source>%n threat(s) were found.</source>
        <translation>
            <numerusform>%n Bedrohung wurde gefunden.</numerusform>
            <numerusform>%n Bedrohungen wurden gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="91"/>
        <source>%n unexpected restart(s) of your PC were found.</source>
        <translation>
            <numerusform>%n unerwarteter Neustart Ihres PCs wurde gefunden.</numerusform>
            <numerusform>%n unerwartete Neustarts Ihres PCs wurden gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/notifications.py" line="97"/>
        <source>%n scan(s) finished.</source>
        <translation>
            <numerusform>%n Prüfung wurde beendet.</numerusform>
            <numerusform>%n Prüfungen wurden beendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <location filename="../app/core/foundation/paths.py" line="95"/>
        <source>%1 (set in RINGFENCE_HOME) is a file, not a folder; point RINGFENCE_HOME to a folder.</source>
        <translation>%1 (in RINGFENCE_HOME angegeben) ist eine Datei, kein Ordner; lassen Sie RINGFENCE_HOME auf einen Ordner zeigen.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/paths.py" line="98"/>
        <source>Ringfence cannot keep its data in %1: %2 is a file, not a folder.</source>
        <translation>Ringfence kann seine Daten nicht in %1 ablegen: %2 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/paths.py" line="101"/>
        <source>Ringfence has no permission to use the folder %1; give your user access to it or point RINGFENCE_HOME to a folder you own.</source>
        <translation>Ringfence hat keine Berechtigung, den Ordner %1 zu verwenden; geben Sie Ihrem Benutzer Zugriff darauf oder lassen Sie RINGFENCE_HOME auf einen Ordner zeigen, der Ihnen gehört.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/paths.py" line="105"/>
        <source>Ringfence has no permission to use the folder %1; give your user access to it.</source>
        <translation>Ringfence hat keine Berechtigung, den Ordner %1 zu verwenden; geben Sie Ihrem Benutzer Zugriff darauf.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/paths.py" line="107"/>
        <source>Ringfence cannot create the folder %1 (%2).</source>
        <translation>Ringfence kann den Ordner %1 nicht anlegen (%2).</translation>
    </message>
</context>
<context>
    <name>Protection</name>
    <message>
        <location filename="../app/ui/protection.py" line="103"/>
        <source>Pause real-time protection</source>
        <translation>Echtzeitschutz anhalten</translation>
    </message>
    <message>
        <location filename="../app/ui/protection.py" line="35"/>
        <source>Until Ringfence restarts</source>
        <translation>Bis Ringfence neu startet</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/protection.py" line="37"/>
        <source>For %n minute(s)</source>
        <translation>
            <numerusform>Für %n Minute</numerusform>
            <numerusform>Für %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/protection.py" line="38"/>
        <source>For %n hour(s)</source>
        <translation>
            <numerusform>Für %n Stunde</numerusform>
            <numerusform>Für %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/protection.py" line="106"/>
        <source>Resume real-time protection</source>
        <translation>Echtzeitschutz fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/protection.py" line="107"/>
        <source>Turn on real-time protection</source>
        <translation>Echtzeitschutz einschalten</translation>
    </message>
</context>
<context>
    <name>Quarantine</name>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="90"/>
        <source>The quarantined item is damaged (its header is cut short).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (sein Kopf ist abgeschnitten).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="93"/>
        <source>The quarantined item is damaged (it is not a Ringfence quarantine file).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (es ist keine Ringfence-Quarantänedatei).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="95"/>
        <source>The quarantined item was written by a newer Ringfence; update Ringfence to restore it.</source>
        <translation>Das Quarantäne-Objekt wurde von einer neueren Ringfence-Version geschrieben; aktualisieren Sie Ringfence, um es wiederherzustellen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="162"/>
        <source>The quarantined item was sealed with a different quarantine key, so it cannot be opened.</source>
        <translation>Das Quarantäne-Objekt wurde mit einem anderen Quarantäneschlüssel versiegelt und lässt sich deshalb nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="169"/>
        <location filename="../app/core/quarantine/crypto.py" line="197"/>
        <source>The quarantined item is damaged (it is cut short).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (es ist abgeschnitten).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/crypto.py" line="154"/>
        <source>The quarantined item is damaged (its content does not authenticate).</source>
        <translation>Das Quarantäne-Objekt ist beschädigt (sein Inhalt lässt sich nicht authentifizieren).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="45"/>
        <source>Another Ringfence process is creating the quarantine key and has not finished; try again in a minute.</source>
        <translation>Ein anderer Ringfence-Prozess erstellt gerade den Quarantäne-Schlüssel und ist noch nicht fertig; versuchen Sie es in einer Minute erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="130"/>
        <source>The system keyring that holds the quarantine key is locked or unavailable; unlock it and try again.</source>
        <translation>Der Systemschlüsselbund mit dem Quarantäneschlüssel ist gesperrt oder nicht verfügbar; entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="142"/>
        <source>The quarantine key could not be stored in the system keyring; unlock it and try again.</source>
        <translation>Der Quarantäneschlüssel konnte nicht im Systemschlüsselbund gespeichert werden; entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="173"/>
        <source>The quarantine key file cannot be read; check its permissions.</source>
        <translation>Die Datei mit dem Quarantäneschlüssel kann nicht gelesen werden; prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="203"/>
        <source>The quarantine&apos;s vault.json is damaged; restore it from a backup to open the quarantine.</source>
        <translation>Die Datei vault.json der Quarantäne ist beschädigt; stellen Sie sie aus einer Sicherung wieder her, um die Quarantäne zu öffnen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="245"/>
        <source>The quarantine has no key yet, so there is nothing to open.</source>
        <translation>Die Quarantäne hat noch keinen Schlüssel, es gibt also nichts zu öffnen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="252"/>
        <source>The quarantine&apos;s vault.json names an unknown key location %1.</source>
        <translation>Die Datei vault.json der Quarantäne nennt einen unbekannten Schlüsselort %1.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="257"/>
        <source>The quarantine key is missing from the system keyring, so quarantined items cannot be opened; restore the keyring from a backup.</source>
        <translation>Der Quarantäneschlüssel fehlt im Systemschlüsselbund, deshalb lassen sich die Quarantäne-Objekte nicht öffnen; stellen Sie den Schlüsselbund aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="260"/>
        <source>The quarantine key file is missing or damaged, so quarantined items cannot be opened; restore it from a backup.</source>
        <translation>Die Datei mit dem Quarantäneschlüssel fehlt oder ist beschädigt, deshalb lassen sich die Quarantäne-Objekte nicht öffnen; stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/keystore.py" line="272"/>
        <source>The quarantine key could not be stored safely; check the system keyring and try again.</source>
        <translation>Der Quarantäneschlüssel konnte nicht sicher gespeichert werden; prüfen Sie den Systemschlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="90"/>
        <source>%1 could not be quarantined (%2); it was left in place.</source>
        <extracomment>``progress(done_bytes, total_bytes)`` while a file is sealed into the vault.</extracomment>
        <translation>%1 konnte nicht in die Quarantäne verschoben werden (%2); die Datei blieb, wo sie war.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="96"/>
        <source>The file changed after it was scanned, so it was left in place; scan it again.</source>
        <translation>Die Datei hat sich nach der Prüfung geändert und wurde deshalb an ihrem Ort gelassen; prüfen Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="115"/>
        <source>The file no longer exists, so there was nothing to quarantine.</source>
        <translation>Die Datei existiert nicht mehr, es gab also nichts in Quarantäne zu verschieben.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="118"/>
        <source>Only regular files can be quarantined (this is a link, a folder or a device).</source>
        <translation>Nur normale Dateien können in Quarantäne verschoben werden (dies ist eine Verknüpfung, ein Ordner oder ein Gerät).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="135"/>
        <source>There is not enough free disk space for the quarantine copy, so the file was left in place.</source>
        <translation>Es gibt nicht genug freien Speicherplatz für die Quarantänekopie, deshalb wurde die Datei an ihrem Ort gelassen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="149"/>
        <source>The quarantine copy could not be read back correctly, so the file was left in place.</source>
        <translation>Die Quarantänekopie ließ sich nicht korrekt zurücklesen, deshalb wurde die Datei an ihrem Ort gelassen.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="266"/>
        <source>Item %1 is no longer in the quarantine: it was restored.</source>
        <translation>Das Element %1 ist nicht mehr in der Quarantäne: Es wurde wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="268"/>
        <source>Item %1 is no longer in the quarantine: it was deleted.</source>
        <translation>Das Element %1 ist nicht mehr in der Quarantäne: Es wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="272"/>
        <source>Item %1 is being worked on by another Ringfence process; try again shortly.</source>
        <translation>Ein anderer Ringfence-Prozess bearbeitet gerade das Element %1; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/operations.py" line="303"/>
        <source>The number of days must be zero or more.</source>
        <translation>Die Anzahl der Tage muss null oder größer sein.</translation>
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
        <location filename="../app/core/quarantine/restoring.py" line="71"/>
        <source>The encrypted copy of %1 is missing from the quarantine folder, so it cannot be restored.</source>
        <translation>Die verschlüsselte Kopie von %1 fehlt im Quarantäne-Ordner, daher kann sie nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/restoring.py" line="78"/>
        <source>The place of %1 is nested too deep for the system to create a file there by its name, so it was not restored; restore it to a folder you choose instead.</source>
        <translation>Der Ort von %1 liegt zu tief verschachtelt, als dass das System dort eine Datei über ihren Namen anlegen könnte; sie wurde daher nicht wiederhergestellt. Stellen Sie sie stattdessen in einem Ordner Ihrer Wahl wieder her.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/restoring.py" line="83"/>
        <source>%1 is now a link to another place, and Ringfence never restores through a link; restore the item to a folder you choose instead.</source>
        <translation>%1 ist jetzt eine Verknüpfung zu einem anderen Ort, und Ringfence stellt nie über eine Verknüpfung wieder her; stellen Sie das Element in einem Ordner Ihrer Wahl wieder her.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/restoring.py" line="87"/>
        <source>%1 is not a folder, so the item cannot be restored into it.</source>
        <translation>%1 ist kein Ordner, daher kann das Element nicht dorthin wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/restoring.py" line="97"/>
        <source>The folder %1 cannot be created (%2); choose another folder.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden (%2); wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/restoring.py" line="159"/>
        <source>The quarantined item does not match its recorded fingerprint, so it was not restored.</source>
        <translation>Das Quarantäne-Objekt stimmt nicht mit seinem gespeicherten Fingerabdruck überein und wurde deshalb nicht wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/restoring.py" line="190"/>
        <source>%1 is a folder, so the item cannot replace it; restore it to another folder.</source>
        <translation>%1 ist ein Ordner, daher kann das Element ihn nicht ersetzen; stellen Sie es in einem anderen Ordner wieder her.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/quarantine/index_rebuild.py" line="45"/>
        <source>Added %n quarantined item(s) back to the index from their encrypted copies; %1 were already listed, %2 could not be read and %3 do not record where they came from.</source>
        <translation>
            <numerusform>%n Quarantäne-Objekt wurde aus seiner verschlüsselten Kopie wieder in den Index aufgenommen; %1 waren schon aufgeführt, %2 konnten nicht gelesen werden und bei %3 ist nicht vermerkt, woher sie stammen.</numerusform>
            <numerusform>%n Quarantäne-Objekte wurden aus ihren verschlüsselten Kopien wieder in den Index aufgenommen; %1 waren schon aufgeführt, %2 konnten nicht gelesen werden und bei %3 ist nicht vermerkt, woher sie stammen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/index_rebuild.py" line="129"/>
        <source>it cannot be read (%1)</source>
        <translation>sie kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/index_rebuild.py" line="138"/>
        <source>its record is incomplete</source>
        <translation>ihre Angaben sind unvollständig</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/index_rebuild.py" line="141"/>
        <source>it records a different item id (%1)</source>
        <translation>sie verzeichnet eine andere Objekt-ID (%1)</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/manual.py" line="39"/>
        <source>%1 does not exist.</source>
        <extracomment>``progress(phase, done_bytes, total_bytes)``; the phases are ``hashing`` then ``sealing``.</extracomment>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/manual.py" line="41"/>
        <source>%1 is a folder; only files can be quarantined.</source>
        <translation>%1 ist ein Ordner; nur Dateien können in die Quarantäne verschoben werden.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/manual.py" line="43"/>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/allowlist.py" line="47"/>
        <source>%1 is not a SHA-256 hash (64 hexadecimal digits).</source>
        <translation>%1 ist kein SHA-256-Hash (64 hexadezimale Ziffern).</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/inventory.py" line="30"/>
        <location filename="../app/core/quarantine/operations.py" line="264"/>
        <source>There is no quarantined item %1.</source>
        <translation>Es gibt kein Quarantäne-Element %1.</translation>
    </message>
    <message>
        <location filename="../app/core/quarantine/inventory.py" line="32"/>
        <source>The id %1 matches several items; give more of it.</source>
        <translation>Die Kennung %1 passt zu mehreren Elementen; geben Sie mehr davon an.</translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="46"/>
        <source>&lt;h2&gt;Quarantine&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Quarantäne&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="47"/>
        <source>Files found to be threats are kept here, encrypted, where they cannot do harm. You can put a file back if you trust it.</source>
        <translation>Als Bedrohung erkannte Dateien werden hier verschlüsselt aufbewahrt, wo sie keinen Schaden anrichten können. Wenn Sie einer Datei vertrauen, können Sie sie zurücklegen.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="52"/>
        <location filename="../app/ui/pages/quarantine.py" line="83"/>
        <source>Quarantined files</source>
        <translation>Dateien in Quarantäne</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="54"/>
        <source>Allow-list</source>
        <translation>Zulassungsliste</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="59"/>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="65"/>
        <source>Search by name, location or threat</source>
        <translation>Nach Name, Ort oder Bedrohung suchen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="66"/>
        <source>Search the quarantine</source>
        <translation>Quarantäne durchsuchen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="70"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="71"/>
        <source>Original location</source>
        <translation>Ursprünglicher Ort</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="73"/>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="74"/>
        <location filename="../app/ui/pages/quarantine.py" line="113"/>
        <location filename="../app/ui/pages/quarantine.py" line="119"/>
        <source>Quarantined</source>
        <translation>In Quarantäne</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="75"/>
        <source>Definitions</source>
        <translation>Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="75"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="76"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="77"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="78"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="79"/>
        <source>Rule set</source>
        <translation>Regelsammlung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="88"/>
        <source>Report &amp;false positive…</source>
        <translation>&amp;Fehlalarm melden…</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="95"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="96"/>
        <source>Restore &amp;to…</source>
        <translation>Wiederherstellen &amp;nach …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="97"/>
        <source>Restore and &amp;allow</source>
        <translation>Wiederherstellen und &amp;zulassen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="98"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="113"/>
        <source>No longer detected</source>
        <translation>Nicht mehr erkannt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="117"/>
        <source>No longer detected (definitions %1): you may restore it</source>
        <translation>Nicht mehr erkannt (Definitionen %1): Sie können sie wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/quarantine.py" line="129"/>
        <source>%n item(s), %1</source>
        <translation>
            <numerusform>%n Eintrag, %1</numerusform>
            <numerusform>%n Einträge, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/quarantine.py" line="174"/>
        <source>%n file(s) with the same name already exist.</source>
        <translation>
            <numerusform>%n Datei mit demselben Namen ist bereits vorhanden.</numerusform>
            <numerusform>%n Dateien mit demselben Namen sind bereits vorhanden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="177"/>
        <source>Keep both</source>
        <translation>Beide behalten</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="177"/>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="178"/>
        <location filename="../app/ui/pages/quarantine.py" line="204"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="179"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="191"/>
        <source>Restore to folder</source>
        <translation>In Ordner wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/quarantine.py" line="202"/>
        <source>Delete %n item(s) permanently? They cannot be restored afterwards.</source>
        <translation>
            <numerusform>%n Eintrag endgültig löschen? Er kann danach nicht mehr wiederhergestellt werden.</numerusform>
            <numerusform>%n Einträge endgültig löschen? Sie können danach nicht mehr wiederhergestellt werden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="204"/>
        <location filename="../app/ui/pages/quarantine.py" line="205"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/quarantine.py" line="224"/>
        <source>The file was restored to %1.</source>
        <translation>Die Datei wurde nach %1 wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/quarantine.py" line="226"/>
        <source>%n file(s) restored.</source>
        <translation>
            <numerusform>%n Datei wiederhergestellt.</numerusform>
            <numerusform>%n Dateien wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/quarantine.py" line="228"/>
        <source>%n item(s) deleted.</source>
        <translation>
            <numerusform>%n Eintrag gelöscht.</numerusform>
            <numerusform>%n Einträge gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/quarantine_allowed.py" line="52"/>
        <source>%n file(s) allowed</source>
        <translation>
            <numerusform>%n Datei zugelassen</numerusform>
            <numerusform>%n Dateien zugelassen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realtime</name>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="12"/>
        <source>the system&apos;s queue of file changes overflowed</source>
        <translation>die Warteschlange des Systems für Dateiänderungen ist übergelaufen</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="13"/>
        <source>more files changed at once than Ringfence could queue</source>
        <translation>es haben sich mehr Dateien auf einmal geändert, als Ringfence vormerken konnte</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="14"/>
        <source>the folder watcher stopped and was restarted</source>
        <translation>die Ordnerüberwachung hat angehalten und wurde neu gestartet</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="15"/>
        <source>the PC woke from sleep</source>
        <translation>der PC ist aus dem Ruhezustand erwacht</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="16"/>
        <source>a protected folder was moved, recreated or replaced by a link</source>
        <translation>ein geschützter Ordner wurde verschoben, neu angelegt oder durch eine Verknüpfung ersetzt</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="21"/>
        <source>moved to the quarantine</source>
        <extracomment>What real-time protection did with a detected file.</extracomment>
        <translation>in die Quarantäne verschoben</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="22"/>
        <source>left in place</source>
        <translation>an Ort und Stelle belassen</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="23"/>
        <source>left in place until you decide what to do with it</source>
        <translation>an Ort und Stelle belassen, bis Sie entscheiden, was damit geschehen soll</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="24"/>
        <source>left in place because it is a protected system or Ringfence file</source>
        <translation>an Ort und Stelle belassen, weil es eine geschützte System- oder Ringfence-Datei ist</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="25"/>
        <source>could not be moved to the quarantine</source>
        <translation>konnte nicht in die Quarantäne verschoben werden</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="26"/>
        <source>deleted before it could be moved to the quarantine</source>
        <translation>gelöscht, bevor sie in die Quarantäne verschoben werden konnte</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="31"/>
        <source>the folder does not exist</source>
        <extracomment>Why a protected folder cannot be watched, by errno (anything else: the system&apos;s own words).</extracomment>
        <translation>den Ordner gibt es nicht</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="32"/>
        <source>it is not a folder</source>
        <translation>es ist kein Ordner</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="33"/>
        <location filename="../app/core/realtime/realtime_messages.py" line="34"/>
        <source>no permission</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="35"/>
        <location filename="../app/core/realtime/realtime_messages.py" line="36"/>
        <source>the system&apos;s limit of watched folders is reached</source>
        <translation>die Höchstzahl überwachter Ordner des Systems ist erreicht</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="37"/>
        <source>the system is out of memory</source>
        <translation>dem System fehlt Arbeitsspeicher</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="45"/>
        <source>error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <location filename="../app/core/realtime/realtime_messages.py" line="45"/>
        <source>reason unknown</source>
        <translation>Grund unbekannt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/realtime/realtime_messages.py" line="50"/>
        <source>Catching up: %n file(s) to check.</source>
        <translation>
            <numerusform>Aufholen: %n Datei wird geprüft.</numerusform>
            <numerusform>Aufholen: %n Dateien werden geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RealtimeAsk</name>
    <message>
        <location filename="../app/ui/background_ask.py" line="47"/>
        <source>%1 was moved to the quarantine.</source>
        <translation>%1 wurde in die Quarantäne verschoben.</translation>
    </message>
    <message>
        <location filename="../app/ui/background_ask.py" line="49"/>
        <source>%1 was left in place: it is a system or Ringfence file.</source>
        <translation>%1 wurde belassen: Es ist eine System- oder Ringfence-Datei.</translation>
    </message>
    <message>
        <location filename="../app/ui/background_ask.py" line="50"/>
        <source>%1 could not be moved to the quarantine: %2</source>
        <translation>%1 konnte nicht in die Quarantäne verschoben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/ui/background_ask.py" line="54"/>
        <source>%1 could not be allowed: %2</source>
        <translation>%1 konnte nicht zugelassen werden: %2</translation>
    </message>
    <message>
        <location filename="../app/ui/background_ask.py" line="55"/>
        <source>%1 is allowed and will not be reported again.</source>
        <translation>%1 ist zugelassen und wird nicht mehr gemeldet.</translation>
    </message>
    <message>
        <location filename="../app/ui/background_ask.py" line="57"/>
        <source>%1 was left in place.</source>
        <translation>%1 wurde belassen.</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="20"/>
        <source>The system restarted without shutting down cleanly; stop code %1 was recorded.</source>
        <translation>Das System wurde neu gestartet, ohne sauber herunterzufahren; der Stoppcode %1 wurde aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="22"/>
        <source>The system restarted without shutting down cleanly; the power button had been held down.</source>
        <translation>Das System wurde neu gestartet, ohne sauber herunterzufahren; der Netzschalter war gedrückt gehalten worden.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="23"/>
        <source>The system restarted without shutting down cleanly; no stop code and no power-button press were recorded.</source>
        <translation>Das System wurde neu gestartet, ohne sauber herunterzufahren; weder ein Stoppcode noch ein Druck auf den Netzschalter wurden aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="27"/>
        <source>The previous shutdown was unexpected.</source>
        <translation>Das letzte Herunterfahren kam unerwartet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="28"/>
        <source>The previous shutdown was unexpected; the system was last running at %1.</source>
        <translation>Das letzte Herunterfahren kam unerwartet; das System lief zuletzt um %1.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="33"/>
        <source>Windows restarted after stop code %1; a dump was saved in %2.</source>
        <translation>Windows wurde nach dem Stoppcode %1 neu gestartet; ein Speicherabbild wurde in %2 gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="35"/>
        <source>Windows restarted after stop code %1; no full dump was saved.</source>
        <translation>Windows wurde nach dem Stoppcode %1 neu gestartet; es wurde kein vollständiges Speicherabbild gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="38"/>
        <source>A planned restart or shutdown was started (reason code %1) but did not finish cleanly.</source>
        <translation>Ein geplanter Neustart oder ein geplantes Herunterfahren wurde begonnen (Grundcode %1), aber nicht sauber beendet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="39"/>
        <source>Event %1 was recorded.</source>
        <translation>Das Ereignis %1 wurde aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="45"/>
        <source>small memory dump</source>
        <translation>kleines Speicherabbild</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="47"/>
        <source>kernel memory dump</source>
        <translation>Kernelspeicherabbild</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="49"/>
        <source>complete memory dump</source>
        <translation>vollständiges Speicherabbild</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="51"/>
        <source>automatic memory dump</source>
        <translation>automatisches Speicherabbild</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="52"/>
        <source>dump header only</source>
        <translation>nur Kopfdaten des Abbilds</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="59"/>
        <source>stop code parameter %1 points into it</source>
        <translation>Parameter %1 des Stoppcodes zeigt hinein</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="61"/>
        <source>the crashed thread was running its code</source>
        <translation>der abgestürzte Thread führte seinen Code aus</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="62"/>
        <source>its code is on the crashed thread&apos;s stack</source>
        <translation>sein Code liegt auf dem Stapel des abgestürzten Threads</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="68"/>
        <source>Crash dump (%1) of stop code %2; probable driver %3 (%4).</source>
        <translation>Speicherabbild (%1) des Stoppcodes %2; vermutlicher Treiber %3 (%4).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="71"/>
        <source>Crash dump (%1) of stop code %2.</source>
        <translation>Speicherabbild (%1) des Stoppcodes %2.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="88"/>
        <source>Windows Recovery Environment servicing succeeded; its version is now %1.</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung war erfolgreich; ihre Version ist jetzt %1.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="90"/>
        <source>Windows Recovery Environment servicing failed (phase %1, error %2).</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung ist fehlgeschlagen (Phase %1, Fehler %2).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="36"/>
        <source>Windows restarted after a stop error; no dump was saved.</source>
        <translation>Windows wurde nach einem Stoppfehler neu gestartet; es wurde kein Speicherabbild gespeichert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="84"/>
        <source>Windows reported that the boot before this one did not complete.</source>
        <translation>Windows hat gemeldet, dass der vorherige Systemstart nicht abgeschlossen wurde.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="86"/>
        <source>Windows Recovery Environment servicing started.</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung hat begonnen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evidence.py" line="92"/>
        <source>Windows Recovery Environment servicing was cancelled or rolled back.</source>
        <translation>Die Wartung der Windows-Wiederherstellungsumgebung wurde abgebrochen oder rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="60"/>
        <location filename="../app/core/recovery/offline.py" line="36"/>
        <location filename="../app/core/recovery/windows_live.py" line="144"/>
        <source>Skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="68"/>
        <source>The system journal could not be read (%1).</source>
        <translation>Das Systemjournal konnte nicht gelesen werden (%1).</translation>
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
        <location filename="../app/core/recovery/linux_live.py" line="77"/>
        <source>The previous boot&apos;s journal</source>
        <translation>Das Journal des vorherigen Starts</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="79"/>
        <source>The previous boot&apos;s journal was unreadable: %1</source>
        <translation>Das Journal des vorherigen Systemstarts war nicht lesbar: %1</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/linux_live.py" line="81"/>
        <source>The system journal of the previous boot</source>
        <translation>Das Systemjournal des vorherigen Starts</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/artifacts.py" line="42"/>
        <location filename="../app/core/recovery/linux_live.py" line="90"/>
        <source>Ringfence has no permission to read %1.</source>
        <translation>Ringfence darf %1 nicht lesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/artifacts.py" line="44"/>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/artifacts.py" line="68"/>
        <source>%1 is larger than %2 MB and was not read as text.</source>
        <translation>%1 ist größer als %2 MB und wurde nicht als Text gelesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="103"/>
        <source>The Windows tool %1 could not be run (%2).</source>
        <translation>Das Windows-Werkzeug %1 konnte nicht ausgeführt werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="114"/>
        <source>Ringfence has no permission to read the System event log.</source>
        <translation>Ringfence darf das System-Ereignisprotokoll nicht lesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="116"/>
        <source>The System event log could not be read (%1).</source>
        <translation>Das System-Ereignisprotokoll konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="119"/>
        <source>The System event log</source>
        <translation>Das Systemereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="121"/>
        <source>Part of the System event log was unreadable: %1</source>
        <translation>Ein Teil des System-Ereignisprotokolls war nicht lesbar: %1</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="134"/>
        <source>Ringfence has no permission to read the crash dumps in %1; run it as an administrator to include them.</source>
        <translation>Ringfence darf die Speicherabbilder in %1 nicht lesen; führen Sie es als Administrator aus, um sie einzubeziehen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_live.py" line="157"/>
        <source>Reading the Windows Recovery Environment and Quick Machine Recovery settings needs administrator rights.</source>
        <translation>Zum Lesen der Einstellungen der Windows-Wiederherstellungsumgebung und der Schnellen Computerwiederherstellung sind Administratorrechte nötig.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="121"/>
        <source>The crash dump %1 is incomplete or damaged (a field points past its end at byte %2); Windows may not have finished writing it.</source>
        <translation>Das Speicherabbild %1 ist unvollständig oder beschädigt (ein Feld zeigt bei Byte %2 über sein Ende hinaus); Windows hat es möglicherweise nicht fertig geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="136"/>
        <source>The file %1 is too short to be a Windows crash dump.</source>
        <translation>Die Datei %1 ist zu kurz für ein Windows-Speicherabbild.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="139"/>
        <source>The file %1 is an application crash dump, not a Windows stop-code (kernel) dump.</source>
        <translation>Die Datei %1 ist das Speicherabbild eines Programms, kein Windows-Stoppcode-Abbild (Kernel).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="146"/>
        <source>The file %1 is not a Windows kernel crash dump (it does not start with PAGEDU64 or PAGEDUMP).</source>
        <translation>Die Datei %1 ist kein Windows-Kernel-Speicherabbild (sie beginnt nicht mit PAGEDU64 oder PAGEDUMP).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="149"/>
        <source>The crash dump %1 is incomplete: it ends after %2 bytes, inside its %3-byte header.</source>
        <translation>Das Speicherabbild %1 ist unvollständig: Es endet nach %2 Bytes, mitten in seinem %3 Bytes langen Kopf.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="176"/>
        <source>The file %1 is not a readable Windows crash dump: %2.</source>
        <translation>Die Datei %1 ist kein lesbares Windows-Speicherabbild: %2.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="180"/>
        <source>The crash dump %1 is damaged: %2.</source>
        <translation>Das Speicherabbild %1 ist beschädigt: %2.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="187"/>
        <source>its header has an unknown major version (0x%1)</source>
        <translation>ihr Kopf hat eine unbekannte Hauptversion (0x%1)</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="189"/>
        <source>its header names no plausible Windows build (%1)</source>
        <translation>ihr Kopf nennt keine plausible Windows-Buildnummer (%1)</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="191"/>
        <source>its header names an unknown processor type (0x%1)</source>
        <translation>ihr Kopf nennt einen unbekannten Prozessortyp (0x%1)</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="195"/>
        <source>its header claims %1 processors</source>
        <translation>ihr Kopf gibt %1 Prozessoren an</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="197"/>
        <source>its header has an unknown dump type (%1)</source>
        <translation>ihr Kopf hat einen unbekannten Abbildtyp (%1)</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="206"/>
        <source>The crash dump %1 is incomplete: it says it is %2 bytes long but only %3 bytes are there.</source>
        <translation>Das Speicherabbild %1 ist unvollständig: Es gibt %2 Bytes Länge an, vorhanden sind aber nur %3 Bytes.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="210"/>
        <source>its triage section points outside the file</source>
        <translation>ihr Triage-Abschnitt verweist außerhalb der Datei</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="212"/>
        <source>its triage section has no valid marker</source>
        <translation>sein Triage-Abschnitt hat keine gültige Kennung</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="214"/>
        <source>it claims %1 loaded drivers</source>
        <translation>es gibt %1 geladene Treiber an</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="229"/>
        <source>a driver name claims %1 characters</source>
        <translation>ein Treibername gibt %1 Zeichen an</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="277"/>
        <source>Ringfence has no permission to read the crash dump %1; run it as an administrator to include it.</source>
        <translation>Ringfence darf das Speicherabbild %1 nicht lesen; starten Sie es als Administrator, um es einzubeziehen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/dumpfile.py" line="280"/>
        <source>The crash dump %1 cannot be read (%2).</source>
        <translation>Das Speicherabbild %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/artifacts.py" line="111"/>
        <source>A saved reagentc output reports no result: %1</source>
        <translation>Eine gespeicherte reagentc-Ausgabe meldet kein Ergebnis: %1</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/correlate_linux.py" line="56"/>
        <source>Kernel crash record %1 saved by pstore: %2</source>
        <translation>Von pstore gespeicherter Kernel-Absturzbericht %1: %2</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/correlate_linux.py" line="57"/>
        <source>Kernel log saved after the crash: %1</source>
        <translation>Nach dem Absturz gespeichertes Kernel-Protokoll: %1</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/correlate_linux.py" line="62"/>
        <source>Boot %1 has no &quot;Journal stopped&quot; entry: it did not shut down cleanly (last entry %2).</source>
        <translation>Der Systemstart %1 hat keinen Eintrag „Journal stopped“: Das System wurde nicht sauber heruntergefahren (letzter Eintrag %2).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/findings.py" line="62"/>
        <source>reagentc did not report the Windows Recovery Environment status (%1).</source>
        <translation>reagentc hat den Zustand der Windows-Wiederherstellungsumgebung nicht gemeldet (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/findings.py" line="68"/>
        <source>reagentc did not report the Quick Machine Recovery settings (%1).</source>
        <translation>reagentc hat die Einstellungen der Schnellen Computerwiederherstellung nicht gemeldet (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_events.py" line="59"/>
        <source>System log: %1 %2</source>
        <translation>Systemprotokoll: %1 %2</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_events.py" line="82"/>
        <source>The event log export</source>
        <translation>Der Ereignisprotokoll-Export</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_events.py" line="84"/>
        <source>%1 contains an XML document type declaration, which event exports never have; it was not read.</source>
        <translation>%1 enthält eine XML-Dokumenttyp-Deklaration, die Ereignisexporte nie haben; die Datei wurde nicht gelesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/windows_events.py" line="90"/>
        <source>%1 is not readable event XML (%2).</source>
        <translation>%1 ist kein lesbares Ereignis-XML (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/bugchecks.py" line="26"/>
        <source>The stop code table %1 cannot be read (%2); reinstall Ringfence.</source>
        <translation>Die Tabelle der Stoppcodes %1 kann nicht gelesen werden (%2); installieren Sie Ringfence neu.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/providers.py" line="55"/>
        <source>Crash insights cannot read this system (%1) directly; copy its logs into a folder and open that folder.</source>
        <translation>Die Absturzanalyse kann dieses System (%1) nicht direkt lesen; kopieren Sie seine Protokolle in einen Ordner und öffnen Sie diesen Ordner.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/systemd_journal.py" line="63"/>
        <source>The journal export</source>
        <translation>Der Journal-Export</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/systemd_journal.py" line="76"/>
        <source>%1 is not a readable journal export (line %2 is not JSON).</source>
        <translation>%1 ist kein lesbarer Journal-Export (Zeile %2 ist kein JSON).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/systemd_journal.py" line="83"/>
        <source>%1 is not a readable journal export (it ends inside a field).</source>
        <translation>%1 ist kein lesbarer Journal-Export (er endet mitten in einem Feld).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/systemd_journal.py" line="107"/>
        <source>%1 is not a readable journal export (a field claims %2 bytes).</source>
        <translation>%1 ist kein lesbarer Journal-Export (ein Feld gibt %2 Bytes an).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evtx_reader.py" line="31"/>
        <source>The event log %1 is damaged (its file header does not verify).</source>
        <translation>Das Ereignisprotokoll %1 ist beschädigt (sein Dateikopf ist ungültig).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/evtx_reader.py" line="52"/>
        <source>The event log %1 cannot be read (%2).</source>
        <translation>Das Ereignisprotokoll %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/offline.py" line="29"/>
        <source>The folder %1 does not exist or is not a folder; give the folder that holds the copied logs and dumps.</source>
        <translation>Den Ordner %1 gibt es nicht oder er ist kein Ordner; geben Sie den Ordner an, der die kopierten Protokolle und Abbilder enthält.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/offline.py" line="49"/>
        <source>The folder %1 holds more than %2 files; copy only the logs and dumps into a folder of their own.</source>
        <translation>Der Ordner %1 enthält mehr als %2 Dateien; kopieren Sie nur die Protokolle und Abbilder in einen eigenen Ordner.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="128"/>
        <source>No unexpected restarts were found.</source>
        <translation>Es wurden keine unerwarteten Neustarts gefunden.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="43"/>
        <source>%1 was named in %2 of the last %3 crashes.</source>
        <translation>%1 wurde bei %2 der letzten %3 Abstürze genannt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="87"/>
        <source>The time of this crash is unknown, so it cannot be set against Ringfence&apos;s definitions changes.</source>
        <translation>Der Zeitpunkt dieses Absturzes ist unbekannt, daher lässt er sich nicht mit den Definitionsänderungen von Ringfence vergleichen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="89"/>
        <source>Ringfence recorded no definitions change before this crash.</source>
        <translation>Ringfence hat vor diesem Absturz keine Änderung der Definitionen verzeichnet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/recovery/crash_history.py" line="93"/>
        <source>Ringfence changed its definitions %n minute(s) before this crash.</source>
        <translation>
            <numerusform>Ringfence hat seine Definitionen %n Minute vor diesem Absturz geändert.</numerusform>
            <numerusform>Ringfence hat seine Definitionen %n Minuten vor diesem Absturz geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/recovery/crash_history.py" line="95"/>
        <source>Ringfence changed its definitions %n hour(s) before this crash.</source>
        <translation>
            <numerusform>Ringfence hat seine Definitionen %n Stunde vor diesem Absturz geändert.</numerusform>
            <numerusform>Ringfence hat seine Definitionen %n Stunden vor diesem Absturz geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/recovery/crash_history.py" line="96"/>
        <source>No Ringfence change in the 24 hours before this crash; Ringfence last changed its definitions %n day(s) before it.</source>
        <translation>
            <numerusform>Keine Änderung durch Ringfence in den 24 Stunden vor diesem Absturz; Ringfence hat seine Definitionen zuletzt %n Tag davor geändert.</numerusform>
            <numerusform>Keine Änderung durch Ringfence in den 24 Stunden vor diesem Absturz; Ringfence hat seine Definitionen zuletzt %n Tage davor geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/recovery/crash_history.py" line="131"/>
        <source>None of the %n unexpected restart(s) names a probable driver (only small crash dumps name one), so no single cause stands out.</source>
        <translation>
            <numerusform>Der %n unerwartete Neustart nennt keinen vermutlichen Treiber (nur kleine Speicherabbilder nennen einen), daher sticht keine einzelne Ursache hervor.</numerusform>
            <numerusform>Keiner der %n unerwarteten Neustarts nennt einen vermutlichen Treiber (nur kleine Speicherabbilder nennen einen), daher sticht keine einzelne Ursache hervor.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="136"/>
        <source>%1 (from %2) was named in %3 of the last %4 crashes: update or remove this driver first.</source>
        <translation>%1 (von %2) wurde bei %3 der letzten %4 Abstürze genannt: Aktualisieren oder entfernen Sie zuerst diesen Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="137"/>
        <source>%1 was named in %2 of the last %3 crashes: update or remove this driver first.</source>
        <translation>%1 wurde bei %2 der letzten %3 Abstürze genannt: Aktualisieren oder entfernen Sie zuerst diesen Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="140"/>
        <source>The one crash found names %1 as the probable driver; if it happens again, update this driver.</source>
        <translation>Der einzige gefundene Absturz nennt %1 als vermutlichen Treiber; wenn es wieder passiert, aktualisieren Sie diesen Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="141"/>
        <source>%1 was named in %2 of the last %3 crashes; the others name no driver, so it may not be the only cause.</source>
        <translation>%1 wurde bei %2 der letzten %3 Abstürze genannt; die übrigen nennen keinen Treiber, daher ist er vielleicht nicht die einzige Ursache.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/crash_history.py" line="142"/>
        <source>The last %1 crashes name %2 different drivers; crashes spread over many drivers often come from failing memory, overheating or power problems rather than one driver.</source>
        <translation>Die letzten %1 Abstürze nennen %2 verschiedene Treiber; Abstürze, die sich auf viele Treiber verteilen, kommen oft von defektem Arbeitsspeicher, Überhitzung oder Stromversorgungsproblemen statt von einem einzelnen Treiber.</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="44"/>
        <source>&lt;h2&gt;Crashes and recovery&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Abstürze und Wiederherstellung&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="52"/>
        <source>Conclusion</source>
        <translation>Fazit</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="54"/>
        <source>Export crash history…</source>
        <translation>Absturzverlauf exportieren …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="55"/>
        <source>Save the crash history as a text or HTML file to send to support; personal details and Wi-Fi passwords are left out.</source>
        <translation>Den Absturzverlauf als Text- oder HTML-Datei für den Support speichern; persönliche Angaben und WLAN-Passwörter werden weggelassen.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="68"/>
        <location filename="../app/ui/pages/recovery.py" line="78"/>
        <source>Unexpected restarts</source>
        <translation>Unerwartete Neustarts</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="71"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="73"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="74"/>
        <source>Stop code</source>
        <translation>Stoppcode</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="76"/>
        <source>Probable cause</source>
        <translation>Wahrscheinliche Ursache</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="83"/>
        <source>Evidence for the selected restart</source>
        <translation>Belege für den ausgewählten Neustart</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="86"/>
        <source>Probable drivers</source>
        <translation>Vermutliche Treiber</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="90"/>
        <location filename="../app/ui/pages/recovery.py" line="200"/>
        <source>Windows recovery features</source>
        <translation>Wiederherstellungsfunktionen von Windows</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="100"/>
        <source>Recovery</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/recovery.py" line="129"/>
        <source>%n unexpected restart(s) found.</source>
        <translation>
            <numerusform>%n unerwarteter Neustart gefunden.</numerusform>
            <numerusform>%n unerwartete Neustarts gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="130"/>
        <source>No unexpected restarts were found.</source>
        <translation>Es wurden keine unerwarteten Neustarts gefunden.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="163"/>
        <source>On this PC: %1 from %2, file version %3, dated %4 (%5).</source>
        <translation>Auf diesem PC: %1 von %2, Dateiversion %3, vom %4 (%5).</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="164"/>
        <source>an unknown company</source>
        <translation>einem unbekannten Hersteller</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="171"/>
        <source>Export crash history</source>
        <translation>Absturzverlauf exportieren</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="173"/>
        <source>Web page (*.html)</source>
        <translation>Webseite (*.html)</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="173"/>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="183"/>
        <source>en</source>
        <comment>the language code of an exported HTML page</comment>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="186"/>
        <source>The crash history was saved to %1. Personal details and Wi-Fi passwords were left out.</source>
        <translation>Der Absturzverlauf wurde unter %1 gespeichert. Persönliche Angaben und WLAN-Passwörter wurden weggelassen.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="193"/>
        <source>Recovery features</source>
        <translation>Wiederherstellungsfunktionen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="194"/>
        <source>Windows Recovery Environment and Quick Machine Recovery are Windows features; on this system the evidence above comes from the kernel&apos;s logs.</source>
        <translation>Windows-Wiederherstellungsumgebung und Schnelle Computerwiederherstellung sind Funktionen von Windows; auf diesem System stammen die Belege oben aus den Protokollen des Kernels.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="202"/>
        <source>Windows Recovery Environment</source>
        <translation>Windows-Wiederherstellungsumgebung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="203"/>
        <source>WinRE version</source>
        <translation>WinRE-Version</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="204"/>
        <source>Quick Machine Recovery (cloud remediation)</source>
        <translation>Schnelle Computerwiederherstellung (Behebung über die Cloud)</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="205"/>
        <source>Automatic remediation</source>
        <translation>Automatische Behebung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="206"/>
        <source>Keeps trying for</source>
        <translation>Versucht es insgesamt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="207"/>
        <source>Tries again every</source>
        <translation>Neuer Versuch alle</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery.py" line="230"/>
        <source>Crash dump: %1</source>
        <translation>Absturzabbild: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="33"/>
        <source>Stop code: %1 (%2)</source>
        <translation>Stoppcode: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="35"/>
        <source>What happened: %1</source>
        <translation>Was geschah: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="37"/>
        <source>What failed: %1</source>
        <translation>Fehlerquelle: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="43"/>
        <source>When: %1</source>
        <translation>Wann: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="44"/>
        <source>What it means: %1</source>
        <translation>Was das bedeutet: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="45"/>
        <source>What you can do: %1</source>
        <translation>Was Sie tun können: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="47"/>
        <source>Crash %1 of %2</source>
        <translation>Absturz %1 von %2</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="53"/>
        <location filename="../app/ui/pages/recovery_text.py" line="60"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="54"/>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/recovery_text.py" line="54"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/recovery_text.py" line="62"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/recovery_text.py" line="63"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="54"/>
        <location filename="../app/ui/pages/scan_results.py" line="62"/>
        <source>Threats found</source>
        <translation>Gefundene Bedrohungen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="57"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="58"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="59"/>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="60"/>
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="70"/>
        <source>Move to &amp;quarantine</source>
        <translation>In &amp;Quarantäne verschieben</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="71"/>
        <source>&amp;Allow this file</source>
        <translation>Diese Datei &amp;zulassen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="72"/>
        <source>Show in f&amp;older</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="73"/>
        <source>&amp;Report false positive…</source>
        <translation>Fehlalarm &amp;melden…</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="74"/>
        <source>&amp;Never scan this folder…</source>
        <translation>Diesen Ordner n&amp;ie prüfen …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="75"/>
        <source>Leave the folder of this file alone in every scan and in real-time protection</source>
        <translation>Den Ordner dieser Datei bei jeder Prüfung und im Echtzeitschutz auslassen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="86"/>
        <location filename="../app/ui/pages/scan_results.py" line="89"/>
        <source>Files that could not be checked</source>
        <translation>Dateien, die nicht geprüft werden konnten</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="100"/>
        <source>Moved to the quarantine</source>
        <translation>In die Quarantäne verschoben</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="100"/>
        <source>Reported only</source>
        <translation>Nur gemeldet</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="101"/>
        <source>Waiting for your choice</source>
        <translation>Wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="102"/>
        <source>Left in place: a system or Ringfence file</source>
        <translation>An Ort und Stelle belassen: eine System- oder Ringfence-Datei</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="103"/>
        <source>Allowed</source>
        <translation>Zugelassen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="103"/>
        <source>Put back and allowed</source>
        <translation>Zurückgelegt und zugelassen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="104"/>
        <source>Deleted before it could be quarantined</source>
        <translation>Gelöscht, bevor sie in die Quarantäne kam</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <location filename="../app/core/scanning/lock.py" line="34"/>
        <source>A quick scan is already running. Wait for it to finish, or cancel it where it was started.</source>
        <translation>Ein Schnellscan läuft bereits. Warten Sie, bis er fertig ist, oder brechen Sie ihn dort ab, wo er gestartet wurde.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/lock.py" line="35"/>
        <source>A full scan is already running. Wait for it to finish, or cancel it where it was started.</source>
        <translation>Ein vollständiger Scan läuft bereits. Warten Sie, bis er fertig ist, oder brechen Sie ihn dort ab, wo er gestartet wurde.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/lock.py" line="36"/>
        <source>A scan of chosen files and folders is already running. Wait for it to finish, or cancel it where it was started.</source>
        <translation>Ein Scan ausgewählter Dateien und Ordner läuft bereits. Warten Sie, bis er fertig ist, oder brechen Sie ihn dort ab, wo er gestartet wurde.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/lock.py" line="39"/>
        <source>A scan is already running. Wait for it to finish, or cancel it where it was started.</source>
        <translation>Ein Scan läuft bereits. Warten Sie, bis er fertig ist, oder brechen Sie ihn dort ab, wo er gestartet wurde.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="22"/>
        <source>The path does not exist.</source>
        <translation>Der Pfad existiert nicht.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="23"/>
        <source>The file disappeared during the scan.</source>
        <translation>Die Datei ist während des Scans verschwunden.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="24"/>
        <source>Permission denied.</source>
        <translation>Zugriff verweigert.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="25"/>
        <source>The file cannot be read (%1).</source>
        <translation>Die Datei kann nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="26"/>
        <source>The file was replaced by something that is not a regular file.</source>
        <translation>Die Datei wurde durch etwas ersetzt, das keine normale Datei ist.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="27"/>
        <source>The file was replaced by a link during the scan.</source>
        <translation>Die Datei wurde während des Scans durch einen Link ersetzt.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="28"/>
        <source>Matching took longer than the %1 s limit; the file was not fully checked.</source>
        <translation>Die Prüfung dauerte länger als das Limit von %1 s; die Datei wurde nicht vollständig geprüft.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="29"/>
        <source>The engine could not check this file (%1).</source>
        <translation>Die Scan-Engine konnte diese Datei nicht prüfen (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="30"/>
        <source>This archive member cannot be unpacked (%1).</source>
        <translation>Diese Datei im Archiv kann nicht entpackt werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="31"/>
        <source>The engine stopped while checking this file, and again when it checked the file alone, so it was not scanned. A file that crashes a scanner may be made to: treat it as suspicious.</source>
        <translation>Die Prüf-Engine ist beim Prüfen dieser Datei ausgefallen, und erneut, als sie die Datei allein prüfte; die Datei wurde daher nicht geprüft. Eine Datei, die einen Scanner abstürzen lässt, kann dafür gemacht sein: behandeln Sie sie als verdächtig.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="34"/>
        <source>The engine stopped responding while checking this file, and again when it checked the file alone, so it was not scanned. A file that stalls a scanner may be made to: treat it as suspicious.</source>
        <translation>Die Prüf-Engine reagierte beim Prüfen dieser Datei nicht mehr, und erneut, als sie die Datei allein prüfte; die Datei wurde daher nicht geprüft. Eine Datei, die einen Scanner aufhält, kann dafür gemacht sein: behandeln Sie sie als verdächtig.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="82"/>
        <source>could not be checked: it is password-protected</source>
        <extracomment>The engine&apos;s English sentences, recognised when a record carries no code (an engine of an older version, or a sentence from a code path that names none). Shown after an archive member&apos;s path, in the scan&apos;s list of files that could not be checked.</extracomment>
        <translation>konnte nicht geprüft werden: kennwortgeschützt</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/file_problems.py" line="86"/>
        <source>not fully checked: %1</source>
        <extracomment>%1: why, for example &quot;more files in the archive than the limit&quot;.</extracomment>
        <translation>nicht vollständig geprüft: %1</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/runs.py" line="161"/>
        <source>Your allow-list could not be read (%1); files on it may be reported.</source>
        <translation>Ihre Zulassungsliste konnte nicht gelesen werden (%1); Dateien darauf werden möglicherweise gemeldet.</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/runs.py" line="175"/>
        <source>The scan could not be saved in the history (%1).</source>
        <translation>Der Scan konnte nicht im Verlauf gespeichert werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/runs.py" line="210"/>
        <source>The scan&apos;s results could not be saved in the history (%1).</source>
        <translation>Die Ergebnisse des Scans konnten nicht im Verlauf gespeichert werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/scanning/job.py" line="119"/>
        <source>Choose a file or folder to scan.</source>
        <translation>Wählen Sie eine Datei oder einen Ordner zum Scannen.</translation>
    </message>
</context>
<context>
    <name>ScanMenu</name>
    <message>
        <location filename="../app/core/desktop/scan_menu.py" line="49"/>
        <source>&quot;Scan with Ringfence&quot; could not be changed in the file manager&apos;s menu: %1</source>
        <translation>„Mit Ringfence prüfen“ ließ sich im Menü des Dateimanagers nicht ändern: %1</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../app/ui/pages/scan.py" line="69"/>
        <source>Scan</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="73"/>
        <source>&lt;h2&gt;Scan&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Prüfen&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="75"/>
        <source>&amp;Quick scan</source>
        <translation>&amp;Schnellprüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="76"/>
        <source>&amp;Full scan</source>
        <translation>&amp;Vollständige Prüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="77"/>
        <source>Scan a f&amp;older…</source>
        <translation>&amp;Ordner prüfen …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="78"/>
        <source>Scan f&amp;iles…</source>
        <translation>&amp;Dateien prüfen …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="79"/>
        <source>Never scan a fol&amp;der…</source>
        <translation>Ordner &amp;nie prüfen …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="80"/>
        <source>Scans and real-time protection leave it alone. Settings, Exclusions lists everything that is never scanned, and why.</source>
        <translation>Prüfungen und Echtzeitschutz lassen ihn aus. Unter Einstellungen, Ausnahmen steht alles, was nie geprüft wird, und warum.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="82"/>
        <source>The places where threats usually arrive: downloads, the desktop, temporary and start-up folders, running programs.</source>
        <translation>Die Orte, an denen Bedrohungen meist ankommen: Downloads, Desktop, temporäre und Autostart-Ordner, laufende Programme.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="84"/>
        <source>Every file on every drive. This can take a long time.</source>
        <translation>Jede Datei auf jedem Laufwerk. Das kann lange dauern.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="105"/>
        <source>When a &amp;threat is found:</source>
        <translation>Wenn eine &amp;Bedrohung gefunden wird:</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="108"/>
        <source>When a threat is found</source>
        <translation>Wenn eine Bedrohung gefunden wird</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="109"/>
        <source>Move it to the quarantine</source>
        <translation>In die Quarantäne verschieben</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="109"/>
        <source>Only report it</source>
        <translation>Nur melden</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="110"/>
        <source>Ask me</source>
        <translation>Mich fragen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="267"/>
        <source>Choose a folder never to scan</source>
        <translation>Ordner wählen, der nie geprüft werden soll</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="280"/>
        <source>%1 will never be scanned. Settings, Exclusions lists everything that is never scanned, and why.</source>
        <translation>%1 wird nie mehr geprüft. Unter Einstellungen, Ausnahmen steht alles, was nie geprüft wird, und warum.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="286"/>
        <source>Never scan this folder?</source>
        <translation>Diesen Ordner nie mehr prüfen?</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="287"/>
        <source>Ringfence will no longer check any file in %1, in scans and in real-time protection, including %2, where it found %3. What was done about that file stays as it is. You can take the folder off the list in Settings, Exclusions.</source>
        <translation>Ringfence prüft dann keine Datei in %1 mehr, weder bei Prüfungen noch im Echtzeitschutz, auch nicht %2, wo es %3 gefunden hat. Was mit dieser Datei geschehen ist, bleibt, wie es ist. Sie können den Ordner unter Einstellungen, Ausnahmen wieder von der Liste nehmen.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="293"/>
        <source>Never scan it</source>
        <translation>Nie mehr prüfen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="92"/>
        <source>You can also drop files and folders here to scan them.</source>
        <translation>Sie können auch Dateien und Ordner hierher ziehen, um sie zu prüfen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/scan.py" line="185"/>
        <source>%n item(s) will be scanned when this scan is done.</source>
        <translation>
            <numerusform>%n Objekt wird geprüft, wenn diese Prüfung fertig ist.</numerusform>
            <numerusform>%n Objekte werden geprüft, wenn diese Prüfung fertig ist.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="254"/>
        <source>Choose a folder to scan</source>
        <translation>Ordner zum Prüfen wählen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan.py" line="261"/>
        <source>Choose files to scan</source>
        <translation>Dateien zum Prüfen wählen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/scan_results.py" line="37"/>
        <source>%n file(s) checked in %1; threats found: %2; files not checked: %3.</source>
        <translation>
            <numerusform>%n Datei in %1 geprüft; gefundene Bedrohungen: %2; nicht geprüfte Dateien: %3.</numerusform>
            <numerusform>%n Dateien in %1 geprüft; gefundene Bedrohungen: %2; nicht geprüfte Dateien: %3.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="39"/>
        <source>Scan cancelled: %1</source>
        <translation>Prüfung abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="40"/>
        <source>Scan finished: %1</source>
        <translation>Prüfung beendet: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/pages/scan_results.py" line="43"/>
        <source>%n file(s) could not be fully checked: an archive limit was reached or a password was needed.</source>
        <translation>
            <numerusform>%n Datei konnte nicht vollständig geprüft werden: eine Archivgrenze wurde erreicht oder ein Kennwort war nötig.</numerusform>
            <numerusform>%n Dateien konnten nicht vollständig geprüft werden: eine Archivgrenze wurde erreicht oder ein Kennwort war nötig.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="107"/>
        <source>Could not be quarantined: %1</source>
        <translation>Konnte nicht in Quarantäne verschoben werden: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/scan_results.py" line="115"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="64"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="66"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="67"/>
        <source>%1 (still counting)</source>
        <translation>%1 (wird noch gezählt)</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="83"/>
        <source>%1 files/s</source>
        <translation>%1 Dateien/s</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="84"/>
        <source>%1 files/s · %2</source>
        <translation>%1 Dateien/s · %2</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="92"/>
        <source>known once the files are counted</source>
        <translation>bekannt, sobald die Dateien gezählt sind</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="94"/>
        <source>estimating…</source>
        <translation>wird geschätzt …</translation>
    </message>
</context>
<context>
    <name>ScanProgressView</name>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="29"/>
        <source>Scan progress</source>
        <translation>Fortschritt der Prüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="35"/>
        <source>Files checked</source>
        <translation>Geprüfte Dateien</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="35"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="36"/>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="36"/>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="40"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="41"/>
        <source>R&amp;esume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="42"/>
        <source>&amp;Cancel scan</source>
        <translation>Prüfung &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="54"/>
        <source>Starting the scanner…</source>
        <translation>Der Scanner startet …</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="54"/>
        <source>Scanning</source>
        <translation>Prüfung läuft</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="55"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="55"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="56"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="56"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="56"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/scan_progress.py" line="57"/>
        <source>Scan</source>
        <translation>Prüfung</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../app/core/foundation/settings.py" line="52"/>
        <source>expected true or false</source>
        <translation>erwartet wahr oder falsch</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="56"/>
        <source>expected a whole number</source>
        <translation>erwartet eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="58"/>
        <source>must be at least %1</source>
        <translation>muss mindestens %1 sein</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="60"/>
        <source>must be at most %1</source>
        <translation>darf höchstens %1 sein</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="64"/>
        <source>expected text</source>
        <translation>erwartet Text</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="66"/>
        <source>must be one of %1</source>
        <translation>muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="70"/>
        <source>expected a list of text</source>
        <translation>erwartet eine Liste von Texten</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="96"/>
        <source>When a scan finds a threat</source>
        <translation>Wenn eine Prüfung eine Bedrohung findet</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="101"/>
        <source>When Ringfence finds potentially unwanted software (such as hack tools)</source>
        <translation>Wenn Ringfence potenziell unerwünschte Software findet (etwa Hacker-Werkzeuge)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="104"/>
        <source>When Ringfence finds something suspicious (not clearly a threat)</source>
        <translation>Wenn Ringfence etwas Verdächtiges findet (nicht eindeutig eine Bedrohung)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="106"/>
        <source>Largest file to scan (MB)</source>
        <translation>Größte zu prüfende Datei (MB)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="108"/>
        <source>Scanner threads (0 = one per processor core)</source>
        <translation>Prüf-Threads (0 = einer pro Prozessorkern)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="110"/>
        <source>Time limit for matching one file (seconds)</source>
        <translation>Zeitlimit für die Prüfung einer Datei (Sekunden)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="112"/>
        <source>Skip files that are unchanged since they were found clean</source>
        <translation>Dateien überspringen, die sich seit der letzten sauberen Prüfung nicht geändert haben</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="117"/>
        <source>Archives inside archives: deepest level</source>
        <translation>Archive in Archiven: tiefste Ebene</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="120"/>
        <source>Archives: most files to look at in one archive</source>
        <translation>Archive: höchstens so viele Dateien pro Archiv prüfen</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="122"/>
        <source>Archives: most data to unpack from one archive (MB)</source>
        <translation>Archive: höchstens so viele Daten pro Archiv entpacken (MB)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="124"/>
        <source>Archives: most time to spend on one archive (seconds)</source>
        <translation>Archive: höchste Prüfzeit für ein Archiv (Sekunden)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="116"/>
        <source>Look inside archives and disk images (zip, 7z, RAR, ISO, CAB, tar, OneNote)</source>
        <translation>In Archive und Abbilder hineinschauen (zip, 7z, RAR, ISO, CAB, tar, OneNote)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="126"/>
        <source>Report an archive that could not be fully checked (a limit was reached) as a threat, and act on it like one</source>
        <translation>Nicht vollständig geprüfte Archive (eine Grenze erreicht) als Bedrohung behandeln</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="129"/>
        <source>Report a password-protected archive (which cannot be checked) as a threat, and act on it like one</source>
        <translation>Kennwortgeschützte Archive (nicht prüfbar) als Bedrohung behandeln</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="133"/>
        <source>Never scan developer folders (node_modules, .git, .venv, __pycache__, build, dist, target)</source>
        <translation>Entwicklerordner nie prüfen (node_modules, .git, .venv, __pycache__, build, dist, target)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="136"/>
        <source>Never scan virtual machine disks (.vdi, .vmdk, .vhd, .vhdx, .qcow2 and others)</source>
        <translation>Festplatten virtueller Maschinen nie prüfen (.vdi, .vmdk, .vhd, .vhdx, .qcow2 und andere)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="137"/>
        <source>Folders and files never scanned</source>
        <translation>Ordner und Dateien, die nie geprüft werden</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="138"/>
        <source>Name patterns never scanned (for example *.iso)</source>
        <translation>Namensmuster, die nie geprüft werden (zum Beispiel *.iso)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="140"/>
        <source>File extensions never scanned</source>
        <translation>Dateiendungen, die nie geprüft werden</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="141"/>
        <source>Delete quarantined items after (days)</source>
        <translation>Quarantäne-Objekte löschen nach (Tagen)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="143"/>
        <source>Check for definitions every (hours)</source>
        <translation>Nach Definitionen suchen alle (Stunden)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="145"/>
        <source>Update ring (early, default, delayed 48 hours, pinned)</source>
        <translation>Update-Ring (früh, Standard, 48 Stunden verzögert, festgehalten)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="148"/>
        <source>Send anonymous health reports about definitions updates to the vendor</source>
        <translation>Anonyme Zustandsberichte über Definitions-Updates an den Hersteller senden</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="149"/>
        <source>Real-time protection: check new and changed files</source>
        <translation>Echtzeitschutz: neue und geänderte Dateien prüfen</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="150"/>
        <source>Real-time protection: folders to watch (empty = the usual ones)</source>
        <translation>Echtzeitschutz: zu überwachende Ordner (leer = die üblichen)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="153"/>
        <source>Scheduled scans: skip on battery below (percent; 0 = never skip)</source>
        <translation>Geplante Prüfungen: im Akkubetrieb unter (Prozent) auslassen; 0 = nie auslassen</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="156"/>
        <source>When a USB drive is connected</source>
        <translation>Wenn ein USB-Laufwerk angeschlossen wird</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="159"/>
        <source>Scan everything on a USB drive (slower), not only programs, scripts and shortcuts</source>
        <translation>Ganzes USB-Laufwerk prüfen (langsamer), nicht nur Programme, Skripte, Verknüpfungen</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="161"/>
        <source>Keep the event history for (days)</source>
        <translation>Ereignisverlauf aufbewahren (Tage)</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="163"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="164"/>
        <source>Start Ringfence when I log in</source>
        <translation>Ringfence bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="166"/>
        <source>Show &quot;Scan with Ringfence&quot; in the file manager&apos;s menu for files and folders</source>
        <translation>„Mit Ringfence prüfen“ im Menü des Dateimanagers für Dateien und Ordner zeigen</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="168"/>
        <source>Do not disturb: show only threat and crash notifications</source>
        <translation>Nicht stören: nur Meldungen zu Bedrohungen und Abstürzen zeigen</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="207"/>
        <source>The settings file %1 cannot be read (%2), so Ringfence uses the default settings and leaves the file as it is; check its permissions.</source>
        <translation>Die Einstellungsdatei %1 kann nicht gelesen werden (%2). Ringfence verwendet daher die Standardeinstellungen und lässt die Datei unverändert; prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="230"/>
        <source>The settings file has a setting %1 that this version does not know; it is kept in the file.</source>
        <translation>Die Einstellungsdatei enthält eine Einstellung %1, die diese Version nicht kennt; sie bleibt in der Datei erhalten.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="238"/>
        <source>The setting %1 in the settings file cannot be used (%2); %3 is used instead, and the file keeps its value until the setting is changed.</source>
        <translation>Die Einstellung %1 in der Einstellungsdatei kann nicht verwendet werden (%2); stattdessen wird %3 verwendet, und die Datei behält ihren Wert, bis die Einstellung geändert wird.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="245"/>
        <source>The settings file %1 is damaged and could not be copied aside, so Ringfence uses the default settings and leaves the file as it is; repair or remove it.</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt und konnte nicht beiseitegelegt werden. Ringfence verwendet daher die Standardeinstellungen und lässt die Datei unverändert; reparieren oder entfernen Sie sie.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="272"/>
        <source>There is no setting called %1.</source>
        <translation>Es gibt keine Einstellung namens %1.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="276"/>
        <source>The setting %1 cannot take that value: %2.</source>
        <translation>Die Einstellung %1 kann diesen Wert nicht annehmen: %2.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/settings.py" line="294"/>
        <source>The settings file could not be read; it was kept as %1 and the default settings are in use.</source>
        <translation>Die Einstellungsdatei konnte nicht gelesen werden; sie wurde als %1 aufbewahrt, und die Standardeinstellungen werden verwendet.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="43"/>
        <source>Scanning</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="44"/>
        <source>Exclusions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="46"/>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="47"/>
        <source>Quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="48"/>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="49"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="50"/>
        <source>Console</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="51"/>
        <source>Health reports</source>
        <translation>Zustandsberichte</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="45"/>
        <source>Protection</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="53"/>
        <source>More</source>
        <translation>Weiteres</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="58"/>
        <source>System language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="61"/>
        <source>Early</source>
        <translation>Früh</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="62"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="63"/>
        <source>Delayed (48 hours)</source>
        <translation>Verzögert (48 Stunden)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="64"/>
        <source>Pinned (no updates)</source>
        <translation>Festgehalten (keine Updates)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="65"/>
        <source>Only report it</source>
        <translation>Nur melden</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="66"/>
        <source>Move it to the quarantine</source>
        <translation>In die Quarantäne verschieben</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="67"/>
        <source>Ask me</source>
        <translation>Mich fragen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="68"/>
        <source>Ignore it</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="69"/>
        <source>Do nothing</source>
        <translation>Nichts tun</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="70"/>
        <source>Scan it</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="78"/>
        <source>Choose a number from %1 to %2.</source>
        <translation>Wählen Sie eine Zahl von %1 bis %2.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="83"/>
        <source>Write the full path of the folder or file: %1</source>
        <translation>Geben Sie den vollständigen Pfad des Ordners oder der Datei an: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="85"/>
        <source>Not a file extension: %1 (write it like .iso)</source>
        <translation>Keine Dateiendung: %1 (schreiben Sie sie wie .iso)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="165"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="166"/>
        <source>Back to the default value</source>
        <translation>Zurück zum Standardwert</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="167"/>
        <source>Reset %1 to its default</source>
        <translation>%1 auf den Standard zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="173"/>
        <source>One entry per line</source>
        <translation>Ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/settings.py" line="314"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../app/ui/single_instance.py" line="68"/>
        <source>Another start of Ringfence did not finish in time.</source>
        <translation>Ein anderer Start von Ringfence wurde nicht rechtzeitig fertig.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../app/core/status/protection.py" line="71"/>
        <source>Running on the baseline definitions shipped with Ringfence.</source>
        <translation>Ringfence läuft mit den mitgelieferten Basisdefinitionen.</translation>
    </message>
    <message>
        <location filename="../app/core/status/protection.py" line="81"/>
        <source>The quarantine key is not protected by the system keyring; it is kept in a file readable only by you.</source>
        <translation>Der Quarantäneschlüssel ist nicht durch den Schlüsselbund des Systems geschützt; er liegt in einer Datei, die nur Sie lesen können.</translation>
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
        <source>This stop code is rarely seen. Look it up in Microsoft&apos;s bug check code reference; if it comes back, think of drivers or software installed shortly before the crashes began.</source>
        <translation>Dieser Stoppcode kommt selten vor. Schlagen Sie ihn in Microsofts Referenz der Fehlerprüfcodes nach; tritt er wieder auf, denken Sie an Treiber oder Software, die kurz vor Beginn der Abstürze installiert wurden.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="19"/>
        <source>Update or roll back the driver named as probable cause (or the software that installed it); if the crash returns, uninstall it.</source>
        <translation>Aktualisieren Sie den als vermutliche Ursache genannten Treiber (oder die Software, die ihn installiert hat) oder setzen Sie ihn zurück; kehrt der Absturz wieder, deinstallieren Sie ihn.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="21"/>
        <source>Install pending Windows and driver updates; if the crash returns, update or remove drivers and software installed shortly before the crashes began.</source>
        <translation>Installieren Sie ausstehende Windows- und Treiberupdates; kehrt der Absturz zurück, aktualisieren oder entfernen Sie Treiber und Software, die kurz vor Beginn der Abstürze installiert wurden.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="22"/>
        <source>Run Windows Memory Diagnostic, undo any overclocking or memory (XMP/EXPO) profile, and install pending Windows and driver updates.</source>
        <translation>Führen Sie die Windows-Speicherdiagnose aus, machen Sie Übertaktungen und Speicherprofile (XMP/EXPO) rückgängig und installieren Sie ausstehende Windows- und Treiberupdates.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="23"/>
        <source>Back up your files, then check the drive: run chkdsk, look at its health in the maker&apos;s tool, and reseat or replace the cable if it is a desktop.</source>
        <translation>Sichern Sie Ihre Dateien und prüfen Sie dann das Laufwerk: Führen Sie chkdsk aus, sehen Sie sich seinen Zustand im Werkzeug des Herstellers an und stecken Sie bei einem Desktop-PC das Kabel neu ein oder ersetzen Sie es.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="33"/>
        <source>A driver touched memory it was not allowed to at that moment (IRQL_NOT_LESS_OR_EQUAL).</source>
        <translation>Ein Treiber hat zu einem Zeitpunkt auf Speicher zugegriffen, zu dem er das nicht durfte (IRQL_NOT_LESS_OR_EQUAL).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="34"/>
        <source>A driver damaged shared kernel memory (the pool).</source>
        <translation>Ein Treiber hat gemeinsam genutzten Kernel-Speicher (den Pool) beschädigt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="35"/>
        <source>Windows found its memory bookkeeping damaged; faulty RAM or a faulty driver are the usual causes.</source>
        <translation>Windows hat seine Speicherverwaltung beschädigt vorgefunden; die üblichen Ursachen sind fehlerhafter Arbeitsspeicher oder ein fehlerhafter Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="36"/>
        <source>Kernel code (usually a driver) raised an error nobody handled.</source>
        <translation>Kernel-Code (meist ein Treiber) hat einen Fehler ausgelöst, den niemand behandelt hat.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="37"/>
        <source>The NTFS file system hit a problem, often damage on the drive.</source>
        <translation>Das Dateisystem NTFS ist auf ein Problem gestoßen, oft einen Schaden auf dem Laufwerk.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="38"/>
        <source>A driver failed while doing work for a program; graphics and antivirus drivers are common culprits.</source>
        <translation>Ein Treiber ist bei der Arbeit für ein Programm gescheitert; häufig sind Grafik- und Antivirentreiber schuld.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="39"/>
        <source>The list Windows keeps of physical memory pages is corrupt; usually faulty RAM or a driver.</source>
        <translation>Die Liste der physischen Speicherseiten, die Windows führt, ist beschädigt; meist durch fehlerhaften Arbeitsspeicher oder einen Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="40"/>
        <source>Code read memory that does not exist; usually a faulty driver, sometimes faulty RAM.</source>
        <translation>Code hat Speicher gelesen, den es nicht gibt; meist ein fehlerhafter Treiber, manchmal fehlerhafter Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="41"/>
        <source>Windows could not read back part of itself from the drive.</source>
        <translation>Windows konnte einen Teil von sich selbst nicht vom Laufwerk zurücklesen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="42"/>
        <source>Windows lost access to the drive it starts from, often after a storage driver or BIOS/UEFI setting changed.</source>
        <translation>Windows hat den Zugriff auf das Startlaufwerk verloren, oft nachdem sich ein Speichertreiber oder eine BIOS/UEFI-Einstellung geändert hat.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="42"/>
        <source>Undo recent changes to storage settings in the BIOS/UEFI (such as AHCI/RAID mode) and let Startup Repair run.</source>
        <translation>Machen Sie kürzliche Änderungen an Speichereinstellungen im BIOS/UEFI (etwa AHCI/RAID-Modus) rückgängig und lassen Sie die Starthilfe laufen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="43"/>
        <source>A system thread, usually in a driver, raised an error nobody handled.</source>
        <translation>Ein System-Thread, meist in einem Treiber, hat einen Fehler ausgelöst, den niemand behandelt hat.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="44"/>
        <source>The processor hit a trap the kernel could not handle; often hardware, overheating or overclocking.</source>
        <translation>Der Prozessor ist auf eine Ausnahme gestoßen, die der Kernel nicht behandeln konnte; oft Hardware, Überhitzung oder Übertaktung.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="44"/>
        <source>Remove any overclocking, make sure the PC is not overheating, and test the memory.</source>
        <translation>Entfernen Sie jede Übertaktung, stellen Sie sicher, dass der PC nicht überhitzt, und testen Sie den Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="45"/>
        <source>Kernel code raised an error nobody handled; a driver or faulty RAM.</source>
        <translation>Kernel-Code hat einen Fehler ausgelöst, den niemand behandelt hat; ein Treiber oder fehlerhafter Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="46"/>
        <source>A driver did not finish a power change (sleep, wake, shutdown) in time.</source>
        <translation>Ein Treiber hat einen Energiewechsel (Ruhezustand, Aufwachen, Herunterfahren) nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="46"/>
        <source>Update chipset, graphics, Wi-Fi and USB drivers from the PC maker; until then avoid sleep if the crash follows it.</source>
        <translation>Aktualisieren Sie Chipsatz-, Grafik-, WLAN- und USB-Treiber vom PC-Hersteller; meiden Sie bis dahin den Ruhezustand, wenn der Absturz auf ihn folgt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="47"/>
        <source>A driver asked for kernel memory in a wrong way.</source>
        <translation>Ein Treiber hat auf falsche Weise Kernel-Speicher angefordert.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="48"/>
        <source>Driver Verifier caught a driver breaking the rules; Verifier is a testing tool that is normally off.</source>
        <translation>Die Treiberüberprüfung hat einen Treiber bei einem Regelverstoß ertappt; sie ist ein Testwerkzeug, das normalerweise ausgeschaltet ist.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="48"/>
        <source>If you did not turn on Driver Verifier on purpose, turn it off (run &quot;verifier /reset&quot; as administrator) and update the named driver.</source>
        <translation>Wenn Sie die Treiberüberprüfung nicht absichtlich eingeschaltet haben, schalten Sie sie aus (führen Sie „verifier /reset“ als Administrator aus) und aktualisieren Sie den genannten Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="49"/>
        <source>A driver damaged kernel memory and Windows noticed too late.</source>
        <translation>Ein Treiber hat Kernel-Speicher beschädigt, und Windows hat es zu spät bemerkt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="50"/>
        <source>A driver accessed memory it was not allowed to at that moment (DRIVER_IRQL_NOT_LESS_OR_EQUAL); very often network, Wi-Fi or antivirus drivers.</source>
        <translation>Ein Treiber hat zu einem Zeitpunkt auf Speicher zugegriffen, zu dem er das nicht durfte (DRIVER_IRQL_NOT_LESS_OR_EQUAL); sehr oft Netzwerk-, WLAN- oder Antivirentreiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="51"/>
        <source>A process Windows cannot run without stopped unexpectedly.</source>
        <translation>Ein Prozess, ohne den Windows nicht laufen kann, wurde unerwartet beendet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="51"/>
        <source>Install pending updates and run &quot;sfc /scannow&quot; and &quot;DISM /Online /Cleanup-Image /RestoreHealth&quot; as administrator to repair system files.</source>
        <translation>Installieren Sie ausstehende Updates und führen Sie „sfc /scannow“ und „DISM /Online /Cleanup-Image /RestoreHealth“ als Administrator aus, um Systemdateien zu reparieren.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="52"/>
        <source>A process Windows depends on ended, often because the drive stopped responding.</source>
        <translation>Ein Prozess, auf den Windows angewiesen ist, wurde beendet, oft weil das Laufwerk nicht mehr reagierte.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="53"/>
        <source>One processor core stopped responding; often firmware, overheating or overclocking.</source>
        <translation>Ein Prozessorkern reagierte nicht mehr; oft Firmware, Überhitzung oder Übertaktung.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="53"/>
        <source>Update the BIOS/UEFI and chipset drivers, remove overclocking and check cooling.</source>
        <translation>Aktualisieren Sie BIOS/UEFI und Chipsatztreiber, entfernen Sie Übertaktungen und prüfen Sie die Kühlung.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="54"/>
        <source>Windows detected that core kernel code or data was modified, by a driver, faulty RAM or malicious software.</source>
        <translation>Windows hat festgestellt, dass zentraler Kernel-Code oder Kernel-Daten verändert wurden, durch einen Treiber, fehlerhaften Arbeitsspeicher oder Schadsoftware.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="54"/>
        <source>Remove drivers that patch the kernel (old cheat, tuning or security tools), test the memory and run a full scan.</source>
        <translation>Entfernen Sie Treiber, die den Kernel verändern (alte Cheat-, Tuning- oder Sicherheitswerkzeuge), testen Sie den Arbeitsspeicher und führen Sie eine vollständige Prüfung durch.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="55"/>
        <source>The graphics driver stopped responding and could not be restarted.</source>
        <translation>Der Grafiktreiber reagierte nicht mehr und konnte nicht neu gestartet werden.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="55"/>
        <source>Install the latest graphics driver from the card or PC maker, remove graphics overclocking and check the card is not overheating.</source>
        <translation>Installieren Sie den neuesten Grafiktreiber vom Hersteller der Grafikkarte oder des PCs, entfernen Sie Grafik-Übertaktungen und prüfen Sie, ob die Karte überhitzt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="56"/>
        <source>The graphics scheduler found the graphics driver misbehaving.</source>
        <translation>Der Grafik-Scheduler hat ein Fehlverhalten des Grafiktreibers festgestellt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="56"/>
        <source>Install the latest graphics driver from the card or PC maker.</source>
        <translation>Installieren Sie den neuesten Grafiktreiber vom Hersteller der Grafikkarte oder des PCs.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="57"/>
        <source>The hardware itself reported an error it could not correct (processor, memory, or bus).</source>
        <translation>Die Hardware selbst hat einen Fehler gemeldet, den sie nicht korrigieren konnte (Prozessor, Arbeitsspeicher oder Bus).</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="57"/>
        <source>Remove overclocking, check temperatures and power supply, update the BIOS/UEFI; if it repeats, have the hardware checked.</source>
        <translation>Entfernen Sie Übertaktungen, prüfen Sie Temperaturen und Netzteil und aktualisieren Sie BIOS/UEFI; wiederholt es sich, lassen Sie die Hardware prüfen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="58"/>
        <source>A driver kept the processor busy for too long; storage (SSD firmware) and graphics drivers are common causes.</source>
        <translation>Ein Treiber hat den Prozessor zu lange beschäftigt; häufige Ursachen sind Speicher- (SSD-Firmware) und Grafiktreiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="58"/>
        <source>Update the SSD firmware, storage and graphics drivers from their makers.</source>
        <translation>Aktualisieren Sie die SSD-Firmware sowie Speicher- und Grafiktreiber von ihren Herstellern.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="59"/>
        <source>Kernel code detected corrupted data structures and stopped to stay safe.</source>
        <translation>Kernel-Code hat beschädigte Datenstrukturen entdeckt und angehalten, um sicher zu bleiben.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="60"/>
        <source>The kernel memory manager found its heap damaged, usually by a driver.</source>
        <translation>Die Speicherverwaltung des Kernels hat ihren Heap beschädigt vorgefunden, meist durch einen Treiber.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="61"/>
        <source>Windows&apos; compressed memory store hit an error; often the drive or RAM.</source>
        <translation>Der komprimierte Speicher von Windows ist auf einen Fehler gestoßen; oft das Laufwerk oder der Arbeitsspeicher.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="62"/>
        <source>The power button was held down, and Windows recorded the hang it was in at that moment.</source>
        <translation>Der Netzschalter wurde gedrückt gehalten, und Windows hat den Hänger aufgezeichnet, in dem es sich gerade befand.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="62"/>
        <source>If the PC had frozen, note what it was doing; update graphics and storage drivers if freezes repeat.</source>
        <translation>Falls der PC eingefroren war, notieren Sie, was er gerade tat; aktualisieren Sie Grafik- und Speichertreiber, wenn sich das Einfrieren wiederholt.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="66"/>
        <source>Windows stopped with a stop code (the black or blue crash screen) and restarted.</source>
        <translation>Windows hat mit einem Stoppcode angehalten (der schwarze oder blaue Absturzbildschirm) und neu gestartet.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="67"/>
        <source>The PC turned off without shutting down: the power was cut, or it froze so hard that no stop code could be written.</source>
        <translation>Der PC wurde ausgeschaltet, ohne herunterzufahren: Der Strom fiel aus, oder er fror so stark ein, dass kein Stoppcode geschrieben werden konnte.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="68"/>
        <source>The PC was switched off by holding the power button, usually because it had stopped responding.</source>
        <translation>Der PC wurde durch Gedrückthalten des Netzschalters ausgeschaltet, meist weil er nicht mehr reagierte.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="69"/>
        <source>The Linux kernel stopped with a kernel panic.</source>
        <translation>Der Linux-Kernel hat mit einer Kernel-Panik angehalten.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="70"/>
        <source>The Linux kernel hit an error (an oops); the system may have kept running or locked up afterwards.</source>
        <translation>Der Linux-Kernel ist auf einen Fehler gestoßen (ein „Oops“); das System lief danach womöglich weiter oder blieb hängen.</translation>
    </message>
    <message>
        <location filename="../app/core/recovery/explain.py" line="71"/>
        <source>The system did not shut down cleanly; the log ends without a normal shutdown.</source>
        <translation>Das System wurde nicht sauber heruntergefahren; das Protokoll endet ohne normales Herunterfahren.</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../app/core/foundation/store.py" line="55"/>
        <source>There is no free disk space for Ringfence&apos;s state in %1; free some space and try again.</source>
        <translation>In %1 ist kein freier Speicherplatz für den Zustand von Ringfence; geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/store.py" line="60"/>
        <source>The state database %1 cannot be opened (%2); check that the folder can be written to.</source>
        <translation>Die Zustandsdatenbank %1 kann nicht geöffnet werden (%2); prüfen Sie, ob in den Ordner geschrieben werden kann.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/store.py" line="97"/>
        <source>The state database was written by a newer Ringfence (%1 schema %2); update Ringfence to use it.</source>
        <translation>Die Zustandsdatenbank wurde von einer neueren Ringfence-Version geschrieben (%1, Schema %2); aktualisieren Sie Ringfence, um sie zu verwenden.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/store.py" line="158"/>
        <source>Ringfence&apos;s state database %1 is damaged (%2). Your quarantined files are safe in their own encrypted copies: rebuild the database from them; the damaged one is kept aside.</source>
        <translation>Die Zustandsdatenbank %1 von Ringfence ist beschädigt (%2). Ihre Dateien in Quarantäne sind in ihren eigenen verschlüsselten Kopien sicher: Bauen Sie die Datenbank daraus neu auf; die beschädigte wird aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/store.py" line="185"/>
        <source>The damaged state database %1 could not be set aside (%2); quit the Ringfence console and any running scan, then try again.</source>
        <translation>Die beschädigte Zustandsdatenbank %1 konnte nicht beiseitegelegt werden (%2); beenden Sie die Ringfence-Konsole und jede laufende Prüfung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/foundation/store.py" line="190"/>
        <source>The damaged state database %1 could not be set aside.</source>
        <translation>Die beschädigte Zustandsdatenbank %1 konnte nicht beiseitegelegt werden.</translation>
    </message>
</context>
<context>
    <name>ThreatChoiceDialog</name>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="166"/>
        <source>Threat found</source>
        <translation>Bedrohung gefunden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/ui/dialogs/threat_choice.py" line="167"/>
        <source>Ringfence found %n threat(s).</source>
        <translation>
            <numerusform>Ringfence hat %n Bedrohung gefunden.</numerusform>
            <numerusform>Ringfence hat %n Bedrohungen gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="168"/>
        <source>What should Ringfence do?</source>
        <translation>Was soll Ringfence tun?</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="170"/>
        <source>Until you choose, the files stay where they are. Your choice applies to the selected threats.</source>
        <translation>Bis Sie wählen, bleiben die Dateien, wo sie sind. Ihre Wahl gilt für die ausgewählten Bedrohungen.</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="172"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="172"/>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="172"/>
        <source>Threat</source>
        <translation>Bedrohung</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="172"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="173"/>
        <source>Rule set</source>
        <translation>Regelsammlung</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="174"/>
        <source>Threats waiting for your choice</source>
        <translation>Bedrohungen, die auf Ihre Wahl warten</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="175"/>
        <source>Move to &amp;quarantine</source>
        <translation>In &amp;Quarantäne verschieben</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="176"/>
        <source>&amp;Allow (the file is safe)</source>
        <translation>&amp;Zulassen (die Datei ist sicher)</translation>
    </message>
    <message>
        <location filename="../app/ui/dialogs/threat_choice.py" line="177"/>
        <source>&amp;Leave it (report only)</source>
        <translation>&amp;Belassen (nur melden)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../app/ui/tray.py" line="79"/>
        <source>Ringfence</source>
        <translation>Ringfence</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="85"/>
        <source>Open Ringfence</source>
        <translation>Ringfence öffnen</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="86"/>
        <source>Quick scan</source>
        <translation>Schnellprüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="87"/>
        <source>Check for updates</source>
        <translation>Nach Updates suchen</translation>
    </message>
    <message>
        <location filename="../app/ui/tray.py" line="88"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>UpdateState</name>
    <message>
        <location filename="../app/core/updates/update_status.py" line="28"/>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="29"/>
        <source>An update is rolling out; it has not reached this device yet</source>
        <translation>Ein Update wird verteilt; es hat dieses Gerät noch nicht erreicht</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="30"/>
        <source>Downloading version %1 (%2 of %3 bytes)</source>
        <translation>Version %1 wird heruntergeladen (%2 von %3 Bytes)</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="31"/>
        <source>Checking version %1 before it is used</source>
        <translation>Version %1 wird vor der Verwendung geprüft</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="32"/>
        <source>Switching to version %1</source>
        <translation>Wechsel zu Version %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="33"/>
        <source>Version %1 is in probation: %2 hours left</source>
        <translation>Version %1 ist in der Bewährungsphase: noch %2 Stunden</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="34"/>
        <source>Rolled back: %1</source>
        <translation>Zurückgesetzt: %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="35"/>
        <source>Updates halted by the vendor: %1</source>
        <translation>Updates vom Hersteller angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="36"/>
        <source>Updates paused until %1</source>
        <translation>Updates pausiert bis %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="26"/>
        <source>No update channel is configured; Ringfence uses its built-in baseline definitions.</source>
        <translation>Es ist kein Update-Kanal eingerichtet; Ringfence verwendet seine mitgelieferten Basis-Definitionen.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="37"/>
        <source>Pinned: new definitions are installed only when you choose to install them</source>
        <translation>Festgehalten: Neue Definitionen werden nur installiert, wenn Sie es ausdrücklich wählen</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="38"/>
        <source>Out of date since %1</source>
        <translation>Veraltet seit %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="39"/>
        <source>Badly out of date since %1</source>
        <translation>Stark veraltet seit %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="43"/>
        <source>Activated</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="44"/>
        <source>Refused before use</source>
        <translation>Vor der Verwendung abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="45"/>
        <source>Reverted automatically</source>
        <translation>Automatisch zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="46"/>
        <source>Withdrawn by the vendor</source>
        <translation>Vom Hersteller zurückgezogen</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="47"/>
        <source>Rolled back</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="48"/>
        <source>Passed probation</source>
        <translation>Bewährungsphase bestanden</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="49"/>
        <source>Update refused (verification failed)</source>
        <translation>Update abgelehnt (Überprüfung fehlgeschlagen)</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="50"/>
        <source>Flagged a protected file (reported only)</source>
        <translation>Eine geschützte Datei erkannt (nur gemeldet)</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="51"/>
        <source>Back on the baseline definitions</source>
        <translation>Wieder auf den Basisdefinitionen</translation>
    </message>
    <message>
        <location filename="../app/core/updates/update_status.py" line="52"/>
        <source>Halted by the vendor</source>
        <translation>Vom Hersteller angehalten</translation>
    </message>
</context>
<context>
    <name>Updates</name>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="54"/>
        <source>The update channel settings in %1 are damaged (%2); set the update channel again.</source>
        <translation>Die Einstellungen des Updatekanals in %1 sind beschädigt (%2); legen Sie den Updatekanal neu fest.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="68"/>
        <source>That file is not a valid, self-signed TUF root (%1); use the channel&apos;s metadata/1.root.json.</source>
        <translation>Diese Datei ist keine gültige, selbstsignierte TUF-Root (%1); verwenden Sie die Datei metadata/1.root.json des Kanals.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="83"/>
        <source>%1 is not a valid web address (check the brackets around an IPv6 address and the port: a number from 1 to 65535).</source>
        <translation>%1 ist keine gültige Webadresse (prüfen Sie die Klammern um eine IPv6-Adresse und den Port: eine Zahl von 1 bis 65535).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="96"/>
        <source>An update address must not contain spaces or control characters.</source>
        <translation>Eine Update-Adresse darf keine Leerzeichen oder Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="104"/>
        <source>An update address must start with https:// (or http:// for a server on this computer).</source>
        <translation>Eine Update-Adresse muss mit https:// beginnen (oder mit http:// für einen Server auf diesem Computer).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="107"/>
        <source>An update address must not contain a user name or password; update servers are public.</source>
        <translation>Eine Update-Adresse darf keinen Benutzernamen und kein Passwort enthalten; Update-Server sind öffentlich.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="111"/>
        <source>The address %1 names no server.</source>
        <translation>Die Adresse %1 nennt keinen Server.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="115"/>
        <source>The address %1 must not contain a query (?) or a fragment (#).</source>
        <translation>Die Adresse %1 darf keine Abfrage (?) und keinen Anker (#) enthalten.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="118"/>
        <source>Plain http:// is only allowed for a server on this computer (localhost, 127.0.0.1 or ::1); use https:// for %1.</source>
        <translation>Unverschlüsseltes http:// ist nur für einen Server auf diesem Computer erlaubt (localhost, 127.0.0.1 oder ::1); verwenden Sie https:// für %1.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/channelconfig.py" line="131"/>
        <source>The root file %1 cannot be read (%2).</source>
        <translation>Die Root-Datei %1 kann nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="57"/>
        <source>The definitions are being updated right now; try again in a minute.</source>
        <translation>Die Definitionen werden gerade aktualisiert; versuchen Sie es in einer Minute noch einmal.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="184"/>
        <source>The update server asked to wait; Ringfence checks again later.</source>
        <translation>Der Update-Server hat um eine Pause gebeten; Ringfence prüft später erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="233"/>
        <source>Ringfence already uses its built-in baseline definitions; there is nothing to roll back.</source>
        <translation>Ringfence verwendet bereits die eingebauten Basisdefinitionen; es gibt nichts zurückzusetzen.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="237"/>
        <source>You rolled back from version %1.</source>
        <translation>Sie haben Version %1 zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="243"/>
        <source>Unknown update ring %1; choose one of %2.</source>
        <translation>Unbekannter Update-Ring %1; wählen Sie einen von %2.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="249"/>
        <source>Updates can be paused for 1 to 72 hours.</source>
        <translation>Updates können für 1 bis 72 Stunden pausiert werden.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="299"/>
        <source>Only versions that are on this computer can be compared.</source>
        <translation>Nur Versionen, die auf diesem Computer liegen, können verglichen werden.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="312"/>
        <source>The update server sent more data than the signed metadata allows (%1).</source>
        <translation>Der Update-Server hat mehr Daten gesendet, als die signierten Metadaten erlauben (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="315"/>
        <source>The update server answered HTTP %1; Ringfence keeps its current definitions and tries again later.</source>
        <translation>Der Update-Server antwortete mit HTTP %1; Ringfence behält seine aktuellen Definitionen und versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="319"/>
        <source>The update server cannot be reached (%1); Ringfence keeps its current definitions and tries again later.</source>
        <translation>Der Update-Server ist nicht erreichbar (%1); Ringfence behält seine aktuellen Definitionen und versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="323"/>
        <source>The update failed verification and was refused (%1: %2).</source>
        <translation>Das Update hat die Prüfung nicht bestanden und wurde abgelehnt (%1: %2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="326"/>
        <source>The rollout document was refused: %1</source>
        <translation>Das Rollout-Dokument wurde abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="328"/>
        <source>The update could not be stored (%1).</source>
        <translation>Das Update konnte nicht gespeichert werden (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="330"/>
        <source>The rollout document is for channel %1, not %2; it was refused.</source>
        <translation>Das Rollout-Dokument gilt für den Kanal %1, nicht für %2; es wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="333"/>
        <source>The rollout document is older (sequence %1) than one already seen (%2); a replay was refused.</source>
        <translation>Das Rollout-Dokument ist älter (Folge %1) als ein bereits gesehenes (%2); eine Wiederholung wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="362"/>
        <source>Automatic updates stopped after Ringfence went back to its built-in definitions; new definitions are installed only when you choose to install them.</source>
        <translation>Automatische Updates wurden angehalten, nachdem Ringfence zu seinen mitgelieferten Definitionen zurückgekehrt ist; neue Definitionen werden nur installiert, wenn Sie es ausdrücklich wählen.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="381"/>
        <source>Version %1 failed verification and was refused (%2).</source>
        <translation>Version %1 hat die Prüfung nicht bestanden und wurde abgelehnt (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="383"/>
        <source>Version %1 could not be downloaded (%2); Ringfence tries again later.</source>
        <translation>Version %1 konnte nicht heruntergeladen werden (%2); Ringfence versucht es später erneut.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/service.py" line="400"/>
        <source>Version %1 passed validation and its self-test.</source>
        <translation>Version %1 hat die Prüfung und ihren Selbsttest bestanden.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/activation.py" line="57"/>
        <source>Version %1 was activated (finished after an interruption).</source>
        <translation>Version %1 wurde aktiviert (nach einer Unterbrechung abgeschlossen).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/activation.py" line="124"/>
        <source>The vendor withdrew version %1: %2</source>
        <translation>Der Hersteller hat Version %1 zurückgezogen: %2</translation>
    </message>
    <message>
        <location filename="../app/core/updates/activation.py" line="130"/>
        <source>The vendor rolled the definitions back from version %1 to version %2.</source>
        <translation>Der Hersteller hat die Definitionen von Version %1 auf Version %2 zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/activation.py" line="162"/>
        <source>Version %1 ran without problems through its probation.</source>
        <translation>Version %1 hat die Bewährungszeit ohne Probleme durchlaufen.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="65"/>
        <source>Version %1 stopped the engine %2 times in a row; Ringfence went back to its built-in baseline definitions.</source>
        <translation>Version %1 hat den Scanner %2-mal hintereinander zum Absturz gebracht; Ringfence ist zu seinen mitgelieferten Basis-Definitionen zurückgekehrt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="68"/>
        <source>Version %1 stopped the engine %2 times in a row; Ringfence went back to version %3.</source>
        <translation>Version %1 hat den Scanner %2-mal hintereinander zum Absturz gebracht; Ringfence ist zu Version %3 zurückgekehrt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="73"/>
        <source>Version %1 failed its self-test (%2).</source>
        <translation>Version %1 hat ihren Selbsttest nicht bestanden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="77"/>
        <source>Version %1 could not check %2 files within the time limit (a rule too slow for larger files).</source>
        <translation>Version %1 konnte %2 Dateien nicht innerhalb der Zeitgrenze prüfen (eine Regel, die für größere Dateien zu langsam ist).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="81"/>
        <source>Version %1 failed on %2 of %3 scanned files.</source>
        <translation>Version %1 ist bei %2 von %3 geprüften Dateien gescheitert.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="85"/>
        <source>Version %1 made scanning more than three times slower.</source>
        <translation>Version %1 hat das Prüfen mehr als dreimal langsamer gemacht.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="89"/>
        <source>Version %1 suddenly found %2 threats in %3 files (a likely false alarm).</source>
        <translation>Version %1 hat plötzlich %2 Bedrohungen in %3 Dateien gefunden (vermutlich ein Fehlalarm).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="92"/>
        <source>Version %1 flagged %2 protected system files (a false alarm).</source>
        <translation>Version %1 hat %2 geschützte Systemdateien gemeldet (ein Fehlalarm).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/probation.py" line="95"/>
        <source>Version %1 flagged the protected file %2; it was only reported, not quarantined.</source>
        <translation>Version %1 hat die geschützte Datei %2 gemeldet; sie wurde nur gemeldet, nicht in die Quarantäne verschoben.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="17"/>
        <source>The definitions archive cannot be used (%1); it was refused.</source>
        <translation>Das Definitionsarchiv ist nicht verwendbar (%1); es wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="18"/>
        <source>The definitions&apos; manifest is not valid (%1); they were refused.</source>
        <translation>Das Manifest der Definitionen ist ungültig (%1); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="19"/>
        <source>The definitions have no content.json manifest and were refused.</source>
        <translation>Die Definitionen haben kein Manifest content.json und wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="20"/>
        <source>The bundle holds version %1 but the channel announced version %2; it was refused.</source>
        <translation>Das Paket enthält Version %1, der Kanal hat aber Version %2 angekündigt; es wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="22"/>
        <source>The definitions list Ringfence&apos;s own file %1 as a threat (%2); they were refused.</source>
        <translation>Die Definitionen führen Ringfences eigene Datei %1 als Bedrohung (%2); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="24"/>
        <source>The definitions list the clean self-test file %1 as a threat (%2); they were refused.</source>
        <translation>Die Definitionen führen die saubere Selbsttestdatei %1 als Bedrohung (%2); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="26"/>
        <source>The rules do not compile (%1); the definitions were refused.</source>
        <translation>Die Regeln lassen sich nicht übersetzen (%1); die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="27"/>
        <source>The definitions took too long on the EICAR test string; they were refused.</source>
        <translation>Die Definitionen brauchten für die EICAR-Testzeichenfolge zu lange; sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="28"/>
        <source>The definitions do not detect the EICAR test string (the EICAR rule is missing or broken); they were refused.</source>
        <translation>Die Definitionen erkennen die EICAR-Testzeichenfolge nicht (die EICAR-Regel fehlt oder ist defekt); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="30"/>
        <source>The golden sample %1 is no longer detected by its rule %2; the definitions were refused.</source>
        <translation>Das Referenzmuster %1 wird von seiner Regel %2 nicht mehr erkannt; die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="32"/>
        <source>The clean self-test corpus is missing, so the definitions cannot be checked for false positives; reinstall Ringfence.</source>
        <translation>Die sauberen Selbsttestdateien fehlen, daher können die Definitionen nicht auf Fehlalarme geprüft werden; installieren Sie Ringfence neu.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="34"/>
        <source>A rule took longer than %1 s on the clean self-test file %2 (a rule that hangs); the definitions were refused.</source>
        <translation>Eine Regel brauchte länger als %1 s für die saubere Selbsttestdatei %2 (eine hängende Regel); die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="36"/>
        <source>The rule %1 flags the clean self-test file %2 (a false positive); the definitions were refused.</source>
        <translation>Die Regel %1 meldet die saubere Selbsttestdatei %2 (ein Fehlalarm); die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="38"/>
        <source>The hash entry %1 flags the clean self-test file %2 (a false positive); the definitions were refused.</source>
        <translation>Der Hash-Eintrag %1 meldet die saubere Selbsttestdatei %2 (ein Fehlalarm); die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="40"/>
        <source>The definitions needed more than %1 s for the self-test files (rules that are too slow); they were refused.</source>
        <translation>Die Definitionen brauchten für die Selbsttestdateien mehr als %1 s (zu langsame Regeln); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="42"/>
        <source>The rule %2 took longer than %3 s on a generated %1 file (its cost grows with the file size, so larger files would not be checked at all); the definitions were refused.</source>
        <translation>Die Regel %2 brauchte für eine erzeugte Datei von %1 länger als %3 s (ihr Aufwand wächst mit der Dateigröße, größere Dateien würden gar nicht mehr geprüft); die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="45"/>
        <source>The rule %2 needs %3 s per MB on a generated %1 file, more than the budget of %4 s per MB; the definitions were refused.</source>
        <translation>Die Regel %2 braucht für eine erzeugte Datei von %1 %3 s pro MB, mehr als das Budget von %4 s pro MB; die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="47"/>
        <source>The rule %2 needs %3 s per MB on a generated %1 file, more than three times as much as on smaller files (its cost grows with the file size); the definitions were refused.</source>
        <translation>Die Regel %2 braucht für eine erzeugte Datei von %1 %3 s pro MB, mehr als dreimal so viel wie für kleinere Dateien (ihr Aufwand wächst mit der Dateigröße); die Definitionen wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="50"/>
        <source>The validation request is invalid (%1).</source>
        <translation>Die Prüfanfrage ist ungültig (%1).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="51"/>
        <source>Checking the definitions took longer than %1 s (a rule that hangs or is far too slow); they were refused.</source>
        <translation>Die Prüfung der Definitionen dauerte länger als %1 s (eine Regel hängt oder ist viel zu langsam); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="53"/>
        <source>The engine ran out of memory while checking the definitions; they were refused.</source>
        <translation>Dem Scanner ging beim Prüfen der Definitionen der Speicher aus; sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="55"/>
        <source>The engine crashed (%1) while checking the definitions; they were refused.</source>
        <translation>Der Scanner ist beim Prüfen der Definitionen abgestürzt (%1); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="56"/>
        <source>The engine stopped unexpectedly (exit code %1) while checking the definitions; they were refused.</source>
        <translation>Der Scanner wurde beim Prüfen der Definitionen unerwartet beendet (Exit-Code %1); sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="58"/>
        <source>The engine gave an unreadable answer while checking the definitions; they were refused.</source>
        <translation>Der Scanner gab beim Prüfen der Definitionen eine unlesbare Antwort; sie wurden abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="60"/>
        <source>Version %1 failed to load in the engine (%2).</source>
        <translation>Version %1 ließ sich im Scanner nicht laden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="61"/>
        <source>Version %1 failed its self-test in the engine (%2).</source>
        <translation>Version %1 hat den Selbsttest im Scanner nicht bestanden (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/refusals.py" line="74"/>
        <source>The definitions were refused at the %1 step (%2).</source>
        <translation>Die Definitionen wurden im Schritt „%1“ abgelehnt (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/rollout.py" line="36"/>
        <source>The rollout document has an invalid %1.</source>
        <translation>Das Rollout-Dokument hat einen ungültigen Eintrag %1.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/rollout.py" line="37"/>
        <source>The rollout document has an invalid %1 (%2).</source>
        <translation>Das Rollout-Dokument hat einen ungültigen Eintrag %1 (%2).</translation>
    </message>
    <message>
        <location filename="../app/core/updates/rollout.py" line="152"/>
        <source>The rollout document is not valid JSON.</source>
        <translation>Das Rollout-Dokument ist kein gültiges JSON.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/rollout.py" line="154"/>
        <source>The rollout document is not a JSON object.</source>
        <translation>Das Rollout-Dokument ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/rollout.py" line="156"/>
        <source>The rollout document uses schema %1, which this Ringfence does not read.</source>
        <translation>Das Rollout-Dokument verwendet das Schema %1, das dieses Ringfence nicht lesen kann.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/rollout.py" line="172"/>
        <source>The rollout document lists a version twice.</source>
        <translation>Das Rollout-Dokument führt eine Version doppelt auf.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/rollout.py" line="176"/>
        <source>The rollout document has no issue or expiry time.</source>
        <translation>Das Rollout-Dokument hat keinen Ausstellungs- oder Ablaufzeitpunkt.</translation>
    </message>
    <message>
        <location filename="../app/core/updates/tufclient.py" line="43"/>
        <location filename="../app/core/updates/tufclient.py" line="50"/>
        <source>The channel does not list %1.</source>
        <translation>Der Kanal führt %1 nicht auf.</translation>
    </message>
</context>
<context>
    <name>UpdatesPage</name>
    <message>
        <location filename="../app/ui/pages/updates.py" line="65"/>
        <source>&lt;h2&gt;Updates&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Updates&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="69"/>
        <source>Update progress</source>
        <translation>Update-Fortschritt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="73"/>
        <source>Definitions</source>
        <translation>Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="76"/>
        <source>Version in use</source>
        <translation>Verwendete Version</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="76"/>
        <source>Built</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="77"/>
        <location filename="../app/ui/pages/updates.py" line="132"/>
        <source>Update ring</source>
        <translation>Update-Ring</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="77"/>
        <source>Automatic updates</source>
        <translation>Automatische Updates</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="78"/>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="79"/>
        <source>Last check</source>
        <translation>Letzte Suche</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="79"/>
        <source>Newest on the channel</source>
        <translation>Neueste im Kanal</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="85"/>
        <source>About the &amp;definitions…</source>
        <translation>Über die &amp;Definitionen…</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="93"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="96"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="97"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="97"/>
        <source>built-in</source>
        <translation>eingebaut</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="99"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="100"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="102"/>
        <source>Update history</source>
        <translation>Update-Verlauf</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="110"/>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="114"/>
        <source>&amp;Check now</source>
        <translation>&amp;Jetzt suchen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="116"/>
        <source>&amp;Roll back</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="118"/>
        <source>&amp;Pause updates</source>
        <translation>Updates &amp;pausieren</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="120"/>
        <source>For 24 hours</source>
        <translation>Für 24 Stunden</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="121"/>
        <source>For 72 hours</source>
        <translation>Für 72 Stunden</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="123"/>
        <source>R&amp;esume updates</source>
        <translation>Updates &amp;fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="125"/>
        <source>&amp;Install anyway</source>
        <translation>Trotzdem &amp;installieren</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="126"/>
        <source>Install the newest definitions for this PC now, although updates are paused or pinned.</source>
        <translation>Die neuesten Definitionen für diesen PC jetzt installieren, obwohl Updates pausiert oder festgehalten sind.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="130"/>
        <source>R&amp;ing:</source>
        <translation>&amp;Ring:</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="165"/>
        <source>Built-in definitions</source>
        <translation>Eingebaute Definitionen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="169"/>
        <source>Paused until %1</source>
        <translation>Pausiert bis %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="170"/>
        <source>Only when you choose Check now</source>
        <translation>Nur wenn Sie „Jetzt suchen“ wählen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="170"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="194"/>
        <source>No update channel is set up.</source>
        <translation>Es ist kein Update-Kanal eingerichtet.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="196"/>
        <source>The last check failed: %1</source>
        <translation>Die letzte Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="198"/>
        <source>Signed and verified on %1</source>
        <translation>Signiert und geprüft am %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="199"/>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="212"/>
        <source>Downloading: %1 of %2</source>
        <translation>Herunterladen: %1 von %2</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="215"/>
        <source>Checking the new definitions…</source>
        <translation>Die neuen Definitionen werden geprüft …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="228"/>
        <source>Checking for updates…</source>
        <translation>Suche nach Updates …</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="247"/>
        <source>Updates are paused. Install the newest definitions for this PC now anyway?</source>
        <translation>Updates sind pausiert. Die neuesten Definitionen für diesen PC trotzdem jetzt installieren?</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="248"/>
        <source>Your definitions are pinned. Install the newest definitions for this PC now anyway?</source>
        <translation>Ihre Definitionen sind festgehalten. Die neuesten Definitionen für diesen PC trotzdem jetzt installieren?</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="249"/>
        <source>Automatic updates stopped after Ringfence went back to its built-in definitions. Install the newest definitions for this PC now anyway?</source>
        <translation>Automatische Updates wurden angehalten, nachdem Ringfence zu seinen eingebauten Definitionen zurückgekehrt ist. Die neuesten Definitionen für diesen PC trotzdem jetzt installieren?</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="251"/>
        <source>Ringfence checks their signature, validates and self-tests them before it uses them, as always. Your choice for automatic updates stays as it is.</source>
        <translation>Ringfence prüft wie immer ihre Signatur, validiert sie und testet sie selbst, bevor es sie verwendet. Ihre Einstellung für automatische Updates bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="256"/>
        <source>Version %1 is available.</source>
        <translation>Version %1 ist verfügbar.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="257"/>
        <location filename="../app/ui/pages/updates.py" line="259"/>
        <source>Install anyway</source>
        <translation>Trotzdem installieren</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="267"/>
        <source>Go back to the previous definitions? Ringfence will not install this version again automatically.</source>
        <translation>Zu den vorherigen Definitionen zurückkehren? Ringfence installiert diese Version dann nicht mehr automatisch.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="269"/>
        <location filename="../app/ui/pages/updates.py" line="271"/>
        <source>Roll back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates.py" line="258"/>
        <location filename="../app/ui/pages/updates.py" line="270"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="18"/>
        <source>No update channel</source>
        <translation>Kein Update-Kanal</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="19"/>
        <source>Ringfence uses the definitions built into it and receives no updates.</source>
        <translation>Ringfence verwendet seine eingebauten Definitionen und erhält keine Updates.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="21"/>
        <source>Downloading version %1</source>
        <translation>Version %1 wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="23"/>
        <source>Checking version %1 before it is used</source>
        <translation>Version %1 wird vor der Verwendung geprüft</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="24"/>
        <source>New definitions are tested in a separate process first; your protection stays as it is.</source>
        <translation>Neue Definitionen werden zuerst in einem eigenen Prozess getestet; Ihr Schutz bleibt unverändert.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="26"/>
        <source>Switching to version %1</source>
        <translation>Wechsel zu Version %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="28"/>
        <source>The vendor halted updates</source>
        <translation>Der Hersteller hat die Updates angehalten</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="29"/>
        <source>The vendor&apos;s message: %1</source>
        <translation>Nachricht des Herstellers: %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="33"/>
        <source>Now using version %1.</source>
        <translation>Jetzt wird Version %1 verwendet.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="34"/>
        <source>Now using the built-in definitions.</source>
        <translation>Jetzt werden die eingebauten Definitionen verwendet.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="35"/>
        <source>Version %1 was rolled back</source>
        <translation>Version %1 wurde zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="36"/>
        <source>Why: %1 %2</source>
        <translation>Grund: %1 %2</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="39"/>
        <source>Out of date since %1</source>
        <translation>Veraltet seit %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="40"/>
        <source>Check for updates now, or make sure this computer can reach the update server.</source>
        <translation>Suchen Sie jetzt nach Updates oder sorgen Sie dafür, dass dieser Computer den Update-Server erreicht.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="42"/>
        <source>Version %1 is on probation</source>
        <translation>Version %1 ist in der Bewährungszeit</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="43"/>
        <source>It is watched for problems for %1 more; if it misbehaves, Ringfence goes back to the previous definitions by itself.</source>
        <translation>Sie wird noch %1 auf Probleme beobachtet; verhält sie sich falsch, kehrt Ringfence von selbst zu den vorherigen Definitionen zurück.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="46"/>
        <source>Updates paused until %1</source>
        <translation>Updates pausiert bis %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="47"/>
        <source>Withdrawals by the vendor still apply while updates are paused.</source>
        <translation>Rückzüge durch den Hersteller gelten auch während der Pause.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="49"/>
        <source>Pinned</source>
        <translation>Festgehalten</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="50"/>
        <source>New definitions are installed only when you choose Check now.</source>
        <translation>Neue Definitionen werden nur installiert, wenn Sie „Jetzt suchen“ wählen.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="52"/>
        <location filename="../app/ui/pages/updates_badge.py" line="54"/>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_badge.py" line="53"/>
        <source>A newer version is being rolled out step by step; it reaches this computer soon.</source>
        <translation>Eine neuere Version wird schrittweise verteilt; sie erreicht diesen Computer bald.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="53"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="59"/>
        <source>Version %1 compared with %2 — rules added: %3, removed: %4, changed: %5, unchanged: %6.</source>
        <translation>Version %1 im Vergleich zu %2 – Regeln hinzugefügt: %3, entfernt: %4, geändert: %5, unverändert: %6.</translation>
    </message>
    <message>
        <location filename="../app/ui/pages/updates_changes.py" line="63"/>
        <source>%1, %2: %3 added, %4 removed, %5 changed</source>
        <translation>%1, %2: %3 hinzugefügt, %4 entfernt, %5 geändert</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../app/core/status/verdict.py" line="130"/>
        <source>The age of the definitions is unknown.</source>
        <translation>Das Alter der Definitionen ist unbekannt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/status/verdict.py" line="132"/>
        <source>The definitions are %n day(s) old.</source>
        <translation>
            <numerusform>Die Definitionen sind %n Tag alt.</numerusform>
            <numerusform>Die Definitionen sind %n Tage alt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="149"/>
        <source>The vendor withdrew definitions %1; the previous definitions are in use.</source>
        <translation>Der Hersteller hat die Definitionen %1 zurückgezogen; die vorherigen Definitionen sind in Gebrauch.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="151"/>
        <source>The vendor rolled the definitions back from %1.</source>
        <translation>Der Hersteller hat die Definitionen %1 zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="153"/>
        <source>Definitions version %1 caused problems and was rolled back.</source>
        <translation>Die Definitionen in Version %1 haben Probleme verursacht und wurden zurückgesetzt.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="162"/>
        <source>The vendor halted definitions updates: %1</source>
        <translation>Der Hersteller hat die Aktualisierung der Definitionen angehalten: %1</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="174"/>
        <source>The update server has not been reachable for more than a day.</source>
        <translation>Der Update-Server ist seit mehr als einem Tag nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="196"/>
        <source>The scanner engine stopped responding in the last 24 hours.</source>
        <translation>Der Scanner hat in den letzten 24 Stunden nicht mehr reagiert.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="198"/>
        <source>The scanner engine crashed in the last 24 hours.</source>
        <translation>Der Scanner ist in den letzten 24 Stunden abgestürzt.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="209"/>
        <source>The scanner engine failed its last self-test.</source>
        <translation>Der Scanner hat seinen letzten Selbsttest nicht bestanden.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="218"/>
        <source>Real-time protection is off.</source>
        <translation>Der Echtzeitschutz ist ausgeschaltet.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="225"/>
        <source>Real-time protection is paused until Ringfence restarts.</source>
        <translation>Der Echtzeitschutz ist pausiert, bis Ringfence neu startet.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="226"/>
        <source>Real-time protection is paused until %1.</source>
        <translation>Der Echtzeitschutz ist bis %1 pausiert.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="243"/>
        <source>No scan has been completed yet.</source>
        <translation>Es wurde noch keine Prüfung abgeschlossen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/status/verdict.py" line="244"/>
        <source>No scan has been completed for %n day(s).</source>
        <translation>
            <numerusform>Seit %n Tag wurde keine Prüfung abgeschlossen.</numerusform>
            <numerusform>Seit %n Tagen wurde keine Prüfung abgeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="256"/>
        <source>The quarantine key is kept in a private file because the system keyring is not available.</source>
        <translation>Der Quarantäne-Schlüssel liegt in einer privaten Datei, weil der Schlüsselbund des Systems nicht verfügbar ist.</translation>
    </message>
    <message>
        <location filename="../app/core/status/verdict.py" line="270"/>
        <source>Your PC restarted unexpectedly (%1) on %2.</source>
        <translation>Ihr PC wurde am %2 unerwartet neu gestartet (%1).</translation>
    </message>
</context>
<context>
    <name>VerdictBanner</name>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="45"/>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="46"/>
        <source>Check for updates</source>
        <translation>Nach Updates suchen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="46"/>
        <source>Run a quick scan</source>
        <translation>Schnellprüfung starten</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="47"/>
        <source>Run the self-test</source>
        <translation>Selbsttest ausführen</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="47"/>
        <source>Show what happened</source>
        <translation>Zeigen, was geschah</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="48"/>
        <source>Turn protection on</source>
        <translation>Schutz einschalten</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="49"/>
        <source>Fix</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="56"/>
        <source>You are protected</source>
        <translation>Sie sind geschützt</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="56"/>
        <source>Ringfence needs your attention</source>
        <translation>Ringfence braucht Ihre Aufmerksamkeit</translation>
    </message>
    <message>
        <location filename="../app/ui/widgets/verdict_banner.py" line="57"/>
        <source>Your protection is at risk</source>
        <translation>Ihr Schutz ist gefährdet</translation>
    </message>
</context>
</TS>
