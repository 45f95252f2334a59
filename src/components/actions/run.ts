import i18n from 'i18next';
import type { TrafficResult } from '../../engine';
import { useKubeloop } from '../../state/store';
import type { ActionCommand } from './actions';
import './i18n';

/** ActionOutcome is what an action printed, as the terminal would show it. */
export interface ActionOutcome {
  /** the command as typed in the terminal or a CLI script */
  text: string;
  output: string;
  ok: boolean;
}

/** kubeadm join waits until the kubelet has registered; the UI waits as long (in hops). */
const MAX_JOIN_STEPS = 500;

/**
 * runAction performs a menu action through the store: kubectl lines through runKubectl (recorded
 * in the session, hops animated), faults through the store's fault functions (recorded too).
 */
export async function runAction(command: ActionCommand): Promise<ActionOutcome> {
  const store = useKubeloop.getState();
  if (command.kind === 'kubectl') {
    const result = await store.runKubectl(command.line);
    return {
      text: command.line,
      output: result.stdout + result.stderr,
      ok: result.exitCode === 0,
    };
  }
  if (command.kind === 'request') {
    const result = store.sendRequest(command.origin, command.url);
    if (!result) return { text: command.text, output: '', ok: false };
    return { text: command.text, output: describeResult(result), ok: answered(result) };
  }
  const { fault, text } = command;
  let ok: boolean;
  let failure = '';
  switch (fault.type) {
    case 'node-down':
      ok = store.stopNode(fault.node);
      failure = `node "${fault.node}" is not running`;
      break;
    case 'node-up':
      ok = store.startNode(fault.node);
      failure = `node "${fault.node}" is not stopped`;
      break;
    case 'node-add':
      ok = store.addNode(fault.node);
      failure = `cannot add node "${fault.node}": the name is taken or not a valid node name`;
      if (ok) joinNode(fault.node);
      break;
    case 'kill':
      ok = store.killContainer(fault.namespace, fault.pod, fault.container);
      failure = `no running container to kill in pod "${fault.pod}"`;
      break;
    case 'load':
      ok = store.setLoad(fault.namespace, fault.deployment, fault.percent);
      break;
  }
  return { text, output: ok ? '' : `kubeloop: ${failure}\n`, ok };
}

/** joinNode steps the cluster until the new node is registered, as `kubeadm join` returns then. */
function joinNode(name: string): void {
  const store = useKubeloop.getState();
  const registered = () =>
    store.cluster.api.list('leases', 'kube-node-lease').some((l) => l.metadata.name === name);
  for (let i = 0; i < MAX_JOIN_STEPS && !registered(); i++) {
    if (!store.step()) break;
  }
}

const answered = (result: TrafficResult) => result.outcome.type === 'answer';

/**
 * describeResult says what came back, as `curl -si` would start (the status line), then which pod
 * answered: the Service spreads requests, so sending again may reach another one.
 */
export function describeResult(result: TrafficResult): string {
  const t = i18n.getFixedT(null, 'actions');
  const { outcome } = result;
  switch (outcome.type) {
    case 'answer': {
      const status = `HTTP/1.1 ${outcome.answer.status} ${outcome.answer.reason}\n`;
      return outcome.pod
        ? status +
            t('request.answeredBy', { pod: outcome.pod.name, namespace: outcome.pod.namespace }) +
            '\n'
        : status;
    }
    case 'empty':
      return 'curl: (52) Empty reply from server\n';
    case 'refused':
      return `curl: (7) Failed to connect to ${result.ip ?? result.host} port ${result.port}: Connection refused\n`;
    case 'timeout':
      return (
        `curl: (28) Failed to connect to ${result.ip ?? result.host} port ${result.port}: Connection timed out\n` +
        (outcome.deniedBy
          ? t('request.deniedBy', { policies: outcome.deniedBy.policies.join(', ') }) + '\n'
          : '')
      );
    case 'unresolved':
      return (
        `curl: (6) Could not resolve host: ${result.host}\n` +
        (outcome.deniedBy
          ? t('request.deniedBy', { policies: outcome.deniedBy.policies.join(', ') }) + '\n'
          : '')
      );
  }
}
