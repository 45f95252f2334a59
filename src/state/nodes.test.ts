import { describe, expect, it } from 'vitest';
import { selectNodeIndex } from './nodes';
import { indexPods } from './pods';
import { useKubeloop } from './store';

const store = () => useKubeloop.getState();

describe('graph indexes', () => {
  it('list the nodes once per version and keep the array while the nodes stay the same', async () => {
    store().reset({ seed: 3 });
    const first = selectNodeIndex(store());
    expect(first.nodes.map((n) => n.name)).toEqual(['m-k8s', 'w1-k8s', 'w2-k8s', 'w3-k8s']);
    expect(first.nodes.find((n) => n.name === 'm-k8s')?.controlPlane).toBe(true);
    expect(selectNodeIndex(store())).toBe(first); // same version: not listed again

    await store().runKubectl('kubectl cordon w2-k8s');
    const cordoned = selectNodeIndex(store());
    expect(cordoned).not.toBe(first);
    expect(cordoned.nodes).toBe(first.nodes);
    expect(cordoned.status.get('w2-k8s')).toBe('Ready,SchedulingDisabled');
    expect(cordoned.status.get('w1-k8s')).toBe('Ready');
  });

  it('keep a node’s pod list while its pods stay the same', async () => {
    store().reset({ seed: 3 });
    await store().runKubectl('kubectl create deployment web --image=nginx --replicas=3');
    store().stepToQuiet();
    const { cluster } = store();
    const before = indexPods(cluster);
    const again = indexPods(cluster, before);
    expect(again.all).toBe(before.all);
    for (const [node, pods] of before.byNode) expect(again.byNode.get(node)).toBe(pods);

    await store().runKubectl('kubectl delete pod ' + before.all[0]!.name + ' --wait=false');
    const after = indexPods(cluster, again);
    const moved = before.all[0]!.nodeName;
    expect(after.byNode.get(moved)).not.toBe(before.byNode.get(moved));
    const untouched = [...before.byNode.keys()].filter(
      (node) => node !== moved && node !== undefined,
    );
    for (const node of untouched) expect(after.byNode.get(node)).toBe(before.byNode.get(node));
  });
});
