<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>About</name>
    <message>
        <source>The licence notices are missing from {folder} ({reason}).</source>
        <translation>{folder} にライセンス表示がありません ({reason})。</translation>
    </message>
    <message>
        <source>About FieldAssist</source>
        <translation>FieldAssist について</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>プログラムのバージョン</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>システム:</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>ログフォルダー</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>ログフォルダー:</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <source>Open licences &amp;folder</source>
        <translation>ライセンスフォルダーを開く(&amp;F)</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>診断情報を保存(&amp;D)…</translation>
    </message>
    <message>
        <source>A zip for IT support: logs, settings, devices, versions and recent messages, with keys and passwords removed</source>
        <translation>IT サポート用の zip: ログ、設定、デバイス、バージョン、最近のメッセージ (キーとパスワードは除去)</translation>
    </message>
    <message>
        <source>Diagnostics result</source>
        <translation>診断情報の保存結果</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>ライセンス:</translation>
    </message>
    <message>
        <source>Save diagnostics</source>
        <translation>診断情報を保存</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Zip アーカイブ (*.zip)</translation>
    </message>
    <message>
        <source>Saving diagnostics…</source>
        <translation>診断情報を保存中…</translation>
    </message>
    <message>
        <source>Could not save diagnostics to {path}: {reason}</source>
        <translation>診断情報を {path} に保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Diagnostics saved to {path} ({size} KiB)</source>
        <translation>診断情報を {path} に保存しました ({size} KiB)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Camera paused</source>
        <translation>カメラ一時停止中</translation>
    </message>
    <message>
        <source>No video source</source>
        <translation>ビデオソースなし</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>ビデオ終了</translation>
    </message>
    <message>
        <source>Opening video source…</source>
        <translation>ビデオソースを開いています…</translation>
    </message>
    <message>
        <source>Video source lost: retrying…</source>
        <translation>ビデオソースが失われました: 再試行中…</translation>
    </message>
    <message>
        <source>Video source unavailable</source>
        <translation>ビデオソースを使用できません</translation>
    </message>
    <message>
        <source>Video not started</source>
        <translation>ビデオ未開始</translation>
    </message>
    <message>
        <source>Video stopped</source>
        <translation>ビデオ停止</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>メッセージを送るにはセッションを開始してください。</translation>
    </message>
    <message>
        <source>video {fps} fps</source>
        <translation>ビデオ {fps} fps</translation>
    </message>
    <message>
        <source>Settings not saved: {reason}</source>
        <translation>設定を保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Settings saved. {waiting}</source>
        <translation>設定を保存しました。{waiting}</translation>
    </message>
    <message>
        <source>The history is not available (see the log).</source>
        <translation>履歴を利用できません (ログを参照してください)。</translation>
    </message>
    <message>
        <source>Allow this action?</source>
        <translation>この操作を許可しますか?</translation>
    </message>
    <message>
        <source>The assistant wants to run “{tool}”, which changes something outside this app.</source>
        <translation>アシスタントが「{tool}」を実行しようとしています。これはこのアプリの外で何かを変更します。</translation>
    </message>
    <message>
        <source>Allow once</source>
        <translation>今回のみ許可</translation>
    </message>
    <message>
        <source>Allow for this session</source>
        <translation>このセッション中は許可</translation>
    </message>
    <message>
        <source>Don&apos;t allow</source>
        <translation>許可しない</translation>
    </message>
    <message>
        <source>Could not {action} the session; see the log.</source>
        <translation>セッションの「{action}」に失敗しました。ログを参照してください。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The details are in the log. Your transcript is kept.</source>
        <translation>詳細はログにあります。書き起こしは保持されています。</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>ログフォルダーを開く</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Technician</source>
        <translation>技術者</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>拒否</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>This session is being recorded and cannot be deleted now; delete it once it has ended.</source>
        <translation>このセッションは記録中のため、今は削除できません。終了後に削除してください。</translation>
    </message>
    <message>
        <source>Deleting… (as soon as the history database can be written)</source>
        <translation>削除中… (履歴データベースに書き込めるようになり次第)</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>未終了</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 時間 {minutes} 分</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>(no words)</source>
        <translation>(発話なし)</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[中断]</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>セッションを削除</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>セッション履歴</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>作業報告書(&amp;R)…</translation>
    </message>
    <message>
        <source>Write the job report of the session</source>
        <translation>このセッションの作業報告書を作成</translation>
    </message>
    <message>
        <source>The job report (PDF) of the selected session</source>
        <translation>選択したセッションの作業報告書 (PDF)</translation>
    </message>
    <message>
        <source>Search all sessions: words said, notes, tools…</source>
        <translation>すべてのセッションを検索: 発言、メモ、ツール…</translation>
    </message>
    <message>
        <source>Search all sessions</source>
        <translation>すべてのセッションを検索</translation>
    </message>
    <message>
        <source>Sessions, newest first</source>
        <translation>セッション (新しい順)</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Turns</source>
        <translation>ターン</translation>
    </message>
    <message>
        <source>First words</source>
        <translation>最初の言葉</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作業</translation>
    </message>
    <message>
        <source>Transcript of the selected session</source>
        <translation>選択したセッションの書き起こし</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Markdown で書き出し(&amp;M)…</translation>
    </message>
    <message>
        <source>Export the session as Markdown</source>
        <translation>セッションを Markdown で書き出す</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>JSON で書き出し(&amp;J)…</translation>
    </message>
    <message>
        <source>Export the session as JSON</source>
        <translation>セッションを JSON で書き出す</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the session</source>
        <translation>セッションを削除</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>履歴の状態</translation>
    </message>
    <message>
        <source>The history can only be read while the app is running.</source>
        <translation>履歴はアプリの実行中にのみ読み込めます。</translation>
    </message>
    <message>
        <source>Could not read the history: {reason}</source>
        <translation>履歴を読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>最も一致</translation>
    </message>
    <message>
        <source>“{query}” found in {count} sessions.</source>
        <translation>「{query}」が {count} 件のセッションで見つかりました。</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>「{query}」は見つかりませんでした。</translation>
    </message>
    <message>
        <source>No sessions recorded yet.</source>
        <translation>まだ記録されたセッションはありません。</translation>
    </message>
    <message>
        <source>Could not read session {session}: {reason}</source>
        <translation>セッション {session} を読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation>{count} 件。</translation>
    </message>
    <message>
        <source>Writing the job report of session {session}…</source>
        <translation>セッション {session} の作業報告書を作成中…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>{path} に書き出しました</translation>
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
        <translation>セッションの書き出し</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>{path} に書き出し中…</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>書き出しに失敗しました: {reason}</translation>
    </message>
    <message>
        <source>Delete the session of {started} ({turns} turns)? Its transcript, tool calls and snapshots (the picture files too) cannot be recovered.</source>
        <translation>{started} のセッション ({turns} ターン) を削除しますか? 書き起こし、ツール呼び出し、スナップショット (画像ファイルも) は復元できません。</translation>
    </message>
    <message>
        <source>Could not delete the session: {reason}</source>
        <translation>セッションを削除できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Session deleted.</source>
        <translation>セッションを削除しました。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation>メッセージインスペクター</translation>
    </message>
    <message>
        <source>Filter by direction (in, out) or type, e.g. “{example}”</source>
        <translation>方向 (in、out) または種類で絞り込み (例:「{example}」)</translation>
    </message>
    <message>
        <source>Filter messages</source>
        <translation>メッセージを絞り込む</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>絞り込み(&amp;F):</translation>
    </message>
    <message>
        <source>Message count</source>
        <translation>メッセージ数</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>クリア(&amp;L)</translation>
    </message>
    <message>
        <source>Clear the message list</source>
        <translation>メッセージ一覧をクリア</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出し(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the messages as JSON Lines</source>
        <translation>メッセージを JSON Lines で書き出す</translation>
    </message>
    <message>
        <source>Save the messages held here as JSON Lines, for IT support</source>
        <translation>ここにあるメッセージを IT サポート用に JSON Lines で保存</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>書き出しの結果</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>書き出しに失敗しました: {reason}</translation>
    </message>
    <message>
        <source>Exported {count} messages to {file}</source>
        <translation>{count} 件のメッセージを {file} に書き出しました</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>メッセージの書き出し</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>{held} messages</source>
        <translation>{held} 件のメッセージ</translation>
    </message>
    <message>
        <source>{shown} of {held} messages</source>
        <translation>{held} 件中 {shown} 件のメッセージ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stop session</source>
        <translation>セッション終了</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>セッション開始</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>ミュート解除</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>ミュート</translation>
    </message>
    <message>
        <source>Pause camera</source>
        <translation>カメラ一時停止</translation>
    </message>
    <message>
        <source>Resume camera</source>
        <translation>カメラ再開</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>カメラオフ</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>カメラのプレビュー</translation>
    </message>
    <message>
        <source>Drag over the picture to black out a region before it is sent</source>
        <translation>画像の上をドラッグすると、送信前にその範囲を黒く塗りつぶします</translation>
    </message>
    <message>
        <source>Job / ticket</source>
        <translation>作業 / チケット</translation>
    </message>
    <message>
        <source>e.g. WO-4711</source>
        <translation>例: WO-4711</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>現場</translation>
    </message>
    <message>
        <source>where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>設備</translation>
    </message>
    <message>
        <source>what is worked on</source>
        <translation>作業対象</translation>
    </message>
    <message>
        <source>Connect and start talking (Ctrl+Return)</source>
        <translation>接続して話し始める (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation>マイクの送信を止める (Ctrl+M)</translation>
    </message>
    <message>
        <source>Pause or resume the camera (Ctrl+K)</source>
        <translation>カメラを一時停止または再開 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Headset mode</source>
        <translation>ヘッドセットモード</translation>
    </message>
    <message>
        <source>On: no echo cancellation (you wear a headset). Off: speaker mode for the laptop&apos;s own speakers (Ctrl+E)</source>
        <translation>オン: エコーキャンセルなし (ヘッドセット使用時)。オフ: ノートPC内蔵スピーカー用のスピーカーモード (Ctrl+E)</translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation>押して話す</translation>
    </message>
    <message>
        <source>Hold to speak (or hold F9); release to finish</source>
        <translation>押している間 (または F9 を押している間) 話せます。離すと終了</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>スナップショット</translation>
    </message>
    <message>
        <source>Send the current picture at full resolution and save it (F8)</source>
        <translation>現在の画像をフル解像度で送信して保存 (F8)</translation>
    </message>
    <message>
        <source>Clear masks</source>
        <translation>マスクを消去</translation>
    </message>
    <message>
        <source>Remove the blacked-out regions</source>
        <translation>黒く塗りつぶした範囲を取り除く</translation>
    </message>
    <message>
        <source>Video source: camera index, camera:NAME, a file, an rtsp:// or http:// URL, screen, screen:N or none (Enter to switch)</source>
        <translation>ビデオソース: カメラ番号、camera:名前、ファイル、rtsp:// または http:// の URL、screen、screen:N、none (Enter で切り替え)</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>ビデオソース</translation>
    </message>
    <message>
        <source>{label}: in the job report&apos;s header</source>
        <translation>{label}: 作業報告書のヘッダーに記載</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>報告書…</translation>
    </message>
    <message>
        <source>Write the job report of the last session (Ctrl+R)</source>
        <translation>直前のセッションの作業報告書を作成 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Type to the assistant and press Enter…</source>
        <translation>アシスタントへのメッセージを入力して Enter…</translation>
    </message>
    <message>
        <source>Message to the assistant</source>
        <translation>アシスタントへのメッセージ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send the typed message (Enter)</source>
        <translation>入力したメッセージを送信 (Enter)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>ソース:</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>接続状態</translation>
    </message>
    <message>
        <source>Video frames sent per second</source>
        <translation>1 秒あたりの送信ビデオフレーム数</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>マイク</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>スピーカー</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>セッション(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>履歴(&amp;H)…</translation>
    </message>
    <message>
        <source>Past sessions and exports</source>
        <translation>過去のセッションと書き出し</translation>
    </message>
    <message>
        <source>Job &amp;report…</source>
        <translation>作業報告書(&amp;R)…</translation>
    </message>
    <message>
        <source>The last session&apos;s job report</source>
        <translation>直前のセッションの作業報告書</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>Connection, audio, video</source>
        <translation>接続、オーディオ、ビデオ</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop the session and close</source>
        <translation>セッションを終了して閉じる</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>インスペクター(&amp;I)</translation>
    </message>
    <message>
        <source>Messages to and from the service</source>
        <translation>サービスとの間のメッセージ</translation>
    </message>
    <message>
        <source>Share a screen &amp;region…</source>
        <translation>画面の範囲を共有(&amp;R)…</translation>
    </message>
    <message>
        <source>Drag a rectangle over the desktop to share it</source>
        <translation>デスクトップ上で四角形をドラッグして共有</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>ログフォルダーを開く(&amp;L)</translation>
    </message>
    <message>
        <source>Where the logs are kept</source>
        <translation>ログの保存場所</translation>
    </message>
    <message>
        <source>Save &amp;diagnostics…</source>
        <translation>診断情報を保存(&amp;D)…</translation>
    </message>
    <message>
        <source>A zip for IT support, with no keys or passwords</source>
        <translation>IT サポート用の zip (キーやパスワードは含みません)</translation>
    </message>
    <message>
        <source>&amp;About FieldAssist</source>
        <translation>FieldAssist について(&amp;A)</translation>
    </message>
    <message>
        <source>Version, licences, logs</source>
        <translation>バージョン、ライセンス、ログ</translation>
    </message>
</context>
<context>
    <name>Manuals</name>
    <message>
        <source>&amp;Manuals</source>
        <translation>マニュアル(&amp;M)</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>マニュアルフォルダー</translation>
    </message>
    <message>
        <source>PDF, Markdown and text documents the assistant may search</source>
        <translation>アシスタントが検索できる PDF、Markdown、テキスト文書</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose the manuals folder</source>
        <translation>マニュアルフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Manuals &amp;folder:</source>
        <translation>マニュアルフォルダー(&amp;F):</translation>
    </message>
    <message>
        <source>Documents indexed</source>
        <translation>索引済みの文書</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>索引作成の進行状況</translation>
    </message>
    <message>
        <source>&amp;Re-index now</source>
        <translation>今すぐ索引を再作成(&amp;R)</translation>
    </message>
    <message>
        <source>Re-index the manuals</source>
        <translation>マニュアルの索引を再作成</translation>
    </message>
    <message>
        <source>Indexing result</source>
        <translation>索引作成の結果</translation>
    </message>
    <message>
        <source>Not indexed yet</source>
        <translation>まだ索引がありません</translation>
    </message>
    <message>
        <source>{count} documents indexed</source>
        <translation>{count} 件の文書を索引済み</translation>
    </message>
    <message>
        <source>%v of %m {document}</source>
        <translation>%m 件中 %v 件 {document}</translation>
    </message>
    <message>
        <source>; {count} could not be read</source>
        <translation>。{count} 件は読み込めませんでした</translation>
    </message>
    <message>
        <source>Done: {read} of {total} documents read{failed}.</source>
        <translation>完了: {total} 件中 {read} 件の文書を読み込みました{failed}。</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>Connected (rotating connection soon)</source>
        <translation>接続済み (まもなく接続を切り替えます)</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>再接続中…</translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>セッション終了</translation>
    </message>
    <message>
        <source>Session failed</source>
        <translation>セッション失敗</translation>
    </message>
    <message>
        <source>Start the session to send a message.</source>
        <translation>メッセージを送るにはセッションを開始してください。</translation>
    </message>
    <message>
        <source>Still reconnecting: older microphone audio was dropped.</source>
        <translation>再接続中です: 古いマイク音声は破棄されました。</translation>
    </message>
    <message>
        <source>The session failed.</source>
        <translation>セッションが失敗しました。</translation>
    </message>
    <message>
        <source>The session was restored from the local transcript.</source>
        <translation>ローカルの書き起こしからセッションを復元しました。</translation>
    </message>
    <message>
        <source>Offline simulator: add a Gemini API key in Settings to talk to Gemini</source>
        <translation>オフラインシミュレーター: Gemini と話すには設定で Gemini API キーを追加してください</translation>
    </message>
    <message>
        <source>Session saved. Write its job report with Report… (Ctrl+R).</source>
        <translation>セッションを保存しました。「報告書…」(Ctrl+R) で作業報告書を作成できます。</translation>
    </message>
    <message>
        <source>A job report is already being written.</source>
        <translation>作業報告書をすでに作成中です。</translation>
    </message>
    <message>
        <source>The history is not available, so no report can be made.</source>
        <translation>履歴を利用できないため、報告書を作成できません。</translation>
    </message>
    <message>
        <source>Writing the job report…</source>
        <translation>作業報告書を作成中…</translation>
    </message>
    <message>
        <source>The job report was not written: {reason}</source>
        <translation>作業報告書を作成できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Job report saved without the summary ({problem}): {path}. Write it again when online to add the summary.</source>
        <translation>要約なしで作業報告書を保存しました ({problem}): {path}。オンライン時に作成し直すと要約が入ります。</translation>
    </message>
    <message>
        <source>Job report saved: {path}</source>
        <translation>作業報告書を保存しました: {path}</translation>
    </message>
    <message>
        <source>No camera picture to take a snapshot of.</source>
        <translation>スナップショットを撮るカメラ画像がありません。</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Desktop picture: drag over the region to share</source>
        <translation>デスクトップの画像: 共有する範囲をドラッグ</translation>
    </message>
    <message>
        <source>Share a screen region</source>
        <translation>画面の範囲を共有</translation>
    </message>
    <message>
        <source>Region picker message</source>
        <translation>範囲選択のメッセージ</translation>
    </message>
    <message>
        <source>Share this region</source>
        <translation>この範囲を共有</translation>
    </message>
    <message>
        <source>Drag a rectangle over the part of the screen to share.</source>
        <translation>共有する画面の部分に四角形をドラッグしてください。</translation>
    </message>
</context>
<context>
    <name>ReportSettings</name>
    <message>
        <source>&amp;Reports</source>
        <translation>報告書(&amp;R)</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>技術者名</translation>
    </message>
    <message>
        <source>as it should appear on the job reports</source>
        <translation>作業報告書に載せる表記で</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>技術者(&amp;T):</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>報告書フォルダー</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose the reports folder</source>
        <translation>報告書フォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Reports &amp;folder:</source>
        <translation>報告書フォルダー(&amp;F):</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>要約モデル</translation>
    </message>
    <message>
        <source>The text model that writes the report&apos;s summary from the session&apos;s record (one request per report); empty: the default</source>
        <translation>セッションの記録から報告書の要約を書くテキストモデル (報告書 1 件につき 1 リクエスト)。空欄: 既定のモデル</translation>
    </message>
    <message>
        <source>Summary &amp;model:</source>
        <translation>要約モデル(&amp;M):</translation>
    </message>
    <message>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Delete sessions older than</source>
        <translation>これより古いセッションを削除</translation>
    </message>
    <message>
        <source>&amp;Delete sessions after:</source>
        <translation>セッションの削除までの期間(&amp;D):</translation>
    </message>
    <message>
        <source>Sessions older than this are deleted with their snapshots when a session starts. Reports already written are not touched.</source>
        <translation>これより古いセッションは、セッション開始時にスナップショットとともに削除されます。作成済みの報告書はそのまま残ります。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>must be a URL such as https://gateway.example.com (scheme and host)</source>
        <translation>https://gateway.example.com のような URL (スキームとホスト) にしてください</translation>
    </message>
    <message>
        <source>must be a project ID: 6-30 lowercase letters, digits or hyphens, from a letter</source>
        <translation>プロジェクト ID (英小文字・数字・ハイフンの 6-30 文字、先頭は英字) にしてください</translation>
    </message>
    <message>
        <source>must be a location such as us-central1, europe-west4 or global</source>
        <translation>us-central1、europe-west4、global のようなリージョンにしてください</translation>
    </message>
    <message>
        <source>must be a language tag such as en-US or de-DE, or empty</source>
        <translation>en-US や de-DE のような言語タグにするか、空欄にしてください</translation>
    </message>
    <message>
        <source>must be a name without spaces</source>
        <translation>空白を含まない名前にしてください</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>バックエンド</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA ファイル</translation>
    </message>
    <message>
        <source>Context compression</source>
        <translation>コンテキスト圧縮</translation>
    </message>
    <message>
        <source>Session resumption</source>
        <translation>セッション再開</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>Response language</source>
        <translation>応答の言語</translation>
    </message>
    <message>
        <source>System instruction</source>
        <translation>システム指示</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>マイク</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>スピーカー</translation>
    </message>
    <message>
        <source>Microphone gain</source>
        <translation>マイクのゲイン</translation>
    </message>
    <message>
        <source>Speaker volume</source>
        <translation>スピーカー音量</translation>
    </message>
    <message>
        <source>Speech detection sensitivity</source>
        <translation>音声検出の感度</translation>
    </message>
    <message>
        <source>Silence that ends a turn</source>
        <translation>ターンを終える無音</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>エコーキャンセル</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>即時割り込み</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>プッシュトゥトーク</translation>
    </message>
    <message>
        <source>Manuals folder</source>
        <translation>マニュアルフォルダー</translation>
    </message>
    <message>
        <source>Video source</source>
        <translation>ビデオソース</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>1 秒あたりのフレーム数</translation>
    </message>
    <message>
        <source>Longest side of sent frames</source>
        <translation>送信フレームの長辺</translation>
    </message>
    <message>
        <source>JPEG quality</source>
        <translation>JPEG 品質</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>技術者名</translation>
    </message>
    <message>
        <source>Reports folder</source>
        <translation>報告書フォルダー</translation>
    </message>
    <message>
        <source>Summary model</source>
        <translation>要約モデル</translation>
    </message>
    <message>
        <source>Delete sessions older than (days, 0 = never)</source>
        <translation>セッションの削除までの日数 (0 = 削除しない)</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>ログレベル</translation>
    </message>
    <message>
        <source>First run done</source>
        <translation>初回起動済み</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>{names} applies at the next connection you start.</source>
        <translation>{names} は次に開始する接続から適用されます。</translation>
    </message>
    <message>
        <source>{names} apply at the next connection you start.</source>
        <translation>{names} は次に開始する接続から適用されます。</translation>
    </message>
    <message>
        <source>{names} applies when the next session starts.</source>
        <translation>{names} は次のセッション開始時に適用されます。</translation>
    </message>
    <message>
        <source>{names} apply when the next session starts.</source>
        <translation>{names} は次のセッション開始時に適用されます。</translation>
    </message>
    <message>
        <source>{names} applies when FieldAssist starts again.</source>
        <translation>{names} は FieldAssist の次回起動時に適用されます。</translation>
    </message>
    <message>
        <source>{names} apply when FieldAssist starts again.</source>
        <translation>{names} は FieldAssist の次回起動時に適用されます。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Automatic: Gemini API when a key is available, else the simulator</source>
        <translation>自動: キーがあれば Gemini API、なければシミュレーター</translation>
    </message>
    <message>
        <source>Gemini API (API key)</source>
        <translation>Gemini API (API キー)</translation>
    </message>
    <message>
        <source>Vertex AI (project, location, Application Default Credentials)</source>
        <translation>Vertex AI (プロジェクト、リージョン、Application Default Credentials)</translation>
    </message>
    <message>
        <source>Offline simulator</source>
        <translation>オフラインシミュレーター</translation>
    </message>
    <message>
        <source>Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, rtsp://camera.local/stream, /path/to/video.mp4, none</source>
        <translation>例: 0 (1 台目のカメラ)、camera:1、screen、screen:0,0,1280,720、rtsp://camera.local/stream、/path/to/video.mp4、none</translation>
    </message>
    <message>
        <source>Looking in the system keyring…</source>
        <translation>システムのキーリングを確認中…</translation>
    </message>
    <message>
        <source>Speaker mode (echo cancellation on)</source>
        <translation>スピーカーモード (エコーキャンセルあり)</translation>
    </message>
    <message>
        <source>Headset mode (echo cancellation off)</source>
        <translation>ヘッドセットモード (エコーキャンセルなし)</translation>
    </message>
    <message>
        <source>An API key has no spaces in it; paste it again.</source>
        <translation>API キーに空白は含まれません。もう一度貼り付けてください。</translation>
    </message>
    <message>
        <source>The Gemini API needs a key: enter one here or set GEMINI_API_KEY.</source>
        <translation>Gemini API にはキーが必要です。ここに入力するか GEMINI_API_KEY を設定してください。</translation>
    </message>
    <message>
        <source>{setting} {rule}.</source>
        <translation>{setting}: {rule}。</translation>
    </message>
    <message>
        <source>No file at {path}.</source>
        <translation>{path} にファイルがありません。</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Co&amp;nnection</source>
        <translation>接続(&amp;N)</translation>
    </message>
    <message>
        <source>Con&amp;versation</source>
        <translation>会話(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Audio</source>
        <translation>オーディオ(&amp;A)</translation>
    </message>
    <message>
        <source>V&amp;ideo</source>
        <translation>ビデオ(&amp;I)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>設定の項目</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>保存せずにキャンセル</translation>
    </message>
    <message>
        <source>Problems to fix</source>
        <translation>修正が必要な問題</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>バックエンド(&amp;B):</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Gemini API キー</translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in the settings file</source>
        <translation>システムのキーリングに保存され、設定ファイルには保存されません</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>保存済みのキーを削除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the stored API key</source>
        <translation>保存済みの API キーを削除</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API キー(&amp;K):</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_PROJECT or the ADC project</source>
        <translation>GOOGLE_CLOUD_PROJECT または ADC のプロジェクトから</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>プロジェクト(&amp;P):</translation>
    </message>
    <message>
        <source>From GOOGLE_CLOUD_LOCATION, e.g. us-central1</source>
        <translation>GOOGLE_CLOUD_LOCATION から (例: us-central1)</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>リージョン(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>モデル(&amp;M):</translation>
    </message>
    <message>
        <source>Default Google endpoint; set for a corporate gateway</source>
        <translation>Google の既定のエンドポイント。社内ゲートウェイを使う場合に設定</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>エンドポイント(&amp;E):</translation>
    </message>
    <message>
        <source>System certificates only</source>
        <translation>システムの証明書のみ</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>CA 証明書ファイルを選ぶ</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA ファイル(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>接続テスト</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>接続テストの結果</translation>
    </message>
    <message>
        <source>Not available in this build</source>
        <translation>このビルドでは利用できません</translation>
    </message>
    <message>
        <source>The model&apos;s default voice</source>
        <translation>モデルの既定の音声</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>音声(&amp;O):</translation>
    </message>
    <message>
        <source>As the interface: {language}</source>
        <translation>表示言語と同じ: {language}</translation>
    </message>
    <message>
        <source>The model decides</source>
        <translation>モデルに任せる</translation>
    </message>
    <message>
        <source>Response &amp;language:</source>
        <translation>応答の言語(&amp;L):</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>The window&apos;s language; it changes when FieldAssist starts again</source>
        <translation>ウィンドウの言語。FieldAssist の次回起動時に切り替わります</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>表示言語(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;System instruction:</source>
        <translation>システム指示(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Restore default instruction</source>
        <translation>既定の指示に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>Restore the default system instruction</source>
        <translation>既定のシステム指示に戻す</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>マイク(&amp;M):</translation>
    </message>
    <message>
        <source>S&amp;peaker:</source>
        <translation>スピーカー(&amp;P):</translation>
    </message>
    <message>
        <source>Re&amp;fresh devices</source>
        <translation>デバイスを更新(&amp;F)</translation>
    </message>
    <message>
        <source>Refresh the device lists</source>
        <translation>デバイス一覧を更新</translation>
    </message>
    <message>
        <source>&amp;Echo cancellation:</source>
        <translation>エコーキャンセル(&amp;E):</translation>
    </message>
    <message>
        <source>Instant &amp;barge-in: stop the reply on this computer once I have spoken for 0.25 s</source>
        <translation>即時割り込み(&amp;B): 0.25 秒話したらこのコンピューターで応答を止める</translation>
    </message>
    <message>
        <source>Instant barge-in</source>
        <translation>即時割り込み</translation>
    </message>
    <message>
        <source>P&amp;ush-to-talk (send the microphone only while held)</source>
        <translation>プッシュトゥトーク (押している間だけマイクを送信)(&amp;U)</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>プッシュトゥトーク</translation>
    </message>
    <message>
        <source>Speech &amp;detection sensitivity:</source>
        <translation>音声検出の感度(&amp;D):</translation>
    </message>
    <message>
        <source>Server default</source>
        <translation>サーバーの既定値</translation>
    </message>
    <message>
        <source>Silence &amp;that ends a turn:</source>
        <translation>ターンを終える無音(&amp;T):</translation>
    </message>
    <message>
        <source>Speaker v&amp;olume:</source>
        <translation>スピーカー音量(&amp;O):</translation>
    </message>
    <message>
        <source>Microphone &amp;gain:</source>
        <translation>マイクのゲイン(&amp;G):</translation>
    </message>
    <message>
        <source>Test spea&amp;ker</source>
        <translation>スピーカーをテスト(&amp;K)</translation>
    </message>
    <message>
        <source>Test speaker: play a short chime</source>
        <translation>スピーカーのテスト: 短いチャイムを鳴らす</translation>
    </message>
    <message>
        <source>Test mi&amp;crophone</source>
        <translation>マイクをテスト(&amp;C)</translation>
    </message>
    <message>
        <source>Test microphone: record 3 seconds and play them back</source>
        <translation>マイクのテスト: 3 秒録音して再生する</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>マイクのレベル</translation>
    </message>
    <message>
        <source>Audio test result</source>
        <translation>オーディオテストの結果</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>ソース(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Frames per second:</source>
        <translation>1 秒あたりのフレーム数(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Longest side:</source>
        <translation>長辺(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;JPEG quality:</source>
        <translation>JPEG 品質(&amp;J):</translation>
    </message>
    <message>
        <source>{field} problem</source>
        <translation>{field} の問題</translation>
    </message>
    <message>
        <source>{variable} is set in the environment and overrides a stored key.</source>
        <translation>{variable} が環境変数で設定されており、保存済みのキーより優先されます。</translation>
    </message>
    <message>
        <source>A key is stored in the system keyring.</source>
        <translation>システムのキーリングにキーが保存されています。</translation>
    </message>
    <message>
        <source>No key stored yet.</source>
        <translation>キーはまだ保存されていません。</translation>
    </message>
    <message>
        <source>Type a new key to replace the stored one</source>
        <translation>保存済みのキーを置き換える新しいキーを入力</translation>
    </message>
    <message>
        <source>Paste your key</source>
        <translation>キーを貼り付け</translation>
    </message>
    <message>
        <source>Default: {model}</source>
        <translation>既定: {model}</translation>
    </message>
    <message>
        <source>Fix 1 problem to save.</source>
        <translation>保存するには 1 件の問題を修正してください。</translation>
    </message>
    <message>
        <source>Fix {count} problems to save.</source>
        <translation>保存するには {count} 件の問題を修正してください。</translation>
    </message>
    <message>
        <source>Saving the key in the system keyring…</source>
        <translation>システムのキーリングにキーを保存中…</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>保存済みのキーを削除しました。</translation>
    </message>
    <message>
        <source>CA certificate bundle</source>
        <translation>CA 証明書バンドル</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation>PEM ファイル (*.pem *.crt);;すべて (*)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>テスト中…</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>テストを取り消しました。</translation>
    </message>
    <message>
        <source>The test itself failed: {reason}</source>
        <translation>テスト自体が失敗しました: {reason}</translation>
    </message>
    <message>
        <source>Playing a chime…</source>
        <translation>チャイムを再生中…</translation>
    </message>
    <message>
        <source>Recording 3 seconds: say something…</source>
        <translation>3 秒間録音中: 何か話してください…</translation>
    </message>
    <message>
        <source>Playing the recording back…</source>
        <translation>録音を再生中…</translation>
    </message>
    <message>
        <source>The audio test failed: {reason}</source>
        <translation>オーディオテストに失敗しました: {reason}</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>デバイスを検索中…</translation>
    </message>
    <message>
        <source>Could not list audio devices: {reason}</source>
        <translation>オーディオデバイスを一覧表示できませんでした: {reason}</translation>
    </message>
    <message>
        <source>{microphones} microphones, {speakers} speakers found.</source>
        <translation>マイク {microphones} 台、スピーカー {speakers} 台が見つかりました。</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (未接続)</translation>
    </message>
</context>
<context>
    <name>StatusClock</name>
    <message>
        <source>connection {time}</source>
        <translation>接続 {time}</translation>
    </message>
    <message>
        <source>The service asked to end this connection (goAway); the program hands over to a new one before then, and the session goes on.</source>
        <translation>サービスがこの接続の終了を求めました (goAway)。プログラムはその前に新しい接続へ引き継ぎ、セッションは続きます。</translation>
    </message>
    <message>
        <source>session {time}</source>
        <translation>セッション {time}</translation>
    </message>
    <message>
        <source>audio and video</source>
        <translation>音声と映像</translation>
    </message>
    <message>
        <source>audio only</source>
        <translation>音声のみ</translation>
    </message>
    <message>
        <source>Context compression is off: a session with {kind} ends after about {minutes} min. Turn compression on in Settings for longer sessions.</source>
        <translation>コンテキスト圧縮がオフです: {kind} のセッションは約 {minutes} 分で終了します。長いセッションには設定で圧縮をオンにしてください。</translation>
    </message>
    <message>
        <source>{countdowns} left</source>
        <translation>残り {countdowns}</translation>
    </message>
    <message>
        <source>{count} tokens</source>
        <translation>{count} トークン</translation>
    </message>
    <message>
        <source> (last turn {count})</source>
        <translation> (直前のターン {count})</translation>
    </message>
    <message>
        <source>This session: {count} tokens</source>
        <translation>このセッション: {count} トークン</translation>
    </message>
    <message>
        <source>Last turn: {count} tokens</source>
        <translation>直前のターン: {count} トークン</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to FieldAssist</source>
        <translation>FieldAssist へようこそ</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>FieldAssist talks to Gemini. Choose how to connect; you can change this later in Settings.</source>
        <translation>FieldAssist は Gemini と会話します。接続方法を選んでください。あとで設定から変更できます。</translation>
    </message>
    <message>
        <source>Enter a Gemini &amp;API key</source>
        <translation>Gemini API キーを入力(&amp;A)</translation>
    </message>
    <message>
        <source>Use &amp;Vertex AI with Application Default Credentials</source>
        <translation>Application Default Credentials で Vertex AI を使う(&amp;V)</translation>
    </message>
    <message>
        <source>Continue with the offline &amp;simulator</source>
        <translation>オフラインシミュレーターで続ける(&amp;S)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>続ける(&amp;C)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続ける</translation>
    </message>
    <message>
        <source>Gemini API key</source>
        <translation>Gemini API キー</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>キー(&amp;K):</translation>
    </message>
    <message>
        <source>Create a key at &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;. It is kept in the system keyring.</source>
        <translation>キーは &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; で作成できます。キーはシステムのキーリングに保管されます。</translation>
    </message>
    <message>
        <source>Google Cloud project</source>
        <translation>Google Cloud プロジェクト</translation>
    </message>
    <message>
        <source>Google Cloud location</source>
        <translation>Google Cloud リージョン</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>プロジェクト(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>リージョン(&amp;L):</translation>
    </message>
    <message>
        <source>Sign in first with: gcloud auth application-default login</source>
        <translation>先に次のコマンドでサインインしてください: gcloud auth application-default login</translation>
    </message>
    <message>
        <source>A local stand-in that echoes what it hears. Nothing leaves this computer; useful to try the controls and the camera.</source>
        <translation>聞いた内容をそのまま返すローカルの代役です。このコンピューターの外には何も送られません。操作やカメラを試すのに便利です。</translation>
    </message>
    <message>
        <source>Paste your API key, or pick another option.</source>
        <translation>API キーを貼り付けるか、別の方法を選んでください。</translation>
    </message>
    <message>
        <source>Enter the Google Cloud project to bill.</source>
        <translation>課金先の Google Cloud プロジェクトを入力してください。</translation>
    </message>
    <message>
        <source>Enter a location such as us-central1.</source>
        <translation>us-central1 のようなリージョンを入力してください。</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>{meter}: silent</source>
        <translation>{meter}: 無音</translation>
    </message>
    <message>
        <source>, clipping</source>
        <translation>、クリッピング</translation>
    </message>
    <message>
        <source>below -60</source>
        <translation>-60 未満</translation>
    </message>
    <message>
        <source>{meter}: {rms} dBFS, peak {peak} dBFS{clip}</source>
        <translation>{meter}: {rms} dBFS、ピーク {peak} dBFS{clip}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>レベル</translation>
    </message>
    <message>
        <source>{meter} meter</source>
        <translation>{meter} メーター</translation>
    </message>
    <message>
        <source>{meter} level</source>
        <translation>{meter} レベル</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>聞き取り中</translation>
    </message>
    <message>
        <source>You are speaking</source>
        <translation>あなたが話しています</translation>
    </message>
    <message>
        <source>Assistant speaking</source>
        <translation>アシスタントが話しています</translation>
    </message>
    <message>
        <source>Both speaking</source>
        <translation>両方が話しています</translation>
    </message>
    <message>
        <source>Speaking indicator</source>
        <translation>発話インジケーター</translation>
    </message>
    <message>
        <source>{text}… [{hidden} more characters not shown]</source>
        <translation>{text}… [ほか {hidden} 文字は非表示]</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>ツール</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <source>Tool {name}: {status}</source>
        <translation>ツール {name}: {status}</translation>
    </message>
    <message>
        <source>[interrupted]</source>
        <translation>[中断]</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>書き起こし</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>お知らせを閉じる</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>このお知らせを閉じる</translation>
    </message>
</context>
</TS>
