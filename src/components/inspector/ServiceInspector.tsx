import { useTranslation } from 'react-i18next';
import type { Event, Service } from '../../engine';
import { age } from '../../kubectl/printers/age';
import type { ObjectRef } from '../../state/selection';
import { serviceKey, useServiceView } from '../../state/services';
import { selectCluster, useKubeloop, useObjects } from '../../state/store';
import { eventRowsFor } from './events';
import { EventsSection, Facts, InspectorHeading, LiveYaml, Section, SelectLink } from './parts';
import { useInspected } from './use-inspected';

/**
 * The endpoints table lists this many rows; the rest are counted on one line, as `kubectl
 * describe service` ends its Endpoints with "+ N more...": a Service in front of hundreds of pods
 * stays readable and cheap to draw.
 */
export const ENDPOINTS_SHOWN = 20;

/**
 * ServiceInspector is `kubectl describe service` laid out for learners: how the Service is
 * reached (type, ClusterIP, ports), which pods it selects, and its EndpointSlices' addresses,
 * ready or not, with the pod behind each.
 */
export default function ServiceInspector({ target }: { target: ObjectRef }) {
  const { t } = useTranslation('inspector');
  const cluster = useKubeloop(selectCluster);
  const service = useInspected<Service>(target);
  const view = useServiceView(serviceKey(target.namespace ?? 'default', target.name));
  const events = useObjects<Event>('events', target.namespace);
  const now = cluster.now;

  if (!service)
    return (
      <p className="inspector-empty">{t('gone', { kind: t('kind.Service'), name: target.name })}</p>
    );

  const none = t('field.none');
  const endpoints = view?.endpoints ?? [];
  const shown = endpoints.slice(0, ENDPOINTS_SHOWN);
  const hidden = endpoints.slice(ENDPOINTS_SHOWN);
  const hiddenReady = hidden.filter((e) => e.ready).length;
  const rows = eventRowsFor(events, [service.metadata.uid], now);
  const external = service.status?.loadBalancer?.ingress?.map((i) => i.ip ?? i.hostname) ?? [];

  return (
    <article className="inspector-object">
      <InspectorHeading target={target} />
      <Facts
        items={[
          [t('field.namespace'), service.metadata.namespace ?? 'default'],
          [t('field.type'), service.spec.type],
          [t('field.clusterIP'), service.spec.clusterIP ?? none],
          ...(service.spec.type === 'LoadBalancer'
            ? [[t('field.externalIP'), external.join(', ') || '<pending>'] as [string, string]]
            : []),
          [t('field.selector'), view?.selector ?? none],
          [t('field.age'), age(service.metadata.creationTimestamp, now)],
        ]}
      />

      <Section title={t('service.ports')}>
        {(id) => (
          <table className="inspector-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('service.portName')}</th>
                <th scope="col">{t('service.port')}</th>
                <th scope="col">{t('service.targetPort')}</th>
                <th scope="col">{t('service.nodePort')}</th>
              </tr>
            </thead>
            <tbody>
              {(service.spec.ports ?? []).map((p) => (
                <tr key={`${p.port}/${p.protocol}`}>
                  <th scope="row">{p.name || none}</th>
                  <td>
                    {p.port}/{p.protocol}
                  </td>
                  <td>{String(p.targetPort)}</td>
                  <td>{p.nodePort ?? none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t('service.endpoints')}>
        {(id) =>
          endpoints.length === 0 ? (
            <p className="inspector-none">{t('service.noEndpoints')}</p>
          ) : (
            <>
              <table className="inspector-table" aria-labelledby={id}>
                <thead>
                  <tr>
                    <th scope="col">{t('service.pod')}</th>
                    <th scope="col">{t('field.ip')}</th>
                    <th scope="col">{t('service.ready')}</th>
                    <th scope="col">{t('field.node')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((e) => (
                    <tr key={e.ip} className={e.ready ? undefined : 'is-warning'}>
                      <th scope="row" className="wrap">
                        {e.pod ? (
                          <SelectLink
                            target={{ kind: 'Pod', namespace: target.namespace, name: e.pod }}
                          >
                            {e.pod}
                          </SelectLink>
                        ) : (
                          none
                        )}
                      </th>
                      <td>{e.ip}</td>
                      <td>{t(e.ready ? 'service.isReady' : 'service.notReady')}</td>
                      <td>{e.nodeName ?? none}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {hidden.length > 0 && (
                <p className="inspector-note">
                  {t('service.moreEndpoints', {
                    count: hidden.length,
                    ready: hiddenReady,
                    notReady: hidden.length - hiddenReady,
                  })}
                </p>
              )}
            </>
          )
        }
      </Section>

      <EventsSection rows={rows} />

      <LiveYaml object={service} />
    </article>
  );
}
