<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>About</name>
    <message>
        <source>The licence notices are missing from {folder} ({reason}).</source>
        <translation>Les avis de licence manquent dans {folder} ({reason}).</translation>
    </message>
    <message>
        <source>About FieldAssist</source>
        <translation>À propos de FieldAssist</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Version du programme</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>Système :</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Dossier des journaux</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Dossier des journaux :</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>Open licences &amp;folder</source>
        <translation>Ouvrir le &amp;dossier des licences</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Enregistrer un &amp;diagnostic…</translation>
    </message>
    <message>
        <source>A zip for IT support: logs, settings, devices, versions and recent messages, with keys and passwords removed</source>
        <translation>Un zip pour le support informatique : journaux, réglages, périphériques, versions et messages récents, sans clés ni mots de passe</translation>
    </message>
    <message>
        <source>Diagnostics result</source>
        <translation>Résultat du diagnostic</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>Licences :</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Enregistrer un diagnostic</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Archive zip (*.zip)</translation>
    </message>
    <message>
        <source>Saving diagnostics…</source>
        <translation>Enregistrement du diagnostic…</translation>
    </message>
    <message>
        <source>Could not save diagnostics to {path}: {reason}</source>
        <translation>Impossible d’enregistrer le diagnostic dans {path} : {reason}</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} ({size} KiB)</source>
        <translation>Diagnostic enregistré dans {path} ({size} Kio)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Camera paused</source>
        <translation>Caméra en pause</translation>
    </message>
    <message>
        <source>No video source</source>
        <translation>Aucune source vidéo</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>Vidéo terminée</translation>
    </message>
    <message>
        <source>Opening video source…</source>
        <translation>Ouverture de la source vidéo…</translation>
    </message>
    <message>
        <source>Video source lost: retrying…</source>
        <translation>Source vidéo perdue : nouvelle tentative…</translation>
    </message>
    <message>
        <source>Video source unavailable</source>
        <translation>Source vidéo indisponible</translation>
    </message>
    <message>
        <source>Video not started</source>
        <translation>Vidéo non démarrée</translation>
    </message>
    <message>
        <source>Video stopped</source>
        <translation>Vidéo arrêtée</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Démarrez la session pour envoyer un message.</translation>
    </message>
    <message>
        <source>video {fps} fps</source>
        <translation>vidéo {fps} im/s</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>Réglages non enregistrés : {reason}</translation>
    </message>
    <message>
        <source>Settings saved. {waiting}</source>
        <translation>Réglages enregistrés. {waiting}</translation>
    </message>
    <message>
        <source>The history is not available (see the log).</source>
        <translation>L&apos;historique n&apos;est pas disponible (voir le journal).</translation>
    </message>
    <message>
        <source>Allow this action?</source>
        <translation>Autoriser cette action ?</translation>
    </message>
    <message>
        <source>The assistant wants to run “{tool}”, which changes something outside this app.</source>
        <translation>L&apos;assistant veut exécuter « {tool} », qui modifie quelque chose en dehors de cette application.</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>Autoriser une fois</translation>
    </message>
    <message>
        <source>Allow for this session</source>
        <translation>Autoriser pour cette session</translation>
    </message>
    <message>
        <source>Don&apos;t allow</source>
        <translation>Ne pas autoriser</translation>
    </message>
    <message>
        <source>Could not {action} the session; see the log.</source>
        <translation>Échec de « {action} » pour la session ; voir le journal.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The details are in the log. Your transcript is kept.</source>
        <translation>Les détails sont dans le journal. Votre transcription est conservée.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Technician</source>
        <translation>Technicien</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>This session is being recorded and cannot be deleted now; delete it once it has ended.</source>
        <translation>Cette session est en cours d’enregistrement et ne peut pas être supprimée maintenant ; supprimez-la une fois terminée.</translation>
    </message>
    <message>
        <source>Deleting… (as soon as the history database can be written)</source>
        <translation>Suppression… (dès que la base de l’historique est accessible en écriture)</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>non terminée</translation>
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
        <translation>(aucune parole)</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[interrompu]</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Supprimer la session</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Historique des sessions</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>&amp;Rapport d’intervention…</translation>
    </message>
    <message>
        <source>Write the job report of the session</source>
        <translation>Rédiger le rapport d’intervention de la session</translation>
    </message>
    <message>
        <source>The job report (PDF) of the selected session</source>
        <translation>Le rapport d’intervention (PDF) de la session choisie</translation>
    </message>
    <message>
        <source>Search all sessions: words said, notes, tools…</source>
        <translation>Rechercher dans toutes les sessions : paroles, notes, outils…</translation>
    </message>
    <message>
        <source>Search all sessions</source>
        <translation>Rechercher dans toutes les sessions</translation>
    </message>
    <message>
        <source>Sessions, newest first</source>
        <translation>Sessions, les plus récentes d’abord</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Tours</translation>
    </message>
    <message>
        <source>First words</source>
        <translation>Premiers mots</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Transcript of the selected session</source>
        <translation>Transcription de la session choisie</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Exporter en &amp;Markdown…</translation>
    </message>
    <message>
        <source>Export the session as Markdown</source>
        <translation>Exporter la session en Markdown</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Exporter en &amp;JSON…</translation>
    </message>
    <message>
        <source>Export the session as JSON</source>
        <translation>Exporter la session en JSON</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>Supprimer la session</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>État de l’historique</translation>
    </message>
    <message>
        <source>The history can only be read while the app is running.</source>
        <translation>L’historique ne peut être lu que pendant que l’application fonctionne.</translation>
    </message>
    <message>
        <source>Could not read the history: {reason}</source>
        <translation>Impossible de lire l’historique : {reason}</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Meilleure correspondance</translation>
    </message>
    <message>
        <source>“{query}” found in {count} sessions.</source>
        <translation>« {query} » trouvé dans {count} sessions.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Rien trouvé pour « {query} ».</translation>
    </message>
    <message>
        <source>No sessions recorded yet.</source>
        <translation>Aucune session enregistrée pour l’instant.</translation>
    </message>
    <message>
        <source>Could not read session {session}: {reason}</source>
        <translation>Impossible de lire la session {session} : {reason}</translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation>{count} entrées.</translation>
    </message>
    <message>
        <source>Writing the job report of session {session}…</source>
        <translation>Rédaction du rapport d’intervention de la session {session}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exporté vers {path}</translation>
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
        <translation>Exporter la session</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Export vers {path}…</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Échec de l’export : {reason}</translation>
    </message>
    <message>
        <source>Delete the session of {started} ({turns} turns)? Its transcript, tool calls and snapshots (the picture files too) cannot be recovered.</source>
        <translation>Supprimer la session du {started} ({turns} tours) ? Sa transcription, ses appels d’outils et ses captures (y compris les fichiers image) seront perdus définitivement.</translation>
    </message>
    <message>
        <source>Could not delete the session: {reason}</source>
        <translation>Impossible de supprimer la session : {reason}</translation>
    </message>
    <message>
        <source>Session deleted.</source>
        <translation>Session supprimée.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation>Inspecteur de messages</translation>
    </message>
    <message>
        <source>Filter by direction (in, out) or type, e.g. “{example}”</source>
        <translation>Filtrer par sens (in, out) ou type, p. ex. « {example} »</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Filtrer les messages</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtre :</translation>
    </message>
    <message>
        <source>Message count</source>
        <translation>Nombre de messages</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Vider</translation>
    </message>
    <message>
        <source>Clear the message list</source>
        <translation>Vider la liste des messages</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export the messages as JSON Lines</source>
        <translation>Exporter les messages en JSON Lines</translation>
    </message>
    <message>
        <source>Save the messages held here as JSON Lines, for IT support</source>
        <translation>Enregistrer les messages conservés ici en JSON Lines, pour le support informatique</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Résultat de l’export</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Échec de l’export : {reason}</translation>
    </message>
    <message>
        <source>Exported {count} messages to {file}</source>
        <translation>{count} messages exportés vers {file}</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>Exporter les messages</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>{held} messages</source>
        <translation>{held} messages</translation>
    </message>
    <message>
        <source>{shown} of {held} messages</source>
        <translation>{shown} sur {held} messages</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop session</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Micro actif</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Muet</translation>
    </message>
    <message>
        <source>Pause camera</source>
        <translation>Pause caméra</translation>
    </message>
    <message>
        <source>Resume camera</source>
        <translation>Reprendre caméra</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Caméra éteinte</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Aperçu de la caméra</translation>
    </message>
    <message>
        <source>Drag over the picture to black out a region before it is sent</source>
        <translation>Faites glisser sur l’image pour masquer une zone avant l’envoi</translation>
    </message>
    <message>
        <source>Job / ticket</source>
        <translation>Intervention / ticket</translation>
    </message>
    <message>
        <source>e.g. WO-4711</source>
        <translation>p. ex. WO-4711</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>where</source>
        <translation>où</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Équipement</translation>
    </message>
    <message>
        <source>what is worked on</source>
        <translation>sur quoi on travaille</translation>
    </message>
    <message>
        <source>Connect and start talking (Ctrl+Return)</source>
        <translation>Se connecter et commencer à parler (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation>Ne plus envoyer le micro (Ctrl+M)</translation>
    </message>
    <message>
        <source>Pause or resume the camera (Ctrl+K)</source>
        <translation>Mettre en pause ou reprendre la caméra (Ctrl+K)</translation>
    </message>
    <message>
        <source>Headset mode</source>
        <translation>Mode casque</translation>
    </message>
    <message>
        <source>On: no echo cancellation (you wear a headset). Off: speaker mode for the laptop&apos;s own speakers (Ctrl+E)</source>
        <translation>Activé : pas d’annulation d’écho (vous portez un casque). Désactivé : mode haut-parleur pour les haut-parleurs du portable (Ctrl+E)</translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation>Parler</translation>
    </message>
    <message>
        <source>Hold to speak (or hold F9); release to finish</source>
        <translation>Maintenir pour parler (ou maintenir F9) ; relâcher pour terminer</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Send the current picture at full resolution and save it (F8)</source>
        <translation>Envoyer l’image actuelle en pleine résolution et l’enregistrer (F8)</translation>
    </message>
    <message>
        <source>Clear masks</source>
        <translation>Effacer masques</translation>
    </message>
    <message>
        <source>Remove the blacked-out regions</source>
        <translation>Retirer les zones masquées</translation>
    </message>
    <message>
        <source>Video source: camera index, camera:NAME, a file, an rtsp:// or http:// URL, screen, screen:N or none (Enter to switch)</source>
        <translation>Source vidéo : numéro de caméra, camera:NOM, un fichier, une URL rtsp:// ou http://, screen, screen:N ou none (Entrée pour changer)</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Source vidéo</translation>
    </message>
    <message>
        <source>{label}: in the job report&apos;s header</source>
        <translation>{label} : dans l’en-tête du rapport d’intervention</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <source>Write the job report of the last session (Ctrl+R)</source>
        <translation>Rédiger le rapport d’intervention de la dernière session (Ctrl+R)</translation>
    </message>
    <message>
        <source>Type to the assistant and press Enter…</source>
        <translation>Écrivez à l’assistant et appuyez sur Entrée…</translation>
    </message>
    <message>
        <source>Message to the assistant</source>
        <translation>Message à l’assistant</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the typed message (Enter)</source>
        <translation>Envoyer le message saisi (Entrée)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label} :</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Video frames sent per second</source>
        <translation>Images vidéo envoyées par seconde</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Haut-parleur</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>Past sessions and exports</source>
        <translation>Sessions passées et exports</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>&amp;Rapport d’intervention…</translation>
    </message>
    <message>
        <source>The last session&apos;s job report</source>
        <translation>Le rapport d’intervention de la dernière session</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Réglages…</translation>
    </message>
    <message>
        <source>Connection, audio, video</source>
        <translation>Connexion, audio, vidéo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Stop the session and close</source>
        <translation>Arrêter la session et fermer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspecteur</translation>
    </message>
    <message>
        <source>Messages to and from the service</source>
        <translation>Messages échangés avec le service</translation>
    </message>
    <message>
        <source>Share a screen &amp;region…</source>
        <translation>Partager une &amp;zone de l’écran…</translation>
    </message>
    <message>
        <source>Drag a rectangle over the desktop to share it</source>
        <translation>Tracez un rectangle sur le bureau pour le partager</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>Where the logs are kept</source>
        <translation>Où les journaux sont conservés</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Enregistrer un &amp;diagnostic…</translation>
    </message>
    <message>
        <source>A zip for IT support, with no keys or passwords</source>
        <translation>Un zip pour le support informatique, sans clés ni mots de passe</translation>
    </message>
    <message>
        <source>&amp;About FieldAssist</source>
        <translation>&amp;À propos de FieldAssist</translation>
    </message>
    <message>
        <source>Version, licences, logs</source>
        <translation>Version, licences, journaux</translation>
    </message>
