import type { NslookupFlavor } from '../runtime/images';
import { resolverCandidates, type DnsAnswer } from './dns';
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
  /**
   * one A query to the pod's nameserver, as nslookup sends it; undefined when no reply comes
   * (a NetworkPolicy drops the packets to CoreDNS)
   */
  lookup(fqdn: string): DnsAnswer | undefined;
  search: readonly string[];
  nameserver: string;
  /**
   * the name a PTR query for ip returns (what the C library's getnameinfo asks); undefined for
   * NXDOMAIN or no reply
   */
  reverse?(ip: string): string | undefined;
  /** which nslookup the image has; absent: busybox 1.29+'s applet */
  nslookup?: NslookupFlavor;
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

/** nslookup runs the image's nslookup: BIND's (dnsutils, bind-tools) or busybox's applet. */
export function nslookup(args: string[], net: ContainerNetwork): ToolRun {
  switch (net.nslookup) {
    case 'bind-9.9':
    case 'bind-9.18':
      return bindNslookup(args, net, net.nslookup);
    case 'busybox-1.28':
      return libcNslookup(args, net);
    default:
      return busyboxNslookup(args, net);
  }
}

/** What a resolver prints when its queries go unanswered, in each implementation's words. */
function noServers(net: ContainerNetwork, flavor?: NslookupFlavor): ToolRun {
  if (flavor === 'bind-9.18') {
    // BIND 9.18 reports each of its three tries, then gives up (and main prints a blank line).
    const tries = Array.from(
      { length: 3 },
      () => `;; communications error to ${net.nameserver}#53: timed out`,
    );
    return { lines: [...tries, ';; no servers could be reached', ''], code: 1 };
  }
  return { lines: [';; connection timed out; no servers could be reached', ''], code: 1 };
}

/**
 * bindNslookup is BIND's nslookup (bin/dig/nslookup.c): the resolv.conf search list and ndots
 * decide the names tried, an NXDOMAIN moves on to the next one, and only the last reply is
 * printed. CoreDNS answers cluster names authoritatively, so there is no "Non-authoritative
 * answer:" line; the AAAA query that follows an answer finds nothing and prints nothing.
 */
function bindNslookup(
  args: string[],
  net: ContainerNetwork,
  version: 'bind-9.9' | 'bind-9.18',
): ToolRun {
  const [name, server] = args.filter((a) => !a.startsWith('-'));
  if (!name) {
    // Without a name it reads commands from stdin: kubectl exec without -i gives it none.
    return { lines: [''], code: 0 };
  }
  const shown = server ?? net.nameserver;
  const header = [`Server:\t\t${shown}`, `Address:\t${shown}#53`, ''];
  let answer: DnsAnswer | undefined;
  for (const candidate of resolverCandidates(name, net.search)) {
    answer = net.lookup(candidate);
    if (!answer) return noServers(net, version);
    if (answer.rcode !== 'NXDOMAIN') break;
  }
  if (!answer || answer.rcode === 'NXDOMAIN')
    return {
      lines: [...header, `** server can't find ${answer?.name ?? name}: NXDOMAIN`, ''],
      code: 1,
    };
  if (answer.rcode === 'NODATA')
    return { lines: [...header, `*** Can't find ${answer.name}: No answer`, ''], code: 0 };
  const lines = [...header];
  if (answer.cname) lines.push(`${answer.name}\tcanonical name = ${answer.cname}.`);
  for (const address of answer.addresses)
    lines.push(`Name:\t${answer.name}`, `Address: ${address}`);
  return { lines: [...lines, ''], code: 0 };
}

/**
 * libcNslookup is busybox's nslookup before its 1.29 rewrite (busybox:1.28, the one the
 * StatefulSet tutorial uses): getaddrinfo resolves the name through resolv.conf's search list
 * (so `web-0.nginx` works), each address is printed with the name a PTR query gives it, and a
 * name that does not resolve is a one-line error.
 */
function libcNslookup(args: string[], net: ContainerNetwork): ToolRun {
  const [name, server] = args.filter((a) => !a.startsWith('-'));
  if (!name)
    return {
      lines: [
        'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.',
        '',
        'Usage: nslookup [HOST] [SERVER]',
        '',
        'Query the nameserver for the IP address of the given HOST',
        'optionally using a specified DNS server',
      ],
      code: 1,
    };
  /** print_host: the header padded to ten, then each address with its reverse name, if any */
  const host = (header: string, shown: string, addresses: string[]) => [
    `${header.padEnd(10)} ${shown}`,
    ...addresses.map((ip, i) => {
      const reverse = net.reverse?.(ip);
      return `Address ${i + 1}: ${ip}${reverse ? ` ${reverse}` : ''}`;
    }),
  ];
  const nameserver = server ?? net.nameserver;
  const lines = [...host('Server:', nameserver, [nameserver]), ''];
  let addresses: string[] = [];
  for (const candidate of resolverCandidates(name, net.search)) {
    const answer = net.lookup(candidate);
    if (!answer) break;
    if (answer.rcode === 'NOERROR' && answer.addresses.length > 0) {
      addresses = answer.addresses;
      break;
    }
  }
  if (addresses.length === 0)
    return { lines: [...lines, `nslookup: can't resolve '${name}'`], code: 1 };
  return { lines: [...lines, ...host('Name:', name, addresses)], code: 0 };
}

/**
 * busyboxNslookup is nslookup as busybox 1.36 prints it: A then AAAA queries, a dotless name
 * tried under each search domain (busybox ignores ndots), each reply in query order.
 */
function busyboxNslookup(args: string[], net: ContainerNetwork): ToolRun {
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
  const names = name.includes('.')
    ? [name.replace(/\.$/, '')]
    : net.search.map((d) => `${name}.${d}`);
  const replies = names.map((n) => net.lookup(n));
  const answers = replies.filter((a): a is DnsAnswer => a !== undefined);
  if (answers.length === 0) return noServers(net);
  const lines = [`Server:\t\t${server}`, `Address:\t${server}:53`, ''];
  let found = false;
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
