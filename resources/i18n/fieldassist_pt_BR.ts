<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>About</name>
    <message>
        <source>The licence notices are missing from {folder} ({reason}).</source>
        <translation>Os avisos de licença estão faltando em {folder} ({reason}).</translation>
    </message>
    <message>
        <source>About FieldAssist</source>
        <translation>Sobre o FieldAssist</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Versão do programa</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>Sistema:</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Pasta de logs</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Pasta de logs:</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licenças</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir a pasta de &amp;logs</translation>
    </message>
    <message>
        <source>Open licences &amp;folder</source>
        <translation>Abrir a &amp;pasta de licenças</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Salvar &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>A zip for IT support: logs, settings, devices, versions and recent messages, with keys and passwords removed</source>
        <translation>Um zip para o suporte de TI: logs, configurações, dispositivos, versões e mensagens recentes, sem chaves nem senhas</translation>
    </message>
    <message>
        <source>Diagnostics result</source>
        <translation>Resultado do diagnóstico</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>Licenças:</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>Salvar diagnóstico</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Arquivo zip (*.zip)</translation>
    </message>
    <message>
        <source>Saving diagnostics…</source>
        <translation>Salvando o diagnóstico…</translation>
    </message>
    <message>
        <source>Could not save diagnostics to {path}: {reason}</source>
        <translation>Não foi possível salvar o diagnóstico em {path}: {reason}</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} ({size} KiB)</source>
        <translation>Diagnóstico salvo em {path} ({size} KiB)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Camera paused</source>
        <translation>Câmera pausada</translation>
    </message>
    <message>
        <source>No video source</source>
        <translation>Sem fonte de vídeo</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>Vídeo terminado</translation>
    </message>
    <message>
        <source>Opening video source…</source>
        <translation>Abrindo a fonte de vídeo…</translation>
    </message>
    <message>
        <source>Video source lost: retrying…</source>
        <translation>Fonte de vídeo perdida: tentando de novo…</translation>
    </message>
    <message>
        <source>Video source unavailable</source>
        <translation>Fonte de vídeo indisponível</translation>
    </message>
    <message>
        <source>Video not started</source>
        <translation>Vídeo não iniciado</translation>
    </message>
    <message>
        <source>Video stopped</source>
        <translation>Vídeo parado</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Inicie a sessão para enviar uma mensagem.</translation>
    </message>
    <message>
        <source>video {fps} fps</source>
        <translation>vídeo {fps} fps</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>Configurações não salvas: {reason}</translation>
    </message>
    <message>
        <source>Settings saved. {waiting}</source>
        <translation>Configurações salvas. {waiting}</translation>
    </message>
    <message>
        <source>The history is not available (see the log).</source>
        <translation>O histórico não está disponível (veja o log).</translation>
    </message>
    <message>
        <source>Allow this action?</source>
        <translation>Permitir esta ação?</translation>
    </message>
    <message>
        <source>The assistant wants to run “{tool}”, which changes something outside this app.</source>
        <translation>O assistente quer executar “{tool}”, que altera algo fora deste aplicativo.</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>Permitir uma vez</translation>
    </message>
    <message>
        <source>Allow for this session</source>
        <translation>Permitir nesta sessão</translation>
    </message>
    <message>
        <source>Don&apos;t allow</source>
        <translation>Não permitir</translation>
    </message>
    <message>
        <source>Could not {action} the session; see the log.</source>
        <translation>Falha em “{action}” na sessão; veja o log.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The details are in the log. Your transcript is kept.</source>
        <translation>Os detalhes estão no log. Sua transcrição foi mantida.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir a pasta de logs</translation>
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
        <translation>Assistente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>recusada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>This session is being recorded and cannot be deleted now; delete it once it has ended.</source>
        <translation>Esta sessão está sendo gravada e não pode ser excluída agora; exclua-a quando terminar.</translation>
    </message>
    <message>
        <source>Deleting… (as soon as the history database can be written)</source>
        <translation>Excluindo… (assim que o banco de dados do histórico puder ser gravado)</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>não encerrada</translation>
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
        <translation>(sem palavras)</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[interrompido]</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Excluir sessão</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Histórico de sessões</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>&amp;Relatório de serviço…</translation>
    </message>
    <message>
        <source>Write the job report of the session</source>
        <translation>Escrever o relatório de serviço da sessão</translation>
    </message>
    <message>
        <source>The job report (PDF) of the selected session</source>
        <translation>O relatório de serviço (PDF) da sessão selecionada</translation>
    </message>
    <message>
        <source>Search all sessions: words said, notes, tools…</source>
        <translation>Pesquisar em todas as sessões: falas, notas, ferramentas…</translation>
    </message>
    <message>
        <source>Search all sessions</source>
        <translation>Pesquisar em todas as sessões</translation>
    </message>
    <message>
        <source>Sessions, newest first</source>
        <translation>Sessões, mais recentes primeiro</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>Turnos</translation>
    </message>
    <message>
        <source>First words</source>
        <translation>Primeiras palavras</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Transcript of the selected session</source>
        <translation>Transcrição da sessão selecionada</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Exportar em &amp;Markdown…</translation>
    </message>
    <message>
        <source>Export the session as Markdown</source>
        <translation>Exportar a sessão em Markdown</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Exportar em &amp;JSON…</translation>
    </message>
    <message>
        <source>Export the session as JSON</source>
        <translation>Exportar a sessão em JSON</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Excluir…</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>Excluir a sessão</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Status do histórico</translation>
    </message>
    <message>
        <source>The history can only be read while the app is running.</source>
        <translation>O histórico só pode ser lido enquanto o aplicativo está em execução.</translation>
    </message>
    <message>
        <source>Could not read the history: {reason}</source>
        <translation>Não foi possível ler o histórico: {reason}</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Melhor correspondência</translation>
    </message>
    <message>
        <source>“{query}” found in {count} sessions.</source>
        <translation>“{query}” encontrado em {count} sessões.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Nada encontrado para “{query}”.</translation>
    </message>
    <message>
        <source>No sessions recorded yet.</source>
        <translation>Nenhuma sessão gravada ainda.</translation>
    </message>
    <message>
        <source>Could not read session {session}: {reason}</source>
        <translation>Não foi possível ler a sessão {session}: {reason}</translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation>{count} entradas.</translation>
    </message>
    <message>
        <source>Writing the job report of session {session}…</source>
        <translation>Escrevendo o relatório de serviço da sessão {session}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>Exportado para {path}</translation>
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
        <translation>Exportar sessão</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Exportando para {path}…</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Falha na exportação: {reason}</translation>
    </message>
    <message>
        <source>Delete the session of {started} ({turns} turns)? Its transcript, tool calls and snapshots (the picture files too) cannot be recovered.</source>
        <translation>Excluir a sessão de {started} ({turns} turnos)? A transcrição, as chamadas de ferramentas e os instantâneos (inclusive os arquivos de imagem) não poderão ser recuperados.</translation>
    </message>
    <message>
        <source>Could not delete the session: {reason}</source>
        <translation>Não foi possível excluir a sessão: {reason}</translation>
    </message>
    <message>
        <source>Session deleted.</source>
        <translation>Sessão excluída.</translation>
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
        <translation>Direção</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation>Inspetor de mensagens</translation>
    </message>
    <message>
        <source>Filter by direction (in, out) or type, e.g. “{example}”</source>
        <translation>Filtrar por direção (in, out) ou tipo, p. ex. “{example}”</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>Filtrar mensagens</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message>
        <source>Message count</source>
        <translation>Número de mensagens</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Limpar</translation>
    </message>
    <message>
        <source>Clear the message list</source>
        <translation>Limpar a lista de mensagens</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Export the messages as JSON Lines</source>
        <translation>Exportar as mensagens em JSON Lines</translation>
    </message>
    <message>
        <source>Save the messages held here as JSON Lines, for IT support</source>
        <translation>Salvar as mensagens guardadas aqui em JSON Lines, para o suporte de TI</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Resultado da exportação</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>Falha na exportação: {reason}</translation>
    </message>
    <message>
        <source>Exported {count} messages to {file}</source>
        <translation>{count} mensagens exportadas para {file}</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>Exportar mensagens</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>{held} messages</source>
        <translation>{held} mensagens</translation>
    </message>
    <message>
        <source>{shown} of {held} messages</source>
        <translation>{shown} de {held} mensagens</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop session</source>
        <translation>Encerrar sessão</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Iniciar sessão</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ativar microfone</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Pause camera</source>
        <translation>Pausar câmera</translation>
    </message>
    <message>
        <source>Resume camera</source>
        <translation>Retomar câmera</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Câmera desligada</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Prévia da câmera</translation>
    </message>
    <message>
        <source>Drag over the picture to black out a region before it is sent</source>
        <translation>Arraste sobre a imagem para tampar uma área antes do envio</translation>
    </message>
    <message>
        <source>Job / ticket</source>
        <translation>Serviço / chamado</translation>
    </message>
    <message>
        <source>e.g. WO-4711</source>
        <translation>p. ex. WO-4711</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>where</source>
        <translation>onde</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Equipamento</translation>
    </message>
    <message>
        <source>what is worked on</source>
        <translation>em que se trabalha</translation>
    </message>
    <message>
        <source>Connect and start talking (Ctrl+Return)</source>
        <translation>Conectar e começar a falar (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation>Parar de enviar o microfone (Ctrl+M)</translation>
    </message>
    <message>
        <source>Pause or resume the camera (Ctrl+K)</source>
        <translation>Pausar ou retomar a câmera (Ctrl+K)</translation>
    </message>
    <message>
        <source>Headset mode</source>
        <translation>Modo headset</translation>
    </message>
    <message>
        <source>On: no echo cancellation (you wear a headset). Off: speaker mode for the laptop&apos;s own speakers (Ctrl+E)</source>
        <translation>Ligado: sem cancelamento de eco (você usa um headset). Desligado: modo alto-falante para os alto-falantes do notebook (Ctrl+E)</translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation>Segure para falar</translation>
    </message>
    <message>
        <source>Hold to speak (or hold F9); release to finish</source>
        <translation>Segure para falar (ou segure F9); solte para terminar</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Instantâneo</translation>
    </message>
    <message>
        <source>Send the current picture at full resolution and save it (F8)</source>
        <translation>Enviar a imagem atual em resolução total e salvá-la (F8)</translation>
    </message>
    <message>
        <source>Clear masks</source>
        <translation>Limpar máscaras</translation>
    </message>
    <message>
        <source>Remove the blacked-out regions</source>
        <translation>Remover as áreas tampadas</translation>
    </message>
    <message>
        <source>Video source: camera index, camera:NAME, a file, an rtsp:// or http:// URL, screen, screen:N or none (Enter to switch)</source>
        <translation>Fonte de vídeo: número da câmera, camera:NOME, um arquivo, uma URL rtsp:// ou http://, screen, screen:N ou none (Enter para trocar)</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Fonte de vídeo</translation>
    </message>
    <message>
        <source>{label}: in the job report&apos;s header</source>
        <translation>{label}: no cabeçalho do relatório de serviço</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Relatório…</translation>
    </message>
    <message>
        <source>Write the job report of the last session (Ctrl+R)</source>
        <translation>Escrever o relatório de serviço da última sessão (Ctrl+R)</translation>
    </message>
    <message>
        <source>Type to the assistant and press Enter…</source>
        <translation>Escreva para o assistente e pressione Enter…</translation>
    </message>
    <message>
        <source>Message to the assistant</source>
        <translation>Mensagem para o assistente</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the typed message (Enter)</source>
        <translation>Enviar a mensagem digitada (Enter)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Fonte:</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Estado da conexão</translation>
    </message>
    <message>
        <source>Video frames sent per second</source>
        <translation>Quadros de vídeo enviados por segundo</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tempo restante</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Alto-falante</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Histórico…</translation>
    </message>
    <message>
        <source>Past sessions and exports</source>
        <translation>Sessões anteriores e exportações</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>&amp;Relatório de serviço…</translation>
    </message>
    <message>
        <source>The last session&apos;s job report</source>
        <translation>O relatório de serviço da última sessão</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>Connection, audio, video</source>
        <translation>Conexão, áudio, vídeo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;ir</translation>
    </message>
    <message>
        <source>Stop the session and close</source>
        <translation>Encerrar a sessão e fechar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspetor</translation>
    </message>
    <message>
        <source>Messages to and from the service</source>
        <translation>Mensagens trocadas com o serviço</translation>
    </message>
    <message>
        <source>Share a screen &amp;region…</source>
        <translation>Compartilhar uma &amp;região da tela…</translation>
    </message>
    <message>
        <source>Drag a rectangle over the desktop to share it</source>
        <translation>Arraste um retângulo sobre a área de trabalho para compartilhá-lo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Abrir a pasta de &amp;logs</translation>
    </message>
    <message>
        <source>Where the logs are kept</source>
        <translation>Onde os logs ficam guardados</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>Salvar &amp;diagnóstico…</translation>
    </message>
    <message>
        <source>A zip for IT support, with no keys or passwords</source>
        <translation>Um zip para o suporte de TI, sem chaves nem senhas</translation>
    </message>
    <message>
        <source>&amp;About FieldAssist</source>
        <translation>&amp;Sobre o FieldAssist</translation>
    </message>
    <message>
        <source>Version, licences, logs</source>
        <translation>Versão, licenças, logs</translation>
    </message>
</context>
<context>
    <name>Manuals</name>
    <message>
        <source>&amp;Manuals</source>
        <translation>&amp;Manuais</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Pasta de manuais</translation>
    </message>
    <message>
        <source>PDF, Markdown and text documents the assistant may search</source>
        <translation>Documentos PDF, Markdown e de texto que o assistente pode pesquisar</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Choose the manuals folder</source>
        <translation>Escolher a pasta de manuais</translation>
    </message>
    <message>
        <source>Manuals &amp;folder:</source>
        <translation>&amp;Pasta de manuais:</translation>
    </message>
    <message>
        <source>Documents indexed</source>
        <translation>Documentos indexados</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progresso da indexação</translation>
    </message>
    <message>
        <source>&amp;Re-index now</source>
        <translation>&amp;Reindexar agora</translation>
    </message>
    <message>
        <source>Re-index the manuals</source>
        <translation>Reindexar os manuais</translation>
    </message>
    <message>
        <source>Indexing result</source>
        <translation>Resultado da indexação</translation>
    </message>
    <message>
        <source>Not indexed yet</source>
        <translation>Ainda não indexado</translation>
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
        <translation>; {count} não puderam ser lidos</translation>
    </message>
    <message>
        <source>Done: {read} of {total} documents read{failed}.</source>
        <translation>Pronto: {read} de {total} documentos lidos{failed}.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Not connected</source>
        <translation>Não conectado</translation>
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
        <translation>Conectado (troca de conexão em breve)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>Sessão encerrada</translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation>Falha na sessão</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>Inicie a sessão para enviar uma mensagem.</translation>
    </message>
    <message>
        <source>Still reconnecting: older microphone audio was dropped.</source>
        <translation>Ainda reconectando: o áudio mais antigo do microfone foi descartado.</translation>
    </message>
    <message>
        <source>The session failed.</source>
        <translation>A sessão falhou.</translation>
    </message>
    <message>
        <source>The session was restored from the local transcript.</source>
        <translation>A sessão foi restaurada a partir da transcrição local.</translation>
    </message>
    <message>
        <source>Offline simulator: add a Gemini API key in Settings to talk to Gemini</source>
        <translation>Simulador offline: adicione uma chave de API do Gemini nas Configurações para falar com o Gemini</translation>
    </message>
    <message>
        <source>Session saved. Write its job report with Report… (Ctrl+R).</source>
        <translation>Sessão salva. Escreva o relatório de serviço com Relatório… (Ctrl+R).</translation>
    </message>
    <message>
        <source>A job report is already being written.</source>
        <translation>Um relatório de serviço já está sendo escrito.</translation>
    </message>
    <message>
        <source>The history is not available, so no report can be made.</source>
        <translation>O histórico não está disponível, então nenhum relatório pode ser feito.</translation>
    </message>
    <message>
        <source>Writing the job report…</source>
        <translation>Escrevendo o relatório de serviço…</translation>
    </message>
    <message>
        <source>The job report was not written: {reason}</source>
        <translation>O relatório de serviço não foi escrito: {reason}</translation>
    </message>
    <message>
        <source>Job report saved without the summary ({problem}): {path}. Write it again when online to add the summary.</source>
        <translation>Relatório de serviço salvo sem o resumo ({problem}): {path}. Escreva-o de novo quando estiver online para incluir o resumo.</translation>
    </message>
    <message>
        <source>Job report saved: {path}</source>
        <translation>Relatório de serviço salvo: {path}</translation>
    </message>
    <message>
        <source>No camera picture to take a snapshot of.</source>
        <translation>Nenhuma imagem da câmera para o instantâneo.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Desktop picture: drag over the region to share</source>
        <translation>Imagem da área de trabalho: arraste sobre a região a compartilhar</translation>
    </message>
    <message>
        <source>Share a screen region</source>
        <translation>Compartilhar uma região da tela</translation>
    </message>
    <message>
        <source>Region picker message</source>
        <translation>Mensagem do seletor de região</translation>
    </message>
    <message>
        <source>Share this region</source>
        <translation>Compartilhar esta região</translation>
    </message>
    <message>
        <source>Drag a rectangle over the part of the screen to share.</source>
        <translation>Arraste um retângulo sobre a parte da tela a compartilhar.</translation>
    </message>
</context>
<context>
    <name>ReportSettings</name>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Relatórios</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Nome do técnico</translation>
    </message>
    <message>
        <source>as it should appear on the job reports</source>
        <translation>como deve aparecer nos relatórios de serviço</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>&amp;Técnico:</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Pasta de relatórios</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <source>Choose the reports folder</source>
        <translation>Escolher a pasta de relatórios</translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation>&amp;Pasta de relatórios:</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modelo de resumo</translation>
    </message>
    <message>
        <source>The text model that writes the report&apos;s summary from the session&apos;s record (one request per report); empty: the default</source>
        <translation>O modelo de texto que escreve o resumo do relatório a partir do registro da sessão (uma solicitação por relatório); vazio: o padrão</translation>
    </message>
    <message>
        <source>Summary &amp;model:</source>
        <translation>&amp;Modelo de resumo:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>Delete sessions older than</source>
        <translation>Excluir sessões com mais de</translation>
    </message>
    <message>
        <source>&amp;Delete sessions after:</source>
        <translation>&amp;Excluir sessões após:</translation>
    </message>
    <message>
        <source>Sessions older than this are deleted with their snapshots when a session starts. Reports already written are not touched.</source>
        <translation>Sessões mais antigas são excluídas com seus instantâneos quando uma sessão começa. Relatórios já escritos não são alterados.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>must be a URL such as https://gateway.example.com (scheme and host)</source>
        <translation>deve ser uma URL como https://gateway.example.com (esquema e host)</translation>
    </message>
    <message>
        <source>must be a project ID: 6-30 lowercase letters, digits or hyphens, from a letter</source>
        <translation>deve ser um ID de projeto: de 6 a 30 letras minúsculas, dígitos ou hifens, começando por uma letra</translation>
    </message>
    <message>
        <source>must be a location such as us-central1, europe-west4 or global</source>
        <translation>deve ser uma região como us-central1, europe-west4 ou global</translation>
    </message>
    <message>
        <source>must be a language tag such as en-US or de-DE, or empty</source>
        <translation>deve ser um código de idioma como en-US ou de-DE, ou vazio</translation>
    </message>
    <message>
        <source>must be a name without spaces</source>
        <translation>deve ser um nome sem espaços</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projeto</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Região</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Arquivo de CA</translation>
    </message>
    <message>
        <source>Context compression</source>
        <translation>Compressão do contexto</translation>
    </message>
    <message>
        <source>Session resumption</source>
        <translation>Retomada de sessão</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Response language</source>
        <translation>Idioma das respostas</translation>
    </message>
    <message>
        <source>System instruction</source>
        <translation>Instrução do sistema</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma da interface</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Alto-falante</translation>
    </message>
    <message>
        <source>Microphone gain</source>
        <translation>Ganho do microfone</translation>
    </message>
    <message>
        <source>Speaker volume</source>
        <translation>Volume do alto-falante</translation>
    </message>
    <message>
        <source>Speech detection sensitivity</source>
        <translation>Sensibilidade de detecção de fala</translation>
    </message>
    <message>
        <source>Silence that ends a turn</source>
        <translation>Silêncio que termina um turno</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Cancelamento de eco</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Interrupção imediata</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Apertar para falar</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>Pasta de manuais</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>Fonte de vídeo</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>Quadros por segundo</translation>
    </message>
    <message>
        <source>Longest side of sent frames</source>
        <translation>Lado maior dos quadros enviados</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>Qualidade JPEG</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>Nome do técnico</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>Pasta de relatórios</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>Modelo de resumo</translation>
    </message>
    <message>
        <source>Delete sessions older than (days, 0 = never)</source>
        <translation>Excluir sessões com mais de (dias, 0 = nunca)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Nível de log</translation>
    </message>
    <message>
        <source>First run done</source>
        <translation>Primeira execução concluída</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>{names} applies at the next connection you start.</source>
        <translation>{names} vale a partir da próxima conexão que você iniciar.</translation>
    </message>
    <message>
        <source>{names} apply at the next connection you start.</source>
        <translation>{names} valem a partir da próxima conexão que você iniciar.</translation>
    </message>
    <message>
        <source>{names} applies when the next session starts.</source>
        <translation>{names} vale quando a próxima sessão começar.</translation>
    </message>
    <message>
        <source>{names} apply when the next session starts.</source>
        <translation>{names} valem quando a próxima sessão começar.</translation>
    </message>
    <message>
        <source>{names} applies when FieldAssist starts again.</source>
        <translation>{names} vale quando o FieldAssist for iniciado de novo.</translation>
    </message>
    <message>
        <source>{names} apply when FieldAssist starts again.</source>
        <translation>{names} valem quando o FieldAssist for iniciado de novo.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic: Gemini API when a key is available, else the simulator</source>
        <translation>Automático: API do Gemini quando houver uma chave, senão o simulador</translation>
    </message>
    <message>
        <source>Gemini API (API key)</source>
        <translation>API do Gemini (chave de API)</translation>
    </message>
    <message>
        <source>Vertex AI (project, location, Application Default Credentials)</source>
        <translation>Vertex AI (projeto, região, Application Default Credentials)</translation>
    </message>
    <message>
        <source>Offline simulator</source>
        <translation>Simulador offline</translation>
    </message>
    <message>
        <source>Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /path/to/video.mp4, none</source>
        <translation>Exemplos: 0 (primeira câmera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /caminho/para/video.mp4, none</translation>
    </message>
    <message>
        <source>Looking in the system keyring…</source>
        <translation>Procurando no chaveiro do sistema…</translation>
    </message>
    <message>
        <source>Speaker mode (echo cancellation on)</source>
        <translation>Modo alto-falante (cancelamento de eco ligado)</translation>
    </message>
    <message>
        <source>Headset mode (echo cancellation off)</source>
        <translation>Modo headset (cancelamento de eco desligado)</translation>
    </message>
    <message>
        <source>An API key has no spaces in it; paste it again.</source>
        <translation>Uma chave de API não tem espaços; cole-a novamente.</translation>
    </message>
    <message>
        <source>The Gemini API needs a key: enter one here or set GEMINI_API_KEY.</source>
        <translation>A API do Gemini precisa de uma chave: digite-a aqui ou defina GEMINI_API_KEY.</translation>
    </message>
    <message>
        <source>{setting} {rule}.</source>
        <translation>{setting}: {rule}.</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>Nenhum arquivo em {path}.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Padrão</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baixa</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>Co&amp;nexão</translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation>Con&amp;versa</translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation>Á&amp;udio</translation>
    </message>
    <message>
        <source>V&amp;ideo</source>
        <translation>V&amp;ídeo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Seções das configurações</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Salvar configurações</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Cancelar sem salvar</translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation>Problemas a corrigir</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Serviço:</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Chave de API do Gemini</translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in the settings file</source>
        <translation>Guardada no chaveiro do sistema, nunca no arquivo de configurações</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>&amp;Remover chave guardada</translation>
    </message>
    <message>
        <source>Remove the stored API key</source>
        <translation>Remover a chave de API guardada</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Chave de API:</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_PROJECT or the ADC project</source>
        <translation>De GOOGLE_CLOUD_PROJECT ou do projeto do ADC</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projeto:</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_LOCATION, e.g. us-central1</source>
        <translation>De GOOGLE_CLOUD_LOCATION, p. ex. us-central1</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Região:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Default Google endpoint; set for a corporate gateway</source>
        <translation>Endpoint padrão do Google; defina para um gateway corporativo</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpoint:</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>Somente certificados do sistema</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Pro&amp;curar…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Escolher um arquivo de certificado de CA</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Arquivo de C&amp;A:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testar conexão</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testar conexão</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado do teste de conexão</translation>
    </message>
    <message>
        <source>Not available in this build</source>
        <translation>Não disponível nesta versão</translation>
    </message>
    <message>
        <source>The model&apos;s default voice</source>
        <translation>A voz padrão do modelo</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>V&amp;oz:</translation>
    </message>
    <message>
        <source>As the interface: {language}</source>
        <translation>Como a interface: {language}</translation>
    </message>
    <message>
        <source>The model decides</source>
        <translation>O modelo decide</translation>
    </message>
    <message>
        <source>Response &amp;language:</source>
        <translation>&amp;Idioma das respostas:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>The window&apos;s language; it changes when FieldAssist starts again</source>
        <translation>O idioma da janela; muda na próxima vez que o FieldAssist iniciar</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>Idioma da i&amp;nterface:</translation>
    </message>
    <message>
        <source>&amp;System instruction:</source>
        <translation>Instrução do &amp;sistema:</translation>
    </message>
    <message>
        <source>&amp;Restore default instruction</source>
        <translation>&amp;Restaurar instrução padrão</translation>
    </message>
    <message>
        <source>Restore the default system instruction</source>
        <translation>Restaurar a instrução do sistema padrão</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microfone:</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>Alto-&amp;falante:</translation>
    </message>
    <message>
        <source>Re&amp;fresh devices</source>
        <translation>Atuali&amp;zar dispositivos</translation>
    </message>
    <message>
        <source>Refresh the device lists</source>
        <translation>Atualizar as listas de dispositivos</translation>
    </message>
    <message>
        <source>&amp;Echo cancellation:</source>
        <translation>Cancelamento de &amp;eco:</translation>
    </message>
    <message>
        <source>Instant &amp;barge-in: stop the reply on this computer once I have spoken for 0.25 s</source>
        <translation>&amp;Interrupção imediata: parar a resposta neste computador assim que eu falar por 0,25 s</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>Interrupção imediata</translation>
    </message>
    <message>
        <source>P&amp;ush-to-talk (send the microphone only while held)</source>
        <translation>Apertar para falar (enviar o microfone só enquanto &amp;segurado)</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Apertar para falar</translation>
    </message>
    <message>
        <source>Speech &amp;detection sensitivity:</source>
        <translation>Sensibilidade de &amp;detecção de fala:</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>Padrão do servidor</translation>
    </message>
    <message>
        <source>Silence &amp;that ends a turn:</source>
        <translation>Silêncio que &amp;termina um turno:</translation>
    </message>
    <message>
        <source>Speaker v&amp;olume:</source>
        <translation>V&amp;olume do alto-falante:</translation>
    </message>
    <message>
        <source>Microphone &amp;gain:</source>
        <translation>&amp;Ganho do microfone:</translation>
    </message>
    <message>
        <source>Test spea&amp;ker</source>
        <translation>Testar alto-fa&amp;lante</translation>
    </message>
    <message>
        <source>Test speaker: play a short chime</source>
        <translation>Testar alto-falante: tocar um sinal curto</translation>
    </message>
    <message>
        <source>Test mi&amp;crophone</source>
        <translation>Testar mi&amp;crofone</translation>
    </message>
    <message>
        <source>Test microphone: record 3 seconds and play them back</source>
        <translation>Testar microfone: gravar 3 segundos e reproduzi-los</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Nível do microfone</translation>
    </message>
    <message>
        <source>Audio test result</source>
        <translation>Resultado do teste de áudio</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Fonte:</translation>
    </message>
    <message>
        <source>&amp;Frames per second:</source>
        <translation>&amp;Quadros por segundo:</translation>
    </message>
    <message>
        <source>&amp;Longest side:</source>
        <translation>&amp;Lado maior:</translation>
    </message>
    <message>
        <source>&amp;JPEG quality:</source>
        <translation>Qualidade &amp;JPEG:</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>Problema: {field}</translation>
    </message>
    <message>
        <source>{variable} is set in the environment and overrides a stored key.</source>
        <translation>{variable} está definida no ambiente e prevalece sobre uma chave guardada.</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation>Há uma chave guardada no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation>Nenhuma chave guardada ainda.</translation>
    </message>
    <message>
        <source>Type a new key to replace the stored one</source>
        <translation>Digite uma nova chave para substituir a guardada</translation>
    </message>
    <message>
        <source>Paste your key</source>
        <translation>Cole sua chave</translation>
    </message>
    <message>
        <source>Default: {model}</source>
        <translation>Padrão: {model}</translation>
    </message>
    <message>
        <source>Fix 1 problem to save.</source>
        <translation>Corrija 1 problema para salvar.</translation>
    </message>
    <message>
        <source>Fix {count} problems to save.</source>
        <translation>Corrija {count} problemas para salvar.</translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <translation>Salvando a chave no chaveiro do sistema…</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>A chave guardada foi removida.</translation>
    </message>
    <message>
        <source>CA certificate bundle</source>
        <translation>Pacote de certificados de CA</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation>Arquivos PEM (*.pem *.crt);;Todos (*)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testando…</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Teste cancelado.</translation>
    </message>
    <message>
        <source>The test itself failed: {reason}</source>
        <translation>O próprio teste falhou: {reason}</translation>
    </message>
    <message>
        <source>Playing a chime…</source>
        <translation>Tocando um sinal…</translation>
    </message>
    <message>
        <source>Recording 3 seconds: say something…</source>
        <translation>Gravando 3 segundos: diga algo…</translation>
    </message>
    <message>
        <source>Playing the recording back…</source>
        <translation>Reproduzindo a gravação…</translation>
    </message>
    <message>
        <source>The audio test failed: {reason}</source>
        <translation>O teste de áudio falhou: {reason}</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Procurando dispositivos…</translation>
    </message>
    <message>
        <source>Could not list audio devices: {reason}</source>
        <translation>Não foi possível listar os dispositivos de áudio: {reason}</translation>
    </message>
    <message>
        <source>{microphones} microphones, {speakers} speakers found.</source>
        <translation>{microphones} microfones e {speakers} alto-falantes encontrados.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Padrão do sistema</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (não conectado)</translation>
    </message>
</context>
<context>
    <name>StatusClock</name>
    <message>
        <source>connection {time}</source>
        <translation>conexão {time}</translation>
    </message>
    <message>
        <source>The service asked to end this connection (goAway); the program hands over to a new one before then, and the session goes on.</source>
        <translation>O serviço pediu para encerrar esta conexão (goAway); o programa passa para uma nova antes disso, e a sessão continua.</translation>
    </message>
    <message>
        <source>session {time}</source>
        <translation>sessão {time}</translation>
    </message>
    <message>
        <source>audio and video</source>
        <translation>áudio e vídeo</translation>
    </message>
    <message>
        <source>audio only</source>
        <translation>só áudio</translation>
    </message>
    <message>
        <source>Context compression is off: a session with {kind} ends after about {minutes} min. Turn compression on in Settings for longer sessions.</source>
        <translation>A compressão do contexto está desligada: uma sessão com {kind} termina após cerca de {minutes} min. Ligue a compressão nas Configurações para sessões mais longas.</translation>
    </message>
    <message>
        <source>{countdowns} left</source>
        <translation>restam {countdowns}</translation>
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
        <translation>Esta sessão: {count} tokens</translation>
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
        <translation>Bem-vindo ao FieldAssist</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Boas-vindas</translation>
    </message>
    <message>
        <source>FieldAssist talks to Gemini. Choose how to connect; you can change this later in Settings.</source>
        <translation>O FieldAssist conversa com o Gemini. Escolha como conectar; você pode mudar isso depois nas Configurações.</translation>
    </message>
    <message>
        <source>Enter a Gemini &amp;API key</source>
        <translation>Digitar uma chave de &amp;API do Gemini</translation>
    </message>
    <message>
        <source>Use &amp;Vertex AI with Application Default Credentials</source>
        <translation>Usar o &amp;Vertex AI com Application Default Credentials</translation>
    </message>
    <message>
        <source>Continue with the offline &amp;simulator</source>
        <translation>Continuar com o &amp;simulador offline</translation>
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
        <translation>Chave de API do Gemini</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Chave:</translation>
    </message>
    <message>
        <source>Create a key at &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. It is kept in the system keyring.</source>
        <translation>Crie uma chave em &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. Ela fica guardada no chaveiro do sistema.</translation>
    </message>
    <message>
        <source>Google Cloud project</source>
        <translation>Projeto do Google Cloud</translation>
    </message>
    <message>
        <source>Google Cloud location</source>
        <translation>Região do Google Cloud</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projeto:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Região:</translation>
    </message>
    <message>
        <source>Sign in first with: gcloud auth application-default login</source>
        <translation>Faça login primeiro com: gcloud auth application-default login</translation>
    </message>
    <message>
        <source>A local stand-in that echoes what it hears. Nothing leaves this computer; useful to try the controls and the camera.</source>
        <translation>Um substituto local que repete o que ouve. Nada sai deste computador; útil para testar os controles e a câmera.</translation>
    </message>
    <message>
        <source>Paste your API key, or pick another option.</source>
        <translation>Cole sua chave de API ou escolha outra opção.</translation>
    </message>
    <message>
        <source>Enter the Google Cloud project to bill.</source>
        <translation>Digite o projeto do Google Cloud a ser cobrado.</translation>
    </message>
    <message>
        <source>Enter a location such as us-central1.</source>
        <translation>Digite uma região, como us-central1.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>{meter}: silent</source>
        <translation>{meter}: em silêncio</translation>
    </message>
    <message>
        <source>, clipping</source>
        <translation>, saturando</translation>
    </message>
    <message>
        <source>below -60</source>
        <translation>abaixo de -60</translation>
    </message>
    <message>
        <source>{meter}: {rms} dBFS, peak {peak} dBFS{clip}</source>
        <translation>{meter}: {rms} dBFS, pico {peak} dBFS{clip}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <source>{meter} meter</source>
        <translation>Medidor de {meter}</translation>
    </message>
    <message>
        <source>{meter} level</source>
        <translation>Nível de {meter}</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Ouvindo</translation>
    </message>
    <message>
        <source>You are speaking</source>
        <translation>Você está falando</translation>
    </message>
    <message>
        <source>Assistant speaking</source>
        <translation>Assistente falando</translation>
    </message>
    <message>
        <source>Both speaking</source>
        <translation>Os dois falando</translation>
    </message>
    <message>
        <source>Speaking indicator</source>
        <translation>Indicador de fala</translation>
    </message>
    <message>
        <source>{text}… [{hidden} more characters not shown]</source>
        <translation>{text}… [mais {hidden} caracteres não exibidos]</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Ferramenta</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>em execução…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>Tool {name}: {status}</source>
        <translation>Ferramenta {name}: {status}</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[interrompido]</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcrição</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>Dispensar aviso</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Dispensar este aviso</translation>
    </message>
</context>
</TS>
