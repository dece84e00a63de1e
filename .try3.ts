import { looksLikeHeading, parseHeading, headingRef } from './src/importer/section-heading';
import { cleanCell } from './src/importer/cell-text';
const t = cleanCell('2. Understanding and working with our communities');
console.log(JSON.stringify(t), looksLikeHeading(t), headingRef(t), parseHeading(t, ''));
