import { addTranslations } from '../../i18n';

addTranslations('terminal', {
  en: {
    region: 'Terminal',
    input: 'kubectl terminal',
    welcome: 'Type kubectl commands here (k works too). Tab completes, ↑ recalls, Ctrl-C stops.',
    waitingEditor:
      'Waiting for the editor ({{path}} is open in the Editor tab): Save and apply to apply it, close it or press Ctrl-C to cancel.',
  },
  ko: {
    region: '터미널',
    input: 'kubectl 터미널',
    welcome:
      '여기에 kubectl 명령을 입력하세요(k도 됩니다). Tab으로 자동 완성, ↑로 이전 명령, Ctrl-C로 중지합니다.',
    waitingEditor:
      '편집기를 기다리는 중입니다({{path}} 파일이 편집기 탭에 열려 있습니다). 저장하고 적용을 누르면 반영되고, 탭을 닫거나 Ctrl-C를 누르면 취소됩니다.',
  },
});
