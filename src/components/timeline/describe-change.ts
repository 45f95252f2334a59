import type { TFunction } from 'i18next';
import type { SessionAction } from '../../state/session';

/** describeChange names a learner action for the timeline and the fork question. */
export function describeChange(t: TFunction<'timeline'>, action: SessionAction): string {
  switch (action.kind) {
    case 'kubectl':
      return action.line;
    case 'stopNode':
    case 'startNode':
    case 'addNode':
      return t(`change.${action.kind}`, { node: action.node });
    case 'killContainer':
      return t('change.killContainer', { pod: action.pod });
    case 'setLoad':
      return t('change.setLoad', { deployment: action.deployment, percent: action.percent });
    case 'request': {
      const { origin } = action;
      const from =
        origin.kind === 'pod'
          ? `pod/${origin.name}`
          : origin.kind === 'node'
            ? `node/${origin.node}`
            : t('change.fromOutside');
      return t('change.request', { url: action.url, from });
    }
  }
}
