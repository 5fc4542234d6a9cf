import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DisclosureList } from './disclosure-list.js';
import { PolicyList } from './policy-list.js';

/**
 * The web UI's public pages so far: the policy list (#/) and the disclosure list (#/gongshi). The
 * full interface (applicant, staff, finance) is its own piece of work; these pages show real data.
 */
function Pages() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash === '#/gongshi' ? <DisclosureList /> : <PolicyList />;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Pages />
    </StrictMode>,
  );
}
