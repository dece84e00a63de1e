import { spErrors } from '../sp-error';
import { ok, type ApiContext, type ApiRequest, type ApiResult } from './api-context';
import { numberArg, stringArg, type PathSegment } from './api-path';
import { ComplexValue, EntityValue, renderPrimitive } from './odata-json';
import { collection, entity, requireMethod } from './respond';

/** A SharePoint time zone: its id, description, bias (minutes west of UTC) and the IANA zone that computes it. */
type TimeZoneInfo = { id: number; description: string; bias: number; daylightBias: number; iana: string };

/** The zones a UK site is likely to need (SharePoint's ids); London is the site's. */
export const TIME_ZONES: TimeZoneInfo[] = [
  { id: 2, description: '(UTC+00:00) Dublin, Edinburgh, Lisbon, London', bias: 0, daylightBias: -60, iana: 'Europe/London' },
  { id: 3, description: '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris', bias: -60, daylightBias: -60, iana: 'Europe/Paris' },
  { id: 4, description: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', bias: -60, daylightBias: -60, iana: 'Europe/Berlin' },
  { id: 10, description: '(UTC-05:00) Eastern Time (US and Canada)', bias: 300, daylightBias: -60, iana: 'America/New_York' },
  { id: 11, description: '(UTC-06:00) Central Time (US and Canada)', bias: 360, daylightBias: -60, iana: 'America/Chicago' },
  { id: 13, description: '(UTC-08:00) Pacific Time (US and Canada)', bias: 480, daylightBias: -60, iana: 'America/Los_Angeles' },
  { id: 23, description: '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi', bias: -330, daylightBias: 0, iana: 'Asia/Kolkata' },
  { id: 39, description: '(UTC) Coordinated Universal Time', bias: 0, daylightBias: 0, iana: 'UTC' },
];

/** The site's zone: GMT/London, as a UK site is set up. */
export const SITE_TIME_ZONE = TIME_ZONES[0];

/** Minutes the zone is ahead of UTC at that instant (London: 0 in winter, 60 in summer). */
export function offsetMinutes(iana: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: iana, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** `yyyy-mm-dd` of an instant in the site's time zone: what "today" is for `<Today/>` and date-only fields. */
export function siteDate(at: Date, zone: TimeZoneInfo = SITE_TIME_ZONE): string {
  return new Date(at.getTime() + offsetMinutes(zone.iana, at) * 60000).toISOString().slice(0, 10);
}

function timeZoneEntity(ctx: ApiContext, zone: TimeZoneInfo): EntityValue {
  const path = `Web/RegionalSettings/TimeZones/GetById(${zone.id})`;
  return new EntityValue(
    { type: 'SP.TimeZone', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path },
    { Description: zone.description, Id: zone.id, Information: new ComplexValue('SP.TimeZoneInformation', { Bias: zone.bias, DaylightBias: zone.daylightBias, StandardBias: 0 }) },
  );
}

function settingsEntity(ctx: ApiContext): EntityValue {
  const path = 'Web/RegionalSettings';
  return new EntityValue(
    { type: 'SP.RegionalSettings', id: `${ctx.site.siteUrl}/_api/${path}`, uri: `${ctx.site.siteUrl}/_api/${path}`, editLink: path },
    {
      AdjustHijriDays: 0,
      AlternateCalendarType: 0,
      AM: 'AM',
      CalendarType: 1,
      Collation: 25,
      CollationLCID: 2070,
      DateFormat: 1,
      DateSeparator: '/',
      DecimalSeparator: '.',
      DigitGrouping: '3;0',
      FirstDayOfWeek: 1,
      FirstWeekOfYear: 2,
      IsEastAsia: false,
      IsRightToLeft: false,
      IsUIRightToLeft: false,
      ListSeparator: ',',
      LocaleId: 2057,
      NegativeSign: '-',
      NegNumberMode: 1,
      PM: 'PM',
      PositiveSign: '',
      ShowWeeks: false,
      ThousandSeparator: ',',
      Time24: true,
      TimeMarkerPosition: 0,
      TimeSeparator: ':',
      WorkDayEndHour: 1020,
      WorkDays: 62,
      WorkDayStartHour: 480,
    },
  );
}

function parseInstant(text: string | null): Date {
  const value = text ? new Date(text) : new Date(NaN);
  if (Number.isNaN(value.getTime())) throw spErrors.badQuery(`The date '${text ?? ''}' is not valid: send an ISO 8601 date and time.`);
  return value;
}

/** SharePoint's local-time strings carry no offset: `2026-03-01T10:00:00`. */
function localIso(at: Date): string {
  return at.toISOString().slice(0, 19);
}

/** `web/regionalsettings…`: the settings (en-GB, 2057), installed languages, time zones and the site's zone. */
export function regionalSettingsRoutes(ctx: ApiContext, req: ApiRequest, more: PathSegment[]): ApiResult {
  const [next, selector] = more;
  if (!next) {
    requireMethod(req, ['GET'], 'RegionalSettings');
    return entity(ctx, req, 'SP.RegionalSettings', settingsEntity(ctx));
  }
  switch (next.name) {
    case 'installedlanguages': {
      requireMethod(req, ['GET'], 'InstalledLanguages');
      const items = [{ DisplayName: 'English', LanguageTag: 'en-US', Lcid: 1033 }];
      return ok(req.flavour === 'verbose' ? { d: { __metadata: { type: 'SP.LanguageCollection' }, Items: { results: items } } } : { Items: items });
    }
    case 'timezones': {
      if (!selector) {
        requireMethod(req, ['GET'], 'TimeZones');
        return collection(ctx, req, 'SP.TimeZone', TIME_ZONES.map((z) => timeZoneEntity(ctx, z)));
      }
      if (selector.name !== 'getbyid') throw spErrors.resourceNotFound(selector.raw);
      const zone = TIME_ZONES.find((z) => z.id === numberArg(selector.args));
      if (!zone) throw spErrors.badRequest(`There is no time zone with id ${selector.args ?? ''} on this server; ids: ${TIME_ZONES.map((z) => z.id).join(', ')}.`);
      return entity(ctx, req, 'SP.TimeZone', timeZoneEntity(ctx, zone));
    }
    case 'timezone': {
      if (!selector) {
        requireMethod(req, ['GET'], 'TimeZone');
        return entity(ctx, req, 'SP.TimeZone', timeZoneEntity(ctx, SITE_TIME_ZONE));
      }
      requireMethod(req, ['POST', 'GET'], selector.raw);
      const meta = `${ctx.site.siteUrl}/_api/$metadata#Edm.DateTime`;
      if (selector.name === 'utctolocaltime') {
        const at = parseInstant(stringArg(selector.args));
        return ok(renderPrimitive(req.flavour, meta, 'UTCToLocalTime', localIso(new Date(at.getTime() + offsetMinutes(SITE_TIME_ZONE.iana, at) * 60000))));
      }
      if (selector.name === 'localtimetoutc') {
        const text = (stringArg(selector.args) ?? '').replace(/(Z|[+-]\d\d:?\d\d)$/, '');
        const asUtc = parseInstant(`${text}Z`);
        // The offset at the local time's own instant (two passes settle the change-over hours).
        const first = new Date(asUtc.getTime() - offsetMinutes(SITE_TIME_ZONE.iana, asUtc) * 60000);
        const utc = new Date(asUtc.getTime() - offsetMinutes(SITE_TIME_ZONE.iana, first) * 60000);
        return ok(renderPrimitive(req.flavour, meta, 'LocalTimeToUTC', `${localIso(utc)}Z`));
      }
      throw spErrors.resourceNotFound(selector.raw);
    }
  }
  throw spErrors.resourceNotFound(next.raw);
}
