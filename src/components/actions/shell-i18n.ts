import { addTranslations } from '../../i18n';

/** The strings the first paint needs: the graph's Add node button and hint, the outcome's Close. */
addTranslations('actions', {
  en: {
    addNode: 'Add node…',
    sendRequest: 'Send request…',
    close: 'Close',
    graphMenu: 'Right-click (or Shift+F10 on) a pod or a node for its actions.',
  },
  ko: {
    addNode: '노드 추가…',
    sendRequest: '요청 보내기…',
    close: '닫기',
    graphMenu: '파드나 노드를 오른쪽 클릭하면(또는 포커스를 두고 Shift+F10) 작업 메뉴가 열립니다.',
  },
});
