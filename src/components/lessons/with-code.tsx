import { Fragment, type ReactNode } from 'react';

/** withCode renders `backticked` spans of lesson text as code. */
export function withCode(text: string): ReactNode {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
    );
}
