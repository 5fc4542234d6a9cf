import { Type } from 'typebox';

export const SnapshotReport = Type.Object({ snapshotId: Type.String(), rows: Type.Integer() });
