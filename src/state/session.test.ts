import { describe, expect, it } from 'vitest';
import {
  clearSession,
  decodeSession,
  encodeSession,
  fromBase64Url,
  loadSession,
  parseSession,
  saveSession,
  SESSION_KEY,
  sharePayload,
  shareUrl,
  toBase64Url,
  validateSession,
  type Session,
} from './session';

const at = (tasks: number, elapsed: number, hops: number) => ({ tasks, elapsed, hops });

const session = (over: Partial<Session> = {}): Session => ({
  v: 1,
  seed: 7,
  preset: 'kubeadm',
  actions: [
    {
      kind: 'kubectl',
      at: at(0, 0, 0),
      line: 'kubectl apply -f -',
      stdin: 'kind: Pod\n# 한국어 ✓\n',
    },
    { kind: 'stopNode', at: at(40, 1200, 12), node: 'w1-k8s' },
    { kind: 'killContainer', at: at(90, 5000, 30), namespace: 'default', pod: 'web-abc' },
  ],
  end: at(120, 9000, 41),
  ...over,
});

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('session encoding', () => {
  it.each([true, false])('encode → decode round-trips (compressed: %s)', async (compress) => {
    const payload = await encodeSession(session(), compress);
    expect(payload).toMatch(compress ? /^z\.[\w-]+$/ : /^j\.[\w-]+$/);
    expect(await decodeSession(payload)).toEqual({ ok: true, session: session() });
  });

  it('compression makes a long log much shorter', async () => {
    const actions = Array.from({ length: 200 }, (_, i) => ({
      kind: 'kubectl' as const,
      at: at(i * 10, i * 100, i * 3),
      line: 'kubectl get pods -o wide',
    }));
    const long = session({ actions, end: at(5000, 50000, 1000) });
    const zipped = await encodeSession(long, true);
    const plain = await encodeSession(long, false);
    expect(zipped.length * 5).toBeLessThan(plain.length);
  });

  it('base64url round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });

  it('a share URL carries the session in its hash and replaces any old hash', async () => {
    const url = await shareUrl('http://x.test/app/#old', session());
    expect(url.startsWith('http://x.test/app/#s=')).toBe(true);
    const payload = sharePayload(new URL(url).hash)!;
    expect(await decodeSession(payload)).toEqual({ ok: true, session: session() });
    expect(sharePayload('#other')).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['unknown scheme', 'q.abc'],
    ['not base64url', 'j.@@@'],
    ['truncated deflate', 'z.q1ZKy0kt'],
    ['not JSON', `j.${toBase64Url(new TextEncoder().encode('{"v":1,'))}`],
    ['not UTF-8', `j.${toBase64Url(Uint8Array.of(0xff, 0xfe))}`],
  ])('a malformed link (%s) is corrupt, never a throw', async (_name, payload) => {
    expect(await decodeSession(payload)).toEqual({ ok: false, problem: 'corrupt' });
  });
});

describe('session validation', () => {
  const bad: [string, unknown][] = [
    ['null', null],
    ['an array', []],
    ['no version', { ...session(), v: undefined }],
    ['an unknown preset', { ...session(), preset: 'eks' }],
    ['a fractional seed', { ...session(), seed: 1.5 }],
    ['a negative position', { ...session(), end: at(-1, 0, 0) }],
    ['an unknown action', { ...session(), actions: [{ kind: 'rm -rf', at: at(0, 0, 0) }] }],
    [
      'a kubectl action without a line',
      { ...session(), actions: [{ kind: 'kubectl', at: at(0, 0, 0) }] },
    ],
    ['positions going backwards', { ...session(), end: at(10, 9000, 41) }],
  ];
  it.each(bad)('%s is corrupt', (_name, data) => {
    expect(validateSession(data)).toEqual({ ok: false, problem: 'corrupt' });
  });

  it('another version number is a version problem', () => {
    expect(validateSession({ ...session(), v: 2 })).toEqual({ ok: false, problem: 'version' });
    expect(validateSession({ ...session(), v: 0 })).toEqual({ ok: false, problem: 'version' });
  });

  it('not JSON at all is corrupt', () => {
    expect(parseSession('{not json')).toEqual({ ok: false, problem: 'corrupt' });
  });
});

describe('session storage', () => {
  it('saves and loads', () => {
    const storage = memoryStorage();
    saveSession(session(), storage);
    expect(loadSession(storage)).toEqual({ ok: true, session: session() });
    clearSession(storage);
    expect(loadSession(storage)).toEqual({ ok: false, problem: 'none' });
  });

  it.each([
    ['corrupt', '{"v":1,"seed":'],
    ['version', JSON.stringify({ ...session(), v: 0 })],
  ])('a %s save is reported and removed so the next load starts clean', (problem, raw) => {
    const storage = memoryStorage({ [SESSION_KEY]: raw });
    expect(loadSession(storage)).toEqual({ ok: false, problem });
    expect(storage.data.has(SESSION_KEY)).toBe(false);
  });

  it('blocked or full storage never throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadSession(broken)).toEqual({ ok: false, problem: 'none' });
    expect(() => saveSession(session(), broken)).not.toThrow();
    expect(() => clearSession(broken)).not.toThrow();
  });
});
