import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hunks, lineDiff } from './line-diff';

const OP_CLASS = { ' ': 'kept', '-': 'removed', '+': 'added' } as const;

/** YamlDiff shows the changed lines of two YAML texts with a little context, like `diff -u`. */
export default function YamlDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation('etcd');
  const shown = useMemo(() => hunks(lineDiff(before, after)), [before, after]);
  if (shown.length === 0) return <p className="etcd-note">{t('unchanged')}</p>;
  return (
    <div className="yaml-diff" role="group" aria-label={t('diff')}>
      {shown.map((hunk, index) => (
        <div key={index} className="yaml-diff__hunk">
          {hunk.skipped > 0 && (
            <p className="yaml-diff__skipped">{t('skipped', { count: hunk.skipped })}</p>
          )}
          <pre className="yaml-diff__lines">
            {hunk.lines.map((line, n) => (
              <span key={n} className={`yaml-diff__line yaml-diff__line--${OP_CLASS[line.op]}`}>
                {/* The sign is text, not only colour, so the change reads without it. */}
                <span className="yaml-diff__sign">
                  {line.op === ' ' ? ' ' : line.op === '-' ? '−' : '+'}
                </span>
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </div>
      ))}
    </div>
  );
}
