// SPDX-License-Identifier: MIT
#include "sandboxagent.h"

namespace AgentBay::Server {

namespace {

// Output is collected in anonymous temporary files, not pipes: a background process that
// inherits stdout (`nohup server &`) must not keep the call open. Each exec gets its own
// process group so a timeout kills the command and its children.
const char kAgent[] = R"PY(
import base64, json, os, signal, subprocess, sys, tempfile, threading, time
LIMIT = @LIMIT@
TAIL = @TAIL@
HARD = @HARD@
CHECK = 0.25
# A process group of its own per exec; process_group (3.11+) keeps Popen on its vfork path,
# which start_new_session leaves (a fork there costs up to ~8 ms on a busy 2-core VM).
GROUP = {'process_group': 0} if sys.version_info >= (3, 11) else {'start_new_session': True}
lock = threading.Lock()
spawn_lock = threading.Lock()
active = set()
expirers = {}
def send(obj):
    data = (json.dumps(obj, separators=(',', ':')) + '\n').encode()
    with lock:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
def kids(pid):
    out = []
    try:
        for t in os.listdir('/proc/%d/task' % pid):
            with open('/proc/%d/task/%s/children' % (pid, t)) as f:
                out.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return out
def tree(pid):
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids(p))
    return out
def kill(pid):
    pids = tree(pid)
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    for q in pids:
        try:
            os.kill(q, signal.SIGKILL)
        except OSError:
            pass
def grab(res, key, f):
    # The start and the end of a long output, never all of it: the host's memory is bounded.
    size = f.seek(0, 2)
    f.seek(0)
    if size <= LIMIT:
        res[key] = base64.b64encode(f.read()).decode()
        return
    res[key] = base64.b64encode(f.read(LIMIT - TAIL)).decode()
    f.seek(size - TAIL)
    res[key + 'Tail'] = base64.b64encode(f.read(TAIL)).decode()
    res[key + 'Size'] = size
def run(req):
    rid = req['id']
    res = {'id': rid}
    try:
        env = dict(os.environ)
        env.update(req.get('env') or {})
        with tempfile.TemporaryFile() as o, tempfile.TemporaryFile() as e, tempfile.TemporaryFile() as i:
            if 'stdin' in req:
                i.write(base64.b64decode(req['stdin']))
                i.seek(0)
            with spawn_lock:
                p = subprocess.Popen(['/bin/sh', '-c', req['cmd']], cwd=req.get('cwd') or None, env=env,
                                     stdin=i if 'stdin' in req else subprocess.DEVNULL, stdout=o, stderr=e,
                                     **GROUP)
                active.add(p.pid)
            state = {'timedOut': False, 'overflow': False, 'done': False, 'timer': None}
            deadline = time.monotonic() + max(req.get('timeout', 60000), 1) / 1000.0
            def expire():
                state['timedOut'] = True
                kill(p.pid)
            # One timer at a time: the deadline, and every CHECK seconds the size of the
            # captured output, which lives in /tmp (memory in the sandbox).
            def tick():
                if state['done']:
                    return
                now = time.monotonic()
                if now >= deadline:
                    expire()
                    return
                if os.fstat(o.fileno()).st_size + os.fstat(e.fileno()).st_size > HARD:
                    state['overflow'] = True
                    kill(p.pid)
                    return
                arm(min(deadline - now, CHECK))
            def arm(delay):
                t = threading.Timer(delay, tick)
                t.daemon = True
                state['timer'] = t
                t.start()
            expirers[rid] = expire
            arm(min(deadline - time.monotonic(), CHECK))
            code = p.wait()
            active.discard(p.pid)
            state['done'] = True
            state['timer'].cancel()
            expirers.pop(rid, None)
            res.update(code=(128 - code if code < 0 else code), timedOut=state['timedOut'])
            if state['overflow']:
                res['overflow'] = HARD
            grab(res, 'out', o)
            grab(res, 'err', e)
    except Exception as ex:
        res['error'] = str(ex)
    send(res)
def reap():
    # Orphans of finished commands are re-parented to the agent (a child subreaper), so
    # they stay findable as its descendants; reap the ones that exit. Children that a
    # running Popen waits for are left alone.
    while True:
        time.sleep(0.5)
        with spawn_lock:
            for child in kids(os.getpid()):
                if child not in active:
                    try:
                        os.waitpid(child, os.WNOHANG)
                    except OSError:
                        pass
def main():
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass
    threading.Thread(target=reap, daemon=True).start()
    send({'ready': True, 'pid': os.getpid()})
    for line in sys.stdin.buffer:
        try:
            req = json.loads(line)
        except ValueError:
            continue
        if req.get('kill'):
            f = expirers.get(req.get('id'))
            if f:
                f()
            continue
        threading.Thread(target=run, args=(req,), daemon=True).start()
    # The host is gone: take every process of the session along.
    for q in tree(os.getpid())[1:]:
        try:
            os.kill(q, signal.SIGKILL)
        except OSError:
            pass
main()
)PY";

