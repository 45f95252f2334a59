import type { Node } from '../../engine';
import { nodeStatus } from '../../kubectl/printers/columns';
import { useObjects } from '../../state/store';

/** useNodeStatus is kubectl get nodes' STATUS for one node: Ready, NotReady, Ready,SchedulingDisabled. */
export function useNodeStatus(name: string): string {
  const node = useObjects<Node>('nodes').find((n) => n.metadata.name === name);
  return node ? nodeStatus(node) : 'Unknown';
}