</context>
<context>
    <name>Manuals</name>
    <message>
        <source>&amp;Manuals</source>
        <translation>&amp;Manuels</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Dossier des manuels</translation>
    </message>
    <message>
        <source>PDF, Markdown and text documents the assistant may search</source>
        <translation>Documents PDF, Markdown et texte que l’assistant peut consulter</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the manuals folder</source>
        <translation>Choisir le dossier des manuels</translation>
    </message>
    <message>
        <source>Manuals &amp;folder:</source>
        <translation>&amp;Dossier des manuels :</translation>
    </message>
    <message>
        <source>Documents indexed</source>
        <translation>Documents indexés</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progression de l’indexation</translation>
    </message>
    <message>
        <source>&amp;Re-index now</source>
        <translation>&amp;Réindexer maintenant</translation>
    </message>
    <message>
        <source>Re-index the manuals</source>
        <translation>Réindexer les manuels</translation>
    </message>
    <message>
        <source>Indexing result</source>
        <translation>Résultat de l’indexation</translation>
    </message>
    <message>
        <source>Not indexed yet</source>
        <translation>Pas encore indexé</translation>
    </message>
    <message>
        <source>{count} documents indexed</source>
        <translation>{count} documents indexés</translation>
    </message>
    <message>
        <source>%v of %m {document}</source>
        <translation>%v sur %m {document}</translation>
    </message>
    <message>
        <source>; {count} could not be read</source>
        <translation> ; {count} illisibles</translation>
    </message>
    <message>
        <source>Done: {read} of {total} documents read{failed}.</source>
        <translation>Terminé : {read} documents lus sur {total}{failed}.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connected (rotating connection soon)</source>
        <translation>Connecté (changement de connexion imminent)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>Session arrêtée</translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation>Échec de la session</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Démarrez la session pour envoyer un message.</translation>
    </message>
    <message>
        <source>Still reconnecting: older microphone audio was dropped.</source>
        <translation>Reconnexion toujours en cours : l’audio du micro le plus ancien a été abandonné.</translation>
    </message>
    <message>
        <source>The session failed.</source>
        <translation>La session a échoué.</translation>
    </message>
    <message>
        <source>The session was restored from the local transcript.</source>
        <translation>La session a été restaurée à partir de la transcription locale.</translation>
    </message>
    <message>
        <source>Offline simulator: add a Gemini API key in Settings to talk to Gemini</source>
        <translation>Simulateur hors ligne : ajoutez une clé API Gemini dans les Réglages pour parler à Gemini</translation>
    </message>
    <message>
        <source>Session saved. Write its job report with Report… (Ctrl+R).</source>
        <translation>Session enregistrée. Rédigez son rapport d’intervention avec Rapport… (Ctrl+R).</translation>
    </message>
    <message>
        <source>A job report is already being written.</source>
        <translation>Un rapport d’intervention est déjà en cours de rédaction.</translation>
    </message>
    <message>
        <source>The history is not available, so no report can be made.</source>
        <translation>L’historique n’est pas disponible : aucun rapport ne peut être rédigé.</translation>
    </message>
    <message>
        <source>Writing the job report…</source>
        <translation>Rédaction du rapport d’intervention…</translation>
    </message>
    <message>
        <source>The job report was not written: {reason}</source>
        <translation>Le rapport d’intervention n’a pas été rédigé : {reason}</translation>
    </message>
    <message>
        <source>Job report saved without the summary ({problem}): {path}. Write it again when online to add the summary.</source>
        <translation>Rapport d’intervention enregistré sans résumé ({problem}) : {path}. Rédigez-le de nouveau une fois en ligne pour ajouter le résumé.</translation>
    </message>
    <message>
        <source>Job report saved: {path}</source>
        <translation>Rapport d’intervention enregistré : {path}</translation>
    </message>
    <message>
        <source>No camera picture to take a snapshot of.</source>
        <translation>Aucune image de la caméra à capturer.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Desktop picture: drag over the region to share</source>
        <translation>Image du bureau : faites glisser sur la zone à partager</translation>
    </message>
    <message>
        <source>Share a screen region</source>
        <translation>Partager une zone de l’écran</translation>
    </message>
    <message>
        <source>Region picker message</source>
        <translation>Message du sélecteur de zone</translation>
    </message>
    <message>
        <source>Share this region</source>
        <translation>Partager cette zone</translation>
    </message>
    <message>
        <source>Drag a rectangle over the part of the screen to share.</source>
        <translation>Tracez un rectangle sur la partie de l’écran à partager.</translation>
    </message>
