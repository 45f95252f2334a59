import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTranslations } from '../../i18n';
import { shareUrl } from '../../state/session';
import { useSessionStatus, type SessionStatus } from '../../state/session-sync';
import { currentSession } from '../../state/store';

addTranslations('session', {
  en: {
    share: 'Share',
    shareLink: 'Share link',
    copied: 'Link copied. Anyone who opens it gets this sandbox at this moment.',
    copyYourself: 'Copy the link below to share this sandbox at this moment.',
    restoring: 'Restoring… {{percent}}%',
    dismiss: 'Dismiss',
    resetCorrupt: 'Your saved sandbox could not be read, so the sandbox was reset.',
    resetVersion:
      'Your saved sandbox is from an older version of Kubeloop, so the sandbox was reset.',
    linkBad: 'This share link is damaged or incomplete, so the sandbox was reset.',
    linkLoaded: 'Opened a shared sandbox.',
    diverged:
      'Your sandbox was restored, but the simulator has changed since it was saved, so some details may differ.',
  },
  ko: {
    share: '공유',
    shareLink: '공유 링크',
    copied: '링크를 복사했습니다. 이 링크를 열면 지금 이 순간의 샌드박스를 그대로 볼 수 있습니다.',
    copyYourself: '아래 링크를 복사해 지금 이 순간의 샌드박스를 공유하세요.',
    restoring: '복원 중… {{percent}}%',
    dismiss: '닫기',
    resetCorrupt: '저장된 샌드박스를 읽을 수 없어 샌드박스를 초기화했습니다.',
    resetVersion: '저장된 샌드박스가 이전 버전의 Kubeloop에서 만들어져 샌드박스를 초기화했습니다.',
    linkBad: '공유 링크가 손상되었거나 잘려 있어 샌드박스를 초기화했습니다.',
    linkLoaded: '공유받은 샌드박스를 열었습니다.',
    diverged: '샌드박스를 복원했지만 저장한 뒤 시뮬레이터가 바뀌어 일부 내용이 다를 수 있습니다.',
  },
});

const selectRestoring = (s: SessionStatus) => s.restoring;
const selectNotice = (s: SessionStatus) => s.notice;

/** SessionBar says how restoring the sandbox went, when it matters, and makes share links. */
export default function SessionBar() {
  const { t } = useTranslation('session');
  const restoring = useSessionStatus(selectRestoring);
  const notice = useSessionStatus(selectNotice);
  const [link, setLink] = useState<{ url: string; copied: boolean } | undefined>();

  const share = async () => {
    const url = await shareUrl(location.href, currentSession());
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // no clipboard permission: the learner copies it from the field
    }
    setLink({ url, copied });
  };

  return (
    <div
      className="session-bar"
      style={{ display: 'flex', gap: 8, alignItems: 'center', alignSelf: 'center' }}
    >
      <p role="status" className="session-status" style={{ margin: 0 }}>
        {restoring !== undefined
          ? t('restoring', { percent: Math.floor(restoring * 100) })
          : notice && (
              <>
                {t(notice)}{' '}
                <button type="button" onClick={useSessionStatus.getState().dismiss}>
                  {t('dismiss')}
                </button>
              </>
            )}
        {link &&
          restoring === undefined &&
          !notice &&
          (link.copied ? t('copied') : t('copyYourself'))}
      </p>
      {/* Slimmer than the default button so the header keeps its height (and the editor its lines). */}
      <button
        type="button"
        style={{ paddingBlock: 2 }}
        onClick={() => void share()}
        disabled={restoring !== undefined}
      >
        {t('share')}
      </button>
      {link && (
        <input
          type="text"
          readOnly
          aria-label={t('shareLink')}
          value={link.url}
          onFocus={(e) => e.currentTarget.select()}
          size={24}
        />
      )}
    </div>
  );
}
