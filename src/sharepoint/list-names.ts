/** The list titles of the schema in manifest/lists.json — part of the contract. */
export const LIST = {
  planItems: 'Plan Items',
  progressUpdates: 'Progress Updates',
  steeringGroups: 'Steering Groups',
  reminderLog: 'Reminder Log',
  plans: 'Plans',
  ownerAliases: 'Owner Aliases',
} as const;
