// The chat preview page script (served as /chat/chat-preview.js; no inline scripts).
// Lists the chats that received messages, and renders the chosen chat's cards with
// the adaptivecards renderer, newest last, as Teams does.
(function () {
  'use strict';

  const AC = window.AdaptiveCards;
  const listEl = document.getElementById('chat-list');
  const messagesEl = document.getElementById('messages');
  const headingEl = document.getElementById('conversation-heading');
  const statusEl = document.getElementById('status');
  const refreshEl = document.getElementById('refresh');
  const shown = new Set();
  let hostConfig = null;
  const selected = new URLSearchParams(window.location.search).get('group');

  const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  // Teams renders Markdown and mentions in TextBlocks; this covers what digests use:
  // bold, italics and <at>Name</at>. Everything is escaped first, so nothing from a
  // card becomes markup except what these rules produce.
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    let html = escapeHtml(text);
    html = html.replace(/&lt;at&gt;(.*?)&lt;\/at&gt;/g, '<span class="mention">@$1</span>');
    html = html.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1<em>$2</em>');
    result.outputHtml = '<p>' + html + '</p>';
    result.didProcess = true;
  };

  const time = (iso) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  function renderCard(content) {
    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = function (action) {
      if (action instanceof AC.OpenUrlAction && action.url) window.open(action.url, '_blank', 'noopener');
    };
    card.parse(content);
    return card.render();
  }

  function renderMessage(entry) {
    const li = document.createElement('li');
    li.className = 'message';
    const article = document.createElement('article');
    article.setAttribute('aria-label', 'Message from Plan Tracker, ' + time(entry.receivedAt));
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = 'Plan Tracker via Workflows · ' + time(entry.receivedAt);
    article.appendChild(meta);
    for (const attachment of entry.message.attachments || []) {
      if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
      const holder = document.createElement('div');
      holder.className = 'card';
      try {
        const rendered = renderCard(attachment.content);
        if (rendered) holder.appendChild(rendered);
      } catch (error) {
        holder.textContent = 'This card could not be rendered: ' + error.message;
      }
      article.appendChild(holder);
    }
    li.appendChild(article);
    return li;
  }

  function renderChats(groups) {
    listEl.replaceChildren();
    for (const group of groups) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '/chat?group=' + encodeURIComponent(group);
      a.textContent = group;
      if (group === selected) a.setAttribute('aria-current', 'page');
      li.appendChild(a);
      listEl.appendChild(li);
    }
  }

  async function load() {
    const response = await fetch('/_sink/messages', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('the webhook sink answered ' + response.status);
    const { messages } = await response.json();
    const groups = [...new Set(messages.map((m) => m.group))].sort();
    renderChats(groups);
    const group = selected || groups[0];
    if (!group) {
      headingEl.textContent = 'No messages yet';
      statusEl.textContent = 'Run `plan-tracker remind` to send the digests; they appear here.';
      return;
    }
    headingEl.textContent = 'Chat: ' + group;
    const fresh = messages.filter((m) => m.group === group && !shown.has(m.id));
    for (const entry of fresh) {
      messagesEl.appendChild(renderMessage(entry));
      shown.add(entry.id);
    }
    const total = messages.filter((m) => m.group === group).length;
    statusEl.textContent = total + (total === 1 ? ' message' : ' messages') + (fresh.length && shown.size > fresh.length ? ', ' + fresh.length + ' new' : '');
  }

  async function refresh() {
    try {
      await load();
    } catch (error) {
      statusEl.textContent = 'Could not load the messages: ' + error.message + '. Is the local server running?';
    }
  }

  async function start() {
    hostConfig = new AC.HostConfig(await (await fetch('/chat/host-config.json')).json());
    await refresh();
    document.body.dataset.ready = 'true';
  }

  refreshEl.addEventListener('click', refresh);
  start();
})();
