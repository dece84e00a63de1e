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

  it('names the line it cannot read', () => {
    expect(() => parseUsers('Jane Doe,jane@contoso.example\nno email here')).toThrow("Line 2 of the users file is not 'name,email'");
    expect(() => parseUsers('[{"name":"x"}]')).toThrow('Entry 1 of the users file needs a "name" and an "email".');
  });
});
