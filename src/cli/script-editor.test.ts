import { describe, expect, it } from 'vitest';
import type { EditorOutcome } from '../kubectl';
import { runSed, scriptEditor } from './script-editor';

const FILE = 'spec:\n  replicas: 9\nstatus:\n  replicas: 9\n';

describe('runSed (the sed -i a script’s KUBE_EDITOR runs)', () => {
  it.each([
    [['-i', 's/replicas: 9/replicas: 3/'], 'spec:\n  replicas: 3\nstatus:\n  replicas: 3\n'],
    // BRE: \( \) group, bare + is literal; & is the match
    [['-i', 's/\\(replicas\\): 9/\\1: 1/'], 'spec:\n  replicas: 1\nstatus:\n  replicas: 1\n'],
    [['-i', 's/a/[&]/g'], 'spec:\n  replic[a]s: 9\nst[a]tus:\n  replic[a]s: 9\n'],
    [
      ['-i', 's/1+/x/; s/\\(replicas\\): 9/\\1: 1/'],
      'spec:\n  replicas: 1\nstatus:\n  replicas: 1\n',
    ],
    [
      ['-i', '-e', 's|9|+|', '-e', 's/^spec/SPEC/'],
      'SPEC:\n  replicas: +\nstatus:\n  replicas: +\n',
    ],
    [['-i', 's/1+/x/'], FILE],
    // without -i sed only prints: the file stays as it was
    [['s/9/3/'], FILE],
  ])('sed %j', (args, want) => {
    expect(runSed(args, FILE)).toBe(want);
  });

  it.each([[['-i']], [['-i', 'p']], [['-i', 's/a/b/x']], [['-z', 's/a/b/']]])(
    'fails on %j',
    (args) => {
      expect(runSed(args, FILE)).toBeUndefined();
    },
  );
});

describe('scriptEditor', () => {
  const run = (env: Record<string, string>) => {
    let outcome: EditorOutcome | undefined;
    scriptEditor(env)(
      { path: '/tmp/kubectl-edit-abcde.yaml', content: FILE },
      (o) => (outcome = o),
    );
    return outcome;
  };

  it('prefers KUBE_EDITOR to EDITOR, and falls back to vi', () => {
    expect(run({ KUBE_EDITOR: "sed -i 's/9/3/'", EDITOR: 'nano' })).toEqual({
      ok: true,
      content: FILE.replaceAll('9', '3'),
    });
    expect(run({ EDITOR: 'nano' })).toEqual({
      ok: false,
      error: 'unable to launch the editor "nano"',
    });
    expect(run({})).toEqual({ ok: false, error: 'unable to launch the editor "vi"' });
    expect(run({ KUBE_EDITOR: "code --wait 'x'" })).toEqual({
      ok: false,
      error: `there was a problem with the editor "/bin/bash -c code --wait 'x'"`,
    });
  });
});
