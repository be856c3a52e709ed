import { useState } from 'react';

/** The app header: name and the "Copy link" action (the address always holds the canonical link). */
export function Header() {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setCopied('Link copied.');
    } catch {
      setCopied('Copying was refused by the browser: copy the address bar instead.');
    }
    setTimeout(() => setCopied(''), 4000);
  };
  return (
    <header className="app-header">
      <h1>NTK–Laplace Explorer</h1>
      <p className="tagline">
        On the sphere the ReLU neural tangent kernel and the Laplace kernel have the same eigenfunctions and
        eigenvalue decay (Geifman et al., NeurIPS 2020).
      </p>
      <div className="header-actions">
        <button type="button" onClick={copy}>
          Copy link
        </button>
        <span role="status" className="copied">
          {copied}
        </span>
      </div>
    </header>
  );
}
