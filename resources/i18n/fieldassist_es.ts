<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Controller</name>
    <message>
        <source>Camera paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No video source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening video source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source lost: retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video {fps} fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history is not available (see the log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow this action?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant wants to run “{tool}”, which changes something outside this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow for this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not {action} the session; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Technician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is being recorded and cannot be deleted now; delete it once it has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting… (as soon as the history database can be written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the job report of the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job report (PDF) of the selected session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all sessions: words said, notes, tools…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript of the selected session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the session as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the session as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history can only be read while the app is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the history: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{query}” found in {count} sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read session {session}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the job report of session {session}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the session of {started} ({turns} turns)? Its transcript, tool calls and snapshots (the picture files too) cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the session: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by direction (in, out) or type, e.g. “{example}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the message list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the messages as JSON Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the messages held here as JSON Lines, for IT support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} messages to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{held} messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {held} messages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag over the picture to black out a region before it is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job / ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. WO-4711</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what is worked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect and start talking (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the camera (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headset mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: no echo cancellation (you wear a headset). Off: speaker mode for the laptop&apos;s own speakers (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold to speak (or hold F9); release to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the current picture at full resolution and save it (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the blacked-out regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source: camera index, camera:NAME, a file, an rtsp:// or http:// URL, screen, screen:N or none (Enter to switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: in the job report&apos;s header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the job report of the last session (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to the assistant and press Enter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message to the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the typed message (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video frames sent per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past sessions and exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session&apos;s job report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection, audio, video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the session and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages to and from the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share a screen &amp;region…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a rectangle over the desktop to share it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the logs are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A zip for IT support, with no keys or passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FieldAssist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version, licences, logs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Manuals</name>
    <message>
        <source>&amp;Manuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF, Markdown and text documents the assistant may search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the manuals folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manuals &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Re-index now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-index the manuals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not indexed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} documents indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m {document}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {count} could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {read} of {total} documents read{failed}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected (rotating connection soon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline simulator: add a Gemini API key in Settings to talk to Gemini</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportSettings</name>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as it should appear on the job reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the reports folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text model that writes the report&apos;s summary from the session&apos;s record (one request per report); empty: the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary &amp;model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete sessions older than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete sessions after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions older than this are deleted with their snapshots when a session starts. Reports already written are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic: Gemini API when a key is available, else the simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemini API (API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertex AI (project, location, Application Default Credentials)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /path/to/video.mp4, none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking in the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker mode (echo cancellation on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headset mode (echo cancellation off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An API key has no spaces in it; paste it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Gemini API needs a key: enter one here or set GEMINI_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting} must be {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;ideo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in the settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the stored API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_PROJECT or the ADC project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_LOCATION, e.g. us-central1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default Google endpoint; set for a corporate gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s default voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s language; it changes when FieldAssist starts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System instruction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore default instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the default system instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the device lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Echo cancellation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instant &amp;barge-in: stop the reply on this computer once I have spoken for 0.25 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ush-to-talk (send the microphone only while held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech &amp;detection sensitivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence &amp;that ends a turn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker v&amp;olume:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone &amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test spea&amp;ker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test speaker: play a short chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test mi&amp;crophone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test microphone: record 3 seconds and play them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Frames per second:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Longest side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JPEG quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{variable} is set in the environment and overrides a stored key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a new key to replace the stored one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix 1 problem to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix {count} problems to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test itself failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing a chime…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording 3 seconds: say something…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing the recording back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio test failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list audio devices: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{microphones} microphones, {speakers} speakers found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to FieldAssist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FieldAssist talks to Gemini. Choose how to connect; you can change this later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a Gemini &amp;API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;Vertex AI with Application Default Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with the offline &amp;simulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a key at &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. It is kept in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Cloud project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Cloud location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first with: gcloud auth application-default login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A local stand-in that echoes what it hears. Nothing leaves this computer; useful to try the controls and the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your API key, or pick another option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the Google Cloud project to bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a location such as us-central1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>{meter}: silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below -60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meter}: {rms} dBFS, peak {peak} dBFS{clip}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meter} meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{meter} level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both speaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text}… [{hidden} more characters not shown]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool {name}: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
