<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>About</name>
    <message>
        <source>The licence notices are missing from {folder} ({reason}).</source>
        <translation>Faltan los avisos de licencia en {folder} ({reason}).</translation>
    </message>
    <message>
        <source>About FieldAssist</source>
        <translation>Acerca de FieldAssist</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Versión del programa</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>Sistema:</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Carpeta de registros</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Carpeta de registros:</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>Open licences &amp;folder</source>
        <translation>Abrir la &amp;carpeta de licencias</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Guardar &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>A zip for IT support: logs, settings, devices, versions and recent messages, with keys and passwords removed</source>
        <translation>Un zip para el soporte informático: registros, ajustes, dispositivos, versiones y mensajes recientes, sin claves ni contraseñas</translation>
    </message>
    <message>
        <source>Diagnostics result</source>
        <translation>Resultado del diagnóstico</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>Licencias:</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Guardar diagnóstico</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Archivo zip (*.zip)</translation>
    </message>
    <message>
        <source>Saving diagnostics…</source>
        <translation>Guardando el diagnóstico…</translation>
    </message>
    <message>
        <source>Could not save diagnostics to {path}: {reason}</source>
        <translation>No se pudo guardar el diagnóstico en {path}: {reason}</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} ({size} KiB)</source>
        <translation>Diagnóstico guardado en {path} ({size} KiB)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Camera paused</source>
        <translation>Cámara en pausa</translation>
    </message>
    <message>
        <source>No video source</source>
        <translation>Sin fuente de vídeo</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>Vídeo terminado</translation>
    </message>
    <message>
        <source>Opening video source…</source>
        <translation>Abriendo la fuente de vídeo…</translation>
    </message>
    <message>
        <source>Video source lost: retrying…</source>
        <translation>Fuente de vídeo perdida: reintentando…</translation>
    </message>
    <message>
        <source>Video source unavailable</source>
        <translation>Fuente de vídeo no disponible</translation>
    </message>
    <message>
        <source>Video not started</source>
        <translation>Vídeo no iniciado</translation>
    </message>
    <message>
        <source>Video stopped</source>
        <translation>Vídeo detenido</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Inicie la sesión para enviar un mensaje.</translation>
    </message>
    <message>
        <source>video {fps} fps</source>
        <translation>vídeo {fps} fps</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>Ajustes no guardados: {reason}</translation>
    </message>
    <message>
        <source>Settings saved. {waiting}</source>
        <translation>Ajustes guardados. {waiting}</translation>
    </message>
    <message>
        <source>The history is not available (see the log).</source>
        <translation>El historial no está disponible (consulte el registro).</translation>
    </message>
    <message>
        <source>Allow this action?</source>
        <translation>¿Permitir esta acción?</translation>
    </message>
    <message>
        <source>The assistant wants to run “{tool}”, which changes something outside this app.</source>
        <translation>El asistente quiere ejecutar «{tool}», que cambia algo fuera de esta aplicación.</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>Permitir una vez</translation>
    </message>
    <message>
        <source>Allow for this session</source>
        <translation>Permitir en esta sesión</translation>
    </message>
    <message>
        <source>Don&apos;t allow</source>
        <translation>No permitir</translation>
    </message>
    <message>
        <source>Could not {action} the session; see the log.</source>
        <translation>Falló «{action}» en la sesión; consulte el registro.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The details are in the log. Your transcript is kept.</source>
        <translation>Los detalles están en el registro. Su transcripción se conserva.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir la carpeta de registros</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>This session is being recorded and cannot be deleted now; delete it once it has ended.</source>
        <translation>Esta sesión se está grabando y no se puede eliminar ahora; elimínela cuando haya terminado.</translation>
    </message>
    <message>
        <source>Deleting… (as soon as the history database can be written)</source>
        <translation>Eliminando… (en cuanto se pueda escribir en la base de datos del historial)</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>sin cerrar</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(sin palabras)</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[interrumpido]</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Eliminar sesión</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Historial de sesiones</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>&amp;Informe de trabajo…</translation>
    </message>
    <message>
        <source>Write the job report of the session</source>
        <translation>Redactar el informe de trabajo de la sesión</translation>
    </message>
    <message>
        <source>The job report (PDF) of the selected session</source>
        <translation>El informe de trabajo (PDF) de la sesión seleccionada</translation>
    </message>
    <message>
        <source>Search all sessions: words said, notes, tools…</source>
        <translation>Buscar en todas las sesiones: lo dicho, notas, herramientas…</translation>
    </message>
    <message>
        <source>Search all sessions</source>
        <translation>Buscar en todas las sesiones</translation>
    </message>
    <message>
        <source>Sessions, newest first</source>
        <translation>Sesiones, las más recientes primero</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Turnos</translation>
    </message>
    <message>
        <source>First words</source>
        <translation>Primeras palabras</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>Transcript of the selected session</source>
        <translation>Transcripción de la sesión seleccionada</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Exportar a &amp;Markdown…</translation>
    </message>
    <message>
        <source>Export the session as Markdown</source>
        <translation>Exportar la sesión a Markdown</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Exportar a &amp;JSON…</translation>
    </message>
    <message>
        <source>Export the session as JSON</source>
        <translation>Exportar la sesión a JSON</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>Eliminar la sesión</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Estado del historial</translation>
    </message>
    <message>
        <source>The history can only be read while the app is running.</source>
        <translation>El historial solo se puede leer mientras la aplicación está en marcha.</translation>
    </message>
    <message>
        <source>Could not read the history: {reason}</source>
        <translation>No se pudo leer el historial: {reason}</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Mejor coincidencia</translation>
    </message>
    <message>
        <source>“{query}” found in {count} sessions.</source>
        <translation>«{query}» encontrado en {count} sesiones.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>No se encontró nada para «{query}».</translation>
    </message>
    <message>
        <source>No sessions recorded yet.</source>
        <translation>Aún no hay sesiones grabadas.</translation>
    </message>
    <message>
        <source>Could not read session {session}: {reason}</source>
        <translation>No se pudo leer la sesión {session}: {reason}</translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation>{count} entradas.</translation>
    </message>
    <message>
        <source>Writing the job report of session {session}…</source>
        <translation>Redactando el informe de trabajo de la sesión {session}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado a {path}</translation>
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
        <translation>Exportar sesión</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Exportando a {path}…</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Error al exportar: {reason}</translation>
    </message>
    <message>
        <source>Delete the session of {started} ({turns} turns)? Its transcript, tool calls and snapshots (the picture files too) cannot be recovered.</source>
        <translation>¿Eliminar la sesión del {started} ({turns} turnos)? Su transcripción, llamadas a herramientas e instantáneas (también los archivos de imagen) no se podrán recuperar.</translation>
    </message>
    <message>
        <source>Could not delete the session: {reason}</source>
        <translation>No se pudo eliminar la sesión: {reason}</translation>
    </message>
    <message>
        <source>Session deleted.</source>
        <translation>Sesión eliminada.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation>Inspector de mensajes</translation>
    </message>
    <message>
        <source>Filter by direction (in, out) or type, e.g. “{example}”</source>
        <translation>Filtrar por dirección (in, out) o tipo, p. ej. «{example}»</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Filtrar mensajes</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message>
        <source>Message count</source>
        <translation>Número de mensajes</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vaciar</translation>
    </message>
    <message>
        <source>Clear the message list</source>
        <translation>Vaciar la lista de mensajes</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export the messages as JSON Lines</source>
        <translation>Exportar los mensajes como JSON Lines</translation>
    </message>
    <message>
        <source>Save the messages held here as JSON Lines, for IT support</source>
        <translation>Guardar los mensajes retenidos aquí como JSON Lines, para el soporte informático</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Resultado de la exportación</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Error al exportar: {reason}</translation>
    </message>
    <message>
        <source>Exported {count} messages to {file}</source>
        <translation>{count} mensajes exportados a {file}</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>Exportar mensajes</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>{held} messages</source>
        <translation>{held} mensajes</translation>
    </message>
    <message>
        <source>{shown} of {held} messages</source>
        <translation>{shown} de {held} mensajes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop session</source>
        <translation>Detener sesión</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Activar micrófono</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Pause camera</source>
        <translation>Pausar cámara</translation>
    </message>
    <message>
        <source>Resume camera</source>
        <translation>Reanudar cámara</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Cámara apagada</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <source>Drag over the picture to black out a region before it is sent</source>
        <translation>Arrastre sobre la imagen para tapar una zona antes de enviarla</translation>
    </message>
    <message>
        <source>Job / ticket</source>
        <translation>Trabajo / ticket</translation>
    </message>
    <message>
        <source>e.g. WO-4711</source>
        <translation>p. ej. WO-4711</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <source>where</source>
        <translation>dónde</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>what is worked on</source>
        <translation>en qué se trabaja</translation>
    </message>
    <message>
        <source>Connect and start talking (Ctrl+Return)</source>
        <translation>Conectar y empezar a hablar (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation>Dejar de enviar el micrófono (Ctrl+M)</translation>
    </message>
    <message>
        <source>Pause or resume the camera (Ctrl+K)</source>
        <translation>Pausar o reanudar la cámara (Ctrl+K)</translation>
    </message>
    <message>
        <source>Headset mode</source>
        <translation>Modo auriculares</translation>
    </message>
    <message>
        <source>On: no echo cancellation (you wear a headset). Off: speaker mode for the laptop&apos;s own speakers (Ctrl+E)</source>
        <translation>Activado: sin cancelación de eco (lleva auriculares). Desactivado: modo altavoz para los altavoces del portátil (Ctrl+E)</translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation>Pulsar y hablar</translation>
    </message>
    <message>
        <source>Hold to speak (or hold F9); release to finish</source>
        <translation>Mantenga pulsado para hablar (o mantenga F9); suelte para terminar</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Instantánea</translation>
    </message>
    <message>
        <source>Send the current picture at full resolution and save it (F8)</source>
        <translation>Enviar la imagen actual a resolución completa y guardarla (F8)</translation>
    </message>
    <message>
        <source>Clear masks</source>
        <translation>Quitar máscaras</translation>
    </message>
    <message>
        <source>Remove the blacked-out regions</source>
        <translation>Quitar las zonas tapadas</translation>
    </message>
    <message>
        <source>Video source: camera index, camera:NAME, a file, an rtsp:// or http:// URL, screen, screen:N or none (Enter to switch)</source>
        <translation>Fuente de vídeo: número de cámara, camera:NOMBRE, un archivo, una URL rtsp:// o http://, screen, screen:N o none (Intro para cambiar)</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Fuente de vídeo</translation>
    </message>
    <message>
        <source>{label}: in the job report&apos;s header</source>
        <translation>{label}: en la cabecera del informe de trabajo</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Informe…</translation>
    </message>
    <message>
        <source>Write the job report of the last session (Ctrl+R)</source>
        <translation>Redactar el informe de trabajo de la última sesión (Ctrl+R)</translation>
    </message>
    <message>
        <source>Type to the assistant and press Enter…</source>
        <translation>Escriba al asistente y pulse Intro…</translation>
    </message>
    <message>
        <source>Message to the assistant</source>
        <translation>Mensaje para el asistente</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the typed message (Enter)</source>
        <translation>Enviar el mensaje escrito (Intro)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Fuente:</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <source>Video frames sent per second</source>
        <translation>Fotogramas de vídeo enviados por segundo</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Altavoz</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>Past sessions and exports</source>
        <translation>Sesiones anteriores y exportaciones</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>&amp;Informe de trabajo…</translation>
    </message>
    <message>
        <source>The last session&apos;s job report</source>
        <translation>El informe de trabajo de la última sesión</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>Connection, audio, video</source>
        <translation>Conexión, audio, vídeo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Stop the session and close</source>
        <translation>Detener la sesión y cerrar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspector</translation>
    </message>
    <message>
        <source>Messages to and from the service</source>
        <translation>Mensajes enviados y recibidos del servicio</translation>
    </message>
    <message>
        <source>Share a screen &amp;region…</source>
        <translation>Compartir una &amp;región de la pantalla…</translation>
    </message>
    <message>
        <source>Drag a rectangle over the desktop to share it</source>
        <translation>Trace un rectángulo sobre el escritorio para compartirlo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <source>Where the logs are kept</source>
        <translation>Dónde se guardan los registros</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Guardar &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>A zip for IT support, with no keys or passwords</source>
        <translation>Un zip para el soporte informático, sin claves ni contraseñas</translation>
    </message>
    <message>
        <source>&amp;About FieldAssist</source>
        <translation>&amp;Acerca de FieldAssist</translation>
    </message>
    <message>
        <source>Version, licences, logs</source>
        <translation>Versión, licencias, registros</translation>
    </message>
</context>
<context>
    <name>Manuals</name>
    <message>
        <source>&amp;Manuals</source>
        <translation>&amp;Manuales</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Carpeta de manuales</translation>
    </message>
    <message>
        <source>PDF, Markdown and text documents the assistant may search</source>
        <translation>Documentos PDF, Markdown y de texto que el asistente puede consultar</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose the manuals folder</source>
        <translation>Elegir la carpeta de manuales</translation>
    </message>
    <message>
        <source>Manuals &amp;folder:</source>
        <translation>&amp;Carpeta de manuales:</translation>
    </message>
    <message>
        <source>Documents indexed</source>
        <translation>Documentos indexados</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progreso de la indexación</translation>
    </message>
    <message>
        <source>&amp;Re-index now</source>
        <translation>&amp;Reindexar ahora</translation>
    </message>
    <message>
        <source>Re-index the manuals</source>
        <translation>Reindexar los manuales</translation>
    </message>
    <message>
        <source>Indexing result</source>
        <translation>Resultado de la indexación</translation>
    </message>
    <message>
        <source>Not indexed yet</source>
        <translation>Aún sin indexar</translation>
    </message>
    <message>
        <source>{count} documents indexed</source>
        <translation>{count} documentos indexados</translation>
    </message>
    <message>
        <source>%v of %m {document}</source>
        <translation>%v de %m {document}</translation>
    </message>
    <message>
        <source>; {count} could not be read</source>
        <translation>; {count} no se pudieron leer</translation>
    </message>
    <message>
        <source>Done: {read} of {total} documents read{failed}.</source>
        <translation>Listo: {read} de {total} documentos leídos{failed}.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Connected (rotating connection soon)</source>
        <translation>Conectado (cambio de conexión en breve)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>Sesión detenida</translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation>Error en la sesión</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Inicie la sesión para enviar un mensaje.</translation>
    </message>
    <message>
        <source>Still reconnecting: older microphone audio was dropped.</source>
        <translation>Aún reconectando: se descartó el audio más antiguo del micrófono.</translation>
    </message>
    <message>
        <source>The session failed.</source>
        <translation>La sesión falló.</translation>
    </message>
    <message>
        <source>The session was restored from the local transcript.</source>
        <translation>La sesión se restauró a partir de la transcripción local.</translation>
    </message>
    <message>
        <source>Offline simulator: add a Gemini API key in Settings to talk to Gemini</source>
        <translation>Simulador sin conexión: añada una clave de API de Gemini en Ajustes para hablar con Gemini</translation>
    </message>
    <message>
        <source>Session saved. Write its job report with Report… (Ctrl+R).</source>
        <translation>Sesión guardada. Redacte su informe de trabajo con Informe… (Ctrl+R).</translation>
    </message>
    <message>
        <source>A job report is already being written.</source>
        <translation>Ya se está redactando un informe de trabajo.</translation>
    </message>
    <message>
        <source>The history is not available, so no report can be made.</source>
        <translation>El historial no está disponible, así que no se puede hacer ningún informe.</translation>
    </message>
    <message>
        <source>Writing the job report…</source>
        <translation>Redactando el informe de trabajo…</translation>
    </message>
    <message>
        <source>The job report was not written: {reason}</source>
        <translation>No se redactó el informe de trabajo: {reason}</translation>
    </message>
    <message>
        <source>Job report saved without the summary ({problem}): {path}. Write it again when online to add the summary.</source>
        <translation>Informe de trabajo guardado sin el resumen ({problem}): {path}. Vuelva a redactarlo con conexión para añadir el resumen.</translation>
    </message>
    <message>
        <source>Job report saved: {path}</source>
        <translation>Informe de trabajo guardado: {path}</translation>
    </message>
    <message>
        <source>No camera picture to take a snapshot of.</source>
        <translation>No hay imagen de la cámara para la instantánea.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Desktop picture: drag over the region to share</source>
        <translation>Imagen del escritorio: arrastre sobre la región que quiere compartir</translation>
    </message>
    <message>
        <source>Share a screen region</source>
        <translation>Compartir una región de la pantalla</translation>
    </message>
    <message>
        <source>Region picker message</source>
        <translation>Mensaje del selector de región</translation>
    </message>
    <message>
        <source>Share this region</source>
        <translation>Compartir esta región</translation>
    </message>
    <message>
        <source>Drag a rectangle over the part of the screen to share.</source>
        <translation>Trace un rectángulo sobre la parte de la pantalla que quiere compartir.</translation>
    </message>
</context>
<context>
    <name>ReportSettings</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Nombre del técnico</translation>
    </message>
    <message>
        <source>as it should appear on the job reports</source>
        <translation>tal como debe aparecer en los informes de trabajo</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>&amp;Técnico:</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Carpeta de informes</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose the reports folder</source>
        <translation>Elegir la carpeta de informes</translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation>&amp;Carpeta de informes:</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modelo de resumen</translation>
    </message>
    <message>
        <source>The text model that writes the report&apos;s summary from the session&apos;s record (one request per report); empty: the default</source>
        <translation>El modelo de texto que redacta el resumen del informe a partir del registro de la sesión (una solicitud por informe); vacío: el predeterminado</translation>
    </message>
    <message>
        <source>Summary &amp;model:</source>
        <translation>&amp;Modelo de resumen:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Delete sessions older than</source>
        <translation>Eliminar sesiones con más de</translation>
    </message>
    <message>
        <source>&amp;Delete sessions after:</source>
        <translation>&amp;Eliminar sesiones tras:</translation>
    </message>
    <message>
        <source>Sessions older than this are deleted with their snapshots when a session starts. Reports already written are not touched.</source>
        <translation>Las sesiones más antiguas se eliminan con sus instantáneas al iniciar una sesión. Los informes ya redactados no se tocan.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>must be a URL such as https://gateway.example.com (scheme and host)</source>
        <translation>debe ser una URL como https://gateway.example.com (esquema y host)</translation>
    </message>
    <message>
        <source>must be a project ID: 6-30 lowercase letters, digits or hyphens, from a letter</source>
        <translation>debe ser un ID de proyecto: de 6 a 30 minúsculas, dígitos o guiones, empezando por una letra</translation>
    </message>
    <message>
        <source>must be a location such as us-central1, europe-west4 or global</source>
        <translation>debe ser una región como us-central1, europe-west4 o global</translation>
    </message>
    <message>
        <source>must be a language tag such as en-US or de-DE, or empty</source>
        <translation>debe ser un código de idioma como en-US o de-DE, o estar vacío</translation>
    </message>
    <message>
        <source>must be a name without spaces</source>
        <translation>debe ser un nombre sin espacios</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Punto de acceso</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>Context compression</source>
        <translation>Compresión del contexto</translation>
    </message>
    <message>
        <source>Session resumption</source>
        <translation>Reanudación de sesión</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Response language</source>
        <translation>Idioma de las respuestas</translation>
    </message>
    <message>
        <source>System instruction</source>
        <translation>Instrucción del sistema</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Altavoz</translation>
    </message>
    <message>
        <source>Microphone gain</source>
        <translation>Ganancia del micrófono</translation>
    </message>
    <message>
        <source>Speaker volume</source>
        <translation>Volumen del altavoz</translation>
    </message>
    <message>
        <source>Speech detection sensitivity</source>
        <translation>Sensibilidad de detección de voz</translation>
    </message>
    <message>
        <source>Silence that ends a turn</source>
        <translation>Silencio que termina un turno</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Cancelación de eco</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Interrupción inmediata</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Pulsar para hablar</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Carpeta de manuales</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Fuente de vídeo</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>Fotogramas por segundo</translation>
    </message>
    <message>
        <source>Longest side of sent frames</source>
        <translation>Lado más largo de los fotogramas enviados</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>Calidad JPEG</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Nombre del técnico</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Carpeta de informes</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modelo de resumen</translation>
    </message>
    <message>
        <source>Delete sessions older than (days, 0 = never)</source>
        <translation>Eliminar sesiones con más de (días, 0 = nunca)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Nivel de registro</translation>
    </message>
    <message>
        <source>First run done</source>
        <translation>Primer inicio hecho</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>{names} applies at the next connection you start.</source>
        <translation>{names} se aplica en la próxima conexión que inicie.</translation>
    </message>
    <message>
        <source>{names} apply at the next connection you start.</source>
        <translation>{names} se aplican en la próxima conexión que inicie.</translation>
    </message>
    <message>
        <source>{names} applies when the next session starts.</source>
        <translation>{names} se aplica cuando empiece la próxima sesión.</translation>
    </message>
    <message>
        <source>{names} apply when the next session starts.</source>
        <translation>{names} se aplican cuando empiece la próxima sesión.</translation>
    </message>
    <message>
        <source>{names} applies when FieldAssist starts again.</source>
        <translation>{names} se aplica cuando FieldAssist se vuelva a iniciar.</translation>
    </message>
    <message>
        <source>{names} apply when FieldAssist starts again.</source>
        <translation>{names} se aplican cuando FieldAssist se vuelva a iniciar.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic: Gemini API when a key is available, else the simulator</source>
        <translation>Automático: API de Gemini si hay una clave, si no el simulador</translation>
    </message>
    <message>
        <source>Gemini API (API key)</source>
        <translation>API de Gemini (clave de API)</translation>
    </message>
    <message>
        <source>Vertex AI (project, location, Application Default Credentials)</source>
        <translation>Vertex AI (proyecto, región, Application Default Credentials)</translation>
    </message>
    <message>
        <source>Offline simulator</source>
        <translation>Simulador sin conexión</translation>
    </message>
    <message>
        <source>Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /path/to/video.mp4, none</source>
        <translation>Ejemplos: 0 (primera cámara), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /ruta/a/video.mp4, none</translation>
    </message>
    <message>
        <source>Looking in the system keyring…</source>
        <translation>Buscando en el llavero del sistema…</translation>
    </message>
    <message>
        <source>Speaker mode (echo cancellation on)</source>
        <translation>Modo altavoz (cancelación de eco activada)</translation>
    </message>
    <message>
        <source>Headset mode (echo cancellation off)</source>
        <translation>Modo auriculares (cancelación de eco desactivada)</translation>
    </message>
    <message>
        <source>An API key has no spaces in it; paste it again.</source>
        <translation>Una clave de API no contiene espacios; péguela de nuevo.</translation>
    </message>
    <message>
        <source>The Gemini API needs a key: enter one here or set GEMINI_API_KEY.</source>
        <translation>La API de Gemini necesita una clave: introdúzcala aquí o defina GEMINI_API_KEY.</translation>
    </message>
    <message>
        <source>{setting} {rule}.</source>
        <translation>{setting}: {rule}.</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>No hay ningún archivo en {path}.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminada</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>Co&amp;nexión</translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation>Con&amp;versación</translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation>&amp;Audio</translation>
    </message>
    <message>
        <source>V&amp;ideo</source>
        <translation>V&amp;ídeo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Secciones de los ajustes</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar ajustes</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Cancelar sin guardar</translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation>Problemas por corregir</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Clave de API de Gemini</translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in the settings file</source>
        <translation>Se guarda en el llavero del sistema, nunca en el archivo de ajustes</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>&amp;Quitar la clave guardada</translation>
    </message>
    <message>
        <source>Remove the stored API key</source>
        <translation>Quitar la clave de API guardada</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clave de API:</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_PROJECT or the ADC project</source>
        <translation>De GOOGLE_CLOUD_PROJECT o del proyecto de ADC</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Proyecto:</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_LOCATION, e.g. us-central1</source>
        <translation>De GOOGLE_CLOUD_LOCATION, p. ej. us-central1</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Default Google endpoint; set for a corporate gateway</source>
        <translation>Punto de acceso predeterminado de Google; defínalo para una pasarela corporativa</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>Punto de &amp;acceso:</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Solo certificados del sistema</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Elegir un archivo de certificado de CA</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Archivo de &amp;CA:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Pro&amp;bar conexión</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado de la prueba de conexión</translation>
    </message>
    <message>
        <source>Not available in this build</source>
        <translation>No disponible en esta versión</translation>
    </message>
    <message>
        <source>The model&apos;s default voice</source>
        <translation>La voz predeterminada del modelo</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>V&amp;oz:</translation>
    </message>
    <message>
        <source>As the interface: {language}</source>
        <translation>Como la interfaz: {language}</translation>
    </message>
    <message>
        <source>The model decides</source>
        <translation>El modelo decide</translation>
    </message>
    <message>
        <source>Response &amp;language:</source>
        <translation>&amp;Idioma de las respuestas:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>The window&apos;s language; it changes when FieldAssist starts again</source>
        <translation>El idioma de la ventana; cambia la próxima vez que se inicie FieldAssist</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>Idioma de la i&amp;nterfaz:</translation>
    </message>
    <message>
        <source>&amp;System instruction:</source>
        <translation>Instrucción del &amp;sistema:</translation>
    </message>
    <message>
        <source>&amp;Restore default instruction</source>
        <translation>&amp;Restaurar la instrucción predeterminada</translation>
    </message>
    <message>
        <source>Restore the default system instruction</source>
        <translation>Restaurar la instrucción del sistema predeterminada</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Micrófono:</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>Alta&amp;voz:</translation>
    </message>
    <message>
        <source>Re&amp;fresh devices</source>
        <translation>Act&amp;ualizar dispositivos</translation>
    </message>
    <message>
        <source>Refresh the device lists</source>
        <translation>Actualizar las listas de dispositivos</translation>
    </message>
    <message>
        <source>&amp;Echo cancellation:</source>
        <translation>Cancelación de &amp;eco:</translation>
    </message>
    <message>
        <source>Instant &amp;barge-in: stop the reply on this computer once I have spoken for 0.25 s</source>
        <translation>&amp;Interrupción inmediata: detener la respuesta en este equipo en cuanto haya hablado 0,25 s</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Interrupción inmediata</translation>
    </message>
    <message>
        <source>P&amp;ush-to-talk (send the microphone only while held)</source>
        <translation>P&amp;ulsar para hablar (enviar el micrófono solo mientras se mantiene)</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Pulsar para hablar</translation>
    </message>
    <message>
        <source>Speech &amp;detection sensitivity:</source>
        <translation>Sensibilidad de &amp;detección de voz:</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Valor del servidor</translation>
    </message>
    <message>
        <source>Silence &amp;that ends a turn:</source>
        <translation>Silencio que &amp;termina un turno:</translation>
    </message>
    <message>
        <source>Speaker v&amp;olume:</source>
        <translation>V&amp;olumen del altavoz:</translation>
    </message>
    <message>
        <source>Microphone &amp;gain:</source>
        <translation>&amp;Ganancia del micrófono:</translation>
    </message>
    <message>
        <source>Test spea&amp;ker</source>
        <translation>Probar alta&amp;voz</translation>
    </message>
    <message>
        <source>Test speaker: play a short chime</source>
        <translation>Probar altavoz: reproducir un tono corto</translation>
    </message>
    <message>
        <source>Test mi&amp;crophone</source>
        <translation>Probar mi&amp;crófono</translation>
    </message>
    <message>
        <source>Test microphone: record 3 seconds and play them back</source>
        <translation>Probar micrófono: grabar 3 segundos y reproducirlos</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
    <message>
        <source>Audio test result</source>
        <translation>Resultado de la prueba de audio</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Fuente:</translation>
    </message>
    <message>
        <source>&amp;Frames per second:</source>
        <translation>&amp;Fotogramas por segundo:</translation>
    </message>
    <message>
        <source>&amp;Longest side:</source>
        <translation>&amp;Lado más largo:</translation>
    </message>
    <message>
        <source>&amp;JPEG quality:</source>
        <translation>Calidad &amp;JPEG:</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problema: {field}</translation>
    </message>
    <message>
        <source>{variable} is set in the environment and overrides a stored key.</source>
        <translation>{variable} está definida en el entorno y prevalece sobre una clave guardada.</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation>Hay una clave guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation>Aún no hay ninguna clave guardada.</translation>
    </message>
    <message>
        <source>Type a new key to replace the stored one</source>
        <translation>Escriba una clave nueva para sustituir la guardada</translation>
    </message>
    <message>
        <source>Paste your key</source>
        <translation>Pegue su clave</translation>
    </message>
    <message>
        <source>Default: {model}</source>
        <translation>Predeterminado: {model}</translation>
    </message>
    <message>
        <source>Fix 1 problem to save.</source>
        <translation>Corrija 1 problema para guardar.</translation>
    </message>
    <message>
        <source>Fix {count} problems to save.</source>
        <translation>Corrija {count} problemas para guardar.</translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <translation>Guardando la clave en el llavero del sistema…</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>Se quitó la clave guardada.</translation>
    </message>
    <message>
        <source>CA certificate bundle</source>
        <translation>Paquete de certificados de CA</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation>Archivos PEM (*.pem *.crt);;Todos (*)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Prueba cancelada.</translation>
    </message>
    <message>
        <source>The test itself failed: {reason}</source>
        <translation>La propia prueba falló: {reason}</translation>
    </message>
    <message>
        <source>Playing a chime…</source>
        <translation>Reproduciendo un tono…</translation>
    </message>
    <message>
        <source>Recording 3 seconds: say something…</source>
        <translation>Grabando 3 segundos: diga algo…</translation>
    </message>
    <message>
        <source>Playing the recording back…</source>
        <translation>Reproduciendo la grabación…</translation>
    </message>
    <message>
        <source>The audio test failed: {reason}</source>
        <translation>La prueba de audio falló: {reason}</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Buscando dispositivos…</translation>
    </message>
    <message>
        <source>Could not list audio devices: {reason}</source>
        <translation>No se pudieron listar los dispositivos de audio: {reason}</translation>
    </message>
    <message>
        <source>{microphones} microphones, {speakers} speakers found.</source>
        <translation>Se encontraron {microphones} micrófonos y {speakers} altavoces.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (no conectado)</translation>
    </message>
</context>
<context>
    <name>StatusClock</name>
    <message>
        <source>connection {time}</source>
        <translation>conexión {time}</translation>
    </message>
    <message>
        <source>The service asked to end this connection (goAway); the program hands over to a new one before then, and the session goes on.</source>
        <translation>El servicio pidió cerrar esta conexión (goAway); el programa pasa a una nueva antes, y la sesión continúa.</translation>
    </message>
    <message>
        <source>session {time}</source>
        <translation>sesión {time}</translation>
    </message>
    <message>
        <source>audio and video</source>
        <translation>audio y vídeo</translation>
    </message>
    <message>
        <source>audio only</source>
        <translation>solo audio</translation>
    </message>
    <message>
        <source>Context compression is off: a session with {kind} ends after about {minutes} min. Turn compression on in Settings for longer sessions.</source>
        <translation>La compresión del contexto está desactivada: una sesión con {kind} termina tras unos {minutes} min. Active la compresión en Ajustes para sesiones más largas.</translation>
    </message>
    <message>
        <source>{countdowns} left</source>
        <translation>quedan {countdowns}</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} tokens</translation>
    </message>
    <message>
        <source> (last turn {count})</source>
        <translation> (último turno {count})</translation>
    </message>
    <message>
        <source>This session: {count} tokens</source>
        <translation>Esta sesión: {count} tokens</translation>
    </message>
    <message>
        <source>Last turn: {count} tokens</source>
        <translation>Último turno: {count} tokens</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to FieldAssist</source>
        <translation>Bienvenido a FieldAssist</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>FieldAssist talks to Gemini. Choose how to connect; you can change this later in Settings.</source>
        <translation>FieldAssist habla con Gemini. Elija cómo conectarse; puede cambiarlo más tarde en Ajustes.</translation>
    </message>
    <message>
        <source>Enter a Gemini &amp;API key</source>
        <translation>Introducir una clave de &amp;API de Gemini</translation>
    </message>
    <message>
        <source>Use &amp;Vertex AI with Application Default Credentials</source>
        <translation>Usar &amp;Vertex AI con Application Default Credentials</translation>
    </message>
    <message>
        <source>Continue with the offline &amp;simulator</source>
        <translation>Continuar con el &amp;simulador sin conexión</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Clave de API de Gemini</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <source>Create a key at &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. It is kept in the system keyring.</source>
        <translation>Cree una clave en &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. Se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Google Cloud project</source>
        <translation>Proyecto de Google Cloud</translation>
    </message>
    <message>
        <source>Google Cloud location</source>
        <translation>Región de Google Cloud</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Proyecto:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <source>Sign in first with: gcloud auth application-default login</source>
        <translation>Inicie sesión primero con: gcloud auth application-default login</translation>
    </message>
    <message>
        <source>A local stand-in that echoes what it hears. Nothing leaves this computer; useful to try the controls and the camera.</source>
        <translation>Un sustituto local que repite lo que oye. Nada sale de este equipo; útil para probar los controles y la cámara.</translation>
    </message>
    <message>
        <source>Paste your API key, or pick another option.</source>
        <translation>Pegue su clave de API o elija otra opción.</translation>
    </message>
    <message>
        <source>Enter the Google Cloud project to bill.</source>
        <translation>Introduzca el proyecto de Google Cloud que se facturará.</translation>
    </message>
    <message>
        <source>Enter a location such as us-central1.</source>
        <translation>Introduzca una región, como us-central1.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>{meter}: silent</source>
        <translation>{meter}: en silencio</translation>
    </message>
    <message>
        <source>, clipping</source>
        <translation>, saturando</translation>
    </message>
    <message>
        <source>below -60</source>
        <translation>por debajo de -60</translation>
    </message>
    <message>
        <source>{meter}: {rms} dBFS, peak {peak} dBFS{clip}</source>
        <translation>{meter}: {rms} dBFS, pico {peak} dBFS{clip}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>{meter} meter</source>
        <translation>Medidor de {meter}</translation>
    </message>
    <message>
        <source>{meter} level</source>
        <translation>Nivel de {meter}</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Escuchando</translation>
    </message>
    <message>
        <source>You are speaking</source>
        <translation>Usted está hablando</translation>
    </message>
    <message>
        <source>Assistant speaking</source>
        <translation>El asistente habla</translation>
    </message>
    <message>
        <source>Both speaking</source>
        <translation>Hablan los dos</translation>
    </message>
    <message>
        <source>Speaking indicator</source>
        <translation>Indicador de habla</translation>
    </message>
    <message>
        <source>{text}… [{hidden} more characters not shown]</source>
        <translation>{text}… [{hidden} caracteres más no mostrados]</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Herramienta</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en curso…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>Tool {name}: {status}</source>
        <translation>Herramienta {name}: {status}</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[interrumpido]</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Descartar aviso</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Descartar este aviso</translation>
    </message>
</context>
</TS>
