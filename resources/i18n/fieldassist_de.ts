<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>The licence notices are missing from {folder} ({reason}).</source>
        <translation>Die Lizenzhinweise fehlen in {folder} ({reason}).</translation>
    </message>
    <message>
        <source>About FieldAssist</source>
        <translation>Über FieldAssist</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Programmversion</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>System:</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Protokollordner:</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Open licences &amp;folder</source>
        <translation>Lizenz&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>&amp;Diagnose speichern…</translation>
    </message>
    <message>
        <source>A zip for IT support: logs, settings, devices, versions and recent messages, with keys and passwords removed</source>
        <translation>Ein ZIP für den IT-Support: Protokolle, Einstellungen, Geräte, Versionen und letzte Nachrichten, ohne Schlüssel und Passwörter</translation>
    </message>
    <message>
        <source>Diagnostics result</source>
        <translation>Ergebnis der Diagnose</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>Lizenzen:</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Diagnose speichern</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>ZIP-Archiv (*.zip)</translation>
    </message>
    <message>
        <source>Saving diagnostics…</source>
        <translation>Diagnose wird gespeichert…</translation>
    </message>
    <message>
        <source>Could not save diagnostics to {path}: {reason}</source>
        <translation>Diagnose konnte nicht nach {path} gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} ({size} KiB)</source>
        <translation>Diagnose gespeichert unter {path} ({size} KiB)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Camera paused</source>
        <translation>Kamera pausiert</translation>
    </message>
    <message>
        <source>No video source</source>
        <translation>Keine Videoquelle</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>Video zu Ende</translation>
    </message>
    <message>
        <source>Opening video source…</source>
        <translation>Videoquelle wird geöffnet…</translation>
    </message>
    <message>
        <source>Video source lost: retrying…</source>
        <translation>Videoquelle verloren: neuer Versuch…</translation>
    </message>
    <message>
        <source>Video source unavailable</source>
        <translation>Videoquelle nicht verfügbar</translation>
    </message>
    <message>
        <source>Video not started</source>
        <translation>Video nicht gestartet</translation>
    </message>
    <message>
        <source>Video stopped</source>
        <translation>Video angehalten</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Starten Sie die Sitzung, um eine Nachricht zu senden.</translation>
    </message>
    <message>
        <source>video {fps} fps</source>
        <translation>Video {fps} B/s</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>Einstellungen nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Settings saved. {waiting}</source>
        <translation>Einstellungen gespeichert. {waiting}</translation>
    </message>
    <message>
        <source>The history is not available (see the log).</source>
        <translation>Der Verlauf ist nicht verfügbar (siehe Protokolldatei).</translation>
    </message>
    <message>
        <source>Allow this action?</source>
        <translation>Diese Aktion erlauben?</translation>
    </message>
    <message>
        <source>The assistant wants to run “{tool}”, which changes something outside this app.</source>
        <translation>Der Assistent möchte „{tool}“ ausführen; das ändert etwas außerhalb dieser App.</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>Einmal erlauben</translation>
    </message>
    <message>
        <source>Allow for this session</source>
        <translation>Für diese Sitzung erlauben</translation>
    </message>
    <message>
        <source>Don&apos;t allow</source>
        <translation>Nicht erlauben</translation>
    </message>
    <message>
        <source>Could not {action} the session; see the log.</source>
        <translation>Aktion „{action}“ für die Sitzung fehlgeschlagen; siehe Protokolldatei.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The details are in the log. Your transcript is kept.</source>
        <translation>Die Einzelheiten stehen im Protokoll. Ihre Mitschrift bleibt erhalten.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Technician</source>
        <translation>Techniker</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>This session is being recorded and cannot be deleted now; delete it once it has ended.</source>
        <translation>Diese Sitzung wird gerade aufgezeichnet und kann jetzt nicht gelöscht werden; löschen Sie sie, wenn sie beendet ist.</translation>
    </message>
    <message>
        <source>Deleting… (as soon as the history database can be written)</source>
        <translation>Wird gelöscht… (sobald die Verlaufsdatenbank beschreibbar ist)</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>nicht beendet</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} Min. {seconds} s</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(keine Worte)</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[unterbrochen]</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Sitzung löschen</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Sitzungsverlauf</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>Auftrags&amp;bericht…</translation>
    </message>
    <message>
        <source>Write the job report of the session</source>
        <translation>Den Auftragsbericht der Sitzung schreiben</translation>
    </message>
    <message>
        <source>The job report (PDF) of the selected session</source>
        <translation>Der Auftragsbericht (PDF) der gewählten Sitzung</translation>
    </message>
    <message>
        <source>Search all sessions: words said, notes, tools…</source>
        <translation>Alle Sitzungen durchsuchen: Gesagtes, Notizen, Werkzeuge…</translation>
    </message>
    <message>
        <source>Search all sessions</source>
        <translation>Alle Sitzungen durchsuchen</translation>
    </message>
    <message>
        <source>Sessions, newest first</source>
        <translation>Sitzungen, neueste zuerst</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>First words</source>
        <translation>Erste Worte</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Transcript of the selected session</source>
        <translation>Mitschrift der gewählten Sitzung</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Als &amp;Markdown exportieren…</translation>
    </message>
    <message>
        <source>Export the session as Markdown</source>
        <translation>Die Sitzung als Markdown exportieren</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>Export the session as JSON</source>
        <translation>Die Sitzung als JSON exportieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>Die Sitzung löschen</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Status des Verlaufs</translation>
    </message>
    <message>
        <source>The history can only be read while the app is running.</source>
        <translation>Der Verlauf kann nur gelesen werden, während die App läuft.</translation>
    </message>
    <message>
        <source>Could not read the history: {reason}</source>
        <translation>Der Verlauf konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Bester Treffer</translation>
    </message>
    <message>
        <source>“{query}” found in {count} sessions.</source>
        <translation>„{query}“ in {count} Sitzungen gefunden.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Nichts gefunden für „{query}“.</translation>
    </message>
    <message>
        <source>No sessions recorded yet.</source>
        <translation>Noch keine Sitzungen aufgezeichnet.</translation>
    </message>
    <message>
        <source>Could not read session {session}: {reason}</source>
        <translation>Sitzung {session} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation>{count} Einträge.</translation>
    </message>
    <message>
        <source>Writing the job report of session {session}…</source>
        <translation>Der Auftragsbericht von Sitzung {session} wird geschrieben…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export session</source>
        <translation>Sitzung exportieren</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Export nach {path}…</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Export fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Delete the session of {started} ({turns} turns)? Its transcript, tool calls and snapshots (the picture files too) cannot be recovered.</source>
        <translation>Die Sitzung vom {started} ({turns} Beiträge) löschen? Ihre Mitschrift, Werkzeugaufrufe und Schnappschüsse (auch die Bilddateien) lassen sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Could not delete the session: {reason}</source>
        <translation>Die Sitzung konnte nicht gelöscht werden: {reason}</translation>
    </message>
    <message>
        <source>Session deleted.</source>
        <translation>Sitzung gelöscht.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation>Nachrichten-Inspektor</translation>
    </message>
    <message>
        <source>Filter by direction (in, out) or type, e.g. “{example}”</source>
        <translation>Nach Richtung (in, out) oder Typ filtern, z. B. „{example}“</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Nachrichten filtern</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Message count</source>
        <translation>Anzahl der Nachrichten</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Clear the message list</source>
        <translation>Die Nachrichtenliste leeren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the messages as JSON Lines</source>
        <translation>Die Nachrichten als JSON Lines exportieren</translation>
    </message>
    <message>
        <source>Save the messages held here as JSON Lines, for IT support</source>
        <translation>Die hier gehaltenen Nachrichten als JSON Lines speichern, für den IT-Support</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Ergebnis des Exports</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Export fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Exported {count} messages to {file}</source>
        <translation>{count} Nachrichten nach {file} exportiert</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>Nachrichten exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>{held} messages</source>
        <translation>{held} Nachrichten</translation>
    </message>
    <message>
        <source>{shown} of {held} messages</source>
        <translation>{shown} von {held} Nachrichten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Sitzung starten</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Mikrofon an</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Pause camera</source>
        <translation>Kamera-Pause</translation>
    </message>
    <message>
        <source>Resume camera</source>
        <translation>Kamera an</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamera aus</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Kameravorschau</translation>
    </message>
    <message>
        <source>Drag over the picture to black out a region before it is sent</source>
        <translation>Über das Bild ziehen, um einen Bereich vor dem Senden zu schwärzen</translation>
    </message>
    <message>
        <source>Job / ticket</source>
        <translation>Auftrag / Ticket</translation>
    </message>
    <message>
        <source>e.g. WO-4711</source>
        <translation>z. B. WO-4711</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>where</source>
        <translation>wo</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>what is worked on</source>
        <translation>woran gearbeitet wird</translation>
    </message>
    <message>
        <source>Connect and start talking (Ctrl+Return)</source>
        <translation>Verbinden und losreden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation>Das Mikrofon nicht mehr senden (Strg+M)</translation>
    </message>
    <message>
        <source>Pause or resume the camera (Ctrl+K)</source>
        <translation>Die Kamera pausieren oder fortsetzen (Strg+K)</translation>
    </message>
    <message>
        <source>Headset mode</source>
        <translation>Headset-Modus</translation>
    </message>
    <message>
        <source>On: no echo cancellation (you wear a headset). Off: speaker mode for the laptop&apos;s own speakers (Ctrl+E)</source>
        <translation>An: keine Echounterdrückung (Sie tragen ein Headset). Aus: Lautsprechermodus für die eingebauten Lautsprecher des Laptops (Strg+E)</translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation>Sprechtaste</translation>
    </message>
    <message>
        <source>Hold to speak (or hold F9); release to finish</source>
        <translation>Zum Sprechen gedrückt halten (oder F9 halten); loslassen zum Beenden</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Schnappschuss</translation>
    </message>
    <message>
        <source>Send the current picture at full resolution and save it (F8)</source>
        <translation>Das aktuelle Bild in voller Auflösung senden und speichern (F8)</translation>
    </message>
    <message>
        <source>Clear masks</source>
        <translation>Masken löschen</translation>
    </message>
    <message>
        <source>Remove the blacked-out regions</source>
        <translation>Die geschwärzten Bereiche entfernen</translation>
    </message>
    <message>
        <source>Video source: camera index, camera:NAME, a file, an rtsp:// or http:// URL, screen, screen:N or none (Enter to switch)</source>
        <translation>Videoquelle: Kameranummer, camera:NAME, eine Datei, eine rtsp://- oder http://-URL, screen, screen:N oder none (Eingabe zum Wechseln)</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Videoquelle</translation>
    </message>
    <message>
        <source>{label}: in the job report&apos;s header</source>
        <translation>{label}: im Kopf des Auftragsberichts</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Bericht…</translation>
    </message>
    <message>
        <source>Write the job report of the last session (Ctrl+R)</source>
        <translation>Den Auftragsbericht der letzten Sitzung schreiben (Strg+R)</translation>
    </message>
    <message>
        <source>Type to the assistant and press Enter…</source>
        <translation>An den Assistenten schreiben und Eingabe drücken…</translation>
    </message>
    <message>
        <source>Message to the assistant</source>
        <translation>Nachricht an den Assistenten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the typed message (Enter)</source>
        <translation>Die getippte Nachricht senden (Eingabe)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>Video frames sent per second</source>
        <translation>Gesendete Videobilder pro Sekunde</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>Past sessions and exports</source>
        <translation>Frühere Sitzungen und Exporte</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>Auftrags&amp;bericht…</translation>
    </message>
    <message>
        <source>The last session&apos;s job report</source>
        <translation>Der Auftragsbericht der letzten Sitzung</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Connection, audio, video</source>
        <translation>Verbindung, Audio, Video</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop the session and close</source>
        <translation>Die Sitzung beenden und schließen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspektor</translation>
    </message>
    <message>
        <source>Messages to and from the service</source>
        <translation>Nachrichten an den und vom Dienst</translation>
    </message>
    <message>
        <source>Share a screen &amp;region…</source>
        <translation>Einen Bildschirm&amp;bereich teilen…</translation>
    </message>
    <message>
        <source>Drag a rectangle over the desktop to share it</source>
        <translation>Ein Rechteck über den Desktop ziehen, um es zu teilen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Where the logs are kept</source>
        <translation>Wo die Protokolle liegen</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>&amp;Diagnose speichern…</translation>
    </message>
    <message>
        <source>A zip for IT support, with no keys or passwords</source>
        <translation>Ein ZIP für den IT-Support, ohne Schlüssel oder Passwörter</translation>
    </message>
    <message>
        <source>&amp;About FieldAssist</source>
        <translation>&amp;Über FieldAssist</translation>
    </message>
    <message>
        <source>Version, licences, logs</source>
        <translation>Version, Lizenzen, Protokolle</translation>
    </message>
