<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentBay::Core::ApiClient</name>
    <message>
        <location filename="../core/api/apiclient.cpp" line="+36"/>
        <source>The session id must not be empty.</source>
        <translation>会话 ID 不能为空。</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>The idle release timeout and the maximum runtime must be 1 minute or more.</source>
        <translation>空闲释放超时和最长运行时间都必须至少为 1 分钟。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The page number must be 1 or more.</source>
        <translation>页码必须大于或等于 1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The page size must be 1 or more.</source>
        <translation>每页条数必须大于或等于 1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+50"/>
        <source>Unknown status filter &quot;%1&quot;.</source>
        <translation>未知的状态筛选条件“%1”。</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Cannot reach page %1: no more pages available (%2 sessions in all).</source>
        <translation>无法跳转到第 %1 页：没有更多页面（共 %2 个会话）。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Session %1 not found.</source>
        <translation>未找到会话 %1。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Give at least one label.</source>
        <translation>请至少提供一个标签。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label keys and values must not be empty.</source>
        <translation>标签的键和值都不能为空。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Port %1 is outside the allowed range %2 to %3.</source>
        <translation>端口 %1 超出允许的范围 %2 到 %3。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The tool name must not be empty.</source>
        <translation>工具名称不能为空。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Core::ApiError</name>
    <message>
        <location filename="../core/api/apierror.cpp" line="+15"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request id %1</source>
        <translation>请求 ID %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Core::FileTransfer</name>
    <message>
        <location filename="../core/files/filetransfer.cpp" line="+118"/>
        <location line="+3"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+48"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read %1: it changed while it was sent</source>
        <translation>无法读取 %1：发送过程中文件已更改</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+61"/>
        <location line="+14"/>
        <source>Upload of %1 failed: %2</source>
        <translation>上传 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload of %1 failed: the session has %2 bytes, %3 were sent</source>
        <translation>上传 %1 失败：会话中有 %2 字节，已发送 %3 字节</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+76"/>
        <location line="+16"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+42"/>
        <source>Download of %1 failed: %2</source>
        <translation>下载 %1 失败：%2</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Download of %1 failed: the file changed while it was read</source>
        <translation>下载 %1 失败：读取过程中文件已更改</translation>
    </message>
</context>
<context>
    <name>AgentBay::Core::LabelSelector</name>
    <message>
        <location filename="../core/sessions/labelselector.cpp" line="+46"/>
        <source>Empty term: remove the extra comma.</source>
        <translation>空条件：请删除多余的逗号。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A label key is missing before &quot;=&quot;.</source>
        <translation>“=”前缺少标签键。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label key &quot;%1&quot; contains &quot;!&quot;; use key!=value or !key.</source>
        <translation>标签键“%1”包含“!”；请使用 key!=value 或 !key。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The value for &quot;%1&quot; is missing.</source>
        <translation>缺少“%1”的值。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Core::RequestSender</name>
    <message>
        <location filename="../core/api/requestsender.cpp" line="+130"/>
        <source>The server&apos;s TLS certificate is not signed by the CA this connection trusts (%1).</source>
        <translation>服务器的 TLS 证书不是由此连接信任的 CA 签发的（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s TLS certificate is not trusted (%1).</source>
        <translation>服务器的 TLS 证书不受信任（%1）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>OK</source>
        <translation>成功</translation>
    </message>
