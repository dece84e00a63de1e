import { SpError } from '../sp-error';
import type { FieldRecord, ListRecord } from '../store/list-catalog';
import { emailOfLogon } from '../store/site-users';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { EntityValue, renderCollection } from './odata-json';

type FormValue = { FieldName?: unknown; FieldValue?: unknown };

/** `dd/MM/yyyy[ HH:mm]` (the UK site's form format) or ISO → ISO; null when unreadable. */
function formDate(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (uk) {
    const [, d, m, y, hh, mm] = uk;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
    if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) return null;
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Turns one form value (always text, as the SharePoint form sends it) into the REST body
 * value for the field, or throws a message for the field's error.
 */
function bodyValue(ctx: ApiContext, field: FieldRecord, text: string): [string, unknown] {
  switch (field.kind) {
    case 'number':
    case 'currency': {
      if (text.trim() === '') return [field.internalName, null];
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(`'${text}' is not a number.`);
      return [field.internalName, n];
    }
    case 'boolean':
      return [field.internalName, ['1', 'yes', 'true'].includes(text.trim().toLowerCase())];
    case 'datetime': {
      if (text.trim() === '') return [field.internalName, null];
      const iso = formDate(text);
      if (!iso) throw new Error(`'${text}' is not a date: use dd/MM/yyyy.`);
      return [field.internalName, iso];
    }
    case 'user': {
      if (text.trim() === '') return [`${field.internalName}Id`, null];
      let key = text;
      try {
        const parsed = JSON.parse(text) as { Key?: string }[];
        key = parsed[0]?.Key ?? text;
      } catch {
        // A plain login name or e-mail.
      }
      const email = emailOfLogon(key);
      if (!email) throw new Error(`The user '${key}' cannot be resolved.`);
      return [`${field.internalName}Id`, ctx.store.users.ensure(email).id];
    }
    case 'lookup':
      return [`${field.internalName}Id`, text.trim() === '' ? null : Number(text.split(';#')[0])];
    case 'multichoice':
      return [field.internalName, text.split(';#').filter((v) => v !== '')];
    case 'url': {
      const [url, ...description] = text.split(', ');
      return [field.internalName, { Url: url, Description: description.join(', ') || url }];
    }
    default:
      return [field.internalName, text];
  }
}

/**
 * `validateUpdateListItem({ formValues })`: sets fields from form text, checking each one.
 * SharePoint answers 200 with one result per field (HasException, ErrorMessage) and saves
 * nothing when any field fails.
 */
export function validateUpdate(ctx: ApiContext, req: ApiRequest, list: ListRecord, id: number): ApiResult {
  const formValues = Array.isArray(req.body?.formValues) ? (req.body.formValues as FormValue[]) : null;
  if (!formValues) throw new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', "validateUpdateListItem needs a body { formValues: [{ FieldName, FieldValue }] }.");
  const fields = ctx.store.catalog.fields(list);
  const body: Record<string, unknown> = {};
  const results = formValues.map((fv) => {
    const name = String(fv.FieldName ?? '');
    const text = fv.FieldValue === null || fv.FieldValue === undefined ? '' : String(fv.FieldValue);
    const field = fields.find((f) => f.internalName === name);
    let error: string | null = null;
    if (!field) error = `Column '${name}' does not exist. It may have been deleted by another user.`;
    else {
      try {
        const [key, value] = bodyValue(ctx, field, text);
        body[key] = value;
      } catch (e) {
        error = (e as Error).message;
      }
    }
    return { name, text, error };
  });
  if (!results.some((r) => r.error !== null)) {
    try {
      ctx.store.items.update(list, id, body, null, ctx.currentUser.id);
      ctx.store.catalog.touch(list);
    } catch (e) {
      // A rule of the whole item (length, range, choices) fails every field it names; SharePoint reports it on the field.
      if (!(e instanceof SpError) || e.status === 404 || e.status === 412) throw e;
      for (const r of results) r.error = e.message;
    }
  }
  const entities = results.map(
    (r) =>
      new EntityValue(
        { type: 'SP.ListItemFormUpdateValue', id: '', uri: '', editLink: '' },
        { ErrorCode: r.error ? -2146233088 : 0, ErrorMessage: r.error, FieldName: r.name, FieldValue: r.text, HasException: r.error !== null, ItemId: id },
      ),
  );
  return ok(renderCollection(req.flavour, `${ctx.site.siteUrl}/_api/$metadata#Collection(SP.ListItemFormUpdateValue)`, entities));
}
