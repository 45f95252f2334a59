/**
 * Schemas for the kinds beyond Pod and Deployment, in the same style: the fields a learner
 * writes, with short descriptions for hover and enums for completion. Unknown fields are left to
 * the API server's strict decoding (its error is marked on the line).
 */

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const meta = ref('metadata');
const labels = ref('labels');

const selector = {
  type: 'object',
  description: 'Which Pods belong to this object; must match template.metadata.labels.',
  properties: { matchLabels: labels },
};

const podTemplate = {
  type: 'object',
  description: 'The Pod template every Pod is created from.',
  required: ['spec'],
  properties: {
    metadata: { type: 'object', properties: { labels } },
    spec: ref('podSpec'),
  },
};

const head = (apiVersion: string, kind: string, description: string, required = ['spec']) => ({
  type: 'object',
  description,
  required: ['apiVersion', 'kind', 'metadata', ...required],
  properties: {
    apiVersion: { type: 'string', const: apiVersion },
    kind: { type: 'string', const: kind },
    metadata: meta,
  },
});

const withSpec = (base: ReturnType<typeof head>, spec: object) => ({
  ...base,
  properties: { ...base.properties, spec },
});

const jobSpec = {
  type: 'object',
  required: ['template'],
  properties: {
    template: podTemplate,
    completions: { type: 'integer', minimum: 0, description: 'How many Pods must succeed.' },
    parallelism: { type: 'integer', minimum: 0, description: 'How many Pods run at once.' },
    backoffLimit: {
      type: 'integer',
      minimum: 0,
      description: 'Failed Pods allowed before the Job is marked failed (default 6).',
    },
    activeDeadlineSeconds: { type: 'integer', minimum: 1 },
    ttlSecondsAfterFinished: { type: 'integer', minimum: 0 },
  },
};

export const KIND_SCHEMAS: Record<string, object> = {
  Service: withSpec(head('v1', 'Service', 'A Service gives a set of Pods one stable address.'), {
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
      selector: { ...labels, description: 'The labels of the Pods that receive the traffic.' },
      ports: {
        type: 'array',
        items: {
          type: 'object',
          required: ['port'],
          properties: {
            name: { type: 'string' },
            port: { type: 'integer', minimum: 1, maximum: 65535 },
            targetPort: {
              type: ['integer', 'string'],
              description: 'The container port (number or name); defaults to port.',
            },
            nodePort: { type: 'integer', minimum: 30000, maximum: 32767 },
            protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
          },
        },
      },
      clusterIP: { type: 'string' },
    },
  }),
  Job: withSpec(
    head('batch/v1', 'Job', 'A Job runs Pods until a number of them succeed.'),
    jobSpec,
  ),
  CronJob: withSpec(head('batch/v1', 'CronJob', 'A CronJob creates a Job on a schedule.'), {
    type: 'object',
    required: ['schedule', 'jobTemplate'],
    properties: {
      schedule: { type: 'string', description: 'Cron format: minute hour day month weekday.' },
      jobTemplate: { type: 'object', properties: { spec: jobSpec } },
      concurrencyPolicy: { type: 'string', enum: ['Allow', 'Forbid', 'Replace'] },
      suspend: { type: 'boolean' },
      successfulJobsHistoryLimit: { type: 'integer', minimum: 0 },
      failedJobsHistoryLimit: { type: 'integer', minimum: 0 },
    },
  }),
  DaemonSet: withSpec(
    head('apps/v1', 'DaemonSet', 'A DaemonSet runs one Pod on every (matching) node.'),
    {
      type: 'object',
      required: ['selector', 'template'],
      properties: { selector, template: podTemplate },
    },
  ),
  StatefulSet: withSpec(
    head('apps/v1', 'StatefulSet', 'A StatefulSet runs Pods with stable names: web-0, web-1, ...'),
    {
      type: 'object',
      required: ['selector', 'template'],
      properties: {
        serviceName: { type: 'string', description: 'The headless Service that names the Pods.' },
        replicas: { type: 'integer', minimum: 0 },
        selector,
        template: podTemplate,
        podManagementPolicy: { type: 'string', enum: ['OrderedReady', 'Parallel'] },
      },
    },
  ),
  ConfigMap: {
    ...head('v1', 'ConfigMap', 'A ConfigMap holds configuration as keys and values.', []),
    properties: {
      ...head('v1', 'ConfigMap', '').properties,
      data: { type: 'object', additionalProperties: { type: 'string' } },
      immutable: { type: 'boolean' },
    },
  },
  Secret: {
    ...head('v1', 'Secret', 'A Secret holds small sensitive values, base64-encoded in data.', []),
    properties: {
      ...head('v1', 'Secret', '').properties,
      type: { type: 'string', description: 'Opaque for arbitrary data.' },
      data: {
        type: 'object',
        description: 'Values encoded in base64.',
        additionalProperties: { type: 'string' },
      },
      stringData: {
        type: 'object',
        description: 'Plain values; the API server encodes them into data.',
        additionalProperties: { type: 'string' },
      },
      immutable: { type: 'boolean' },
    },
  },
  Ingress: withSpec(
    head('networking.k8s.io/v1', 'Ingress', 'An Ingress routes HTTP by host and path to Services.'),
    {
      type: 'object',
      properties: {
        ingressClassName: { type: 'string' },
        rules: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              host: { type: 'string' },
              http: {
                type: 'object',
                properties: {
                  paths: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['pathType', 'backend'],
                      properties: {
                        path: { type: 'string' },
                        pathType: {
                          type: 'string',
                          enum: ['Prefix', 'Exact', 'ImplementationSpecific'],
                        },
                        backend: {
                          type: 'object',
                          properties: {
                            service: {
                              type: 'object',
                              properties: {
                                name: { type: 'string' },
                                port: {
                                  type: 'object',
                                  properties: {
                                    number: { type: 'integer' },
                                    name: { type: 'string' },
                                  },
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  ),
};
