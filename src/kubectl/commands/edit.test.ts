import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type Deployment } from '../../engine';
import type { EditorFile, EditorOutcome } from '../context';
import { runKubectl, startKubectl } from '../index';
import { EDIT_HEADER } from './edit';

function withDeployment(): Cluster {
  const c = createCluster({ seed: 1 });
  runKubectl(c, 'kubectl create deployment del-deploy --image=nginx --replicas=9');
  c.runFor(30_000);
  return c;
}

const replicas = (c: Cluster) =>
  (c.api.list('deployments', 'default').find((d) => d.metadata.name === 'del-deploy') as Deployment)
    .spec.replicas;

/** scripted is an editor that answers each file it is shown with the next of edits. */
function scripted(edits: ((text: string) => string)[]) {
  const opened: EditorFile[] = [];
  const editor = (file: EditorFile, done: (outcome: EditorOutcome) => void) => {
    opened.push(file);
    const next = edits.shift() ?? ((text: string) => text);
    done({ ok: true, content: next(file.content) });
  };
  return { opened, editor };
}

describe('kubectl edit', () => {
  it('opens the object under kubectl’s header, without managedFields, and patches the change', () => {
    const c = withDeployment();
    const { opened, editor } = scripted([(t) => t.replace('replicas: 9', 'replicas: 3')]);
    const result = runKubectl(c, 'kubectl edit deployment del-deploy', { editor });
    expect(result).toEqual({
      stdout: 'deployment.apps/del-deploy edited\n',
      stderr: '',
      exitCode: 0,
    });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(
      opened[0]!.content.startsWith(`${EDIT_HEADER}apiVersion: apps/v1\nkind: Deployment\n`),
    ).toBe(true);
    expect(opened[0]!.content).not.toContain('managedFields');
    expect(replicas(c)).toBe(3);
  });

  it('waits for an editor that answers later, without finishing', () => {
    const c = withDeployment();
    let answer: ((outcome: EditorOutcome) => void) | undefined;
    let shown = '';
    const execution = startKubectl(c, 'kubectl edit deploy/del-deploy', {
      editor: (file, done) => {
        shown = file.content;
        answer = done;
      },
    });
    c.runWhile(() => !execution.editing);
    c.runFor(5_000);
    expect(execution.done).toBe(false);
    expect(execution.editing).toBe(true);
    answer!({ ok: true, content: shown.replace('replicas: 9', 'replicas: 4') });
    c.runWhile(() => !execution.done);
    expect(execution.result?.stdout).toBe('deployment.apps/del-deploy edited\n');
    expect(replicas(c)).toBe(4);
  });

  it('reopens an invalid file with the reasons on top, and gives up when it is saved unchanged', () => {
    const c = withDeployment();
    const { opened, editor } = scripted([(t) => t.replace('replicas: 9', 'replicas: -1')]);
    const result = runKubectl(c, 'kubectl edit deployment del-deploy', { editor });
    expect(opened).toHaveLength(2);
    const reopened = opened[1]!.content;
    expect(
      reopened.startsWith(
        `${EDIT_HEADER}# deployments.apps "del-deploy" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n`,
      ),
    ).toBe(true);
    expect(reopened).toContain('  replicas: -1\n');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `error: deployments.apps "del-deploy" is invalid\nA copy of your changes has been stored to "${opened[1]!.path}"\nerror: Edit cancelled, no valid changes were saved.\n`,
    );
    expect(replicas(c)).toBe(9);
  });

  it('applies a fix made in the reopened file', () => {
    const c = withDeployment();
    const { editor } = scripted([
      (t) => t.replace('replicas: 9', 'replicas: -1'),
      (t) => t.replace('replicas: -1', 'replicas: 2'),
    ]);
    const result = runKubectl(c, 'kubectl edit deployment del-deploy', { editor });
    expect(result.stdout).toBe('deployment.apps/del-deploy edited\n');
    expect(result.stderr).toBe('error: deployments.apps "del-deploy" is invalid\n');
    expect(replicas(c)).toBe(2);
  });

  it.each([
    [
      'unchanged (comments and key order do not count)',
      (t: string) => `# mine\n${t}`,
      'Edit cancelled, no changes made.\n',
    ],
  ])('cancels when the file is %s', (_name, change, stderr) => {
    const c = withDeployment();
    const { editor } = scripted([change]);
    expect(runKubectl(c, 'kubectl edit deployment del-deploy', { editor })).toEqual({
      stdout: '',
      stderr,
      exitCode: 0,
    });
  });

  // Captured from kubectl v1.32 editing the same ConfigMap: the saved file is validated before
  // anything else, so YAML errors (lines counted without the header), an empty file or a missing
  // kind reopen it as an Invalid error with no field.
  it.each([
    [
      'a tab in the indentation',
      [['  a: "1"', '\ta: "1"']],
      'yaml: line 3: found character that cannot start any token',
    ],
    [
      'a quote closed by the next one',
      [['  a: "1"', '  a: "1']],
      'yaml: line 3: did not find expected key',
    ],
    [
      'a quote closed two lines on',
      [['  a: "1"', '  a: "1\n  b c: : d']],
      'yaml: line 4: did not find expected key',
    ],
    [
      'a key indented under another',
      [['  name: web', '  name: web\n    extra: 1']],
      'yaml: line 9: mapping values are not allowed in this context',
    ],
    [
      'a list item before keys',
      [['data:', 'data:\n- x']],
      'yaml: line 4: mapping values are not allowed in this context',
    ],
    ['no kind', [['kind: ConfigMap\n', '']], 'kind not set'],
    [
      'no apiVersion and no kind',
      [
        ['kind: ConfigMap\n', ''],
        ['apiVersion: v1\n', ''],
      ],
      '[apiVersion not set, kind not set]',
    ],
    ['emptied', 'empty', 'invalid object to validate'],
    ['left with comments only', 'comments', 'invalid object to validate'],
  ] as const)('reopens a file with %s', (_name, change, reason) => {
    const c = createCluster({ seed: 1 });
    runKubectl(c, 'kubectl create configmap web --from-literal=a=1 --from-literal=b=2');
    const edit = (t: string) =>
      change === 'empty'
        ? ''
        : change === 'comments'
          ? '# nothing\n\n'
          : change.reduce((text, [from, to]) => text.replace(from, to), t);
    const { opened, editor } = scripted([edit]);
    const result = runKubectl(c, 'kubectl edit configmap web', { editor });
    expect(opened).toHaveLength(2);
    expect(
      opened[1]!.content.startsWith(
        `${EDIT_HEADER}# configmaps "web" was not valid:\n# * <nil>: Invalid value: "The edited file failed validation": ${reason}\n#\n`,
      ),
    ).toBe(true);
    expect(result).toEqual({
      stdout: '',
      stderr: `error: configmaps "web" is invalid\nA copy of your changes has been stored to "${opened[1]!.path}"\nerror: Edit cancelled, no valid changes were saved.\n`,
      exitCode: 1,
    });
  });

  it('keeps the broken text when it reopens the file, and applies its fix', () => {
    const c = createCluster({ seed: 1 });
    runKubectl(c, 'kubectl create configmap web --from-literal=a=1 --from-literal=b=2');
    const { opened, editor } = scripted([
      (t) => t.replace('  a: "1"', '\ta: "1"'),
      (t) => t.replace('\ta: "1"', '  a: "9"'),
    ]);
    const result = runKubectl(c, 'kubectl edit cm web', { editor });
    expect(opened[1]!.content).toContain('data:\n\ta: "1"\n  b: "2"\n');
    expect(result).toEqual({
      stdout: 'configmap/web edited\n',
      stderr: 'error: configmaps "web" is invalid\n',
      exitCode: 0,
    });
  });

  it('edits several objects as one v1 List and reports each', () => {
    const c = withDeployment();
    runKubectl(c, 'kubectl create deployment web --image=nginx');
    const { opened, editor } = scripted([(t) => t.replace('replicas: 9', 'replicas: 5')]);
    const result = runKubectl(c, 'kubectl edit deployment del-deploy web', { editor });
    expect(opened[0]!.content).toContain(
      `${EDIT_HEADER}apiVersion: v1\nitems:\n- apiVersion: apps/v1`,
    );
    expect(opened[0]!.content).toMatch(/\nkind: List\nmetadata: \{\}\n$/);
    expect(result.stdout).toBe('deployment.apps/del-deploy edited\ndeployment.apps/web skipped\n');
    expect(replicas(c)).toBe(5);
  });

  it('edits JSON without a header for -o json', () => {
    const c = withDeployment();
    const { opened, editor } = scripted([(t) => t.replace('"replicas": 9', '"replicas": 1')]);
    const result = runKubectl(c, 'kubectl edit deployment del-deploy -o json', { editor });
    expect(opened[0]!.path).toMatch(/\.json$/);
    expect(opened[0]!.content.startsWith('{\n    "apiVersion": "apps/v1"')).toBe(true);
    expect(JSON.parse(result.stdout).spec.replicas).toBe(1);
  });

  it('fails as kubectl does without an editor, and for a missing object', () => {
    const c = withDeployment();
    expect(runKubectl(c, 'kubectl edit deployment del-deploy').stderr).toBe(
      'error: unable to launch the editor "vi"\n',
    );
    expect(runKubectl(c, 'kubectl edit deployment nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(runKubectl(c, 'kubectl edit deployment del-deploy -o wide').stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,yaml\n',
    );
  });
});
