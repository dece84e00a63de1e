import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlainError } from '../errors';

const useStyles = makeStyles({
  details: { marginBlockStart: tokens.spacingVerticalXS },
  raw: {
    // The raw response is long and unbroken: wrap it so it never scrolls the page sideways.
    whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '12rem', overflowY: 'auto',
    fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, margin: '0',
  },
});

/** The plain message of a failure, with the raw response folded away under "Details". */
export function ErrorDetails({ error }: { error: PlainError }) {
  const styles = useStyles();
  return (
    <>
      {error.message}
      <details className={styles.details}>
        <summary>Details</summary>
        <pre className={styles.raw}>{error.details}</pre>
      </details>
    </>
  );
}
