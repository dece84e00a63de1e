import fs from 'node:fs';
import path from 'node:path';
import { TEAMS_LIKE_HOST_CONFIG } from './chat-preview-host-config';
import type { EmulatorPlugin } from './plugin';

/**
 * The chat preview: `GET /chat` shows what each steering group would see in Teams —
 * the cards the webhook sink received, newest last, rendered by the `adaptivecards`
 * renderer with a Teams-like host config. Scripts and styles are separate files (no
 * inline script), so the page runs under a strict Content-Security-Policy.
 */

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chat preview — Plan Tracker</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/chat/chat-preview.css">
<script src="/chat/adaptivecards.min.js" defer></script>
<script src="/chat/chat-preview.js" defer></script>
</head>
<body>
<header class="bar"><h1>Chat preview</h1><p>What each steering group's chat receives from the reminder job (local webhook sink).</p></header>
<div class="layout">
<nav aria-label="Chats" class="chats"><h2 id="chats-heading">Chats</h2><ul id="chat-list" aria-labelledby="chats-heading"></ul></nav>
<main id="main" class="conversation" tabindex="-1">
<h2 id="conversation-heading">No chat selected</h2>
<p id="status" role="status"></p>
<ol id="messages" class="messages" aria-labelledby="conversation-heading"></ol>
<button type="button" id="refresh">Check for new messages</button>
</main>
</div>
</body>
</html>
`;

const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const staticFile = (file: string, type: string) => () =>
  new Response(fs.readFileSync(file), { status: 200, headers: { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' } });

/** Creates the chat preview plugin (it reads messages from the webhook sink's `GET /_sink/messages`). */
export function createChatPreview(): EmulatorPlugin {
  const routes: Record<string, () => Response> = {
    '/chat': () => new Response(PAGE, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache' } }),
    '/chat/chat-preview.js': staticFile(path.resolve(__dirname, 'chat-preview-client.js'), 'text/javascript; charset=utf-8'),
    '/chat/chat-preview.css': staticFile(path.resolve(__dirname, 'chat-preview.css'), 'text/css; charset=utf-8'),
    '/chat/adaptivecards.min.js': staticFile(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'text/javascript; charset=utf-8'),
    '/chat/host-config.json': () => Response.json(TEAMS_LIKE_HOST_CONFIG),
  };
  return {
    name: 'chat-preview',
    handle(request, context) {
      const route = routes[context.url.pathname.replace(/\/+$/, '') || '/'];
      if (!route) return undefined;
      if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Use GET.', { status: 405, headers: { Allow: 'GET' } });
      return route();
    },
  };
}