</context>
<context>
    <name>ReportSettings</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Nom du technicien</translation>
    </message>
    <message>
        <source>as it should appear on the job reports</source>
        <translation>tel qu’il doit figurer sur les rapports d’intervention</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>&amp;Technicien :</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Dossier des rapports</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the reports folder</source>
        <translation>Choisir le dossier des rapports</translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation>&amp;Dossier des rapports :</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modèle de résumé</translation>
    </message>
    <message>
        <source>The text model that writes the report&apos;s summary from the session&apos;s record (one request per report); empty: the default</source>
        <translation>Le modèle de texte qui rédige le résumé du rapport à partir de l’enregistrement de la session (une requête par rapport) ; vide : celui par défaut</translation>
    </message>
    <message>
        <source>Summary &amp;model:</source>
        <translation>&amp;Modèle de résumé :</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Delete sessions older than</source>
        <translation>Supprimer les sessions plus anciennes que</translation>
    </message>
    <message>
        <source>&amp;Delete sessions after:</source>
        <translation>&amp;Supprimer les sessions après :</translation>
    </message>
    <message>
        <source>Sessions older than this are deleted with their snapshots when a session starts. Reports already written are not touched.</source>
        <translation>Les sessions plus anciennes sont supprimées avec leurs captures au démarrage d’une session. Les rapports déjà rédigés ne sont pas touchés.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>must be a URL such as https://gateway.example.com (scheme and host)</source>
        <translation>doit être une URL comme https://gateway.example.com (schéma et hôte)</translation>
    </message>
    <message>
        <source>must be a project ID: 6-30 lowercase letters, digits or hyphens, from a letter</source>
        <translation>doit être un ID de projet : 6 à 30 minuscules, chiffres ou tirets, commençant par une lettre</translation>
    </message>
    <message>
        <source>must be a location such as us-central1, europe-west4 or global</source>
        <translation>doit être une région comme us-central1, europe-west4 ou global</translation>
    </message>
    <message>
        <source>must be a language tag such as en-US or de-DE, or empty</source>
        <translation>doit être un code de langue comme en-US ou de-DE, ou vide</translation>
    </message>
    <message>
        <source>must be a name without spaces</source>
        <translation>doit être un nom sans espaces</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point d’accès</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier d’AC</translation>
    </message>
    <message>
        <source>Context compression</source>
        <translation>Compression du contexte</translation>
    </message>
    <message>
        <source>Session resumption</source>
        <translation>Reprise de session</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voix</translation>
    </message>
    <message>
        <source>Response language</source>
        <translation>Langue des réponses</translation>
    </message>
    <message>
        <source>System instruction</source>
        <translation>Instruction système</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Haut-parleur</translation>
    </message>
    <message>
        <source>Microphone gain</source>
        <translation>Gain du micro</translation>
    </message>
    <message>
        <source>Speaker volume</source>
        <translation>Volume du haut-parleur</translation>
    </message>
    <message>
        <source>Speech detection sensitivity</source>
        <translation>Sensibilité de détection de la parole</translation>
    </message>
    <message>
        <source>Silence that ends a turn</source>
        <translation>Silence qui termine un tour</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Annulation d’écho</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Interruption immédiate</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Appuyer pour parler</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Dossier des manuels</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Source vidéo</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>Images par seconde</translation>
    </message>
    <message>
        <source>Longest side of sent frames</source>
        <translation>Plus grand côté des images envoyées</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>Qualité JPEG</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Nom du technicien</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Dossier des rapports</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modèle de résumé</translation>
    </message>
    <message>
        <source>Delete sessions older than (days, 0 = never)</source>
        <translation>Supprimer les sessions après (jours, 0 = jamais)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Niveau de journal</translation>
    </message>
    <message>
        <source>First run done</source>
        <translation>Premier lancement effectué</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <source>{names} applies at the next connection you start.</source>
        <translation>{names} s’applique à la prochaine connexion que vous lancerez.</translation>
    </message>
    <message>
        <source>{names} apply at the next connection you start.</source>
        <translation>{names} s’appliquent à la prochaine connexion que vous lancerez.</translation>
    </message>
    <message>
        <source>{names} applies when the next session starts.</source>
        <translation>{names} s’applique au démarrage de la prochaine session.</translation>
    </message>
    <message>
        <source>{names} apply when the next session starts.</source>
        <translation>{names} s’appliquent au démarrage de la prochaine session.</translation>
    </message>
    <message>
        <source>{names} applies when FieldAssist starts again.</source>
        <translation>{names} s’applique au prochain démarrage de FieldAssist.</translation>
    </message>
    <message>
        <source>{names} apply when FieldAssist starts again.</source>
        <translation>{names} s’appliquent au prochain démarrage de FieldAssist.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic: Gemini API when a key is available, else the simulator</source>
        <translation>Automatique : API Gemini si une clé est disponible, sinon le simulateur</translation>
    </message>
    <message>
        <source>Gemini API (API key)</source>
        <translation>API Gemini (clé API)</translation>
    </message>
    <message>
        <source>Vertex AI (project, location, Application Default Credentials)</source>
        <translation>Vertex AI (projet, région, Application Default Credentials)</translation>
    </message>
    <message>
        <source>Offline simulator</source>
        <translation>Simulateur hors ligne</translation>
    </message>
    <message>
        <source>Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /path/to/video.mp4, none</source>
        <translation>Exemples : 0 (première caméra), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /chemin/vers/video.mp4, none</translation>
    </message>
    <message>
        <source>Looking in the system keyring…</source>
        <translation>Recherche dans le trousseau du système…</translation>
    </message>
    <message>
        <source>Speaker mode (echo cancellation on)</source>
        <translation>Mode haut-parleur (annulation d’écho activée)</translation>
    </message>
    <message>
        <source>Headset mode (echo cancellation off)</source>
        <translation>Mode casque (annulation d’écho désactivée)</translation>
    </message>
    <message>
        <source>An API key has no spaces in it; paste it again.</source>
        <translation>Une clé API ne contient pas d’espaces ; collez-la de nouveau.</translation>
    </message>
    <message>
        <source>The Gemini API needs a key: enter one here or set GEMINI_API_KEY.</source>
        <translation>L’API Gemini nécessite une clé : saisissez-la ici ou définissez GEMINI_API_KEY.</translation>
    </message>
    <message>
        <source>{setting} {rule}.</source>
        <translation>{setting} : {rule}.</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>Aucun fichier à {path}.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>Co&amp;nnexion</translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation>Con&amp;versation</translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation>&amp;Audio</translation>
    </message>
    <message>
        <source>V&amp;ideo</source>
        <translation>V&amp;idéo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Sections des réglages</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les réglages</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Annuler sans enregistrer</translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation>Problèmes à corriger</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Service :</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Clé API Gemini</translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in the settings file</source>
        <translation>Conservée dans le trousseau du système, jamais dans le fichier de réglages</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>&amp;Retirer la clé enregistrée</translation>
    </message>
    <message>
        <source>Remove the stored API key</source>
        <translation>Retirer la clé API enregistrée</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé API :</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_PROJECT or the ADC project</source>
        <translation>Depuis GOOGLE_CLOUD_PROJECT ou le projet ADC</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projet :</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_LOCATION, e.g. us-central1</source>
        <translation>Depuis GOOGLE_CLOUD_LOCATION, p. ex. us-central1</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>Ré&amp;gion :</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>Default Google endpoint; set for a corporate gateway</source>
        <translation>Point d’accès Google par défaut ; à définir pour une passerelle d’entreprise</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Point d’accès :</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Certificats du système uniquement</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Choisir un fichier de certificat d’AC</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Fichier d’&amp;AC :</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>Not available in this build</source>
        <translation>Non disponible dans cette version</translation>
    </message>
    <message>
        <source>The model&apos;s default voice</source>
        <translation>La voix par défaut du modèle</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>V&amp;oix :</translation>
    </message>
    <message>
        <source>As the interface: {language}</source>
        <translation>Comme l’interface : {language}</translation>
    </message>
    <message>
        <source>The model decides</source>
        <translation>Le modèle décide</translation>
    </message>
    <message>
        <source>Response &amp;language:</source>
        <translation>&amp;Langue des réponses :</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The window&apos;s language; it changes when FieldAssist starts again</source>
        <translation>La langue de la fenêtre ; elle change au prochain démarrage de FieldAssist</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>Langue de l’&amp;interface :</translation>
    </message>
    <message>
        <source>&amp;System instruction:</source>
        <translation>Instruction &amp;système :</translation>
    </message>
    <message>
        <source>&amp;Restore default instruction</source>
        <translation>&amp;Rétablir l’instruction par défaut</translation>
    </message>
    <message>
        <source>Restore the default system instruction</source>
        <translation>Rétablir l’instruction système par défaut</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Micro :</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>&amp;Haut-parleur :</translation>
    </message>
    <message>
        <source>Re&amp;fresh devices</source>
        <translation>Actualiser les &amp;périphériques</translation>
    </message>
    <message>
        <source>Refresh the device lists</source>
        <translation>Actualiser les listes de périphériques</translation>
    </message>
    <message>
        <source>&amp;Echo cancellation:</source>
        <translation>Annulation d’é&amp;cho :</translation>
    </message>
    <message>
        <source>Instant &amp;barge-in: stop the reply on this computer once I have spoken for 0.25 s</source>
        <translation>&amp;Interruption immédiate : arrêter la réponse sur cet ordinateur dès que j’ai parlé 0,25 s</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Interruption immédiate</translation>
    </message>
    <message>
        <source>P&amp;ush-to-talk (send the microphone only while held)</source>
        <translation>Appuyer pour parler (envoyer le micro seulement en &amp;maintenant)</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Appuyer pour parler</translation>
    </message>
    <message>
        <source>Speech &amp;detection sensitivity:</source>
        <translation>Sensibilité de &amp;détection de la parole :</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Valeur du serveur</translation>
    </message>
    <message>
        <source>Silence &amp;that ends a turn:</source>
        <translation>Silence qui &amp;termine un tour :</translation>
    </message>
    <message>
        <source>Speaker v&amp;olume:</source>
        <translation>V&amp;olume du haut-parleur :</translation>
    </message>
    <message>
        <source>Microphone &amp;gain:</source>
        <translation>&amp;Gain du micro :</translation>
    </message>
    <message>
        <source>Test spea&amp;ker</source>
        <translation>Tester le &amp;haut-parleur</translation>
    </message>
    <message>
        <source>Test speaker: play a short chime</source>
        <translation>Tester le haut-parleur : jouer un court carillon</translation>
    </message>
    <message>
        <source>Test mi&amp;crophone</source>
        <translation>Tester le mi&amp;cro</translation>
    </message>
    <message>
        <source>Test microphone: record 3 seconds and play them back</source>
        <translation>Tester le micro : enregistrer 3 secondes et les réécouter</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
    </message>
    <message>
        <source>Audio test result</source>
        <translation>Résultat du test audio</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source :</translation>
    </message>
    <message>
        <source>&amp;Frames per second:</source>
        <translation>&amp;Images par seconde :</translation>
    </message>
    <message>
        <source>&amp;Longest side:</source>
        <translation>Plus &amp;grand côté :</translation>
    </message>
    <message>
        <source>&amp;JPEG quality:</source>
        <translation>Qualité &amp;JPEG :</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problème : {field}</translation>
    </message>
    <message>
        <source>{variable} is set in the environment and overrides a stored key.</source>
        <translation>{variable} est défini dans l’environnement et prime sur une clé enregistrée.</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation>Une clé est enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation>Aucune clé enregistrée pour l’instant.</translation>
    </message>
    <message>
        <source>Type a new key to replace the stored one</source>
        <translation>Saisissez une nouvelle clé pour remplacer celle enregistrée</translation>
    </message>
    <message>
        <source>Paste your key</source>
        <translation>Collez votre clé</translation>
    </message>
    <message>
        <source>Default: {model}</source>
        <translation>Par défaut : {model}</translation>
    </message>
    <message>
        <source>Fix 1 problem to save.</source>
        <translation>Corrigez 1 problème pour enregistrer.</translation>
    </message>
    <message>
        <source>Fix {count} problems to save.</source>
        <translation>Corrigez {count} problèmes pour enregistrer.</translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <translation>Enregistrement de la clé dans le trousseau du système…</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>La clé enregistrée a été retirée.</translation>
    </message>
    <message>
        <source>CA certificate bundle</source>
        <translation>Paquet de certificats d’AC</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation>Fichiers PEM (*.pem *.crt);;Tous (*)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>The test itself failed: {reason}</source>
        <translation>Le test lui-même a échoué : {reason}</translation>
    </message>
    <message>
        <source>Playing a chime…</source>
        <translation>Lecture d’un carillon…</translation>
    </message>
    <message>
        <source>Recording 3 seconds: say something…</source>
        <translation>Enregistrement de 3 secondes : dites quelque chose…</translation>
    </message>
    <message>
        <source>Playing the recording back…</source>
        <translation>Lecture de l’enregistrement…</translation>
    </message>
    <message>
        <source>The audio test failed: {reason}</source>
        <translation>Le test audio a échoué : {reason}</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Recherche des périphériques…</translation>
    </message>
    <message>
        <source>Could not list audio devices: {reason}</source>
        <translation>Impossible de lister les périphériques audio : {reason}</translation>
    </message>
    <message>
        <source>{microphones} microphones, {speakers} speakers found.</source>
        <translation>{microphones} micros, {speakers} haut-parleurs trouvés.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (non branché)</translation>
    </message>
