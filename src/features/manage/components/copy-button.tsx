import { useState } from 'react';
import { useManageT } from '../hooks/use-manage-catalogue';

/** Copies a text to the clipboard and says so; says so too when the browser would not. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useManageT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="button button--quiet" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy__status">
        {state === 'copied' ? t('copy.done') : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
