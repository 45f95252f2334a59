import { describe, expect, it } from 'vitest';
import type { ContainerPort } from '../../api/types';
import { filterAll, infosWith, testNode, testPod } from '../testing';
import { nodePorts } from './node-ports';

const NO_FREE_PORTS = "node(s) didn't have free ports for the requested pod ports";

function withPorts(name: string, ports: Partial<ContainerPort>[]) {
  const pod = testPod(name);
  pod.spec.containers[0]!.ports = ports.map((p) => ({ containerPort: 80, protocol: 'TCP', ...p }));
  return pod;
}

describe('NodePorts', () => {
  it.each([
    {
      name: 'same TCP port taken',
      used: [{ hostPort: 8080 }],
      want: [{ hostPort: 8080 }],
      fails: true,
    },
    {
      name: 'same port, other protocol',
      used: [{ hostPort: 53, protocol: 'UDP' as const }],
      want: [{ hostPort: 53 }],
      fails: false,
    },
    { name: 'other port', used: [{ hostPort: 8080 }], want: [{ hostPort: 8081 }], fails: false },
    {
      name: 'two specific host IPs do not clash',
      used: [{ hostPort: 8080, hostIP: '127.0.0.1' }],
      want: [{ hostPort: 8080, hostIP: '10.0.0.1' }],
      fails: false,
    },
    {
      name: '0.0.0.0 clashes with any IP',
      used: [{ hostPort: 8080, hostIP: '127.0.0.1' }],
      want: [{ hostPort: 8080 }],
      fails: true,
    },
    {
      name: 'containerPort alone claims nothing',
      used: [{}],
      want: [{ hostPort: 80 }],
      fails: false,
    },
  ])('$name', ({ used, want, fails }) => {
    const infos = infosWith([testNode('n1')], { n1: [withPorts('holder', used)] });
    expect(filterAll(nodePorts, withPorts('incoming', want), infos)).toEqual([
      fails ? [NO_FREE_PORTS] : undefined,
    ]);
  });

  it('skips pods without host ports', () => {
    expect(nodePorts.preFilter(testPod('plain'))).toBeUndefined();
  });

  it('frees the port when the holder leaves the node', () => {
    const holder = withPorts('holder', [{ hostPort: 8080 }]);
    const infos = infosWith([testNode('n1')], { n1: [holder] });
    infos[0]!.removePod(holder.metadata.uid);
    expect(filterAll(nodePorts, withPorts('incoming', [{ hostPort: 8080 }]), infos)).toEqual([
      undefined,
    ]);
  });
});