</context>
<context>
    <name>Manuals</name>
    <message>
        <source>&amp;Manuals</source>
        <translation>&amp;Handbücher</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Handbuchordner</translation>
    </message>
    <message>
        <source>PDF, Markdown and text documents the assistant may search</source>
        <translation>PDF-, Markdown- und Textdokumente, die der Assistent durchsuchen darf</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the manuals folder</source>
        <translation>Den Handbuchordner wählen</translation>
    </message>
    <message>
        <source>Manuals &amp;folder:</source>
        <translation>Handbuch&amp;ordner:</translation>
    </message>
    <message>
        <source>Documents indexed</source>
        <translation>Indizierte Dokumente</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Fortschritt der Indizierung</translation>
    </message>
    <message>
        <source>&amp;Re-index now</source>
        <translation>Jetzt neu &amp;indizieren</translation>
    </message>
    <message>
        <source>Re-index the manuals</source>
        <translation>Die Handbücher neu indizieren</translation>
    </message>
    <message>
        <source>Indexing result</source>
        <translation>Ergebnis der Indizierung</translation>
    </message>
    <message>
        <source>Not indexed yet</source>
        <translation>Noch nicht indiziert</translation>
    </message>
    <message>
        <source>{count} documents indexed</source>
        <translation>{count} Dokumente indiziert</translation>
    </message>
    <message>
        <source>%v of %m {document}</source>
        <translation>%v von %m {document}</translation>
    </message>
    <message>
        <source>; {count} could not be read</source>
        <translation>; {count} nicht lesbar</translation>
    </message>
    <message>
        <source>Done: {read} of {total} documents read{failed}.</source>
        <translation>Fertig: {read} von {total} Dokumenten gelesen{failed}.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird aufgebaut…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connected (rotating connection soon)</source>
        <translation>Verbunden (Verbindung wird bald gewechselt)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation>Sitzung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Starten Sie die Sitzung, um eine Nachricht zu senden.</translation>
    </message>
    <message>
        <source>Still reconnecting: older microphone audio was dropped.</source>
        <translation>Verbindung wird noch wiederhergestellt: älterer Mikrofonton wurde verworfen.</translation>
    </message>
    <message>
        <source>The session failed.</source>
        <translation>Die Sitzung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The session was restored from the local transcript.</source>
        <translation>Die Sitzung wurde aus der lokalen Mitschrift wiederhergestellt.</translation>
    </message>
    <message>
        <source>Offline simulator: add a Gemini API key in Settings to talk to Gemini</source>
        <translation>Offline-Simulator: Tragen Sie in den Einstellungen einen Gemini-API-Schlüssel ein, um mit Gemini zu sprechen</translation>
    </message>
    <message>
        <source>Session saved. Write its job report with Report… (Ctrl+R).</source>
        <translation>Sitzung gespeichert. Schreiben Sie ihren Auftragsbericht mit Bericht… (Strg+R).</translation>
    </message>
    <message>
        <source>A job report is already being written.</source>
        <translation>Es wird bereits ein Auftragsbericht geschrieben.</translation>
    </message>
    <message>
        <source>The history is not available, so no report can be made.</source>
        <translation>Der Verlauf ist nicht verfügbar, daher kann kein Bericht erstellt werden.</translation>
    </message>
    <message>
        <source>Writing the job report…</source>
        <translation>Der Auftragsbericht wird geschrieben…</translation>
    </message>
    <message>
        <source>The job report was not written: {reason}</source>
        <translation>Der Auftragsbericht wurde nicht geschrieben: {reason}</translation>
    </message>
    <message>
        <source>Job report saved without the summary ({problem}): {path}. Write it again when online to add the summary.</source>
        <translation>Auftragsbericht ohne Zusammenfassung gespeichert ({problem}): {path}. Schreiben Sie ihn online erneut, um die Zusammenfassung hinzuzufügen.</translation>
    </message>
    <message>
        <source>Job report saved: {path}</source>
        <translation>Auftragsbericht gespeichert: {path}</translation>
    </message>
    <message>
        <source>No camera picture to take a snapshot of.</source>
        <translation>Kein Kamerabild für einen Schnappschuss.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Desktop picture: drag over the region to share</source>
        <translation>Bild des Desktops: über den zu teilenden Bereich ziehen</translation>
    </message>
    <message>
        <source>Share a screen region</source>
        <translation>Einen Bildschirmbereich teilen</translation>
    </message>
    <message>
        <source>Region picker message</source>
        <translation>Hinweis der Bereichsauswahl</translation>
    </message>
    <message>
        <source>Share this region</source>
        <translation>Diesen Bereich teilen</translation>
    </message>
    <message>
        <source>Drag a rectangle over the part of the screen to share.</source>
        <translation>Ziehen Sie ein Rechteck über den Teil des Bildschirms, der geteilt werden soll.</translation>
    </message>
