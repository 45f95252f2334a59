import { describe, expect, it } from 'vitest';
import type { Pod } from '../engine';
import { useKubeloop } from './store';

// The store with the real kubectl: apply while paused, then settle.
describe('kubeloop store with kubectl', () => {
  it('applyManifest resolves with kubectl’s output, and stepToQuiet runs three pods', async () => {
    useKubeloop.getState().reset();
    const result = await useKubeloop
      .getState()
      .applyManifest(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
      );
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('deployment.apps/web created'),
    });
    useKubeloop.getState().stepToQuiet();
    const pods = useKubeloop.getState().cluster.api.list('pods', 'default') as Pod[];
    expect(pods.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Running']);
  });
});
