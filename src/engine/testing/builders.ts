import type { AnyObject } from '../api/types';

/** Small builders for tests: manifests as a learner would write them. */

export function podManifest(
  name: string,
  extra: {
    image?: string;
    cpu?: string;
    memory?: string;
    tolerations?: unknown[];
    nodeName?: string;
  } = {},
): AnyObject {
  const requests: Record<string, string> = {};
  if (extra.cpu) requests.cpu = extra.cpu;
  if (extra.memory) requests.memory = extra.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { run: name } },
    spec: {
      containers: [
        {
          name,
          image: extra.image ?? 'nginx',
          ...(extra.cpu || extra.memory ? { resources: { requests } } : {}),
        },
      ],
      ...(extra.tolerations ? { tolerations: extra.tolerations } : {}),
      ...(extra.nodeName ? { nodeName: extra.nodeName } : {}),
    },
  };
}

export function deploymentManifest(name: string, replicas: number, image = 'nginx'): AnyObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: image.split(':')[0], image }] },
      },
    },
  };
}
