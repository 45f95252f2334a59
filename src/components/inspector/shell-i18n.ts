import { addTranslations } from '../../i18n';

/**
 * The side panel's own strings (tabs, the region name, the graph's selectable chips) load with
 * the first paint; the inspector's larger tables bring theirs (i18n.ts) when they load.
 */
addTranslations('inspector', {
  en: {
    tabs: 'Side panel',
    inspectorTab: 'Inspector',
    region: 'Inspector',
    loading: 'Loading the inspector…',
    selectPod: 'Pod {{name}}, {{status}}',
    selectNode: 'Node {{name}}, {{status}}',
  },
  ko: {
    tabs: '사이드 패널',
    inspectorTab: '인스펙터',
    region: '인스펙터',
    loading: '인스펙터를 불러오는 중…',
    selectPod: '파드 {{name}}, {{status}}',
    selectNode: '노드 {{name}}, {{status}}',
  },
});
