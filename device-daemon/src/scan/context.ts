import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../core/clock';
import type { EventBus } from '../events/bus';
import type { ScannerDriver } from '../devices/scanner';
import type { PrintDocument } from '../devices/printer';
import type { ScanConfig } from './config';
import type { ScanRepo } from './repo';
import type { ScanFiles } from './files';

/** A printer as the scan service needs it; absent when none is fitted. */
export interface ReceiptPrinter {
  print(doc: PrintDocument): Promise<unknown>;
}

/** Everything the parts of the scan service share, built once by the plugin. */
export interface ScanContext {
  config: ScanConfig;
  repo: ScanRepo;
  files: ScanFiles;
  clock: Clock;
  events: EventBus;
  log: FastifyBaseLogger;
  hall: { name: string; timeZone: string; kioskId: string };
  scanner(): ScannerDriver | undefined;
  printer(): ReceiptPrinter | undefined;
}
