import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, listMergeKey } from './patch';

describe('strategic merge patch', () => {
  it('merges a Service port by its port number, not by containerPort', () => {
    const spec = { ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] };
    const patched = applyStrategicMergePatch(spec, { ports: [{ port: 80, targetPort: 9090 }] });
    expect(patched).toEqual({
      ports: [{ name: 'http', port: 80, targetPort: 9090, protocol: 'TCP' }],
    });
  });

  it('merges a container port by containerPort', () => {
    const container = { ports: [{ containerPort: 80, protocol: 'TCP' }] };
    const patched = applyStrategicMergePatch(container, {
      ports: [{ containerPort: 80, name: 'web' }],
    });
    expect(patched).toEqual({ ports: [{ containerPort: 80, protocol: 'TCP', name: 'web' }] });
  });

  it.each([
    ['ports', [{ containerPort: 80 }], 'containerPort'],
    ['ports', [{ port: 80 }], 'port'],
    ['containers', [{ name: 'web' }], 'name'],
    ['tolerations', [{ key: 'a' }], undefined],
  ])('names the merge key of %s %j', (field, items, key) => {
    expect(listMergeKey(field, items)).toBe(key);
  });
});
