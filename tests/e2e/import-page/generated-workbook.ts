import ExcelJS from 'exceljs';

/** Owners written in the generated workbook's "Person" column. */
export const WORKBOOK_OWNERS = ['Head of Housing', 'Director of Public Health', 'Chief Executive'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An .xlsx plan of `size` actions in three themes (heading rows merged across the sheet),
 * with columns Ref, Action, Person, By when, Budget. "Person" is not a header the importer
 * recognises, so its owners are found only once the user maps that column to Owner.
 */
export async function generatedWorkbook(size: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  sheet.addRow(['Housing and health action plan 2025']);
  sheet.addRow(['Ref', 'Action', 'Person', 'By when', 'Budget']);
  const perTheme = Math.ceil(size / 3);
  for (let theme = 0; theme < 3; theme++) {
    const heading = sheet.addRow([`Theme ${theme + 1}: ${['Homes', 'Health', 'Work'][theme]}`]);
    sheet.mergeCells(heading.number, 1, heading.number, 5);
    for (let n = 1; n <= perTheme && theme * perTheme + n <= size; n++) {
      const i = theme * perTheme + n;
      sheet.addRow([
        `${theme + 1}.${n}`,
        `Generated action ${i}: review the ${['allocation policy', 'hospital discharge pathway', 'apprenticeship offer'][theme]} with partners (${i})`,
        WORKBOOK_OWNERS[i % WORKBOOK_OWNERS.length],
        i % 10 === 0 ? 'Ongoing' : `${MONTHS[i % 12]}-${26 + (i % 3)}`,
        i % 4 === 0 ? '£10,000' : 'Existing resources',
      ]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
