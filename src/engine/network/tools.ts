import type { DnsAnswer } from './dns';
import type { TrafficResult } from './traffic';

/**
 * ContainerNetwork is what a container's processes see of the network: their hostname, the
 * files the kubelet writes (/etc/resolv.conf, /etc/hosts), the environment, and requests that
 * go through the cluster's traffic model. The cluster hands one to the runtime per container.
 */
export interface ContainerNetwork {
  hostname: string;
  /** the process environment, `KEY=value` in order */
  env(): string[];
  /** files the kubelet and runtime provide: /etc/resolv.conf, /etc/hosts, /etc/hostname */
  file(path: string): string | undefined;
  /** an HTTP GET; hostHeader overrides the Host the URL gives (curl -H 'Host: ...') */
  request(url: string, hostHeader?: string): TrafficResult;
  /** one A query to the pod's nameserver, as nslookup sends it */
  lookup(fqdn: string): DnsAnswer;
  search: readonly string[];
  nameserver: string;
}

export interface ToolRun {
  lines: string[];
  code: number;
  /** files the tool wrote (wget saving index.html, curl -o) */
  writes?: [string, string][];
}

function bodyLines(body: string): string[] {
  if (body === '') return [];
  return body.replace(/\n$/, '').split('\n');
}

/** curl as Debian 12's curl 7.88.1 prints it (the nginx image's). */
export function curl(args: string[], net: ContainerNetwork): ToolRun {
  let silent = false;
  let showErrors = false;
  let fail = false;
  let output: string | undefined;
  let url: string | undefined;
  let hostHeader: string | undefined;
  /** --connect-timeout or --max-time, in ms: curl gives up on the connection then */
  let limitMs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (/^-[a-zA-Z]+$/.test(a) && !['-o', '-m', '-H', '-X', '-d', '-w'].includes(a)) {
      if (a.includes('s')) silent = true;
      if (a.includes('S')) showErrors = true;
      if (a.includes('f')) fail = true;
    } else if (a === '--silent') silent = true;
    else if (a === '--show-error') showErrors = true;
    else if (a === '--fail') fail = true;
    else if (a === '-o' || a === '--output') output = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') {
      const seconds = Number(args[++i]);
      if (Number.isFinite(seconds) && seconds > 0)
        limitMs = Math.min(limitMs ?? Infinity, Math.round(seconds * 1000));
    } else if (a === '-H' || a === '--header') {
      const header = /^host:\s*(.+)$/i.exec(args[++i] ?? '');
      if (header) hostHeader = header[1]!.trim();
    } else if (['-X', '-d', '-w'].includes(a)) i++;
    else if (!a.startsWith('-')) url ??= a;
  }
  if (!url)
    return { lines: ["curl: try 'curl --help' or 'curl --manual' for more information"], code: 2 };
  const result = net.request(url, hostHeader);
  const error = (code: number, message: string): ToolRun => ({
    lines: !silent || showErrors ? [`curl: (${code}) ${message}`] : [],
    code,
  });
  const { host, port, outcome } = result;
  switch (outcome.type) {
    case 'unresolved':
      return error(6, `Could not resolve host: ${host}`);
    case 'refused':
      return error(
        7,
        `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`,
      );
    case 'timeout':
      // Unanswered SYNs: curl's own limit comes first if it is shorter (it overshoots by a ms).
      return limitMs !== undefined && limitMs < outcome.afterMs
        ? error(
            28,
            `Failed to connect to ${host} port ${port} after ${limitMs + 1} ms: Timeout was reached`,
          )
        : error(
            outcome.afterMs >= 10_000 ? 28 : 7,
            `Failed to connect to ${host} port ${port} after ${outcome.afterMs} ms: Couldn't connect to server`,
          );
    case 'empty':
      return error(52, 'Empty reply from server');
    case 'answer': {
      const { answer } = outcome;
      if (fail && answer.status >= 400)
        return error(22, `The requested URL returned error: ${answer.status}`);
      if (output && output !== '-')
        return {
          lines: [],
          code: 0,
          writes: output === '/dev/null' ? [] : [[output, answer.body]],
        };
      return { lines: bodyLines(answer.body), code: 0 };
    }
  }
}

