#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The soak driver behind scripts/soak.sh: starts a fresh agentbay-local on 127.0.0.1, runs
# create/call/pause/resume/delete cycles against it for MINUTES, samples the server's RSS,
# open fds, processes and cgroups once a minute into a CSV and prints a summary.
# Talks to nothing but the loopback address the server prints.
import argparse, csv, json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request


def descendants(root):
    children = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % entry) as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(')') + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            out.append(child)
            todo.append(child)
    return out


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


def cgroups(pid):
    # The server names its session cgroups "...-<its pid>" under agentbay-sessions.
    count = 0
    suffix = '-%d' % pid
    for root, dirs, _ in os.walk('/sys/fs/cgroup'):
        if os.path.basename(root).startswith('agentbay-sessions'):
            count += sum(1 for d in dirs if d.endswith(suffix))
            dirs[:] = []
        elif root.count('/') > 5:
            dirs[:] = []
    return count


class Api:
    def __init__(self, url, key):
        self.url = url.rstrip('/')
        self.key = key

    def call(self, action, **params):
        params['Authorization'] = 'Bearer ' + self.key
        body = urllib.parse.urlencode(params).encode()
        request = urllib.request.Request('%s/?Action=%s&Format=json&Version=2025-05-06' % (self.url, action), body,
                                         {'Content-Type': 'application/x-www-form-urlencoded'})
        try:
            with urllib.request.urlopen(request, timeout=120) as reply:
                return json.loads(reply.read() or b'{}')
        except urllib.error.HTTPError as e:
            return json.loads(e.read() or b'{}')

    def status(self, session):
        answer = self.call('GetSession', SessionId=session)
        return (answer.get('Data') or {}).get('Status') or answer.get('Code', '?')

    def wait_status(self, session, wanted, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status = self.status(session)
            if status in wanted:
                return status
            time.sleep(0.2)
        raise RuntimeError('%s never reached %s' % (session, wanted))


def cycle(api):
    created = api.call('CreateMcpSession', ImageId='linux_latest', Labels=json.dumps({'soak': '1'}))
    session = (created.get('Data') or {}).get('SessionId')
    if not session:
        raise RuntimeError('create failed: %s' % created)
    try:
        answer = api.call('CallMcpTool', SessionId=session, Name='shell',
                          Args=json.dumps({'command': 'echo soak; sleep 0.1 & wait'}))
        if 'soak' not in json.dumps(answer):
            raise RuntimeError('call failed: %s' % answer)
        api.call('PauseSessionAsync', SessionId=session)
        api.wait_status(session, {'PAUSED'})
        api.call('ResumeSessionAsync', SessionId=session)
        api.wait_status(session, {'RUNNING'})
    finally:
        api.call('DeleteSessionAsync', SessionId=session)
        api.wait_status(session, {'DELETED', 'InvalidMcpSession.NotFound'})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('minutes', type=float)
    parser.add_argument('--server', required=True)
    parser.add_argument('--csv', required=True)
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix='agentbay-soak-')
    server = subprocess.Popen([args.server, '--port', '0', '--data-dir', data_dir],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = server.stdout.readline().strip()
    match = re.match(r'agentbay-local listening on (http://127\.0\.0\.1:\d+)', first)
    if not match:
        server.kill()
        sys.exit('agentbay-local did not start on 127.0.0.1: %r' % first)
    with open(os.path.join(data_dir, 'token')) as f:
        api = Api(match.group(1), f.read().strip())

    start = time.monotonic()
    end = start + args.minutes * 60
    cycles = failures = 0
    rows = []
    next_sample = start
    with open(args.csv, 'w', newline='') as out:
        writer = csv.writer(out)
        writer.writerow(['minute', 'cycles', 'failures', 'rss_kib', 'fds', 'processes', 'cgroups'])

        def sample(now):
            pid = server.pid
            row = [round((now - start) / 60, 1), cycles, failures, rss_kib(pid), len(os.listdir('/proc/%d/fd' % pid)),
                   len(descendants(pid)), cgroups(pid)]
            rows.append(row)
            writer.writerow(row)
            out.flush()
            print('minute %.1f: %d cycles, %d failures, RSS %d KiB, %d fds, %d processes, %d cgroups' % tuple(row),
                  flush=True)

        while True:
            now = time.monotonic()
            if now >= end:
                sample(now)  # the last figures, after the last cycle
                break
            if now >= next_sample:
                sample(now)
                next_sample += 60
            if server.poll() is not None:
                sys.exit('agentbay-local exited with %s' % server.returncode)
            try:
                cycle(api)
                cycles += 1
            except Exception as e:  # a failed cycle is counted and reported, the soak goes on
                failures += 1
                print('cycle failed: %s' % e, file=sys.stderr, flush=True)
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    shutil.rmtree(data_dir, ignore_errors=True)

    # Growth: the last quarter against the second sample (the first is before any cycle).
    base = rows[1] if len(rows) > 2 else rows[0]
    last = rows[-1]
    print('summary: %d minutes, %d cycles, %d failed; RSS %d -> %d KiB (max %d), fds %d -> %d (max %d), '
          'processes %d -> %d (max %d), cgroups %d -> %d (max %d)' % (
              round(args.minutes), cycles, failures, base[3], last[3], max(r[3] for r in rows), base[4], last[4],
              max(r[4] for r in rows), base[5], last[5], max(r[5] for r in rows), base[6], last[6],
              max(r[6] for r in rows)))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
