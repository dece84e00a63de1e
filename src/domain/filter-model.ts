import type { IsoDate, IsoDateTime, Rag, Status } from './plan-item';

/**
 * One filter model for the plan, used by the tab's filter bar, the saved views and
 * the reminder job. `to-odata.ts` turns it into an OData `$filter`, `to-caml.ts`
 * into a CAML `<Where>`; both escape every value.
 */
export type PlanFilter = {
  plan?: string;
  /** Site user id of the owner. */
  ownerId?: number;
  /** "The current user" — `[Me]` in a view, `<UserID/>` in CAML. */
  ownerIsMe?: boolean;
  ownerText?: string;
  statuses?: Status[];
  rags?: Rag[];
  section?: string;
  steeringGroup?: string;
  /** Due on or after `from` and on or before `to` (inclusive), as dates. */
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** Due from today to today + n days (inclusive) and still open — "Due in 30 days". */
  dueWithinDays?: number;
  /** Due before today and not Completed or Cancelled. */
  overdue?: boolean;
  /** Status is Completed. */
  completed?: boolean;
  /**
   * LastUpdated before this instant, or never updated — stale candidates for digests
   * (`(LastUpdated lt datetime'…' or LastUpdated eq null)`; LastUpdated is indexed).
   */
  lastUpdatedBefore?: IsoDateTime;
  /** LastUpdated at or after this instant — actions changed since the last digest. */
  lastUpdatedFrom?: IsoDateTime;
  /** Free text over Title, ActionDetails, ActionRef and OwnerText. */
  text?: string;
};