</context>
<context>
    <name>ReportSettings</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Berichte</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Name des Technikers</translation>
    </message>
    <message>
        <source>as it should appear on the job reports</source>
        <translation>wie er in den Auftragsberichten stehen soll</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>&amp;Techniker:</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Berichtsordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the reports folder</source>
        <translation>Den Berichtsordner wählen</translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation>Berichts&amp;ordner:</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modell für die Zusammenfassung</translation>
    </message>
    <message>
        <source>The text model that writes the report&apos;s summary from the session&apos;s record (one request per report); empty: the default</source>
        <translation>Das Textmodell, das die Zusammenfassung des Berichts aus der Aufzeichnung der Sitzung schreibt (eine Anfrage pro Bericht); leer: der Standard</translation>
    </message>
    <message>
        <source>Summary &amp;model:</source>
        <translation>&amp;Modell für Zusammenfassung:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Delete sessions older than</source>
        <translation>Sitzungen löschen, die älter sind als</translation>
    </message>
    <message>
        <source>&amp;Delete sessions after:</source>
        <translation>Sitzungen &amp;löschen nach:</translation>
    </message>
    <message>
        <source>Sessions older than this are deleted with their snapshots when a session starts. Reports already written are not touched.</source>
        <translation>Ältere Sitzungen werden samt Schnappschüssen gelöscht, wenn eine Sitzung beginnt. Bereits geschriebene Berichte bleiben unberührt.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>must be a URL such as https://gateway.example.com (scheme and host)</source>
        <translation>muss eine URL wie https://gateway.example.com sein (Schema und Host)</translation>
    </message>
    <message>
        <source>must be a project ID: 6-30 lowercase letters, digits or hyphens, from a letter</source>
        <translation>muss eine Projekt-ID sein: 6-30 Kleinbuchstaben, Ziffern oder Bindestriche, beginnend mit einem Buchstaben</translation>
    </message>
    <message>
        <source>must be a location such as us-central1, europe-west4 or global</source>
        <translation>muss eine Region wie us-central1, europe-west4 oder global sein</translation>
    </message>
    <message>
        <source>must be a language tag such as en-US or de-DE, or empty</source>
        <translation>muss ein Sprachcode wie en-US oder de-DE sein, oder leer</translation>
    </message>
    <message>
        <source>must be a name without spaces</source>
        <translation>muss ein Name ohne Leerzeichen sein</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Context compression</source>
        <translation>Kontextkomprimierung</translation>
    </message>
    <message>
        <source>Session resumption</source>
        <translation>Sitzungsfortsetzung</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Response language</source>
        <translation>Antwortsprache</translation>
    </message>
    <message>
        <source>System instruction</source>
        <translation>Systemanweisung</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Oberflächensprache</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <source>Microphone gain</source>
        <translation>Mikrofonverstärkung</translation>
    </message>
    <message>
        <source>Speaker volume</source>
        <translation>Lautsprecherlautstärke</translation>
    </message>
    <message>
        <source>Speech detection sensitivity</source>
        <translation>Empfindlichkeit der Spracherkennung</translation>
    </message>
    <message>
        <source>Silence that ends a turn</source>
        <translation>Stille, die einen Beitrag beendet</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Echounterdrückung</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Sofortiges Unterbrechen</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Push-to-Talk</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Handbuchordner</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Videoquelle</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>Bilder pro Sekunde</translation>
    </message>
    <message>
        <source>Longest side of sent frames</source>
        <translation>Längste Seite gesendeter Bilder</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>JPEG-Qualität</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Name des Technikers</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Berichtsordner</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modell für die Zusammenfassung</translation>
    </message>
    <message>
        <source>Delete sessions older than (days, 0 = never)</source>
        <translation>Sitzungen löschen nach (Tage, 0 = nie)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Protokollstufe</translation>
    </message>
    <message>
        <source>First run done</source>
        <translation>Ersteinrichtung erledigt</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>{names} applies at the next connection you start.</source>
        <translation>{names} gilt ab der nächsten Verbindung, die Sie starten.</translation>
    </message>
    <message>
        <source>{names} apply at the next connection you start.</source>
        <translation>{names} gelten ab der nächsten Verbindung, die Sie starten.</translation>
    </message>
    <message>
        <source>{names} applies when the next session starts.</source>
        <translation>{names} gilt, sobald die nächste Sitzung beginnt.</translation>
    </message>
    <message>
        <source>{names} apply when the next session starts.</source>
        <translation>{names} gelten, sobald die nächste Sitzung beginnt.</translation>
    </message>
    <message>
        <source>{names} applies when FieldAssist starts again.</source>
        <translation>{names} gilt beim nächsten Start von FieldAssist.</translation>
    </message>
    <message>
        <source>{names} apply when FieldAssist starts again.</source>
        <translation>{names} gelten beim nächsten Start von FieldAssist.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic: Gemini API when a key is available, else the simulator</source>
        <translation>Automatisch: Gemini-API, wenn ein Schlüssel vorhanden ist, sonst der Simulator</translation>
    </message>
    <message>
        <source>Gemini API (API key)</source>
        <translation>Gemini-API (API-Schlüssel)</translation>
    </message>
    <message>
        <source>Vertex AI (project, location, Application Default Credentials)</source>
        <translation>Vertex AI (Projekt, Region, Application Default Credentials)</translation>
    </message>
    <message>
        <source>Offline simulator</source>
        <translation>Offline-Simulator</translation>
    </message>
    <message>
        <source>Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /path/to/video.mp4, none</source>
        <translation>Beispiele: 0 (erste Kamera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /pfad/zu/video.mp4, none</translation>
    </message>
    <message>
        <source>Looking in the system keyring…</source>
        <translation>Suche im Schlüsselbund des Systems…</translation>
    </message>
    <message>
        <source>Speaker mode (echo cancellation on)</source>
        <translation>Lautsprechermodus (Echounterdrückung an)</translation>
    </message>
    <message>
        <source>Headset mode (echo cancellation off)</source>
        <translation>Headset-Modus (Echounterdrückung aus)</translation>
    </message>
    <message>
        <source>An API key has no spaces in it; paste it again.</source>
        <translation>Ein API-Schlüssel enthält keine Leerzeichen; fügen Sie ihn erneut ein.</translation>
    </message>
    <message>
        <source>The Gemini API needs a key: enter one here or set GEMINI_API_KEY.</source>
        <translation>Die Gemini-API braucht einen Schlüssel: hier eingeben oder GEMINI_API_KEY setzen.</translation>
    </message>
    <message>
        <source>{setting} {rule}.</source>
        <translation>{setting}: {rule}.</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>Keine Datei unter {path}.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation>&amp;Gespräch</translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation>&amp;Audio</translation>
    </message>
    <message>
        <source>V&amp;ideo</source>
        <translation>V&amp;ideo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bereiche der Einstellungen</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Abbrechen ohne zu speichern</translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation>Zu behebende Probleme</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Gemini-API-Schlüssel</translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in the settings file</source>
        <translation>Im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>Gespeicherten Schlüssel &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the stored API key</source>
        <translation>Den gespeicherten API-Schlüssel entfernen</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_PROJECT or the ADC project</source>
        <translation>Aus GOOGLE_CLOUD_PROJECT oder dem ADC-Projekt</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_LOCATION, e.g. us-central1</source>
        <translation>Aus GOOGLE_CLOUD_LOCATION, z. B. us-central1</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>Default Google endpoint; set for a corporate gateway</source>
        <translation>Standard-Endpunkt von Google; für ein Firmen-Gateway setzen</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>E&amp;ndpunkt:</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Nur Systemzertifikate</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Eine CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Not available in this build</source>
        <translation>In dieser Version nicht verfügbar</translation>
    </message>
    <message>
        <source>The model&apos;s default voice</source>
        <translation>Standardstimme des Modells</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>S&amp;timme:</translation>
    </message>
    <message>
        <source>As the interface: {language}</source>
        <translation>Wie die Oberfläche: {language}</translation>
    </message>
    <message>
        <source>The model decides</source>
        <translation>Das Modell entscheidet</translation>
    </message>
    <message>
        <source>Response &amp;language:</source>
        <translation>Antwort&amp;sprache:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The window&apos;s language; it changes when FieldAssist starts again</source>
        <translation>Die Sprache des Fensters; sie wechselt beim nächsten Start von FieldAssist</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>&amp;Oberflächensprache:</translation>
    </message>
    <message>
        <source>&amp;System instruction:</source>
        <translation>S&amp;ystemanweisung:</translation>
    </message>
    <message>
        <source>&amp;Restore default instruction</source>
        <translation>Standard&amp;anweisung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the default system instruction</source>
        <translation>Die Standard-Systemanweisung wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Mikrofon:</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>&amp;Lautsprecher:</translation>
    </message>
    <message>
        <source>Re&amp;fresh devices</source>
        <translation>Geräte a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Refresh the device lists</source>
        <translation>Die Gerätelisten aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Echo cancellation:</source>
        <translation>&amp;Echounterdrückung:</translation>
    </message>
    <message>
        <source>Instant &amp;barge-in: stop the reply on this computer once I have spoken for 0.25 s</source>
        <translation>Sofortiges &amp;Unterbrechen: die Antwort auf diesem Computer stoppen, sobald ich 0,25 s gesprochen habe</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Sofortiges Unterbrechen</translation>
    </message>
    <message>
        <source>P&amp;ush-to-talk (send the microphone only while held)</source>
        <translation>P&amp;ush-to-Talk (Mikrofon nur senden, solange gedrückt)</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Push-to-Talk</translation>
    </message>
    <message>
        <source>Speech &amp;detection sensitivity:</source>
        <translation>Empfindlichkeit der Sprach&amp;erkennung:</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Serverstandard</translation>
    </message>
    <message>
        <source>Silence &amp;that ends a turn:</source>
        <translation>Stille, die einen &amp;Beitrag beendet:</translation>
    </message>
    <message>
        <source>Speaker v&amp;olume:</source>
        <translation>Lautsprecher&amp;lautstärke:</translation>
    </message>
    <message>
        <source>Microphone &amp;gain:</source>
        <translation>Mikrofon&amp;verstärkung:</translation>
    </message>
    <message>
        <source>Test spea&amp;ker</source>
        <translation>Lautsprecher tes&amp;ten</translation>
    </message>
    <message>
        <source>Test speaker: play a short chime</source>
        <translation>Lautsprecher testen: einen kurzen Ton abspielen</translation>
    </message>
    <message>
        <source>Test mi&amp;crophone</source>
        <translation>Mikrofon test&amp;en</translation>
    </message>
    <message>
        <source>Test microphone: record 3 seconds and play them back</source>
        <translation>Mikrofon testen: 3 Sekunden aufnehmen und wiedergeben</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonpegel</translation>
    </message>
    <message>
        <source>Audio test result</source>
        <translation>Ergebnis des Audiotests</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;Frames per second:</source>
        <translation>&amp;Bilder pro Sekunde:</translation>
    </message>
    <message>
        <source>&amp;Longest side:</source>
        <translation>&amp;Längste Seite:</translation>
    </message>
    <message>
        <source>&amp;JPEG quality:</source>
        <translation>&amp;JPEG-Qualität:</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problem: {field}</translation>
    </message>
    <message>
        <source>{variable} is set in the environment and overrides a stored key.</source>
        <translation>{variable} ist in der Umgebung gesetzt und hat Vorrang vor einem gespeicherten Schlüssel.</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation>Im Schlüsselbund des Systems ist ein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation>Noch kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>Type a new key to replace the stored one</source>
        <translation>Neuen Schlüssel eingeben, um den gespeicherten zu ersetzen</translation>
    </message>
    <message>
        <source>Paste your key</source>
        <translation>Schlüssel einfügen</translation>
    </message>
    <message>
        <source>Default: {model}</source>
        <translation>Standard: {model}</translation>
    </message>
    <message>
        <source>Fix 1 problem to save.</source>
        <translation>Beheben Sie 1 Problem, um zu speichern.</translation>
    </message>
    <message>
        <source>Fix {count} problems to save.</source>
        <translation>Beheben Sie {count} Probleme, um zu speichern.</translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <translation>Schlüssel wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>Der gespeicherte Schlüssel wurde entfernt.</translation>
    </message>
    <message>
        <source>CA certificate bundle</source>
        <translation>CA-Zertifikatsbündel</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation>PEM-Dateien (*.pem *.crt);;Alle (*)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>The test itself failed: {reason}</source>
        <translation>Der Test selbst ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Playing a chime…</source>
        <translation>Ton wird abgespielt…</translation>
    </message>
    <message>
        <source>Recording 3 seconds: say something…</source>
        <translation>Aufnahme 3 Sekunden: sagen Sie etwas…</translation>
    </message>
    <message>
        <source>Playing the recording back…</source>
        <translation>Aufnahme wird wiedergegeben…</translation>
    </message>
    <message>
        <source>The audio test failed: {reason}</source>
        <translation>Der Audiotest ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Suche nach Geräten…</translation>
    </message>
    <message>
        <source>Could not list audio devices: {reason}</source>
        <translation>Audiogeräte konnten nicht aufgelistet werden: {reason}</translation>
    </message>
    <message>
        <source>{microphones} microphones, {speakers} speakers found.</source>
        <translation>{microphones} Mikrofone, {speakers} Lautsprecher gefunden.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (nicht angeschlossen)</translation>
    </message>
</context>
<context>
    <name>StatusClock</name>
    <message>
        <source>connection {time}</source>
        <translation>Verbindung {time}</translation>
    </message>
    <message>
        <source>The service asked to end this connection (goAway); the program hands over to a new one before then, and the session goes on.</source>
        <translation>Der Dienst hat gebeten, diese Verbindung zu beenden (goAway); das Programm wechselt vorher auf eine neue, und die Sitzung geht weiter.</translation>
    </message>
    <message>
        <source>session {time}</source>
        <translation>Sitzung {time}</translation>
    </message>
    <message>
        <source>audio and video</source>
        <translation>Audio und Video</translation>
    </message>
    <message>
        <source>audio only</source>
        <translation>nur Audio</translation>
    </message>
    <message>
        <source>Context compression is off: a session with {kind} ends after about {minutes} min. Turn compression on in Settings for longer sessions.</source>
        <translation>Die Kontextkomprimierung ist aus: eine Sitzung mit {kind} endet nach etwa {minutes} Min. Schalten Sie die Komprimierung in den Einstellungen ein, um länger zu arbeiten.</translation>
    </message>
    <message>
        <source>{countdowns} left</source>
        <translation>noch {countdowns}</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} Tokens</translation>
    </message>
    <message>
        <source> (last turn {count})</source>
        <translation> (letzter Beitrag {count})</translation>
    </message>
    <message>
        <source>This session: {count} tokens</source>
        <translation>Diese Sitzung: {count} Tokens</translation>
    </message>
    <message>
        <source>Last turn: {count} tokens</source>
        <translation>Letzter Beitrag: {count} Tokens</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to FieldAssist</source>
        <translation>Willkommen bei FieldAssist</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>FieldAssist talks to Gemini. Choose how to connect; you can change this later in Settings.</source>
        <translation>FieldAssist spricht mit Gemini. Wählen Sie, wie verbunden wird; Sie können das später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Enter a Gemini &amp;API key</source>
        <translation>Einen Gemini-&amp;API-Schlüssel eingeben</translation>
    </message>
    <message>
        <source>Use &amp;Vertex AI with Application Default Credentials</source>
        <translation>&amp;Vertex AI mit Application Default Credentials verwenden</translation>
    </message>
    <message>
        <source>Continue with the offline &amp;simulator</source>
        <translation>Mit dem Offline-&amp;Simulator fortfahren</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Gemini-API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Create a key at &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. It is kept in the system keyring.</source>
        <translation>Einen Schlüssel erstellen Sie unter &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. Er wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Google Cloud project</source>
        <translation>Google-Cloud-Projekt</translation>
    </message>
    <message>
        <source>Google Cloud location</source>
        <translation>Google-Cloud-Region</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>Sign in first with: gcloud auth application-default login</source>
        <translation>Melden Sie sich zuerst an mit: gcloud auth application-default login</translation>
    </message>
    <message>
        <source>A local stand-in that echoes what it hears. Nothing leaves this computer; useful to try the controls and the camera.</source>
        <translation>Ein lokaler Ersatz, der wiederholt, was er hört. Nichts verlässt diesen Computer; gut zum Ausprobieren der Bedienelemente und der Kamera.</translation>
    </message>
    <message>
        <source>Paste your API key, or pick another option.</source>
        <translation>Fügen Sie Ihren API-Schlüssel ein oder wählen Sie eine andere Option.</translation>
    </message>
    <message>
        <source>Enter the Google Cloud project to bill.</source>
        <translation>Geben Sie das abzurechnende Google-Cloud-Projekt ein.</translation>
    </message>
    <message>
        <source>Enter a location such as us-central1.</source>
        <translation>Geben Sie eine Region wie us-central1 ein.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>{meter}: silent</source>
        <translation>{meter}: still</translation>
    </message>
    <message>
        <source>, clipping</source>
        <translation>, übersteuert</translation>
    </message>
    <message>
        <source>below -60</source>
        <translation>unter -60</translation>
    </message>
    <message>
        <source>{meter}: {rms} dBFS, peak {peak} dBFS{clip}</source>
        <translation>{meter}: {rms} dBFS, Spitze {peak} dBFS{clip}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Pegel</translation>
    </message>
    <message>
        <source>{meter} meter</source>
        <translation>Pegelanzeige {meter}</translation>
    </message>
    <message>
        <source>{meter} level</source>
        <translation>Pegel {meter}</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Hört zu</translation>
    </message>
    <message>
        <source>You are speaking</source>
        <translation>Sie sprechen</translation>
    </message>
    <message>
        <source>Assistant speaking</source>
        <translation>Assistent spricht</translation>
    </message>
    <message>
        <source>Both speaking</source>
        <translation>Beide sprechen</translation>
    </message>
    <message>
        <source>Speaking indicator</source>
        <translation>Sprechanzeige</translation>
    </message>
    <message>
        <source>{text}… [{hidden} more characters not shown]</source>
        <translation>{text}… [{hidden} weitere Zeichen nicht angezeigt]</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Tool {name}: {status}</source>
        <translation>Werkzeug {name}: {status}</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[unterbrochen]</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Mitschrift</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Hinweis schließen</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Diesen Hinweis schließen</translation>
    </message>
</context>
</TS>
