import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { hostReady } from './host/host';

// Start talking to the host before React renders anything: it runs in parallel with the first paint.
void hostReady();

const container = document.getElementById('root');
if (!container) throw new Error('The tab page has no #root element.');
createRoot(container).render(<StrictMode><App /></StrictMode>);
