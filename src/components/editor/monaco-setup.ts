/**
 * monaco-setup loads a slim, fully bundled Monaco (no CDN, no schema downloads) with YAML and the
 * Kubernetes schemas. Imported only by the lazy ManifestEditor chunk. See shared/toolchain.md,
 * pitfalls 1, 2, 4 and 5.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { MANIFEST_SCHEMA, MANIFEST_SCHEMA_URI } from './schemas';

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) =>
    label === 'yaml' ? new YamlWorker() : new EditorWorker(),
};

interface LegacyWorkerOptions {
  moduleId?: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * createWebWorker adapts monaco-yaml 5.5.1's legacy `{ moduleId, label, createData }` call to
 * Monaco >= 0.53, which wants a ready `worker` (monaco-yaml#272). It does what Monaco's own
 * language workers do: one throw-away message triggers `initialize`, then the create data.
 */
function createWebWorker(options: LegacyWorkerOptions | monaco.editor.IInternalWebWorkerOptions) {
  if ('worker' in options) return monaco.editor.createWebWorker(options);
  const worker = self.MonacoEnvironment!.getWorker!(
    options.moduleId ?? 'workerMain.js',
    options.label ?? 'yaml',
  ) as Worker;
  worker.postMessage('ignore');
  worker.postMessage(options.createData);
  return monaco.editor.createWebWorker({
    worker,
    host: options.host,
    keepIdleModels: options.keepIdleModels,
  });
}

const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker } };

configureMonacoYaml(monacoForYaml as unknown as Parameters<typeof configureMonacoYaml>[0], {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  format: { enable: true },
  schemas: [
    {
      uri: MANIFEST_SCHEMA_URI,
      // Every editor file is a .yaml model; the live comparison's models are not, on purpose.
      fileMatch: ['*.yaml'],
      schema: MANIFEST_SCHEMA as never,
    },
  ],
});

loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

export { monaco };