/** wget as busybox prints it (busybox, alpine and curlimages/curl images). */
export function wget(args: string[], net: ContainerNetwork): ToolRun {
  let quiet = false;
  let output: string | undefined;
  let url: string | undefined;
  /** -T: busybox wget's network timeout, in ms */
  let limitMs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-O') output = args[++i];
    else if (/^-[a-zA-Z]*O.+$/.test(a)) {
      output = a.slice(a.indexOf('O') + 1);
      if (a.slice(1, a.indexOf('O')).includes('q')) quiet = true;
    } else if (/^-[a-zA-Z]*O$/.test(a)) {
      if (a.includes('q')) quiet = true;
      output = args[++i];
    } else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-T' || a === '--timeout') {
      const seconds = Number(args[++i]);
      if (Number.isFinite(seconds) && seconds > 0) limitMs = seconds * 1000;
    } else if (!a.startsWith('-')) url ??= a;
  }
  if (!url)
    return {
      lines: [
        'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.',
        '',
        'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]',
        '\t[--post-data STR | --post-file FILE] [-Y on/off]',
        '\t[-P DIR] [-U AGENT] [-T SEC] URL...',
      ],
      code: 1,
    };
  const result = net.request(url);
  const { host, ip, port, outcome, path } = result;
  const lines: string[] = [];
  if (outcome.type === 'unresolved') return { lines: [`wget: bad address '${host}'`], code: 1 };
  if (!quiet) lines.push(`Connecting to ${host} (${ip}:${port})`);
  switch (outcome.type) {
    case 'refused':
      return {
        lines: [...lines, `wget: can't connect to remote host (${ip}): Connection refused`],
        code: 1,
      };
    case 'timeout':
      // busybox wget -T: its alarm fires before the kernel gives up on the connection.
      if (limitMs !== undefined && limitMs < outcome.afterMs)
        return { lines: [...lines, 'wget: download timed out'], code: 1 };
      return {
        lines: [
          ...lines,
          `wget: can't connect to remote host (${ip}): ${outcome.afterMs < 10_000 ? 'No route to host' : 'Connection timed out'}`,
        ],
        code: 1,
      };
    case 'empty':
      return {
        lines: [...lines, 'wget: error getting response: Connection reset by peer'],
        code: 1,
      };
    case 'answer': {
      const { answer } = outcome;
      if (answer.status >= 400) {
        return {
          lines: [
            ...lines,
            `wget: server returned error: HTTP/1.1 ${answer.status} ${answer.reason}`,
          ],
          code: 1,
        };
      }
      const size = new TextEncoder().encode(answer.body).length;
      const progress = (name: string) =>
        `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA`;
      if (output === '-') {
        if (quiet) return { lines: bodyLines(answer.body), code: 0 };
        return {
          lines: [
            ...lines,
            'writing to stdout',
            ...bodyLines(answer.body),
            progress('-'),
            'written to stdout',
          ],
          code: 0,
        };
      }
      const file = output ?? (path.split('/').pop() || 'index.html');
      if (quiet) return { lines: [], code: 0, writes: [[file, answer.body]] };
      return {
        lines: [...lines, `saving to '${file}'`, progress(file), `'${file}' saved`],
        code: 0,
        writes: [[file, answer.body]],
      };
    }
  }
}

/**
 * nslookup as busybox 1.36 prints it: A then AAAA queries, a dotless name tried under each
 * search domain (busybox ignores ndots), each reply in query order.
 */
export function nslookup(args: string[], net: ContainerNetwork): ToolRun {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name)
    return {
      lines: [
        'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.',
        '',
        'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]',
      ],
      code: 1,
    };
  const server = net.nameserver;
  const lines = [`Server:\t\t${server}`, `Address:\t${server}:53`, ''];
  const names = name.includes('.')
    ? [name.replace(/\.$/, '')]
    : net.search.map((d) => `${name}.${d}`);
  let found = false;
  const answers = names.map((n) => net.lookup(n));
  for (const answer of answers) {
    if (answer.rcode === 'NXDOMAIN')
      lines.push(`** server can't find ${answer.name}: NXDOMAIN`, '');
    else if (answer.rcode === 'NOERROR' && answer.cname) {
      found = true;
      lines.push(`${answer.name}\tcanonical name = ${answer.cname}`, '');
    } else if (answer.rcode === 'NOERROR') {
      found = true;
      for (const address of answer.addresses)
        lines.push(`Name:\t${answer.name}`, `Address: ${address}`);
      lines.push('');
    } else lines.push(`*** Can't find ${answer.name}: No answer`, '');
  }
  // The AAAA queries: the cluster has no IPv6, so names that exist have no AAAA record.
  for (const answer of answers) {
    if (answer.rcode === 'NXDOMAIN')
      lines.push(`** server can't find ${answer.name}: NXDOMAIN`, '');
    else lines.push(`*** Can't find ${answer.name}: No answer`, '');
  }
  return { lines, code: found ? 0 : 1 };
}
