/**
 * The renderer's entry. Both hosts define `window.kiosk` before this module runs (the preload, or the
 * browser host's bridge script placed before it), and module scripts run after the document is parsed.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyPalette } from './palette';
import './theme.css';

applyPalette(document.documentElement);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App kiosk={window.kiosk} />
  </StrictMode>,
);
