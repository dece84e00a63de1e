import { webhooksFor } from '../../../src/cli/commands/remind';

const BOARD = { key: 'BOARD', name: 'Board' };

describe('remind: where digests are posted', () => {
  const saved = process.env.PLAN_TRACKER_WEBHOOK_BOARD;
  afterEach(() => {
    if (saved === undefined) delete process.env.PLAN_TRACKER_WEBHOOK_BOARD;
    else process.env.PLAN_TRACKER_WEBHOOK_BOARD = saved;
  });

  it('posts to the local chat preview sink for a group with no webhook on the embedded server', () => {
    delete process.env.PLAN_TRACKER_WEBHOOK_BOARD;
    expect(webhooksFor('http://127.0.0.1:4321/sites/plans')(BOARD)).toBe('http://127.0.0.1:4321/_sink/webhooks/Board');
  });

  it('prefers a configured webhook, and never invents one for a real tenant', () => {
    process.env.PLAN_TRACKER_WEBHOOK_BOARD = 'https://prod.example/workflows/1';
    expect(webhooksFor('http://127.0.0.1:4321/sites/plans')(BOARD)).toBe('https://prod.example/workflows/1');
    delete process.env.PLAN_TRACKER_WEBHOOK_BOARD;
    expect(webhooksFor('https://contoso.sharepoint.com/sites/plans')(BOARD)).toBeNull();
  });
});
