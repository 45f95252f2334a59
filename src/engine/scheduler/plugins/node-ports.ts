import { hostPorts, type FilterPlugin, type HostPort } from '../framework';

const ANY_IP = '0.0.0.0';

/** conflicts is HostPortInfo.CheckConflict: same protocol and port, and either IP is 0.0.0.0 or both match. */
function conflicts(want: HostPort, used: HostPort): boolean {
  return (
    want.port === used.port &&
    want.protocol === used.protocol &&
    (want.ip === ANY_IP || used.ip === ANY_IP || want.ip === used.ip)
  );
}

/**
 * NodePorts rejects nodes where another pod already holds a hostPort this pod asks for. Pods
 * without hostPorts skip it. Preemption can help (evicting the holder frees the port).
 */
export const nodePorts = {
  name: 'NodePorts',
  preFilter(pod) {
    const wanted = hostPorts(pod);
    if (wanted.length === 0) return undefined;
    return (nodeInfo) => {
      for (const used of nodeInfo.usedPorts.values())
        if (wanted.some((w) => used.some((u) => conflicts(w, u))))
          return {
            reasons: ["node(s) didn't have free ports for the requested pod ports"],
            unresolvable: false,
          };
      return undefined;
    };
  },
} satisfies FilterPlugin;
