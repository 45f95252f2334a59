import { addTranslations } from '../../i18n';

/** The layout's strings: pane toggles, resize handles and the theme control. */
addTranslations('layout', {
  en: {
    panes: 'Panes',
    pane: {
      lessons: 'Lessons pane',
      inspector: 'Inspector pane',
      workbench: 'Terminal and editor pane',
    },
    resize: {
      lessons: 'Resize lessons pane',
      inspector: 'Resize inspector pane',
      workbench: 'Resize terminal and editor pane',
    },
    theme: { label: 'Theme', system: 'System', light: 'Light', dark: 'Dark' },
  },
  ko: {
    panes: '창',
    pane: {
      lessons: '레슨 창',
      inspector: '인스펙터 창',
      workbench: '터미널·편집기 창',
    },
    resize: {
      lessons: '레슨 창 크기 조절',
      inspector: '인스펙터 창 크기 조절',
      workbench: '터미널·편집기 창 크기 조절',
    },
    theme: { label: '테마', system: '시스템 설정', light: '밝게', dark: '어둡게' },
  },
});
