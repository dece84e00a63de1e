import { parseUsers } from '../../../src/emulator/users-file';

describe('parseUsers', () => {
  it('reads a JSON array of { name, email }', () => {
    expect(parseUsers('[{"name":"Jane Doe","email":"jane@contoso.example"}]')).toEqual([{ name: 'Jane Doe', email: 'jane@contoso.example' }]);
  });

  it('reads CSV name,email, skipping the header and honouring quotes', () => {
    const text = 'name,email\r\n"Godman, Sharon",sharon@contoso.example\r\nAli Littlewood,ali@contoso.example\r\n';
    expect(parseUsers(text)).toEqual([
      { name: 'Godman, Sharon', email: 'sharon@contoso.example' },
      { name: 'Ali Littlewood', email: 'ali@contoso.example' },
    ]);
  });

  it('reads an optional group: CSV name,email,group and JSON "group"', () => {
    expect(parseUsers('name,email,group\nRita Reader,rita@contoso.example,visitors\nEd Editor,ed@contoso.example,\n')).toEqual([
      { name: 'Rita Reader', email: 'rita@contoso.example', group: 'visitors' },
      { name: 'Ed Editor', email: 'ed@contoso.example' },
    ]);
    expect(parseUsers('[{"name":"Mo","email":"mo@contoso.example","group":"Plan Managers"}]')).toEqual([{ name: 'Mo', email: 'mo@contoso.example', group: 'Plan Managers' }]);
    expect(() => parseUsers('[{"name":"Mo","email":"mo@contoso.example","group":7}]')).toThrow('has a "group" that is not a group name');
    expect(() => parseUsers('Mo,mo@contoso.example,members,extra')).toThrow("Line 1 of the users file is not 'name,email' or 'name,email,group'");
  });

  it('names the line it cannot read', () => {
    expect(() => parseUsers('Jane Doe,jane@contoso.example\nno email here')).toThrow("Line 2 of the users file is not 'name,email'");
    expect(() => parseUsers('[{"name":"x"}]')).toThrow('Entry 1 of the users file needs a "name" and an "email".');
  });
});
