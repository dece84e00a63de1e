import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readTabConfig } from './config';
import { hostReady } from './host/host';
import { startTabSession } from './session/useTabSession';

// Talk to the host and the site before React renders anything: those round trips then
// run in parallel with the first paint. The shell picks both up (and shows any error).
void hostReady().then((host) => startTabSession(readTabConfig(), host)).catch(() => undefined);

const container = document.getElementById('root');
if (!container) throw new Error('The tab page has no #root element.');
createRoot(container).render(<StrictMode><App /></StrictMode>);
