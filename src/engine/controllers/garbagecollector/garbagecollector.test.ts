import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { podManifest } from '../../testing/builders';

describe('garbage collector', () => {
  it('collects an object once an update gives it an owner that does not exist', () => {
    const c = createCluster({ seed: 4 });
    const names = () => c.api.list('pods', 'default').map((p) => p.metadata.name);
    const setOwner = (uid: string) =>
      c.api.execute({
        verb: 'patch',
        resource: 'pods',
        namespace: 'default',
        name: 'dependent',
        patchType: 'merge',
        patch: {
          metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'owner', uid }] },
        },
      });
    for (const name of ['owner', 'dependent'])
      c.api.execute({
        verb: 'create',
        resource: 'pods',
        namespace: 'default',
        body: podManifest(name),
      });
    c.runUntilIdle();
    const owner = c.api.list('pods', 'default').find((p) => p.metadata.name === 'owner')!;

    setOwner(owner.metadata.uid);
    c.runUntilIdle();
    expect(names()).toEqual(['dependent', 'owner']);

    setOwner('no-such-uid');
    c.runUntilIdle();
    expect(names()).toEqual(['owner']);
  });
});
