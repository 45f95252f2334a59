import { describe, expect, it } from 'vitest';
import { useKubeloop } from '../../state/store';
import { documentAt, filledIn, liveObject } from './live-object';
import { TEMPLATES } from './templates';

const TWO = `${TEMPLATES.service}---\n${TEMPLATES.deployment}`;

describe('the live object of the document under the cursor', () => {
  it('picks the document the cursor is in', () => {
    expect(documentAt(TWO, 0)).toMatchObject({ kind: 'Service', name: 'nginx' });
    const deployment = documentAt(TWO, TWO.indexOf('replicas'));
    expect(deployment).toMatchObject({ kind: 'Deployment', name: 'nginx', namespace: undefined });
    expect(deployment!.text).toBe(TEMPLATES.deployment);
  });

  it('names nothing for text without kind and name, or broken YAML', () => {
    expect(documentAt('foo: bar\n', 0)).toBeUndefined();
    expect(documentAt('kind: Pod\nmetadata: [\n', 0)).toBeUndefined();
  });

  it('finds the stored object once applied, with defaults and status', async () => {
    useKubeloop.getState().reset();
    const cluster = useKubeloop.getState().cluster;
    const doc = documentAt(TEMPLATES.deployment, 0)!;
    expect(liveObject(cluster, doc)).toBeUndefined();
    await useKubeloop.getState().applyManifest(TEMPLATES.deployment);
    useKubeloop.getState().stepToQuiet();
    const live = liveObject(useKubeloop.getState().cluster, doc) as unknown as {
      spec: { strategy?: { type: string } };
      status?: { readyReplicas?: number };
    };
    expect(live.spec.strategy?.type).toBe('RollingUpdate');
    expect(live.status?.readyReplicas).toBe(3);
    const added = filledIn(doc.object, live);
    expect(added).toEqual(expect.arrayContaining(['metadata.uid', 'spec.strategy', 'status']));
    expect(added).not.toContain('spec.replicas');
    expect(added).not.toContain('spec');
  });
});
