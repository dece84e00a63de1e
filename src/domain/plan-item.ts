/** The statuses an action can have, in the order a person reads them. */
export const STATUSES = ['Not started', 'In progress', 'On hold', 'Completed', 'Cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** Red, Amber, Green — and Blue, which plans use for "complete". */
export const RAGS = ['Red', 'Amber', 'Green', 'Blue'] as const;
export type Rag = (typeof RAGS)[number];

/** A calendar date, `yyyy-mm-dd`, with no time or zone. */
export type IsoDate = string;
/** An instant, ISO 8601 with zone (`2026-11-24T09:00:00Z`). */
export type IsoDateTime = string;

/** A person as SharePoint knows them (a site user). */
export type Person = {
  id: number;
  title: string;
  email: string | null;
  /** The Entra user principal name (from the claims login name), what Teams mentions take; absent when not read. */
  upn?: string | null;
};

/**
 * One action of a plan, as the app sees it. Field names follow the SharePoint
 * internal names in manifest/lists.json (camel-cased); the adapter maps them.
 */
export type PlanItem = {
  id: number;
  /** The ETag the item was read with; updates must send it back. */
  etag: string;
  title: string;
  plan: string;
  section: string;
  actionRef: string;
  actionDetails: string;
  owner: Person | null;
  ownerText: string;
  resource: string;
  startDate: IsoDate | null;
  dueDate: IsoDate | null;
  dueText: string;
  ongoing: boolean;
  status: Status;
  rag: Rag | null;
  percentComplete: number;
  latestUpdate: string;
  lastUpdated: IsoDateTime | null;
  measure: string;
  steeringGroup: string;
  completedDate: IsoDate | null;
};

/** What is needed to create an action (the importer produces these). */
export type NewPlanItem = Omit<PlanItem, 'id' | 'etag' | 'owner' | 'lastUpdated' | 'latestUpdate' | 'percentComplete' | 'status' | 'rag' | 'completedDate'> & {
  ownerId?: number | null;
  status?: Status;
  rag?: Rag | null;
  percentComplete?: number;
  completedDate?: IsoDate | null;
};

/** An owner's update to an action: what the update panel saves. */
export type StatusUpdate = {
  status: Status;
  rag: Rag | null;
  percentComplete: number;
  comment: string;
  /** A revised due date, with the reason in `comment`. */
  dueDate?: IsoDate | null;
};

/** One row of Progress Updates: the audit trail of an action. */
export type ProgressUpdate = {
  id: number;
  planItemId: number;
  status: Status;
  rag: Rag | null;
  percentComplete: number;
  comment: string;
  author: Person | null;
  created: IsoDateTime;
  /** Set when the update revised the due date. */
  dueDate: IsoDate | null;
  /** Status and RAG before this update, for "changed since last digest". */
  previousStatus: Status | null;
  previousRag: Rag | null;
};

/** A steering group's reminder settings (from the Steering Groups list). */
export type SteeringGroup = {
  id: number | null;
  name: string;
  /** The stable short key webhook settings are named by (`GroupKey`; see src/reminders/webhook-names.ts). */
  key?: string;
  /** Cron expression, Europe/London unless `timeZone` says otherwise. */
  schedule: string;
  timeZone: string;
  dueSoonDays: number;
  updateCadenceDays: number;
  escalationDays: number;
};

/** Defaults for a group named on actions but missing from the Steering Groups list. */
export const DEFAULT_STEERING_GROUP: Omit<SteeringGroup, 'name' | 'id'> = {
  schedule: '0 8 * * 1',
  timeZone: 'Europe/London',
  dueSoonDays: 14,
  updateCadenceDays: 30,
  escalationDays: 30,
};
