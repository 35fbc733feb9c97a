import type { WriteDb } from '../db';
import migrate0010 from './0010-init';
import migrate0020 from './0020-contact-details';
import migrate0030 from './0030-team';
import migrate0040 from './0040-clearance';
import migrate0050 from './0050-search-and-tree';

export interface Migration {
  version: number;
  up: (db: WriteDb) => void;
}

/** Every migration the app knows, oldest first. Append only; never edit a shipped one. */
export const migrations: readonly Migration[] = [
  { version: 10, up: migrate0010 },
  { version: 20, up: migrate0020 },
  { version: 30, up: migrate0030 },
  { version: 40, up: migrate0040 },
  { version: 50, up: migrate0050 },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
