import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';
import { explainHop } from './explain';
import { deploymentManifest, podManifest } from './testing/builders';

describe('explainHop', () => {
  it('explains every hop of a Deployment and a failed pull in both languages', () => {
    const c = createCluster({ seed: 5 });
    c.client('kubectl').request({
      verb: 'create',
      resource: 'deployments',
      namespace: 'default',
      body: deploymentManifest('web', 2),
    });
    c.client('kubectl').request({
      verb: 'create',
      resource: 'pods',
      namespace: 'default',
      body: podManifest('bad', { image: 'nginx:no-such-tag' }),
    });
    c.runFor(30_000);
    c.client('kubectl').request({
      verb: 'delete',
      resource: 'deployments',
      namespace: 'default',
      name: 'web',
    });
    c.runUntilIdle();
    const seen = new Set<string>();
    for (const hop of c.hops.all()) {
      const { en, ko } = explainHop(hop);
      for (const text of [en, ko]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/undefined|\{|\}/);
      }
      expect(ko).toMatch(/[가-힣]/);
      seen.add(`${hop.channel}:${hop.note?.code ?? hop.verb}`);
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});
