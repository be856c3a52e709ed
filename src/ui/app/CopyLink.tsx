import { useState } from 'react';
import { currentUrl } from '../../state/urlSync';

/** "Copy link": the view's absolute link to the clipboard, with a spoken confirmation (or why not). */
export function CopyLink() {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(currentUrl());
      setCopied('Link copied.');
    } catch {
      setCopied('Copying was refused by the browser: copy the address bar instead.');
    }
    setTimeout(() => setCopied(''), 4000);
  };
  return (
    <>
      <button type="button" onClick={copy}>
        Copy link
      </button>
      <span role="status" className="copied">
        {copied}
      </span>
    </>
  );
}
