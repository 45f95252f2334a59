import { addTranslations } from '../../i18n';

addTranslations('terminal', {
  en: {
    region: 'Terminal',
    input: 'kubectl terminal',
    welcome: 'Type kubectl commands here (k works too). Tab completes, ↑ recalls, Ctrl-C stops.',
  },
  ko: {
    region: '터미널',
    input: 'kubectl 터미널',
    welcome:
      '여기에 kubectl 명령을 입력하세요(k도 됩니다). Tab으로 자동 완성, ↑로 이전 명령, Ctrl-C로 중지합니다.',
  },
});
