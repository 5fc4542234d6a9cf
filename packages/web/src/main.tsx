import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PolicyList } from './policy-list.js';

/**
 * The web UI's first page: the public policy list. The full interface (applicant, staff, finance)
 * is its own piece of work; this page already shows real data from the API.
 */
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PolicyList />
    </StrictMode>,
  );
}
