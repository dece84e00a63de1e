import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { TEAMS_LIKE_HOST_CONFIG } from '../../../emulator/chat-preview-host-config';
import { processCardMarkdown } from './card-markdown';
import { useDigestPreviewStyles } from './useDigestPreviewStyles.styles';

export type AdaptiveCardViewProps = {
  /** The card JSON (the `content` of the message's attachment). */
  card: Record<string, unknown>;
  /** Names the card for assistive technology. */
  label: string;
};

/**
 * Renders an Adaptive Card with the `adaptivecards` renderer and a Teams-like host
 * config. The renderer is loaded only when a card is shown. It builds its own DOM,
 * escaping card text; markdown goes through `processCardMarkdown`, which escapes first.
 */
export function AdaptiveCardView({ card, label }: AdaptiveCardViewProps) {
  const styles = useDigestPreviewStyles();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    let live = true;
    setState('loading');
    import('adaptivecards').then(
      (AC) => {
        if (!live || !host.current) return;
        AC.AdaptiveCard.onProcessMarkdown = processCardMarkdown;
        const adaptiveCard = new AC.AdaptiveCard();
        adaptiveCard.hostConfig = new AC.HostConfig(TEAMS_LIKE_HOST_CONFIG);
        adaptiveCard.onExecuteAction = (action) => {
          if (action instanceof AC.OpenUrlAction && action.url) window.open(action.url, '_blank', 'noopener');
        };
        adaptiveCard.parse(card);
        const rendered = adaptiveCard.render();
        host.current.replaceChildren(...(rendered ? [rendered] : []));
        setState('ready');
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(error instanceof Error ? error.message : String(error));
        setState('failed');
      },
    );
    return () => { live = false; };
  }, [card]);

  return (
    <>
      {state === 'loading' && <Spinner size="small" label="Drawing the card…" />}
      {state === 'failed' && (
        <MessageBar intent="error"><MessageBarBody>The card could not be drawn: {problem}</MessageBarBody></MessageBar>
      )}
      <div ref={host} role="group" aria-label={label} className={styles.card} />
    </>
  );
}
