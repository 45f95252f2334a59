import type { Random } from '../clock';
import type { Pod, Toleration } from '../api/types';

/**
 * The admission plugins a kubeadm API server runs on every new pod that change it
 * (ServiceAccount, DefaultTolerationSeconds, Priority): they are why a pod read back has more
 * fields than the manifest that created it.
 */

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** randomSuffix draws n characters as apimachinery's rand.String does (no vowels, no 0/1/3). */
export function randomSuffix(rng: Random, n = 5): string {
  return rng.string(n, SUFFIX_ALPHABET);
}

const DEFAULT_TOLERATIONS: Toleration[] = [
  {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
  {
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  },
];

/** admitPod mutates a new pod as the admission chain does. */
export function admitPod(pod: Pod, rng: Random): void {
  const spec = pod.spec;
  spec.serviceAccountName ??= 'default';
  (spec as { serviceAccount?: string }).serviceAccount ??= spec.serviceAccountName;
  const mountsToken =
    (spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken !== false;
  const alreadyMounted = (spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'));
  if (mountsToken && !alreadyMounted) {
    const volumeName = `kube-api-access-${randomSuffix(rng)}`;
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name: volumeName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [
                  {
                    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                    path: 'namespace',
                  },
                ],
              },
            },
          ],
        },
      },
    ];
    for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
      container.volumeMounts = [
        ...(container.volumeMounts ?? []),
        {
          name: volumeName,
          readOnly: true,
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        },
      ];
    }
  }
  const tolerations = spec.tolerations ?? [];
  for (const toleration of DEFAULT_TOLERATIONS) {
    const covered = tolerations.some(
      (t) =>
        (t.key === toleration.key || (t.key === undefined && t.operator === 'Exists')) &&
        (t.effect === undefined || t.effect === 'NoExecute'),
    );
    if (!covered) tolerations.push({ ...toleration });
  }
  spec.tolerations = tolerations;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}