const char kPythonRunner[] = R"PY(
import ast, json, sys, traceback
MARKER = '\x1e__AGENTBAY_RUN_CODE_RESULT__'
src = sys.stdin.read()
sys.stdin = open('/dev/null')
scope = {'__name__': '__main__', '__builtins__': __builtins__}
result, error = [], ''
try:
    tree = ast.parse(src, '<code>', 'exec')
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, '<code>', 'exec'), scope)
    if last is not None:
        value = eval(compile(last, '<code>', 'eval'), scope)
        if value is not None:
            result.append({'text/plain': repr(value), 'isMainResult': True})
except SystemExit as e:
    if e.code not in (None, 0):
        error = 'SystemExit: %s' % (e.code,)
except BaseException as e:
    tb = e.__traceback__.tb_next if e.__traceback__ else None
    error = ''.join(traceback.format_exception(type(e), e, tb)).rstrip('\n')
sys.stdout.flush()
sys.stderr.flush()
sys.__stdout__.write('\n' + MARKER + json.dumps({'result': result, 'executionError': error}) + '\n')
sys.__stdout__.flush()
)PY";

const char kJavascriptRunner[] = R"JS(
const vm = require('vm'), fs = require('fs'), util = require('util');
const MARKER = '\x1e__AGENTBAY_RUN_CODE_RESULT__';
const result = [];
let error = '';
const describe = (e) => (e && e.stack ? String(e.stack) : String(e));
process.on('uncaughtException', (e) => { error = describe(e); process.exitCode = 1; });
process.on('unhandledRejection', (e) => { error = describe(e); process.exitCode = 1; });
process.on('exit', () => {
    process.stdout.write('\n' + MARKER + JSON.stringify({ result, executionError: error }) + '\n');
});
globalThis.require = require;
try {
    const value = vm.runInThisContext(fs.readFileSync(0, 'utf8'), { filename: '<code>' });
    if (value !== undefined) {
        result.push({ 'text/plain': util.inspect(value), isMainResult: true });
    }
} catch (e) {
    error = describe(e);
    process.exitCode = 1;
}
)JS";

} // namespace

QString SandboxAgent::agentScript()
{
    return QString::fromUtf8(kAgent)
        .replace(QStringLiteral("@LIMIT@"), QString::number(maxOutputBytes))
        .replace(QStringLiteral("@TAIL@"), QString::number(keptTailBytes))
        .replace(QStringLiteral("@HARD@"), QString::number(maxCapturedBytes));
}

QString SandboxAgent::pythonRunner()
{
    return QString::fromUtf8(kPythonRunner);
}

QString SandboxAgent::javascriptRunner()
{
    return QString::fromUtf8(kJavascriptRunner);
}

QByteArray SandboxAgent::marker()
{
    return QByteArrayLiteral("\x1e__AGENTBAY_RUN_CODE_RESULT__");
}

} // namespace AgentBay::Server
