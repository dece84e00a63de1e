import { hostReady } from './host';

/**
 * The configurable tab's calls to Teams (`pages.config`): validity, the save handler and
 * the configuration itself. Lives in host/ because only this folder imports teams-js;
 * teams-js is already initialised by host.ts, so this never initialises it again.
 */

/** What a saved configurable tab opens: Teams stores it and loads `contentUrl` in the channel or chat. */
export type TabInstanceConfig = {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
};

/** Where the config page runs: Teams' settings dialog, or anywhere else (a preview only). */
export type ConfigHost = {
  kind: 'teams-settings' | 'preview';
  /** Tells Teams whether Save may be pressed. */
  setValid(valid: boolean): void;
  /** Registers what Save does: build the configuration, which is then given to Teams. */
  onSave(build: () => TabInstanceConfig): void;
};

const preview = (): ConfigHost => ({ kind: 'preview', setValid: () => undefined, onSave: () => undefined });

/** The config host: Teams' `pages.config` in its settings frame, otherwise a no-op preview. */
export async function configHost(): Promise<ConfigHost> {
  const host = await hostReady();
  if (host.kind !== 'teams') return preview();
  const { app, pages } = await import('@microsoft/teams-js');
  const context = await app.getContext();
  if (context.page.frameContext !== 'settings' || !pages.config.isSupported()) return preview();
  return {
    kind: 'teams-settings',
    setValid: (valid) => pages.config.setValidityState(valid),
    onSave: (build) => {
      pages.config.registerOnSaveHandler((event) => {
        // Teams waits for notifySuccess/notifyFailure before it closes the dialog.
        Promise.resolve()
          .then(() => pages.config.setConfig(build()))
          .then(() => event.notifySuccess(), (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}
