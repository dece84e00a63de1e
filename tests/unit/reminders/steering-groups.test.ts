import { DEFAULT_STEERING_GROUP } from '../../../src/domain/plan-item';
import { defaultGroup } from '../../../src/reminders/resolve-groups';
import { toSteeringGroup } from '../../../src/sharepoint/steering-group-repository';

describe('toSteeringGroup', () => {
  it('reads a Steering Groups row', () => {
    expect(toSteeringGroup({ ID: 3, Title: ' Equality Board ', Schedule: '0 9 * * 2', TimeZone: 'Europe/Dublin', DueSoonDays: 21, UpdateCadenceDays: 45, EscalationDays: 10 })).toEqual({
      id: 3, name: 'Equality Board', schedule: '0 9 * * 2', timeZone: 'Europe/Dublin', dueSoonDays: 21, updateCadenceDays: 45, escalationDays: 10,
    });
  });

  it('fills what the row leaves empty with the defaults', () => {
    expect(toSteeringGroup({ ID: 4, Title: 'Finance', Schedule: '', TimeZone: null, DueSoonDays: null })).toEqual({ ...defaultGroup('Finance'), id: 4 });
    expect(defaultGroup('Finance')).toEqual({ id: null, name: 'Finance', ...DEFAULT_STEERING_GROUP });
  });
});
