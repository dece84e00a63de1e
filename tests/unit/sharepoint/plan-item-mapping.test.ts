import { etagOf, toPlanItem, toSpFields } from '../../../src/sharepoint/plan-item-mapping';

describe('plan item mapping', () => {
  it('reads a minimal-metadata row, person and dates included', () => {
    const item = toPlanItem({
      'odata.etag': '"3"', ID: 7, Title: 'Publish the plan', Plan: 'EIP', Section: 'Theme 1', ActionRef: 'R1.C-3',
      Owner: { Id: 5, Title: "Siobhan O'Brien", EMail: 'sob@contoso.example' }, OwnerId: 5, OwnerText: 'Director',
      DueDate: '2024-05-31T00:00:00Z', Ongoing: true, Status: 'In progress', RAG: 'Amber', PercentComplete: 40,
    });
    expect(item).toMatchObject({
      id: 7, etag: '"3"', dueDate: '2024-05-31', ongoing: true, rag: 'Amber', percentComplete: 40,
      owner: { id: 5, title: "Siobhan O'Brien", email: 'sob@contoso.example' },
    });
  });

  it('reads the ETag from verbose metadata too', () => {
    expect(etagOf({ __metadata: { etag: '"9"' } })).toBe('"9"');
  });

  it('writes dates as SharePoint date-only values and the owner as OwnerId', () => {
    expect(toSpFields({ dueDate: '2024-05-31', startDate: null, owner: { id: 4, title: 'A', email: null }, title: 'x'.repeat(300) }))
      .toEqual({ DueDate: '2024-05-31T00:00:00Z', StartDate: null, OwnerId: 4, Title: 'x'.repeat(255) });
  });
});
