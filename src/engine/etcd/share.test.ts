import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../api/objects';
import { freezeSharing } from './share';

/** stored builds a frozen object, as the API server stores them. */
function stored<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

const tolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
];

describe('freezeSharing', () => {
  it('takes the reference’s part wherever the new object has an equal one', () => {
    const previous = stored({ metadata: { name: 'a' }, spec: { tolerations, nodeName: 'w1' } });
    const next = structuredClone({
      metadata: { name: 'b' },
      spec: { tolerations, nodeName: 'w2' },
    });
    const result = freezeSharing(next, previous);
    expect(result).toBe(next);
    expect(result.spec.tolerations).toBe(previous.spec.tolerations);
    expect(result.spec).not.toBe(previous.spec);
    expect(result).toEqual({ metadata: { name: 'b' }, spec: { tolerations, nodeName: 'w2' } });
  });

  it('shares array elements one by one when the arrays differ', () => {
    const previous = stored({ items: [{ a: 1 }, { b: 2 }] });
    const next = { items: [{ a: 1 }, { b: 3 }] };
    freezeSharing(next, previous);
    expect(next.items[0]).toBe(previous.items[0]);
    expect(next.items[1]).toEqual({ b: 3 });
    expect(next.items).not.toBe(previous.items);
  });

  it.each([
    ['keys in another order', { x: { b: 1, a: 1 } }],
    ['a key set to undefined', { x: { a: 1, b: 1, c: undefined } }],
    ['a missing key', { x: { a: 1 } }],
    ['an array for an object', { x: [1, 1] }],
  ])('keeps its own part when it has %s', (_, value) => {
    const previous = stored({ x: { a: 1, b: 1 } });
    const next = structuredClone(value);
    freezeSharing(next, previous);
    expect(next.x).not.toBe(previous.x);
    expect(next).toEqual(value);
    expect(Object.keys(next.x)).toEqual(Object.keys(value.x));
  });

  it('deep-freezes the new object, with or without a reference', () => {
    const next = { spec: { containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] } };
    freezeSharing(next, undefined);
    expect(Object.isFrozen(next)).toBe(true);
    expect(Object.isFrozen(next.spec.containers[0]!.ports[0])).toBe(true);
  });

  it('leaves parts already stored as they are', () => {
    const kept = stored({ a: 1 });
    const previous = stored({ part: { a: 1 } });
    const next = { part: kept };
    freezeSharing(next, previous);
    expect(next.part).toBe(kept);
  });
});
