import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startFresh } from './learner';

// Every state a learner passes through, in English and Korean, light and dark: axe finds no
// serious or critical WCAG 2 A/AA violation, and every control has an accessible name.

/** The axe rule tags of WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The roles of the controls a learner operates; each needs a name a screen reader can say. */
const CONTROL_ROLES = [
  'button',
  'link',
  'textbox',
  'searchbox',
  'combobox',
  'checkbox',
  'radio',
  'switch',
  'slider',
  'spinbutton',
  'tab',
  'menuitem',
] as const;

/** seriousViolations runs axe on the page and describes each serious or critical finding. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found: string[] = [];
  for (const v of violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    for (const node of v.nodes) {
      const why = node.failureSummary?.replace(/\n/g, '\n    ');
      found.push(`${v.id} (${v.impact}) at ${node.target.join(' ')}: ${v.help}\n    ${why}`);
    }
  }
  return found;
}

/** unnamedControls lists every visible control whose accessible name is empty. */
async function unnamedControls(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const role of CONTROL_ROLES) {
    for (const control of await page.getByRole(role, { name: /^\s*$/ }).all()) {
      const html = await control.evaluate((el) => el.outerHTML.slice(0, 200));
      found.push(`${role}: ${html}`);
    }
  }
  return found;
}

/** expectAccessible checks the page as it is now; a failure names the state and lists findings. */
async function expectAccessible(page: Page, state: string) {
  await test.step(state, async () => {
    const violations = await seriousViolations(page);
    expect.soft(violations, `${state}: axe found\n${violations.join('\n')}`).toEqual([]);
    const unnamed = await unnamedControls(page);
    expect.soft(unnamed, `${state}: controls without a name\n${unnamed.join('\n')}`).toEqual([]);
  });
}

/** Labels are the accessible names the walk reaches things by, in each language. */
interface Labels {
  lesson: string;
  course: string;
  editor: string;
  template: string;
  apply: string;
  playback: string;
  stepToQuiet: string;
  graph: string;
  pod: RegExp;
  node: RegExp;
  inspector: string;
  terminalTab: string;
  terminalInput: string;
  editorTab: string;
  timeline: string;
  scrubber: string;
  backToPresent: string;
  forkTitle: string;
  cancel: string;
  etcdTab: string;
  etcdKeys: string;
  deploymentsFolder: RegExp;
  showLogs: string;
  run: string;
  output: string;
  addNode: string;
  nodeName: string;
}

const EN: Labels = {
  lesson: 'Lesson',
  course: 'Course',
  editor: 'Manifest editor',
  template: 'Template',
  apply: 'Apply',
  playback: 'Playback',
  stepToQuiet: 'Step to quiet',
  graph: 'Cluster graph',
  pod: /^Pod nginx-.*, Running$/,
  node: /^Node w1-k8s, Ready$/,
  inspector: 'Inspector',
  terminalTab: 'Terminal',
  terminalInput: 'kubectl terminal',
  editorTab: 'Editor',
  timeline: 'Timeline',
  scrubber: 'Timeline position',
  backToPresent: 'Back to the present',
  forkTitle: 'Change the past?',
  cancel: 'Cancel',
  etcdTab: 'etcd browser',
  etcdKeys: 'Keys under /registry',
  deploymentsFolder: /^\/registry\/deployments\/ \(\d+ keys?\)$/,
  showLogs: 'Show logs',
  run: 'Run',
  output: 'Output',
  addNode: 'Add node',
  nodeName: 'Node name',
};

const KO: Labels = {
  lesson: '레슨',
  course: '코스',
  editor: '매니페스트 편집기',
  template: '템플릿',
  apply: '적용',
  playback: '재생 제어',
  stepToQuiet: '안정될 때까지',
  graph: '클러스터 그래프',
  pod: /^파드 nginx-.*, Running$/,
  node: /^노드 w1-k8s, Ready$/,
  inspector: '인스펙터',
  terminalTab: '터미널',
  terminalInput: 'kubectl 터미널',
  editorTab: '편집기',
  timeline: '타임라인',
  scrubber: '타임라인 위치',
  backToPresent: '현재로 돌아가기',
  forkTitle: '과거를 바꿀까요?',
  cancel: '취소',
  etcdTab: 'etcd 브라우저',
  etcdKeys: '/registry 아래의 키',
  deploymentsFolder: /^\/registry\/deployments\/ \(키 \d+개\)$/,
  showLogs: '로그 보기',
  run: '실행',
  output: '출력',
  addNode: '노드 추가',
  nodeName: '노드 이름',
};

