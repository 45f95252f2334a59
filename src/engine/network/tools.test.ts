import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { createCluster } from '../cluster';
import { podManifest } from '../testing/builders';
import type { NslookupFlavor } from '../runtime/images';
import type { DnsAnswer } from './dns';
import { curl, nslookup, wget, type ContainerNetwork } from './tools';
import type { TrafficOutcome, TrafficResult } from './traffic';

const NGINX_LIKE = {
  type: 'answer',
  answer: { status: 200, reason: 'OK', body: 'hello\n' },
} as const;

/** fakeNetwork answers every request with outcome, and knows one Service: web at 10.96.5.6. */
function fakeNetwork(outcome: TrafficOutcome): ContainerNetwork {
  return {
    hostname: 'client',
    env: () => [],
    file: () => undefined,
    search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
    nameserver: '10.96.0.10',
    request: (url): TrafficResult => ({
      host: url.replace(/^https?:\/\//, '').split(/[:/]/)[0]!,
      ...(outcome.type === 'unresolved' ? {} : { ip: '10.96.5.6' }),
      port: 80,
      path: '/',
      outcome,
      chains: [],
      hops: [],
    }),
    lookup: (name): DnsAnswer =>
      name === 'web.default.svc.cluster.local'
        ? { rcode: 'NOERROR', name, addresses: ['10.96.5.6'] }
        : { rcode: 'NXDOMAIN', name },
  };
}

describe('curl', () => {
  it.each([
    [[], NGINX_LIKE, ["curl: try 'curl --help' or 'curl --manual' for more information"], 2],
    [['web'], NGINX_LIKE, ['hello'], 0],
    [['web'], { type: 'unresolved' }, ['curl: (6) Could not resolve host: web'], 6],
    [['-s', 'web'], { type: 'unresolved' }, [], 6],
    [['-sS', 'web'], { type: 'unresolved' }, ['curl: (6) Could not resolve host: web'], 6],
    [
      ['web'],
      { type: 'refused' },
      ["curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server"],
      7,
    ],
    [['web'], { type: 'empty' }, ['curl: (52) Empty reply from server'], 52],
    [
      ['web'],
      { type: 'timeout', afterMs: 130_000 },
      ["curl: (28) Failed to connect to web port 80 after 130000 ms: Couldn't connect to server"],
      28,
    ],
    [
      ['web'],
      { type: 'timeout', afterMs: 3_000 },
      ["curl: (7) Failed to connect to web port 80 after 3000 ms: Couldn't connect to server"],
      7,
    ],
    [
      ['--connect-timeout', '2', 'web'],
      { type: 'timeout', afterMs: 130_000 },
      ['curl: (28) Failed to connect to web port 80 after 2001 ms: Timeout was reached'],
      28,
    ],
    [
      ['-m', '5', '-sS', 'web'],
      { type: 'timeout', afterMs: 3_000 },
      ["curl: (7) Failed to connect to web port 80 after 3000 ms: Couldn't connect to server"],
      7,
    ],
    [
      ['-f', 'web'],
      { type: 'answer', answer: { status: 404, reason: 'Not Found', body: 'x' } },
      ['curl: (22) The requested URL returned error: 404'],
      22,
    ],
  ] as [string[], TrafficOutcome, string[], number][])(
    'curl %j (%j)',
    (args, outcome, lines, code) => {
      expect(curl(args, fakeNetwork(outcome))).toMatchObject({ lines, code });
    },
  );
});

describe('wget', () => {
  it.each([
    [['-qO-', 'web'], NGINX_LIKE, ['hello'], 0],
    [['-q', '-O', '-', 'web'], NGINX_LIKE, ['hello'], 0],
    [
      ['-O-', 'web'],
      NGINX_LIKE,
      [
        'Connecting to web (10.96.5.6:80)',
        'writing to stdout',
        'hello',
        '-                    100% |********************************|     6  0:00:00 ETA',
        'written to stdout',
      ],
      0,
    ],
    [
      ['web'],
      NGINX_LIKE,
      [
        'Connecting to web (10.96.5.6:80)',
        "saving to 'index.html'",
        'index.html           100% |********************************|     6  0:00:00 ETA',
        "'index.html' saved",
      ],
      0,
    ],
    [['-qO-', 'web'], { type: 'unresolved' }, ["wget: bad address 'web'"], 1],
    [
      ['-qO-', 'web'],
      { type: 'refused' },
      ["wget: can't connect to remote host (10.96.5.6): Connection refused"],
      1,
    ],
    [
      ['-qO-', 'web'],
      { type: 'answer', answer: { status: 404, reason: 'Not Found', body: '' } },
      ['wget: server returned error: HTTP/1.1 404 Not Found'],
      1,
    ],
  ] as [string[], TrafficOutcome, string[], number][])(
    'wget %j (%j)',
    (args, outcome, lines, code) => {
      expect(wget(args, fakeNetwork(outcome))).toMatchObject({ lines, code });
    },
  );
});

describe('nslookup (busybox)', () => {
  it('tries a dotless name under every search domain, A then AAAA, in query order', () => {
    const run = nslookup(['web'], fakeNetwork(NGINX_LIKE));
    expect(run.code).toBe(0);
    expect(run.lines.join('\n')).toBe(
      [
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        'Name:\tweb.default.svc.cluster.local',
        'Address: 10.96.5.6',
        '',
        "** server can't find web.svc.cluster.local: NXDOMAIN",
        '',
        "** server can't find web.cluster.local: NXDOMAIN",
        '',
        "*** Can't find web.default.svc.cluster.local: No answer",
        '',
        "** server can't find web.svc.cluster.local: NXDOMAIN",
        '',
        "** server can't find web.cluster.local: NXDOMAIN",
        '',
      ].join('\n'),
    );
  });

  it('sends a dotted name as it is (busybox ignores ndots) and fails when nothing answers', () => {
    const run = nslookup(['web.default'], fakeNetwork(NGINX_LIKE));
    expect(run.code).toBe(1);
    expect(run.lines.filter((l) => l.startsWith('**'))).toEqual([
      "** server can't find web.default: NXDOMAIN",
      "** server can't find web.default: NXDOMAIN",
    ]);
  });
});

/** dnsNetwork is fakeNetwork with a table of names (absent: NXDOMAIN) and a BIND nslookup. */
function dnsNetwork(
  names: Record<string, Omit<DnsAnswer, 'name'>>,
  nslookup?: NslookupFlavor,
): ContainerNetwork & { asked: string[] } {
  const asked: string[] = [];
  return {
    ...fakeNetwork(NGINX_LIKE),
    ...(nslookup ? { nslookup } : {}),
    asked,
    lookup: (name) => {
      asked.push(name);
      const found = names[name];
      return found ? ({ ...found, name } as DnsAnswer) : { rcode: 'NXDOMAIN', name };
    },
  };
}

const HEADER = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', ''];

describe('nslookup (BIND, the dnsutils images)', () => {
  const names = {
    'web.default.svc.cluster.local': { rcode: 'NOERROR', addresses: ['10.96.5.6'] },
    'nginx.default.svc.cluster.local': {
      rcode: 'NOERROR',
      addresses: ['10.244.1.5', '10.244.2.6'],
    },
    'web-0.nginx.default.svc.cluster.local': { rcode: 'NOERROR', addresses: ['10.244.1.5'] },
    'db.default.svc.cluster.local': { rcode: 'NODATA' },
  } as const;

  it.each([
    [
      'web',
      ['Name:\tweb.default.svc.cluster.local', 'Address: 10.96.5.6', ''],
      0,
      ['web.default.svc.cluster.local'],
    ],
    [
      'nginx',
      [
        'Name:\tnginx.default.svc.cluster.local',
        'Address: 10.244.1.5',
        'Name:\tnginx.default.svc.cluster.local',
        'Address: 10.244.2.6',
        '',
      ],
      0,
      ['nginx.default.svc.cluster.local'],
    ],
    [
      // fewer dots than ndots:5: the search list first, and the first domain answers
      'web-0.nginx',
      ['Name:\tweb-0.nginx.default.svc.cluster.local', 'Address: 10.244.1.5', ''],
      0,
      ['web-0.nginx.default.svc.cluster.local'],
    ],
    [
      // the search list, then the name as given: the last NXDOMAIN is the one printed
      'nosuch',
      ["** server can't find nosuch: NXDOMAIN", ''],
      1,
      [
        'nosuch.default.svc.cluster.local',
        'nosuch.svc.cluster.local',
        'nosuch.cluster.local',
        'nosuch',
      ],
    ],
    [
      'web.default.svc.cluster.local.',
      ['Name:\tweb.default.svc.cluster.local', 'Address: 10.96.5.6', ''],
      0,
      ['web.default.svc.cluster.local'],
    ],
    [
      // a headless Service without ready pods: the name exists, with no address
      'db',
      ["*** Can't find db.default.svc.cluster.local: No answer", ''],
      0,
      ['db.default.svc.cluster.local'],
    ],
  ])('nslookup %s', (name, body, code, asked) => {
    const net = dnsNetwork(names, 'bind-9.9');
    const run = nslookup([name], net);
    expect(run.lines).toEqual([...HEADER, ...body]);
    expect(run.code).toBe(code);
    expect(net.asked).toEqual(asked);
  });

  it('tries a name with ndots or more dots as given first', () => {
    const net = dnsNetwork({}, 'bind-9.9');
    const run = nslookup(['a.b.c.d.e.f'], net);
    expect(net.asked[0]).toBe('a.b.c.d.e.f');
    expect(run.lines).toContain("** server can't find a.b.c.d.e.f.cluster.local: NXDOMAIN");
  });

  it.each([
    ['bind-9.9', [';; connection timed out; no servers could be reached', '']],
    [
      'bind-9.18',
      [
        ';; communications error to 10.96.0.10#53: timed out',
        ';; communications error to 10.96.0.10#53: timed out',
        ';; communications error to 10.96.0.10#53: timed out',
        ';; no servers could be reached',
        '',
      ],
    ],
  ] as const)('%s reports queries nobody answers', (version, lines) => {
    const net = { ...dnsNetwork(names, version), lookup: () => undefined };
    expect(nslookup(['web'], net)).toEqual({ lines, code: 1 });
  });

  it('busybox reports queries nobody answers in its own words', () => {
    const net = { ...fakeNetwork(NGINX_LIKE), lookup: () => undefined };
    expect(nslookup(['web'], net)).toEqual({
      lines: [';; connection timed out; no servers could be reached', ''],
      code: 1,
    });
  });
});

describe('nslookup (busybox 1.28, through the C library)', () => {
  const names = {
    'web-0.nginx.default.svc.cluster.local': { rcode: 'NOERROR', addresses: ['10.244.1.5'] },
    'nginx.default.svc.cluster.local': {
      rcode: 'NOERROR',
      addresses: ['10.244.1.5', '10.244.2.6'],
    },
  } as const;
  const ptr: Record<string, string> = {
    '10.96.0.10': 'kube-dns.kube-system.svc.cluster.local',
    '10.244.1.5': 'web-0.nginx.default.svc.cluster.local',
  };
  const net = () => ({ ...dnsNetwork(names, 'busybox-1.28'), reverse: (ip: string) => ptr[ip] });
  const SERVER = [
    'Server:    10.96.0.10',
    'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
    '',
  ];

  it.each([
    [
      'web-0.nginx',
      ['Name:      web-0.nginx', 'Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local'],
      0,
    ],
    [
      'nginx',
      [
        'Name:      nginx',
        'Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local',
        'Address 2: 10.244.2.6',
      ],
      0,
    ],
    ['nosuch', ["nslookup: can't resolve 'nosuch'"], 1],
  ] as const)('nslookup %s', (name, body, code) => {
    expect(nslookup([name], net())).toEqual({ lines: [...SERVER, ...body], code });
  });

  it('prints the server without its name when no query is answered', () => {
    const cut = { ...net(), lookup: () => undefined, reverse: () => undefined };
    expect(nslookup(['nginx'], cut)).toEqual({
      lines: [
        'Server:    10.96.0.10',
        'Address 1: 10.96.0.10',
        '',
        "nslookup: can't resolve 'nginx'",
      ],
      code: 1,
    });
  });
});

describe('exec in a container', () => {
  const c = createCluster({ seed: 5, keepHops: false });
  for (const [name, image] of [
    ['box', 'busybox'],
    ['web', 'nginx'],
  ]) {
    c.api.execute({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: {
        ...podManifest(name!, { image }),
        spec: {
          containers: [
            { name, image, command: image === 'busybox' ? ['sleep', '3600'] : undefined },
          ],
        },
      } as never,
    });
  }
  c.runFor(60_000);
  const exec = (pod: string, argv: string[]) => {
    const found = (c.api.list('pods', 'default') as Pod[]).find((p) => p.metadata.name === pod)!;
    return c.kubelets.get(found.spec.nodeName!)!.exec(found.metadata.uid, pod, argv)!;
  };

  it.each([
    ['box', ['hostname'], ['box'], 0],
    ['web', ['hostname'], ['web'], 0],
    [
      'box',
      ['cat', '/etc/resolv.conf'],
      [
        'search default.svc.cluster.local svc.cluster.local cluster.local',
        'nameserver 10.96.0.10',
        'options ndots:5',
      ],
      0,
    ],
    ['box', ['sh', '-c', 'curl web'], ['sh: curl: not found'], 127],
    [
      'web',
      ['curl', '-s', 'kubernetes:443'],
      ['Client sent an HTTP request to an HTTPS server.'],
      0,
    ],
  ])('%s: %j', (pod, argv, output, exitCode) => {
    expect(exec(pod, argv)).toEqual({ output, exitCode });
  });

  it('fails an exec of a binary the image lacks as containerd does', () => {
    expect(exec('box', ['curl', 'web'])).toEqual({
      exitCode: 126,
      output: [],
      error: expect.stringMatching(
        /^failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown$/,
      ),
    });
  });

  it('injects the env vars of the Services that existed when the container started', () => {
    const env = exec('box', ['env']).output;
    expect(env.slice(0, 2)).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=box',
    ]);
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(env).toContain('KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443');
    expect(env.at(-1)).toBe('HOME=/root');
    c.api.execute({
      verb: 'create',
      resource: 'services',
      namespace: 'default',
      body: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'late' },
        spec: { ports: [{ port: 80 }] },
      } as never,
    });
    c.runFor(2_000);
    expect(exec('box', ['env']).output.some((l) => l.startsWith('LATE_'))).toBe(false);
  });
});

describe('curl -H and wget -T', () => {
  it('passes a Host header on to the request (what an ingress controller routes by)', () => {
    const seen: (string | undefined)[] = [];
    const net = fakeNetwork(NGINX_LIKE);
    const request = net.request;
    net.request = (url, host) => {
      seen.push(host);
      return request(url, host);
    };
    curl(['-H', 'Host: shop.example.com', 'http://192.168.1.101:30080/'], net);
    curl(['--header', 'Accept: */*', 'web'], net);
    expect(seen).toEqual(['shop.example.com', undefined]);
  });

  it.each([
    [['-T', '2', 'web'], 130_000, 'wget: download timed out'],
    [['-T', '5', 'web'], 3_000, "wget: can't connect to remote host (10.96.5.6): No route to host"],
  ] as [string[], number, string][])('wget %j', (args, afterMs, last) => {
    const run = wget(args, fakeNetwork({ type: 'timeout', afterMs }));
    expect(run.lines.at(-1)).toBe(last);
    expect(run.code).toBe(1);
  });
});
