import { addTranslations } from '../../i18n';

addTranslations('lessons', {
  en: {
    region: 'Lesson',
    progress: '{{done}} of {{total}} steps done',
    done: 'Done',
    hint: 'Hint',
    moreHint: 'Another hint',
    showSolution: 'Show solution',
    hideSolution: 'Hide solution',
    noCommand: 'No command needed: press Step (or Step to quiet) and let the cluster do the work.',
    reset: 'Reset lesson',
    finished: 'Lesson complete!',
    realCluster: 'On a real cluster',
    lesson: 'Lesson',
  },
  ko: {
    region: '레슨',
    progress: '{{total}}단계 중 {{done}}단계 완료',
    done: '완료',
    hint: '힌트',
    moreHint: '힌트 더 보기',
    showSolution: '정답 보기',
    hideSolution: '정답 숨기기',
    noCommand:
      '입력할 명령은 없습니다. 한 단계 버튼(또는 안정될 때까지 버튼)을 눌러 클러스터가 일하게 두세요.',
    reset: '레슨 다시 시작',
    finished: '레슨을 모두 마쳤습니다!',
    realCluster: '실제 클러스터에서는',
    lesson: '레슨',
  },
});