test.beforeEach(({ page }) => startFresh(page));

/**
 * walkLearnerStates goes where a learner goes, checking each stop: the course list, a lesson,
 * the editor, a Deployment's pods, the inspector on a pod and a node, the terminal, the
 * timeline in the past, the etcd browser, and an action's dialog.
 */
async function walkLearnerStates(page: Page, l: Labels, variant: string) {
  // axe takes a few seconds on a page with a graph of pods, and the walk runs it thirteen times.
  test.setTimeout(240_000);
  const lesson = page.getByRole('region', { name: l.lesson, exact: true }).last();
  const course = lesson.getByRole('navigation', { name: l.course });
  await expect(course).toBeVisible({ timeout: 15_000 });
  await course.locator('summary').click();
  await expect(course.getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page, `${variant}: the lessons list`);

  // The second lesson, open.
  await course.getByRole('listitem').nth(1).getByRole('button').click();
  await expect(lesson.getByRole('heading', { level: 2 })).toBeVisible();
  await expectAccessible(page, `${variant}: a lesson open`);

  const editor = page.getByRole('region', { name: l.editor });
  await expect(editor.locator('.monaco-editor').first()).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, `${variant}: the editor with Monaco`);

  await editor.getByRole('combobox', { name: l.template }).selectOption('deployment');
  await expect(editor.locator('.monaco-editor').first()).toContainText('kind:\u00a0Deployment');
  await editor.getByRole('button', { name: l.apply }).click();
  await expect(editor.getByRole('status')).toContainText('deployment.apps/nginx created');
  await page
    .getByRole('toolbar', { name: l.playback })
    .getByRole('button', { name: l.stepToQuiet })
    .click();
  const graph = page.getByRole('region', { name: l.graph });
  const chips = graph.getByRole('button', { name: l.pod });
  await expect(chips).toHaveCount(3);
  await expectAccessible(page, `${variant}: a Deployment's pods on the graph`);

  await chips.first().click();
  const inspector = page.getByRole('region', { name: l.inspector });
  await expect(inspector.getByRole('heading', { level: 2 })).toBeVisible();
  await expectAccessible(page, `${variant}: the inspector on a pod`);

  await graph.getByRole('button', { name: l.node }).click();
  await expect(inspector.getByRole('heading', { level: 2 })).toContainText('w1-k8s');
  await expectAccessible(page, `${variant}: the inspector on a node`);

  await page.getByRole('tab', { name: l.terminalTab }).click();
  const input = page.getByRole('textbox', { name: l.terminalInput });
  await expect(input).toBeAttached({ timeout: 15_000 });
  await input.focus();
  await page.keyboard.type('kubectl get pods');
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('READY');
  await expectAccessible(page, `${variant}: the terminal`);

  const timeline = page.getByRole('region', { name: l.timeline });
  await timeline.getByRole('slider', { name: l.scrubber }).focus();
  await page.keyboard.press('Home');
  await expect(timeline.getByRole('button', { name: l.backToPresent })).toBeEnabled();
  await expectAccessible(page, `${variant}: the timeline in the past`);
  // A change from the past asks before it forks the future.
  await input.focus();
  await page.keyboard.type('kubectl run solo --image=nginx');
  await page.keyboard.press('Enter');
  const fork = page.getByRole('dialog', { name: l.forkTitle });
  await expect(fork).toBeVisible();
  await expectAccessible(page, `${variant}: the timeline's fork question`);
  await fork.getByRole('button', { name: l.cancel }).click();
  await expect(fork).toBeHidden();
  await timeline.getByRole('button', { name: l.backToPresent }).click();
  await page.getByRole('tab', { name: l.editorTab }).click();

  await page.getByRole('tab', { name: l.etcdTab }).click();
  const browser = page.getByRole('region', { name: l.etcdTab });
  const keys = browser.getByRole('navigation', { name: l.etcdKeys });
  await keys.getByRole('button', { name: l.deploymentsFolder }).click();
  await keys.getByRole('button', { name: /^\/registry\/deployments\/default\/ / }).click();
  await keys.getByRole('button', { name: '/registry/deployments/default/nginx' }).click();
  await expect(
    browser.getByRole('region', { name: '/registry/deployments/default/nginx' }),
  ).toBeVisible();
  await expectAccessible(page, `${variant}: the etcd browser on a key`);

  await chips.first().click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, `${variant}: a pod's action menu`);
  await page.getByRole('menuitem', { name: l.showLogs }).click();
  const dialog = page.getByRole('dialog', { name: l.showLogs });
  await dialog.getByRole('button', { name: l.run }).click();
  await expect(dialog.getByRole('region', { name: l.output })).toContainText(
    'Configuration complete',
  );
  await expectAccessible(page, `${variant}: an action's dialog with its output`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: `${l.addNode}…` }).click();
  const addNode = page.getByRole('dialog', { name: l.addNode });
  await expect(addNode.getByRole('textbox', { name: l.nodeName })).toHaveValue('w4-k8s');
  await expectAccessible(page, `${variant}: an action's dialog with a field`);
  await page.keyboard.press('Escape');
  await expect(addNode).toBeHidden();
}

