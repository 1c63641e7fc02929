import type { KioskConfig } from '../config/schema';
import type { Db } from './db';
import { SqliteDb } from './sqlite';
import { PostgresDb } from './postgres';

export async function openStore(config: KioskConfig['store']): Promise<Db> {
  if (config.driver === 'postgres') return PostgresDb.connect(config.url, { poolSize: config.poolSize });
  return new SqliteDb(config.path ?? 'data/kiosk.db');
}
