import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine';
import { runKubectl } from './index';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n';
const prefix = 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: ';

// Expected lines were captured from kubectl v1.32 `create -f bad.yaml --dry-run=client`.
const cases: [string, string, string][] = [
  [
    'key indented too far',
    `${pod}  name: a\n    labels: x\n`,
    'line 5: mapping values are not allowed in this context',
  ],
  ['continuation key', 'a: b\n c: d\n', 'line 2: mapping values are not allowed in this context'],
  ['tab indentation', `${pod}\tname: a\n`, 'line 4: found character that cannot start any token'],
  [
    'unclosed double quote',
    `${pod}  name: "a\nspec: {}\n`,
    'line 6: found unexpected end of stream',
  ],
  ['unclosed single quote', "a: 'x\n", 'line 2: found unexpected end of stream'],
  ['unclosed nested quote', 'a:\n  b: "x\n  c: 1\n', 'line 4: found unexpected end of stream'],
  [
    'list item outdented',
    `${pod}  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx\n - name: d\n`,
    'line 8: did not find expected key',
  ],
  ['key dedented into parent', 'a:\n    b: 1\n  c: 2\n', 'line 2: did not find expected key'],
  ['key beside list items', 'a:\n  - x\n  y: 1\n', "line 2: did not find expected '-' indicator"],
  [
    'unclosed quote closed by a later one',
    `${pod}  name: "a\n  b: "2"\n`,
    'line 4: did not find expected key',
  ],
  [
    'unclosed quote closed two lines on',
    `${pod}  name: "a\n  b c: : d\n  x: "2"\n`,
    'line 5: did not find expected key',
  ],
  [
    'unclosed single quote closed later',
    `${pod}  name: 'a\n  b: 'c'\n`,
    'line 4: did not find expected key',
  ],
  [
    'key under a list item',
    'a:\n- x\n  b: 1\n',
    'line 3: mapping values are not allowed in this context',
  ],
  [
    'key under an indented list item',
    'a:\n  - x\n    b: 1\n',
    'line 3: mapping values are not allowed in this context',
  ],
];

describe('manifest YAML errors', () => {
  it.each(cases)('%s reads as go-yaml does', (_name, text, message) => {
    const c = createCluster({ seed: 1 });
    const readFile = () => text;
    expect(runKubectl(c, 'kubectl create -f bad.yaml', { readFile }).stderr).toBe(
      `${prefix}${message}\n`,
    );
  });

  it('keeps the last of duplicate keys as sigs.k8s.io/yaml does', () => {
    const c = createCluster({ seed: 1 });
    const text = `${pod}  name: web\n  name: app\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;
    const result = runKubectl(c, 'kubectl create -f pod.yaml', { readFile: () => text });
    expect(result.stdout).toBe('pod/app created\n');
  });
});