test('English, light: every state has no serious violations and no unnamed control', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await walkLearnerStates(page, EN, 'English, light');
});

test('Korean: every state has no serious violations and no unnamed control', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '한국어' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await walkLearnerStates(page, KO, 'Korean, light');
});

test('dark theme: every state has no serious violations and no unnamed control', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await walkLearnerStates(page, EN, 'English, dark');
});

test('the checks catch an unnamed button and unreadable text', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML =
      '<button type="button" id="probe-unnamed"></button>' +
      '<p id="probe-faint" style="color:#eee;background:#fff">faint text</p>';
    document.querySelector('main')!.append(probe);
  });
  expect(await unnamedControls(page)).toEqual([
    expect.stringContaining('button: <button type="button" id="probe-unnamed">'),
  ]);
  const violations = await seriousViolations(page);
  expect(violations).toContainEqual(expect.stringMatching(/^color-contrast .* #probe-faint/));
  expect(violations).toContainEqual(expect.stringMatching(/^button-name .* #probe-unnamed/));
});

/** longAnimations lists the animations and transitions running now that last over 10 ms. */
function longAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document
      .getAnimations()
      .filter((animation) => {
        const timing = animation.effect?.getComputedTiming();
        return (
          animation.playState === 'running' &&
          (Number(timing?.duration ?? 0) > 10 || timing?.iterations === Infinity)
        );
      })
      .map((animation) => {
        const kind =
          animation instanceof CSSAnimation
            ? `animation ${animation.animationName}`
            : animation instanceof CSSTransition
              ? `transition ${animation.transitionProperty}`
              : 'script animation';
        const target = (animation.effect as KeyframeEffect | null)?.target;
        const where = target
          ? `${target.tagName.toLowerCase()}.${[...target.classList].join('.')}`
          : 'no element';
        const duration = String(animation.effect?.getComputedTiming().duration);
        return `${kind} on ${where} (${duration} ms)`;
      }),
  );
}

test.describe('with prefers-reduced-motion: reduce', () => {
  test.use({ reducedMotion: 'reduce' });

  test('nothing animates longer than 10 ms while a Deployment rolls out', async ({ page }) => {
    await page.goto('/');
    const editor = page.getByRole('region', { name: EN.editor });
    await expect(editor.locator('.monaco-editor').first()).toBeVisible({ timeout: 15_000 });
    await editor.getByRole('combobox', { name: EN.template }).selectOption('deployment');
    await expect(editor.locator('.monaco-editor').first()).toContainText('kind:\u00a0Deployment');
    await editor.getByRole('button', { name: EN.apply }).click();
    await expect(editor.getByRole('status')).toContainText('deployment.apps/nginx created');

    // Sample while the hops play, until the pods run: every long animation seen, and where.
    const seen = new Set<string>();
    const sample = async () => {
      for (const animation of await longAnimations(page)) seen.add(animation);
    };
    const playback = page.getByRole('toolbar', { name: EN.playback });
    await playback.getByRole('combobox', { name: 'Speed' }).selectOption('4');
    await playback.getByRole('button', { name: 'Play' }).click();
    const running = page.getByRole('region', { name: EN.graph }).getByRole('button', {
      name: EN.pod,
    });
    await expect
      .poll(
        async () => {
          await sample();
          return running.count();
        },
        { timeout: 30_000, intervals: [100] },
      )
      .toBe(3);
    await playback.getByRole('button', { name: 'Pause' }).click();
    // Selecting a pod restyles its chip and opens the inspector.
    await running.first().click();
    await sample();
    expect([...seen]).toEqual([]);
  });
});