</context>
<context>
    <name>StatusClock</name>
    <message>
        <source>connection {time}</source>
        <translation>connexion {time}</translation>
    </message>
    <message>
        <source>The service asked to end this connection (goAway); the program hands over to a new one before then, and the session goes on.</source>
        <translation>Le service a demandé de fermer cette connexion (goAway) ; le programme passe à une nouvelle avant, et la session continue.</translation>
    </message>
    <message>
        <source>session {time}</source>
        <translation>session {time}</translation>
    </message>
    <message>
        <source>audio and video</source>
        <translation>audio et vidéo</translation>
    </message>
    <message>
        <source>audio only</source>
        <translation>audio seul</translation>
    </message>
    <message>
        <source>Context compression is off: a session with {kind} ends after about {minutes} min. Turn compression on in Settings for longer sessions.</source>
        <translation>La compression du contexte est désactivée : une session avec {kind} s’arrête après environ {minutes} min. Activez la compression dans les Réglages pour des sessions plus longues.</translation>
    </message>
    <message>
        <source>{countdowns} left</source>
        <translation>{countdowns} restantes</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} jetons</translation>
    </message>
    <message>
        <source> (last turn {count})</source>
        <translation> (dernier tour {count})</translation>
    </message>
    <message>
        <source>This session: {count} tokens</source>
        <translation>Cette session : {count} jetons</translation>
    </message>
    <message>
        <source>Last turn: {count} tokens</source>
        <translation>Dernier tour : {count} jetons</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to FieldAssist</source>
        <translation>Bienvenue dans FieldAssist</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>FieldAssist talks to Gemini. Choose how to connect; you can change this later in Settings.</source>
        <translation>FieldAssist dialogue avec Gemini. Choisissez comment vous connecter ; vous pourrez le modifier plus tard dans les Réglages.</translation>
    </message>
    <message>
        <source>Enter a Gemini &amp;API key</source>
        <translation>Saisir une clé &amp;API Gemini</translation>
    </message>
    <message>
        <source>Use &amp;Vertex AI with Application Default Credentials</source>
        <translation>Utiliser &amp;Vertex AI avec Application Default Credentials</translation>
    </message>
    <message>
        <source>Continue with the offline &amp;simulator</source>
        <translation>Continuer avec le &amp;simulateur hors ligne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Clé API Gemini</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <source>Create a key at &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. It is kept in the system keyring.</source>
        <translation>Créez une clé sur &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. Elle est conservée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Google Cloud project</source>
        <translation>Projet Google Cloud</translation>
    </message>
    <message>
        <source>Google Cloud location</source>
        <translation>Région Google Cloud</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projet :</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>Ré&amp;gion :</translation>
    </message>
    <message>
        <source>Sign in first with: gcloud auth application-default login</source>
        <translation>Connectez-vous d’abord avec : gcloud auth application-default login</translation>
    </message>
    <message>
        <source>A local stand-in that echoes what it hears. Nothing leaves this computer; useful to try the controls and the camera.</source>
        <translation>Un substitut local qui répète ce qu’il entend. Rien ne quitte cet ordinateur ; utile pour essayer les commandes et la caméra.</translation>
    </message>
    <message>
        <source>Paste your API key, or pick another option.</source>
        <translation>Collez votre clé API ou choisissez une autre option.</translation>
    </message>
    <message>
        <source>Enter the Google Cloud project to bill.</source>
        <translation>Saisissez le projet Google Cloud à facturer.</translation>
    </message>
    <message>
        <source>Enter a location such as us-central1.</source>
        <translation>Saisissez une région, par exemple us-central1.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>{meter}: silent</source>
        <translation>{meter} : silencieux</translation>
    </message>
    <message>
        <source>, clipping</source>
        <translation>, saturation</translation>
    </message>
    <message>
        <source>below -60</source>
        <translation>sous -60</translation>
    </message>
    <message>
        <source>{meter}: {rms} dBFS, peak {peak} dBFS{clip}</source>
        <translation>{meter} : {rms} dBFS, crête {peak} dBFS{clip}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>{meter} meter</source>
        <translation>Indicateur {meter}</translation>
    </message>
    <message>
        <source>{meter} level</source>
        <translation>Niveau {meter}</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>À l’écoute</translation>
    </message>
    <message>
        <source>You are speaking</source>
        <translation>Vous parlez</translation>
    </message>
    <message>
        <source>Assistant speaking</source>
        <translation>L’assistant parle</translation>
    </message>
    <message>
        <source>Both speaking</source>
        <translation>Vous parlez tous les deux</translation>
    </message>
    <message>
        <source>Speaking indicator</source>
        <translation>Indicateur de parole</translation>
    </message>
    <message>
        <source>{text}… [{hidden} more characters not shown]</source>
        <translation>{text}… [{hidden} caractères de plus non affichés]</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Tool {name}: {status}</source>
        <translation>Outil {name} : {status}</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[interrompu]</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Fermer l’avis</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
</context>
</TS>