</context>
<context>
    <name>AgentBay::Core::ResponseParser</name>
    <message>
        <location filename="../core/api/responseparser.cpp" line="+193"/>
        <source>The server&apos;s answer is larger than %1, more than any answer of this API; it was not read.</source>
        <translation>服务器的响应大于 %1，超过了此 API 任何响应的大小；未读取该响应。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server closed the connection without an answer.</source>
        <translation>服务器关闭了连接，未返回响应。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot reach the server: %1</source>
        <translation>无法连接到服务器：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server answered with a redirect (HTTP %1); requests are not sent on. Check the endpoint.</source>
        <translation>服务器返回了重定向（HTTP %1）；请求不会被转发。请检查端点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server answered with a redirect (HTTP %1) to %2; requests are not sent on. Check the endpoint.</source>
        <translation>服务器返回了重定向（HTTP %1），目标为 %2；请求不会被转发。请检查端点。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The server answered HTTP %1.</source>
        <translation>服务器返回 HTTP %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s answer is not a JSON object (%1).</source>
        <translation>服务器的响应不是 JSON 对象（%1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong type</source>
        <translation>类型错误</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The session data is missing from the answer.</source>
        <translation>响应中缺少会话数据。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The session could not be created.</source>
        <translation>无法创建会话。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The answer has no session id.</source>
        <translation>响应中没有会话 ID。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The session list in the answer is not a list.</source>
        <translation>响应中的会话列表不是列表。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The session details are missing from the answer.</source>
        <translation>响应中缺少会话详情。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The labels in the answer are not a JSON object.</source>
        <translation>响应中的标签不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The session information is missing from the answer.</source>
        <translation>响应中缺少会话信息。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The answer has no link URL.</source>
        <translation>响应中没有链接 URL。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The tool list in the answer is not a JSON array.</source>
        <translation>响应中的工具列表不是 JSON 数组。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The tool call returned no data.</source>
        <translation>工具调用未返回数据。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The context status in the answer is not a list.</source>
        <translation>响应中的上下文状态不是列表。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Core::TerminalChannel</name>
    <message>
        <location filename="../core/terminal/terminalchannel.cpp" line="+39"/>
        <source>The terminal channel closed</source>
        <translation>终端通道已关闭</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The terminal channel is not open</source>
        <translation>终端通道未打开</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>pty.create did not return ptySessionId</source>
        <translation>pty.create 未返回 ptySessionId</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No answer from the terminal channel in time</source>
        <translation>终端通道未及时响应</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ActivityDock</name>
    <message>
        <location filename="../ui/window/activitydock.cpp" line="+13"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Activity Log</source>
        <translation>活动日志(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ActivityLogModel</name>
    <message>
        <location filename="../ui/window/activitylogmodel.cpp" line="+51"/>
        <source>%1 (attempt %2)</source>
        <translation>%1（第 %2 次尝试）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in flight</source>
        <translation>进行中</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>OK (%n times)</source>
        <translation>
            <numerusform>成功（%n 次）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ActivityLogView</name>
    <message>
        <location filename="../ui/window/activitylogview.cpp" line="+37"/>
        <source>Activity log</source>
        <translation>活动日志</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::CallHistoryModel</name>
    <message>
        <location filename="../ui/tools/callhistorymodel.cpp" line="+78"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::CallHistoryPage</name>
    <message>
        <location filename="../ui/tools/callhistorypage.cpp" line="+40"/>
        <source>Back to this session&apos;s calls</source>
        <translation>返回此会话的调用</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+57"/>
        <location line="+16"/>
        <location line="+42"/>
        <source>Select a call to see its result.</source>
        <translation>选择一个调用以查看其结果。</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call the same tool again with the same arguments</source>
        <translation>使用相同参数再次调用同一工具</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load arguments</source>
        <translation>载入参数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put this call&apos;s tool and arguments back into the form</source>
        <translation>将此调用的工具和参数填回表单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the selected calls (or all) as JSON lines, without the API key</source>
        <translation>将选中的调用（或全部调用）保存为 JSON Lines，不含 API 密钥</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>View calls exported earlier</source>
        <translation>查看之前导出的调用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear history</source>
        <translation>清除历史</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No calls in this session yet.</source>
        <translation>此会话中还没有调用。</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>Viewing %n call(s) imported from %1.</source>
        <translation>
            <numerusform>正在查看从 %1 导入的 %n 个调用。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export call history</source>
        <translation>导出调用历史</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import call history</source>
        <translation>导入调用历史</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ConnectionController</name>
    <message>
        <location filename="../ui/services/connectioncontroller.cpp" line="+40"/>
        <source>Started agentbay-local at %1</source>
        <translation>已在 %1 启动 agentbay-local</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to agentbay-local at %1</source>
        <translation>已连接到 %1 上的 agentbay-local</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>agentbay-local is now at %1</source>
        <translation>agentbay-local 现在位于 %1</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ConnectionFeedback</name>
    <message>
        <location filename="../ui/window/connectionfeedback.cpp" line="+52"/>
        <source>Refresh failed</source>
        <translation>刷新失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>agentbay-local is not answering: %1. Its sessions are kept.</source>
        <translation>agentbay-local 没有响应：%1。其会话仍然保留。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start agentbay-local</source>
        <translation>启动 agentbay-local</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No connection to %1
%2</source>
        <translation>无法连接到 %1
%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Local server unavailable</source>
        <translation>本地服务器不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No API key is set for the profile &quot;%1&quot;.</source>
        <translation>配置“%1”未设置 API 密钥。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read the API key: %1</source>
        <translation>无法读取 API 密钥：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set API Key…</source>
        <translation>设置 API 密钥…</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::CreateSessionDialog</name>
    <message>
        <location filename="../ui/sessions/createsessiondialog.cpp" line="+37"/>
        <source>New Session</source>
        <translation>新建会话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+141"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>Sent as LoginRegionId, e.g. cn-hangzhou. Leave empty for the default.</source>
        <translation>作为 LoginRegionId 发送，例如 cn-hangzhou。留空则使用默认值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy id</source>
        <translation>策略 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional key/value pairs to find and filter sessions by later, e.g. env = prod.</source>
        <translation>可选的键/值对，便于日后查找和筛选会话，例如 env = prod。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Image:</source>
        <translation>镜像(&amp;I)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Labels:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Policy id:</source>
        <translation>策略 ID(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifecycle:</source>
        <translation>生命周期：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The images this local server can run.</source>
        <translation>此本地服务器可以运行的镜像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local server runs: %1.</source>
        <translation>本地服务器可运行：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A documented image, or a custom image id such as imgc-…</source>
        <translation>文档中列出的镜像，或自定义镜像 ID，例如 imgc-…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a documented image or type a custom image id (imgc-…).</source>
        <translation>选择文档中列出的镜像，或输入自定义镜像 ID（imgc-…）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;This server cannot run the image “%1”.&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;此服务器无法运行镜像“%1”。&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the image id, or pick one from the list.</source>
        <translation>请检查镜像 ID，或从列表中选择一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick one it offers: %1.</source>
        <translation>请选择它提供的镜像：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Could not create the session.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;无法创建会话。&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Creating a %1 session…</source>
        <translation>正在创建 %1 会话…</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::DeleteSessionsDialog</name>
    <message>
        <location filename="../ui/sessions/deletesessionsdialog.cpp" line="+16"/>
        <source>Delete Sessions</source>
        <translation>删除会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete %1? Its processes and workspace are removed for good.</source>
        <translation>删除 %1？其进程和工作区将被永久删除。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n session(s)? Their processes and workspaces are removed for good.</source>
        <translation>
            <numerusform>删除 %n 个会话？它们的进程和工作区将被永久删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused sessions cannot be deleted as they are: they are resumed first.</source>
        <translation>已暂停的会话无法直接删除：将先恢复它们。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused sessions cannot be deleted as they are. &quot;Resume, then Delete All&quot; resumes them first; &quot;Delete Others&quot; leaves them alone.</source>
        <translation>已暂停的会话无法直接删除。“恢复后全部删除”会先恢复它们；“删除其他会话”则不处理它们。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resume, then Delete</source>
        <translation>恢复后删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume, then Delete All</source>
        <translation>恢复后全部删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete Others</source>
        <translation>删除其他会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FanOutPage</name>
    <message>
        <location filename="../ui/tools/fanoutpage.cpp" line="+42"/>
        <source>Sessions labelled</source>
        <translation>带有标签的会话</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>team=qa,env!=prod</source>
        <translation>team=qa,env!=prod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every running session whose labels match this selector</source>
        <translation>标签与此选择器匹配的所有运行中会话</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>At once:</source>
        <translation>同时调用：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How many sessions are called at the same time</source>
        <translation>同时调用的会话数量</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run on all</source>
        <translation>在全部会话上运行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy as Python</source>
        <translation>复制为 Python</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Python SDK loop over these sessions (the key is read from AGENTBAY_API_KEY)</source>
        <translation>遍历这些会话的 Python SDK 循环（密钥从 AGENTBAY_API_KEY 读取）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy as shell</source>
        <translation>复制为 Shell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A shell loop of curl calls (the key is read from $AGENTBAY_API_KEY)</source>
        <translation>由 curl 调用组成的 Shell 循环（密钥从 $AGENTBAY_API_KEY 读取）</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Selected sessions (%1)</source>
        <translation>选中的会话（%1）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Finding the sessions labelled %1…</source>
        <translation>正在查找带有标签 %1 的会话…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select sessions in the list, or type a label selector.</source>
        <translation>请在列表中选择会话，或输入标签选择器。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Reference: %n of the results are the same as this one.</source>
        <translation>
            <numerusform>参考结果：有 %n 个结果与此结果相同。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same as the reference.</source>
        <translation>与参考结果相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Differs in %1</source>
        <translation>不同之处：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A different image.</source>
        <translation>图像不同。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Differs from the reference.</source>
        <translation>与参考结果不同。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n running</source>
        <translation>
            <numerusform>，%n 个运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n not OK</source>
        <translation>
            <numerusform>，%n 个未成功</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>, %n skipped (cancelled)</source>
        <translation>
            <numerusform>，%n 个已跳过（已取消）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · all results are the same</source>
        <translation> · 所有结果都相同</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> · %n differ from the reference</source>
        <translation>
            <numerusform> · %n 个与参考结果不同</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Python loop copied (the API key is read from AGENTBAY_API_KEY).</source>
        <translation>已复制 Python 循环（API 密钥从 AGENTBAY_API_KEY 读取）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shell loop copied (the API key is read from $AGENTBAY_API_KEY).</source>
        <translation>已复制 Shell 循环（API 密钥从 $AGENTBAY_API_KEY 读取）。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FanOutResultCard</name>
    <message>
        <location filename="../ui/tools/fanoutresultcard.cpp" line="+41"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this result in a full result view</source>
        <translation>在完整的结果视图中显示此结果</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>(an image that cannot be shown)</source>
        <translation>（无法显示的图像）</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FanOutRun</name>
    <message>
        <location filename="../ui/tools/fanoutrun.cpp" line="+78"/>
        <source>Type a label selector, e.g. team=qa.</source>
        <translation>请输入标签选择器，例如 team=qa。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No running session matches %1.</source>
        <translation>没有与 %1 匹配的运行中会话。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FieldEditor</name>
    <message>
        <location filename="../ui/tools/fieldeditor.cpp" line="+63"/>
        <source>expected exactly one value</source>
        <translation>应当恰好有一个值</translation>
    </message>
    <message>
        <location line="+98"/>
        <location line="+14"/>
        <source>not set (default %1)</source>
        <translation>未设置（默认为 %1）</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+14"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>JSON object, e.g. {&quot;KEY&quot;: &quot;value&quot;}</source>
        <translation>JSON 对象，例如 {&quot;KEY&quot;: &quot;value&quot;}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>any JSON value</source>
        <translation>任意 JSON 值</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Empty.</source>
        <translation>空。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not set.</source>
        <translation>未设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>+ Add item</source>
        <translation>+ 添加项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+ Add entry</source>
        <translation>+ 添加条目</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove this item</source>
        <translation>删除此项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove this entry</source>
        <translation>删除此条目</translation>
    </message>
    <message>
        <location line="+215"/>
        <source>Not valid JSON: %1.</source>
        <translation>不是有效的 JSON：%1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every entry needs a key.</source>
        <translation>每个条目都需要一个键。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key &quot;%1&quot; is used twice.</source>
        <translation>键“%1”重复使用了。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1, required</source>
        <translation>%1，必填</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FileListView</name>
    <message>
        <location filename="../ui/files/filelistview.cpp" line="+31"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter opens, Backspace goes up, F2 renames, Delete deletes, F5 refreshes; drop files here to upload</source>
        <translation>Enter 打开，Backspace 返回上级，F2 重命名，Delete 删除，F5 刷新；将文件拖放到此处即可上传</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FilePreview</name>
    <message>
        <location filename="../ui/files/filepreview.cpp" line="+33"/>
        <source>Previewed file</source>
        <translation>预览的文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview message</source>
        <translation>预览消息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text preview</source>
        <translation>文本预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image preview</source>
        <translation>图像预览</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image preview area</source>
        <translation>图像预览区域</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a file to preview it</source>
        <translation>选择一个文件以预览</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No session</source>
        <translation>没有会话</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Too big to preview (%1)</source>
        <translation>文件太大，无法预览（%1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading preview…</source>
        <translation>正在加载预览…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Binary file (%1), no preview</source>
        <translation>二进制文件（%1），无预览</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (first %2 of %3)</source>
        <translation>%1（%3 中的前 %2）</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FilesPane</name>
    <message>
        <location filename="../ui/files/filespane.cpp" line="+41"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+32"/>
        <source>Upload files</source>
        <translation>上传文件</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Up</source>
        <translation>上级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up one folder</source>
        <translation>返回上一级文件夹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to the parent folder (Backspace)</source>
        <translation>转到上级文件夹（Backspace）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>主目录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to %1</source>
        <translation>转到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refresh folder</source>
        <translation>刷新文件夹</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>List the folder again (F5)</source>
        <translation>重新列出文件夹内容（F5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+250"/>
        <location line="+9"/>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>Create a folder here</source>
        <translation>在此处创建文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload…</source>
        <translation>上传…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Upload files into this folder (or drop them here)</source>
        <translation>将文件上传到此文件夹（或拖放到此处）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save file as</source>
        <translation>文件另存为</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Download the selected file (or drag it out)</source>
        <translation>下载选中的文件（或将其拖出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+277"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>Rename the selected entry (F2)</source>
        <translation>重命名选中的项目（F2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+292"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-292"/>
        <source>Delete the selected entry (Delete)</source>
        <translation>删除选中的项目（Delete）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder path</source>
        <translation>文件夹路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path in the session</source>
        <translation>会话中的路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a path and press Enter to go there</source>
        <translation>输入路径并按 Enter 前往</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files error</source>
        <translation>文件错误</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File columns</source>
        <translation>文件列</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Session files</source>
        <translation>会话文件</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A folder name cannot contain &quot;/&quot;</source>
        <translation>文件夹名称不能包含“/”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename %1</source>
        <translation>重命名 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A name cannot contain &quot;/&quot;</source>
        <translation>名称不能包含“/”</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete the folder %1 and everything in it?</source>
        <translation>删除文件夹 %1 及其中的所有内容？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is a folder in the session; the file was not uploaded</source>
        <translation>%1 在会话中是一个文件夹；文件未上传</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace %1?</source>
        <translation>替换 %1？</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Uploading %1</source>
        <translation>正在上传 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+46"/>
        <source>Downloading %1</source>
        <translation>正在下载 %1</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Uploaded %1</source>
        <translation>已上传 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved %1 to %2</source>
        <translation>已将 %1 保存到 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload of %1 cancelled</source>
        <translation>已取消上传 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Download of %1 cancelled</source>
        <translation>已取消下载 %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Downloaded %1 for the drop</source>
        <translation>已为拖放下载 %1</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::FilterBar</name>
    <message>
        <location filename="../ui/sessions/filterbar.cpp" line="+26"/>
        <source>Labels: env=prod, team, owner!=bob, !temp</source>
        <translation>标签：env=prod, team, owner!=bob, !temp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Label selector</source>
        <translation>标签选择器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comma-separated terms, all must hold:
  key=value   label has this value
  key!=value  label missing or different
  key         label present
  !key        label absent</source>
        <translation>以逗号分隔的条件，须全部满足：
  key=value   标签为此值
  key!=value  标签不存在或值不同
  key         标签存在
  !key        标签不存在</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search id</source>
        <translation>搜索 ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session id search</source>
        <translation>会话 ID 搜索</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Comma-separated terms: key=value, key!=value, key, !key</source>
        <translation>以逗号分隔的条件：key=value、key!=value、key、!key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matching %1</source>
        <translation>匹配 %1</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::GlanceColumnsProxy</name>
    <message>
        <location filename="../ui/sessions/glancecolumnsproxy.cpp" line="+124"/>
        <source>Released only when deleted.</source>
        <translation>仅在删除时释放。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server reports no release time and the app did not create it with a policy.</source>
        <translation>此服务器未报告释放时间，且本应用创建它时未设置策略。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idle release at %1</source>
        <translation>将于 %1 因空闲而释放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum runtime ends at %1</source>
        <translation>最长运行时间于 %1 结束</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (estimated from the policy set at create)</source>
        <translation>（根据创建时设置的策略估算）</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+39"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="-33"/>
        <source>%1% of %n core(s)</source>
        <translation>
            <numerusform>%n 核中的 %1%</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::KeychainCredentialStore</name>
    <message>
        <location filename="../ui/services/keychaincredentialstore.cpp" line="+41"/>
        <source>Stored in the system keychain</source>
        <translation>已存储在系统钥匙串中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept for this session only: %1</source>
        <translation>仅在本次运行期间保留：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no system keychain is available</source>
        <translation>没有可用的系统钥匙串</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::LabelEditor</name>
    <message>
        <location filename="../ui/sessions/labeleditor.cpp" line="+23"/>
        <source>&amp;Add label</source>
        <translation>添加标签(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Row %1: the key is empty.</source>
        <translation>第 %1 行：键为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row %1: the value of &quot;%2&quot; is empty.</source>
        <translation>第 %1 行：“%2”的值为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Row %1: the key &quot;%2&quot; is used twice.</source>
        <translation>第 %1 行：键“%2”重复使用了。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::LifecyclePolicyEditor</name>
    <message>
        <location filename="../ui/lifecycle/lifecyclepolicyeditor.cpp" line="+16"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Release only when deleted</source>
        <translation>仅在删除时释放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Released after this long without activity; Keep alive starts it again.</source>
        <translation>在无活动达到此时长后释放；“保持活动”会重新计时。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released this long after creation, whatever happens.</source>
        <translation>在创建后达到此时长即释放，无论发生什么。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No automatic release: the session runs (and costs) until you delete it.</source>
        <translation>不会自动释放：会话将一直运行（并计费），直到您将其删除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I&amp;dle release after:</source>
        <translation>空闲释放时间(&amp;D)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Maximum runtime:</source>
        <translation>最长运行时间(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::LifecycleTracker</name>
    <message>
        <location filename="../ui/services/lifecycletracker.cpp" line="+149"/>
        <source>Session %1 will be released soon</source>
        <translation>会话 %1 即将被释放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idle release in %1 unless it is kept alive.</source>
        <translation>如不保持活动，将在 %1 后因空闲而释放。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its maximum runtime ends in %1.</source>
        <translation>其最长运行时间将在 %1 后结束。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Session %1 is gone</source>
        <translation>会话 %1 已不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was released or deleted outside this app.</source>
        <translation>它已在本应用之外被释放或删除。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::LocalServerLauncher</name>
    <message>
        <location filename="../ui/services/localserverlauncher.cpp" line="+102"/>
        <source>Connecting to agentbay-local at %1…</source>
        <translation>正在连接到 %1 上的 agentbay-local…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>agentbay-local was not found next to this application or on PATH.</source>
        <translation>在本应用所在目录和 PATH 中均未找到 agentbay-local。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starting agentbay-local…</source>
        <translation>正在启动 agentbay-local…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not start %1.</source>
        <translation>无法启动 %1。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>agentbay-local did not start within %1 s; see %2.</source>
        <translation>agentbay-local 未在 %1 秒内启动；请查看 %2。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::LocalServerStatus</name>
    <message>
        <location filename="../ui/window/localserverstatus.cpp" line="+35"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop the local server; its sessions end</source>
        <translation>停止本地服务器；其会话将结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the local server</source>
        <translation>停止本地服务器</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Sessions on the local server run without a sandbox, as plain processes with your rights: what runs in them can read and change your files. Start agentbay-local where bubblewrap works (without --allow-unsandboxed) to isolate them.</source>
        <translation>本地服务器上的会话在没有沙箱的情况下运行，是以您的权限运行的普通进程：其中运行的程序可以读取和修改您的文件。请在 bubblewrap 可用的环境中启动 agentbay-local（不带 --allow-unsandboxed）以隔离它们。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Local server: stopped</source>
        <translation>本地服务器：已停止</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local server</source>
        <translation>本地服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local server (no sandbox)</source>
        <translation>本地服务器（无沙箱）</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Local server: %n session(s)</source>
        <translation>
            <numerusform>本地服务器：%n 个会话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Local server (no sandbox): %n session(s)</source>
        <translation>
            <numerusform>本地服务器（无沙箱）：%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agentbay-local at %1, %2. On quit: %3.</source>
        <translation>agentbay-local 位于 %1，%2。退出时：%3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started by this app</source>
        <translation>由本应用启动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>started elsewhere</source>
        <translation>在其他地方启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is stopped</source>
        <translation>将其停止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>it keeps running</source>
        <translation>保持运行</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::MainWindow</name>
    <message>
        <location filename="../ui/window/mainwindow.cpp" line="+89"/>
        <source>AgentBay Desktop</source>
        <translation>AgentBay Desktop</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1 failed</source>
        <translation>%1失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 failed for %2</source>
        <translation>%1失败（%2）</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About AgentBay Desktop</source>
        <translation>关于 AgentBay Desktop(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About AgentBay Desktop</source>
        <translation>关于 AgentBay Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;AgentBay Desktop %1&lt;/h3&gt;&lt;p&gt;See, create, pause, resume and delete AgentBay sessions, edit their labels, open their desktops and call their MCP tools.&lt;/p&gt;&lt;p&gt;The Local profile runs sessions on this machine with agentbay-local.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;AgentBay Desktop %1&lt;/h3&gt;&lt;p&gt;查看、创建、暂停、恢复和删除 AgentBay 会话，编辑其标签，打开其桌面并调用其 MCP 工具。&lt;/p&gt;&lt;p&gt;“本地”配置使用 agentbay-local 在本机上运行会话。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Session columns</source>
        <translation>会话列</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::MemoryCredentialStore</name>
    <message>
        <location filename="../ui/services/memorycredentialstore.cpp" line="+18"/>
        <source>Kept for this session only (no system keychain available)</source>
        <translation>仅在本次运行期间保留（没有可用的系统钥匙串）</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::MetricsGraph</name>
    <message>
        <location filename="../ui/lifecycle/metricsgraph.cpp" line="+37"/>
        <source>CPU and memory of the last 10 minutes</source>
        <translation>最近 10 分钟的 CPU 和内存</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No metrics yet (polled while the session is visible and running)</source>
        <translation>暂无指标（会话可见且运行时才会轮询）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>memory %1 of %2</source>
        <translation>内存 %1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>memory %1</source>
        <translation>内存 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU %1%</source>
        <translation>CPU %1%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>last 10 min</source>
        <translation>最近 10 分钟</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::Profile</name>
    <message>
        <location filename="../ui/services/profilestore.cpp" line="+70"/>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local (agentbay-local on this machine)</source>
        <translation>本地（本机上的 agentbay-local）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AgentBay cloud, Shanghai</source>
        <translation>AgentBay 云，上海</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AgentBay cloud, Singapore</source>
        <translation>AgentBay 云，新加坡</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Custom endpoint</source>
        <translation>自定义端点</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ProfileDialog</name>
    <message>
        <location filename="../ui/profiles/profiledialog.cpp" line="+37"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New Profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Profile</source>
        <translation>编辑配置</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>host[:port] (https) or http(s)://host:port</source>
        <translation>host[:port]（https）或 http(s)://host:port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, e.g. cn-hangzhou</source>
        <translation>可选，例如 cn-hangzhou</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+131"/>
        <source>akm-…</source>
        <translation>akm-…</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Show the key</source>
        <translation>显示密钥</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take the key from AGENTBAY_API_KEY, or from a .env file</source>
        <translation>从 AGENTBAY_API_KEY 或 .env 文件中获取密钥</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Service:</source>
        <translation>服务(&amp;S)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Endpoint:</source>
        <translation>端点(&amp;E)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region:</source>
        <translation>地域(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>No AGENTBAY_API_KEY in the environment or in a .env file.</source>
        <translation>环境变量和 .env 文件中都没有 AGENTBAY_API_KEY。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported from %1.</source>
        <translation>已从 %1 导入。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Read from agentbay-local</source>
        <translation>从 agentbay-local 读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agentbay-local is started when needed; its key is read from its discovery file.</source>
        <translation>agentbay-local 会在需要时启动；其密钥从它的发现文件中读取。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give the profile a name.</source>
        <translation>请为配置命名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <translation>名为“%1”的配置已存在。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter an endpoint such as wuyingai.cn-shanghai.aliyuncs.com or http://127.0.0.1:8080.</source>
        <translation>请输入端点，例如 wuyingai.cn-shanghai.aliyuncs.com 或 http://127.0.0.1:8080。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>⚠ The system keychain is not available: the API key is kept for this run only and has to be entered again after a restart.</source>
        <translation>⚠ 系统钥匙串不可用：API 密钥仅在本次运行期间保留，重启后需要重新输入。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ProfileSwitcher</name>
    <message>
        <location filename="../ui/profiles/profileswitcher.cpp" line="+34"/>
        <source>&amp;Profile</source>
        <translation>配置(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which AgentBay service this window manages</source>
        <translation>此窗口管理的 AgentBay 服务</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;New Profile…</source>
        <translation>新建配置(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit Profile…</source>
        <translation>编辑配置(&amp;E)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Remove Profile</source>
        <translation>删除配置(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New profile…</source>
        <translation>新建配置…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The API key could not be stored: %1</source>
        <translation>无法存储 API 密钥：%1</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::RemoteFileModel</name>
    <message>
        <location filename="../ui/files/remotefilemodel.cpp" line="+79"/>
        <source>No session</source>
        <translation>没有会话</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1
%2 bytes, %3</source>
        <translation>%1
%2 字节，%3</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ResultCards</name>
    <message>
        <location filename="../ui/tools/resultcards.cpp" line="+193"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy to the clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 · text (JSON)</source>
        <translation>%1 · 文本（JSON）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 · text</source>
        <translation>%1 · 文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(empty text)</source>
        <translation>（空文本）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 · shell output</source>
        <translation>%1 · Shell 输出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stdout</source>
        <translation>stdout</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stderr</source>
        <translation>stderr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>trace id %1</source>
        <translation>跟踪 ID %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 · image (%2)</source>
        <translation>%1 · 图像（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · image (%2, %3 × %4, %5)</source>
        <translation>%1 · 图像（%2，%3 × %4，%5）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The image (%1) was not kept in the history.</source>
        <translation>图像（%1）未保存在历史记录中。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The image data (%1) could not be decoded.</source>
        <translation>无法解码图像数据（%1）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 · %2 (%3, %4)</source>
        <translation>%1 · %2（%3，%4）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · resource%2</source>
        <translation>%1 · 资源%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>Copy the URI</source>
        <translation>复制 URI</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Binary content, %1.</source>
        <translation>二进制内容，%1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · resource link: %2</source>
        <translation>%1 · 资源链接：%2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save %1</source>
        <translation>保存 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ResultView</name>
    <message>
        <location filename="../ui/tools/resultview.cpp" line="+60"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the result&apos;s text, its JSON or the request id</source>
        <translation>复制结果的文本、JSON 或请求 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the text of every content item</source>
        <translation>复制每个内容项的文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy JSON</source>
        <translation>复制 JSON</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the whole MCP result as JSON</source>
        <translation>将完整的 MCP 结果复制为 JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy request id</source>
        <translation>复制请求 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the request id (for support and server logs)</source>
        <translation>复制请求 ID（用于技术支持和服务器日志）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pop out</source>
        <translation>弹出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this result in a window of its own</source>
        <translation>在单独的窗口中打开此结果</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No call yet.</source>
        <translation>还没有调用。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Does not match the tool&apos;s output schema</source>
        <translation>与工具的输出 schema 不匹配</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(checked on the JSON text: the result has no structuredContent)</source>
        <translation>（已针对 JSON 文本检查：结果中没有 structuredContent）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tool error</source>
        <translation>工具错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>request %1</source>
        <translation>请求 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request id %1</source>
        <translation>请求 ID %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The call failed</source>
        <translation>调用失败</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The call was cancelled</source>
        <translation>调用已取消</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code: %1</source>
        <translation>代码：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request id: %1</source>
        <translation>请求 ID：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The tool reported an error</source>
        <translation>工具报告了错误</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The tool returned no content.</source>
        <translation>工具未返回任何内容。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>item</source>
        <translation>项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Structured content</source>
        <translation>结构化内容</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Parts of this result were shortened to keep the history small.</source>
        <translation>此结果的部分内容已被截短，以减小历史记录的大小。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ResultWindow</name>
    <message>
        <location filename="../ui/tools/resultwindow.cpp" line="+30"/>
        <source> on %1</source>
        <translation>（会话 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1%2 — result</source>
        <translation>%1%2 — 结果</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SavedCallsPage</name>
    <message>
        <location filename="../ui/tools/savedcallspage.cpp" line="+47"/>
        <source>Collection:</source>
        <translation>集合：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New collection</source>
        <translation>新建集合</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import saved calls</source>
        <translation>导入已保存的调用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved calls (*.json);;All files (*)</source>
        <translation>已保存的调用 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export saved calls</source>
        <translation>导出已保存的调用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved calls (*.json)</source>
        <translation>已保存的调用 (*.json)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save current call…</source>
        <translation>保存当前调用…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the form&apos;s tool and arguments under a name</source>
        <translation>以一个名称保存表单中的工具和参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run the saved call on the current session</source>
        <translation>在当前会话上运行已保存的调用</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load into form</source>
        <translation>载入表单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 — %2 %3</source>
        <translation>%1 — %2 %3</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>A saved call needs a collection and a name.</source>
        <translation>已保存的调用需要集合和名称。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved &quot;%1&quot; in %2.</source>
        <translation>已将“%1”保存到 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+12"/>
        <source>There is no call to save.</source>
        <translation>没有可保存的调用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save call</source>
        <translation>保存调用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name for this %1 call:</source>
        <translation>此 %1 调用的名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Imported %n call(s).</source>
        <translation>
            <numerusform>已导入 %n 个调用。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SchemaFormWidget</name>
    <message>
        <location filename="../ui/tools/schemaformwidget.cpp" line="+69"/>
        <source>This tool&apos;s input schema is beyond the form: %1 Edit the arguments as JSON; they are still checked for what the form understands.</source>
        <translation>此工具的输入 schema 超出了表单的能力：%1 请以 JSON 编辑参数；表单能理解的部分仍会被检查。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This tool takes no arguments.</source>
        <translation>此工具不需要参数。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionActions</name>
    <message>
        <location filename="../ui/sessions/sessionactions.cpp" line="+34"/>
        <source>&amp;New Session…</source>
        <translation>新建会话(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Desktop</source>
        <translation>打开桌面(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Session ID</source>
        <translation>复制会话 ID(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a session (Ctrl+N)</source>
        <translation>创建会话（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause the selected running sessions (Ctrl+Shift+P)</source>
        <translation>暂停选中的运行中会话（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume the selected paused sessions (Ctrl+Shift+R)</source>
        <translation>恢复选中的已暂停会话（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected sessions (Del)</source>
        <translation>删除选中的会话（Del）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the session list now (F5)</source>
        <translation>立即刷新会话列表（F5）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desktop</source>
        <translation>桌面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the desktop of the selected sessions in the browser (Ctrl+O)</source>
        <translation>在浏览器中打开选中会话的桌面（Ctrl+O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected session ids (Ctrl+Shift+C)</source>
        <translation>复制选中会话的 ID（Ctrl+Shift+C）</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionCommands</name>
    <message>
        <location filename="../ui/sessions/sessioncommands.cpp" line="+102"/>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Copied %n session id(s)</source>
        <translation>
            <numerusform>已复制 %n 个会话 ID</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionController</name>
    <message>
        <location filename="../ui/services/sessioncontroller.cpp" line="+120"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+3"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Created %1</source>
        <translation>已创建 %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Paused %1</source>
        <translation>已暂停 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resumed %1</source>
        <translation>已恢复 %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Resume before delete</source>
        <translation>删除前恢复</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+5"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+9"/>
        <location line="+7"/>
        <source>Open desktop</source>
        <translation>打开桌面</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>The session has no desktop URL.</source>
        <translation>该会话没有桌面 URL。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No application could open the desktop URL.</source>
        <translation>没有应用程序能打开桌面 URL。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionDetailEmptyPage</name>
    <message numerus="yes">
        <location filename="../ui/sessions/sessiondetailemptypage.cpp" line="+31"/>
        <source>The filter hides all %n session(s).

Clear filters (Alt+L) shows them again.</source>
        <translation>
            <numerusform>筛选条件隐藏了全部 %n 个会话。

“清除筛选条件”(Alt+L) 可重新显示它们。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The filter leaves no session to show.</source>
        <translation>当前筛选条件下没有可显示的会话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sessions yet.

Create one with New Session (Ctrl+N).</source>
        <translation>还没有会话。

使用“新建会话”（Ctrl+N）创建一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a session to see its details.</source>
        <translation>选择一个会话以查看其详细信息。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionDetailPane</name>
    <message>
        <location filename="../ui/sessions/sessiondetailpane.cpp" line="+63"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+1"/>
        <source>Copy session id</source>
        <translation>复制会话 ID</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+220"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (Alt+%2)</source>
        <translation>%1（Alt+%2）</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+5"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copied to the clipboard</source>
        <translation>已复制到剪贴板</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Resource URL</source>
        <translation>资源 URL</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Auth code</source>
        <translation>授权码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket</source>
        <translation>票据</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+182"/>
        <location line="+41"/>
        <location line="+4"/>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:</source>
        <translation>地域：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy:</source>
        <translation>策略：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the service for the connection details again</source>
        <translation>重新向服务获取连接详情</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Desktop connection</source>
        <translation>桌面连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resource URL:</source>
        <translation>资源 URL：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App id:</source>
        <translation>应用 ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth code:</source>
        <translation>授权码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket:</source>
        <translation>票据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource id:</source>
        <translation>资源 ID：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource type:</source>
        <translation>资源类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection properties:</source>
        <translation>连接属性：</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Labels •</source>
        <translation>标签 •</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Lifecycle and usage</source>
        <translation>生命周期和用量</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+39"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>%1 or earlier (first seen then)</source>
        <translation>%1 或更早（首次发现于此时）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not load the connection details: %1</source>
        <translation>无法加载连接详情：%1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No application could open the desktop URL.</source>
        <translation>没有应用程序能打开桌面 URL。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionLabelsPage</name>
    <message>
        <location filename="../ui/sessions/sessionlabelspage.cpp" line="+24"/>
        <source>Save &amp;labels</source>
        <translation>保存标签(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the labels (Ctrl+S)</source>
        <translation>保存标签（Ctrl+S）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving replaces all labels of the session.</source>
        <translation>保存将替换该会话的所有标签。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Unsaved Labels</source>
        <translation>未保存的标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The labels of %1 were changed but not saved.</source>
        <translation>%1 的标签已更改但尚未保存。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not save the labels of %1: %2</source>
        <translation>无法保存 %1 的标签：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+47"/>
        <source>Labels of %1 saved</source>
        <translation>已保存 %1 的标签</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Could not save the labels: %1</source>
        <translation>无法保存标签：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved, but reloading failed: %1</source>
        <translation>已保存，但重新加载失败：%1</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionLifecyclePanel</name>
    <message>
        <location filename="../ui/lifecycle/sessionlifecyclepanel.cpp" line="+22"/>
        <source>&amp;Keep alive</source>
        <translation>保持活动(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep alive &amp;while shown here</source>
        <translation>在此显示时保持活动(&amp;W)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restart the idle release timer of this session now</source>
        <translation>立即重新开始此会话的空闲释放计时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart the idle release timer again and again while this session is shown in this pane (before a third of its idle time has passed)</source>
        <translation>在此窗格中显示此会话期间反复重新开始空闲释放计时（在空闲时间过去三分之一之前）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filled: CPU; line: memory; both in percent. Sampled while the session is running and shown in the table or here.</source>
        <translation>填充区域：CPU；折线：内存；均为百分比。会话运行且显示在表格或此处时进行采样。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not keep %1 alive: %2</source>
        <translation>无法使 %1 保持活动：%2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Release: unknown (the service does not say, and this app did not create it)</source>
        <translation>释放时间：未知（服务未提供，且不是由本应用创建的）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release: never (only a delete ends it)</source>
        <translation>释放时间：永不（只有删除才会结束它）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Released in %1 unless it is used or kept alive</source>
        <translation>如不使用或保持活动，将在 %1 后释放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released in %1 (its maximum runtime)</source>
        <translation>将在 %1 后释放（其最长运行时间）</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionLinksPage</name>
    <message>
        <location filename="../ui/sessions/sessionlinkspage.cpp" line="+28"/>
        <source>Open &amp;desktop</source>
        <translation>打开桌面(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the session&apos;s desktop stream (ResourceUrl) in the browser</source>
        <translation>在浏览器中打开会话的桌面流（ResourceUrl）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Streams the session&apos;s desktop with mouse and keyboard control.</source>
        <translation>以串流方式显示会话桌面，可用鼠标和键盘操作。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A port a service listens on inside the session (30100 to 30199)</source>
        <translation>会话内某个服务监听的端口（30100 到 30199）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Get link</source>
        <translation>获取链接(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick a port and press Get link</source>
        <translation>选择端口并点击“获取链接”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No application could open this link.</source>
        <translation>没有应用程序能打开此链接。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link copied to the clipboard</source>
        <translation>链接已复制到剪贴板</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Desktop</source>
        <translation>桌面</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Port link</source>
        <translation>端口链接</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Could not get a link: %1</source>
        <translation>无法获取链接：%1</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionListModel</name>
    <message>
        <location filename="../ui/sessions/sessionlistmodel.cpp" line="+106"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pausing</source>
        <translation>暂停中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resuming</source>
        <translation>恢复中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting</source>
        <translation>删除中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1m</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1h %2m</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <location line="+48"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+2"/>
        <location line="+4"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1

Last action failed: %2</source>
        <translation>%1

上次操作失败：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 since %2</source>
        <translation>%1，自 %2 起</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading labels…</source>
        <translation>正在加载标签…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No labels</source>
        <translation>无标签</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Created %1</source>
        <translation>已创建 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First seen %1 (the server does not say when it was created)</source>
        <translation>首次发现于 %1（服务器未提供创建时间）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading details…</source>
        <translation>正在加载详情…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time since this app first saw the session</source>
        <translation>自本应用首次发现该会话以来的时间</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SessionTableView</name>
    <message>
        <location filename="../ui/sessions/sessiontableview.cpp" line="+34"/>
        <source>C&amp;lear filters</source>
        <translation>清除筛选条件(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Empty the label, status and id filters</source>
        <translation>清空标签、状态和 ID 筛选条件</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>No session matches the filter.</source>
        <translation>没有与筛选条件匹配的会话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading sessions…</source>
        <translation>正在加载会话…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sessions yet.
Create one with New Session (Ctrl+N).</source>
        <translation>还没有会话。
使用“新建会话”（Ctrl+N）创建一个。</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Fit to &amp;Width</source>
        <translation>适应宽度(&amp;W)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show CPU, Memory, Remaining and Disk as far as the table&apos;s width allows</source>
        <translation>在表格宽度允许的范围内显示 CPU、内存、剩余时间和磁盘</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::SettingsDialog</name>
    <message>
        <location filename="../ui/window/settingsdialog.cpp" line="+23"/>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>关闭窗口时在托盘中继续运行(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>How often the session list is refreshed. Sessions that are pausing, resuming or being deleted are polled faster until they settle.</source>
        <translation>会话列表的刷新频率。正在暂停、恢复或删除的会话会被更频繁地轮询，直到状态稳定。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How long to wait for the service before a request counts as timed out.</source>
        <translation>请求等待服务响应多长时间后视为超时。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh the list every:</source>
        <translation>列表刷新间隔(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default for this profile: %1 s</source>
        <translation>此配置的默认值：%1 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request &amp;timeout:</source>
        <translation>请求超时(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop it if this app started it and no one else uses it</source>
        <translation>如果由本应用启动且无其他使用者，则停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Always stop it</source>
        <translation>总是停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it running</source>
        <translation>保持运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;No one else&quot;: every session on the local server was created by this app in this run.</source>
        <translation>“无其他使用者”：本地服务器上的每个会话都是本应用在本次运行中创建的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On &amp;quit, the local server:</source>
        <translation>退出时，本地服务器(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tray and notifications</source>
        <translation>托盘和通知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tray icon brings the window back; Quit in the File or tray menu ends the app.</source>
        <translation>点击托盘图标可重新打开窗口；使用“文件”菜单或托盘菜单中的“退出”可结束应用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notify me when:</source>
        <translation>在以下情况通知我：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A pause, resume or delete &amp;finished</source>
        <translation>暂停、恢复或删除已完成(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pause, resume or delete f&amp;ailed</source>
        <translation>暂停、恢复或删除失败(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A session &amp;disappeared that this app did not delete</source>
        <translation>某个会话消失了，但不是本应用删除的(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A session will be released soon for being &amp;idle</source>
        <translation>某个会话即将因空闲而被释放(&amp;I)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This desktop has no system tray: closing the window quits the app.</source>
        <translation>此桌面没有系统托盘：关闭窗口将退出应用。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Takes effect the next time AgentBay Desktop starts.</source>
        <translation>下次启动 AgentBay Desktop 时生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::StatusIndicators</name>
    <message>
        <location filename="../ui/window/statusindicators.cpp" line="+41"/>
        <source>Last Error</source>
        <translation>最近的错误</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Profile: %1</source>
        <translation>配置：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refreshed %1</source>
        <translation>已于 %1 刷新</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not refreshed yet</source>
        <translation>尚未刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 request in flight</source>
        <translation>1 个请求进行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 requests in flight</source>
        <translation>%1 个请求进行中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::TerminalPanel</name>
    <message>
        <location filename="../ui/terminal/terminalpanel.cpp" line="+16"/>
        <source>Select a session to open a terminal in it.</source>
        <translation>选择一个会话以在其中打开终端。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::TerminalSessionPage</name>
    <message>
        <location filename="../ui/terminal/terminalsessionpage.cpp" line="+24"/>
        <source>&amp;New terminal</source>
        <translation>新建终端(&amp;N)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another shell in this session (Ctrl+Tab leaves a terminal)</source>
        <translation>在此会话中再打开一个 Shell（Ctrl+Tab 离开终端）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Disconnected: %1</source>
        <translation>已断开连接：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[disconnected]</source>
        <translation>[已断开连接]</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>[cannot open a terminal: %1]</source>
        <translation>[无法打开终端：%1]</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>[exited with code %1]</source>
        <translation>[已退出，退出码 %1]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (ended)</source>
        <translation>%1（已结束）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Terminal %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot reach the session: %1</source>
        <translation>无法连接到会话：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This service offers no terminal for the session (no WsUrl).</source>
        <translation>此服务没有为该会话提供终端（没有 WsUrl）。</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::TerminalView</name>
    <message>
        <location filename="../ui/terminal/terminalview.cpp" line="+88"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ToolBrowser</name>
    <message>
        <location filename="../ui/tools/toolbrowser.cpp" line="+30"/>
        <source>Search tools</source>
        <translation>搜索工具</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Loading tools…</source>
        <translation>正在加载工具…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not load the tools: %1</source>
        <translation>无法加载工具：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This image (%1) has no tools.</source>
        <translation>此镜像（%1）没有工具。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tool(s) · %1</source>
        <translation>
            <numerusform>%n 个工具 · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ToolCallForm</name>
    <message>
        <location filename="../ui/tools/toolcallform.cpp" line="+85"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{&quot;name&quot;: &quot;value&quot;}</source>
        <translation>{&quot;name&quot;: &quot;value&quot;}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Call</source>
        <translation>调用</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+246"/>
        <source>Call the tool (Ctrl+Enter)</source>
        <translation>调用工具（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop waiting for the running call (Esc)</source>
        <translation>停止等待正在进行的调用（Esc）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+288"/>
        <source>Timeout </source>
        <translation>超时 </translation>
    </message>
    <message>
        <location line="-287"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long to wait for this call&apos;s answer, in seconds</source>
        <translation>等待此调用响应的时长，单位为秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy as code</source>
        <translation>复制为代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this call as a Python SDK snippet or a curl command</source>
        <translation>将此调用复制为 Python SDK 代码片段或 curl 命令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Python (AgentBay SDK)</source>
        <translation>Python（AgentBay SDK）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curl</source>
        <translation>curl</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Fix the JSON before switching to the form. %1</source>
        <translation>切换到表单前请先修正 JSON。%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These arguments cannot be shown in the form without changing them: %1</source>
        <translation>这些参数无法在不修改的情况下显示在表单中：%1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Valid arguments.</source>
        <translation>参数有效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid JSON. Only part of this schema can be checked: %1</source>
        <translation>JSON 有效。此 schema 只能部分检查：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pick a tool first.</source>
        <translation>请先选择一个工具。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the arguments first: %1</source>
        <translation>请先修正参数：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the %1 problems in the arguments first.</source>
        <translation>请先修正参数中的 %1 个问题。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ctrl+Enter to call</source>
        <translation>按 Ctrl+Enter 调用</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ToolHeader</name>
    <message>
        <location filename="../ui/tools/toolheader.cpp" line="+52"/>
        <source>Pick a tool</source>
        <translation>选择一个工具</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose one of the session&apos;s tools on the left to see its arguments and call it.</source>
        <translation>在左侧选择会话的一个工具，查看其参数并调用它。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(no description)</source>
        <translation>（无描述）</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ToolListModel</name>
    <message>
        <location filename="../ui/tools/toollistmodel.cpp" line="+32"/>
        <source>(no server)</source>
        <translation>（无服务器）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::ToolPanel</name>
    <message>
        <location filename="../ui/tools/toolpanel.cpp" line="+84"/>
        <source>Running %1… %2 s</source>
        <translation>正在运行 %1… %2 秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pick a tool first.</source>
        <translation>请先选择一个工具。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Select a session to see and call its MCP tools.</source>
        <translation>选择一个会话以查看并调用其 MCP 工具。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many sessions</source>
        <translation>多个会话</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No call yet.</source>
        <translation>还没有调用。</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+185"/>
        <source>This session has no tool named %1.</source>
        <translation>此会话没有名为 %1 的工具。</translation>
    </message>
    <message>
        <location line="-162"/>
        <source>This session is paused. Resume it to call its tools.</source>
        <translation>此会话已暂停。恢复后才能调用其工具。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This session is being paused; tools cannot be called now.</source>
        <translation>此会话正在暂停；现在无法调用工具。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This session is resuming; tools can be called once it is running.</source>
        <translation>此会话正在恢复；运行后即可调用工具。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This session is being deleted.</source>
        <translation>此会话正在被删除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This session has been deleted.</source>
        <translation>此会话已被删除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This session is in an error state (%1); tools cannot be called.</source>
        <translation>此会话处于错误状态（%1）；无法调用工具。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No session.</source>
        <translation>没有会话。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 was not run.</source>
        <translation>%1 未运行。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Calling %1…</source>
        <translation>正在调用 %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Python snippet copied (the API key is read from AGENTBAY_API_KEY).</source>
        <translation>已复制 Python 代码片段（API 密钥从 AGENTBAY_API_KEY 读取）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curl command copied (the API key is read from $AGENTBAY_API_KEY).</source>
        <translation>已复制 curl 命令（API 密钥从 $AGENTBAY_API_KEY 读取）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Pick a tool to run on many sessions.</source>
        <translation>选择一个工具以在多个会话上运行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>every chosen session</source>
        <translation>每个选中的会话</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::TransferBar</name>
    <message>
        <location filename="../ui/files/transferbar.cpp" line="+21"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer status</source>
        <translation>传输状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer progress</source>
        <translation>传输进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel transfer</source>
        <translation>取消传输</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the transfer; nothing half-written is kept</source>
        <translation>停止传输；不会保留写了一半的内容</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1: moving into place…</source>
        <translation>%1：正在移动到位…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: %2 of %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::TrayController</name>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="+70"/>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 (paused)</source>
        <translation>%1（已暂停）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep alive</source>
        <translation>保持活动</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n more in the window</source>
        <translation>
            <numerusform>窗口中还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No running sessions</source>
        <translation>没有运行中的会话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pause all running</source>
        <translation>暂停所有运行中的会话</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>AgentBay Desktop: %n running session(s)</source>
        <translation>
            <numerusform>AgentBay Desktop：%n 个运行中的会话</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentBay::Ui::TrayIntegration</name>
    <message>
        <location filename="../ui/tray/trayintegration.cpp" line="+59"/>
        <source>AgentBay Desktop</source>
        <translation>AgentBay Desktop</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 failed for %2</source>
        <translation>%1失败（%2）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Keep Alive</source>
        <translation>保持活动(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart the idle release timer of the selected sessions</source>
        <translation>重新开始选中会话的空闲释放计时</translation>
    </message>
</context>
<context>
    <name>CloseButton</name>
    <message>
        <location filename="qtstandardtexts.cpp" line="+53"/>
        <source>Close Tab</source>
        <translation>关闭标签页</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <location filename="../core/config/config.cpp" line="+86"/>
        <source>Cannot read the CA certificate %1: %2</source>
        <translation>无法读取 CA 证书 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 中没有 PEM 证书</translation>
    </message>
</context>
<context>
    <name>DestructiveCallGuard</name>
    <message>
        <location filename="../ui/tools/destructivecallguard.cpp" line="+18"/>
        <source>Run %1?</source>
        <translation>运行 %1？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is marked destructive: it may delete or overwrite data in %2.</source>
        <translation>%1 被标记为破坏性操作：它可能会删除或覆盖 %2 中的数据。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Don&apos;t ask again for this tool</source>
        <translation>不再为此工具询问</translation>
    </message>
</context>
<context>
    <name>JsonSchemaForm</name>
    <message>
        <location filename="../core/tools/jsonschemaform.cpp" line="+52"/>
        <source>default %1</source>
        <translation>默认 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>up to %n character(s)</source>
        <translation>
            <numerusform>最多 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Must not be null.</source>
        <translation>不能为 null。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Must be greater than %1.</source>
        <translation>必须大于 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be at least %1.</source>
        <translation>必须至少为 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Must be less than %1.</source>
        <translation>必须小于 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be at most %1.</source>
        <translation>必须至多为 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Must be a multiple of %1.</source>
        <translation>必须是 %1 的倍数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Must be text.</source>
        <translation>必须是文本。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Must be at least %n character(s) long.</source>
        <translation>
            <numerusform>长度必须至少为 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Must be at most %n character(s) long.</source>
        <translation>
            <numerusform>长度必须至多为 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Must match the pattern %1.</source>
        <translation>必须匹配模式 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Must be a number.</source>
        <translation>必须是数字。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Must be a whole number.</source>
        <translation>必须是整数。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Must be true or false.</source>
        <translation>必须是 true 或 false。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Must be one of: %1.</source>
        <translation>必须是以下之一：%1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Must be a list.</source>
        <translation>必须是列表。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Needs at least %n item(s).</source>
        <translation>
            <numerusform>至少需要 %n 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Takes at most %n item(s).</source>
        <translation>
            <numerusform>最多只能有 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Repeats an earlier item.</source>
        <translation>与前面的某一项重复。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+27"/>
        <source>Must be an object.</source>
        <translation>必须是对象。</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+45"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+49"/>
        <source>Is not a known field.</source>
        <translation>不是已知的字段。</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Must be a JSON object.</source>
        <translation>必须是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be a JSON list.</source>
        <translation>必须是 JSON 列表。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 is null.</source>
        <translation>%1 为 null。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not text.</source>
        <translation>%1 不是文本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is an empty text.</source>
        <translation>%1 是空文本。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a number.</source>
        <translation>%1 不是数字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not true or false.</source>
        <translation>%1 不是 true 或 false。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not one of its choices.</source>
        <translation>%1 不在可选值中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a list.</source>
        <translation>%1 不是列表。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is an empty list.</source>
        <translation>%1 是空列表。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+21"/>
        <source>%1 is not an object.</source>
        <translation>%1 不是对象。</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+21"/>
        <source>%1 is an empty object.</source>
        <translation>%1 是空对象。</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+43"/>
        <source>%1 is not a field of the form.</source>
        <translation>%1 不是表单中的字段。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The arguments must be a JSON object, like {&quot;name&quot;: &quot;value&quot;}.</source>
        <translation>参数必须是 JSON 对象，例如 {&quot;name&quot;: &quot;value&quot;}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key/value pairs</source>
        <translation>键/值对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>JsonSchemaReader</name>
    <message>
        <location filename="../core/tools/jsonschemareader.cpp" line="+81"/>
        <source>The arguments are not described as an object.</source>
        <translation>参数未被描述为对象。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The arguments use &quot;%1&quot;, which the form does not support.</source>
        <translation>参数使用了表单不支持的“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The arguments allow free properties beside the named ones.</source>
        <translation>参数允许在具名属性之外使用任意属性。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 accepts one of several shapes (%2).</source>
        <translation>%1 接受多种形式之一（%2）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 uses a reference ($ref).</source>
        <translation>%1 使用了引用（$ref）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 accepts one of several shapes.</source>
        <translation>%1 接受多种形式之一。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 uses &quot;%2&quot;, which the form does not support.</source>
        <translation>%1 使用了表单不支持的“%2”。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 accepts several types (%2).</source>
        <translation>%1 接受多种类型（%2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has an unreadable type.</source>
        <translation>%1 的类型无法读取。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 offers structured values to choose from.</source>
        <translation>%1 提供结构化的值供选择。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 has the type &quot;%2&quot;, which the form does not support.</source>
        <translation>%1 的类型为“%2”，表单不支持该类型。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is a list with a fixed shape per position.</source>
        <translation>%1 是每个位置形式固定的列表。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a list of lists.</source>
        <translation>%1 是列表的列表。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 mixes named and free properties.</source>
        <translation>%1 混合了具名属性和任意属性。</translation>
    </message>
</context>
<context>
    <name>OutputSchemaCheck</name>
    <message>
        <location filename="../core/tools/outputschemacheck.cpp" line="+15"/>
        <source>Not checked against the output schema (no structured result).</source>
        <translation>未针对输出 schema 检查（没有结构化结果）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matches the output schema (checked on the text, no structuredContent).</source>
        <translation>与输出 schema 匹配（已针对文本检查，没有 structuredContent）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>structuredContent matches the output schema.</source>
        <translation>structuredContent 与输出 schema 匹配。</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Does not match the output schema (%n problem(s)): %1</source>
        <translation>
            <numerusform>与输出 schema 不匹配（%n 个问题）：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>structuredContent must be a JSON object</source>
        <translation>structuredContent 必须是 JSON 对象</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <location filename="qtstandardtexts.cpp" line="+5"/>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays help on commandline options.</source>
        <translation>显示命令行选项的帮助。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays help including Qt specific options.</source>
        <translation>显示帮助，包括 Qt 特有的选项。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays version information.</source>
        <translation>显示版本信息。</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <location line="-9"/>
        <source>Float</source>
        <translation>浮动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undocks and re-attaches the dock widget</source>
        <translation>使停靠窗口脱离或重新停靠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes the dock widget</source>
        <translation>关闭停靠窗口</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <location line="-26"/>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without Saving</source>
        <translation>关闭且不保存</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-29"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>全部保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>全部是(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>全部否(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>恢复默认值</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <location line="+21"/>
        <source>Scroll Left</source>
        <translation>向左滚动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scroll Right</source>
        <translation>向右滚动</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="-9"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link Location</source>
        <translation>复制链接地址(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
</context>
<context>
    <name>RemainingTime</name>
    <message>
        <location filename="../core/sessions/remainingtime.cpp" line="+87"/>
        <source>%1h %2m</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1m %2s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>due</source>
        <translation>已到期</translation>
    </message>
</context>
<context>
    <name>RemoteFiles</name>
    <message>
        <location filename="../core/files/remotefiles.cpp" line="+16"/>
        <source>The tool failed</source>
        <translation>工具执行失败</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+126"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The file&apos;s bytes did not arrive as base64</source>
        <translation>文件内容未以 base64 形式传来</translation>
    </message>
</context>
<context>
    <name>SavedCallStore</name>
    <message>
        <location filename="../core/tools/savedcallstore.cpp" line="+79"/>
        <source>Not JSON: %1</source>
        <translation>不是 JSON：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a saved-calls file (no JSON object).</source>
        <translation>不是已保存调用文件（没有 JSON 对象）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a saved-calls file (no &quot;collections&quot; list).</source>
        <translation>不是已保存调用文件（没有“collections”列表）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved by a newer version (format %1).</source>
        <translation>由更新的版本保存（格式 %1）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A collection has no name.</source>
        <translation>有一个集合没有名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A call in &quot;%1&quot; has no name or no tool.</source>
        <translation>“%1”中有一个调用没有名称或工具。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot create the folder</source>
        <translation>无法创建文件夹</translation>
    </message>
</context>
<context>
    <name>SessionMetrics</name>
    <message>
        <location filename="../core/sessions/sessionmetrics.cpp" line="+54"/>
        <source>get_metrics returned non-object JSON</source>
        <translation>get_metrics 返回了非对象的 JSON</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>get_metrics failed</source>
        <translation>get_metrics 失败</translation>
    </message>
</context>
<context>
    <name>ToolBadges</name>
    <message>
        <location filename="../ui/tools/toolbadges.cpp" line="+13"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Does not change its environment</source>
        <translation>不会更改其环境</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>destructive</source>
        <translation>破坏性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May delete or overwrite data; asks before it runs</source>
        <translation>可能删除或覆盖数据；运行前会询问</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>idempotent</source>
        <translation>幂等</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calling it again with the same arguments changes nothing more</source>
        <translation>使用相同参数再次调用不会产生更多变化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>open world</source>
        <translation>开放世界</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>May reach outside the session (e.g. the network)</source>
        <translation>可能访问会话之外的资源（例如网络）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>output schema</source>
        <translation>输出 schema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Declares the shape of its result; results are checked</source>
        <translation>声明了结果的结构；结果会被检查</translation>
    </message>
</context>
<context>
    <name>ToolCallHistory</name>
    <message numerus="yes">
        <location filename="../core/tools/toolcallhistory.cpp" line="+73"/>
        <source>
… [%n more character(s) not kept in history]</source>
        <translation>
            <numerusform>
… [还有 %n 个字符未保存在历史记录中]</numerusform>
        </translation>
    </message>
    <message>
        <location line="+96"/>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tool error</source>
        <translation>工具错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>[structured content not kept in history]</source>
        <translation>[结构化内容未保存在历史记录中]</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>[%n more content item(s) not kept in history]</source>
        <translation>
            <numerusform>[还有 %n 个内容项未保存在历史记录中]</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+10"/>
        <location line="+26"/>
        <source>Cannot write the call history: %1</source>
        <translation>无法写入调用历史：%1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Cannot create the folder %1 for the call history.</source>
        <translation>无法为调用历史创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>ToolCallHistoryExport</name>
    <message>
        <location filename="../core/tools/toolcallhistoryexport.cpp" line="+38"/>
        <source>Line %1 is not JSON: %2</source>
        <translation>第 %1 行不是 JSON：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line %1 is not a tool call record.</source>
        <translation>第 %1 行不是工具调用记录。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>WaitingOperations</name>
    <message>
        <location filename="../core/api/waitingoperations.cpp" line="+26"/>
        <source>Session %1 is running again; the pause did not take effect.</source>
        <translation>会话 %1 再次处于运行状态；暂停未生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session %1 is paused again; the resume did not take effect.</source>
        <translation>会话 %1 再次处于暂停状态；恢复未生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session %1 is %2 while pausing (expected PAUSING, then PAUSED).</source>
        <translation>会话 %1 在暂停过程中处于 %2 状态（预期先为 PAUSING，然后为 PAUSED）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session %1 is %2 while resuming (expected RESUMING, then RUNNING).</source>
        <translation>会话 %1 在恢复过程中处于 %2 状态（预期先为 RESUMING，然后为 RUNNING）。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Session %1 did not pause within %2 s.</source>
        <translation>会话 %1 未在 %2 秒内暂停。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session %1 did not resume within %2 s.</source>
        <translation>会话 %1 未在 %2 秒内恢复。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Session %1 was not deleted within %2 s.</source>
        <translation>会话 %1 未在 %2 秒内删除。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/desktop.cpp" line="+75"/>
        <source>Manage AgentBay sessions: local or in the cloud.</source>
        <translation>管理 AgentBay 会话：本地或云端。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start with the saved profile &lt;name&gt; (default: the last used, or Local).</source>
        <translation>以已保存的配置 &lt;name&gt; 启动（默认：上次使用的配置，或“本地”）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to &lt;url&gt; (host[:port] means https) instead of a profile. The API key comes from --api-key-file, AGENTBAY_API_KEY or a .env file.</source>
        <translation>连接到 &lt;url&gt;（host[:port] 表示 https），而不是使用配置。API 密钥来自 --api-key-file、AGENTBAY_API_KEY 或 .env 文件。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the API key for --endpoint from &lt;file&gt;.</source>
        <translation>从 &lt;file&gt; 读取 --endpoint 所用的 API 密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the window, complete one refresh, then exit: 0 on success, 1 with a message on failure.</source>
        <translation>显示窗口，完成一次刷新后退出：成功时返回 0，失败时返回 1 并输出消息。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print debug messages (requests, retries, tool calls) to stderr.</source>
        <translation>将调试消息（请求、重试、工具调用）打印到 stderr。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read the API key file %1: %2</source>
        <translation>无法读取 API 密钥文件 %1：%2</translation>
    </message>
</context>
</TS>
