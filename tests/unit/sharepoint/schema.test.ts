import { loadListsManifest } from '../../../src/cli/load-manifest';
import { parseListsManifest } from '../../../src/sharepoint/schema';

describe('lists manifest', () => {
  it('declares the six lists of the design with their contract fields', () => {
    const manifest = loadListsManifest();
    expect(manifest.lists.map((l) => l.title)).toEqual(['Plan Items', 'Progress Updates', 'Steering Groups', 'Reminder Log', 'Plans', 'Owner Aliases']);
    const planItems = manifest.lists[0];
    const indexed = planItems.fields.filter((f) => f.indexed).map((f) => f.name);
    expect(indexed).toEqual(expect.arrayContaining(['Plan', 'ActionRef', 'DueDate', 'Status', 'RAG', 'SteeringGroup']));
    expect(planItems.views.map((v) => v.title)).toEqual(['All actions', 'My actions', 'Overdue', 'Due in 30 days', 'By owner', 'By RAG', 'Completed']);
  });

  it('makes the reminder claim key unique and indexed, so a second claim fails', () => {
    const log = loadListsManifest().lists.find((l) => l.title === 'Reminder Log')!;
    expect(log.fields.find((f) => f.name === 'ClaimKey')).toMatchObject({ indexed: true, unique: true });
  });

  it('rejects a manifest with a bad field type, naming where', () => {
    const bad = { lists: [{ title: 'X', fields: [{ name: 'A', type: 'money' }] }] };
    expect(() => parseListsManifest(bad, 'custom.json')).toThrow(/custom\.json is not valid: lists\.0\.fields\.0\.type/);
  });

  it('rejects a unique field that is not indexed, as SharePoint would', () => {
    const bad = { lists: [{ title: 'X', fields: [{ name: 'A', type: 'text', unique: true }] }] };
    expect(() => parseListsManifest(bad)).toThrow(/unique but not indexed/);
  });
});
