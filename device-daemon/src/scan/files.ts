import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where scans live: `<dataDir>/scans/<number>.pdf` for finished submissions, `<dataDir>/scans/work/<id>/`
 * for the pages of open ones. Every file is written to a temporary name and renamed into place, so a crash
 * or a full disk never leaves half a file under its real name.
 */
export class ScanFiles {
  readonly root: string;
  readonly work: string;
  /** Finished PDFs: `root`, or the hall's shared folder (`scan.pdfFolder`). */
  readonly pdfs: string;

  constructor(dataDir: string, pdfFolder?: string) {
    this.root = path.join(dataDir, 'scans');
    this.work = path.join(this.root, 'work');
    this.pdfs = pdfFolder ?? this.root;
  }

  async init(): Promise<void> {
    await mkdir(this.work, { recursive: true });
    await mkdir(this.pdfs, { recursive: true });
  }

  workDir(submissionId: string): string {
    return path.join(this.work, safe(submissionId));
  }

  pagePath(submissionId: string, pageId: string): string {
    return path.join(this.workDir(submissionId), `${safe(pageId)}.jpg`);
  }

  thumbPath(submissionId: string, pageId: string): string {
    return path.join(this.workDir(submissionId), `${safe(pageId)}.thumb.jpg`);
  }

  pdfPath(file: string): string {
    return path.join(this.pdfs, path.basename(file));
  }

  /** A temporary name next to `target`, on the same file system so rename is atomic. */
  tempFor(target: string): string {
    return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  }

  async writeAtomic(target: string, data: Buffer): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = this.tempFor(target);
    try {
      await writeFile(tmp, data);
      await this.commit(tmp, target);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  /**
   * A page image of an open submission: a temporary name renamed into place, so a crash of the daemon never
   * leaves half an image under its real name, but not flushed to disk. These files live for minutes and only
   * for the person at the kiosk; after a power cut that person has gone and the submission is swept as
   * abandoned, so the four fsyncs a page that writeAtomic would cost (up to hundreds of ms on a busy disk,
   * while the next page is being scanned) buy nothing. The PDF is flushed (commit()).
   */
  async writeWork(target: string, data: Buffer): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = this.tempFor(target);
    try {
      await writeFile(tmp, data);
      await rename(tmp, target);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  /** Flushes `tmp` to disk and renames it to `target`; then flushes the folder so the rename survives a crash. */
  async commit(tmp: string, target: string): Promise<void> {
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
    const dir = await open(path.dirname(target), 'r');
    try {
      await dir.sync().catch(() => undefined); // some file systems refuse fsync on a folder
    } finally {
      await dir.close();
    }
  }

  async removeWork(submissionId: string): Promise<void> {
    await rm(this.workDir(submissionId), { recursive: true, force: true });
  }

  async removeFiles(...files: string[]): Promise<void> {
    await Promise.all(files.map((f) => rm(f, { force: true })));
  }

  /** Leftovers of a crash: temporary files, and work folders no open submission owns. */
  async removeLeftovers(openIds: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.root).catch(() => [] as string[])) {
      if (name.endsWith('.tmp')) removed += await rm(path.join(this.root, name), { force: true }).then(() => 1);
    }
    for (const name of await readdir(this.work).catch(() => [] as string[])) {
      if (!openIds.has(name)) removed += await rm(path.join(this.work, name), { recursive: true, force: true }).then(() => 1);
    }
    return removed;
  }

  /** Finished PDFs whose file is older than `cutoff` (a safety net for files the database lost track of). */
  async pdfsOlderThan(cutoff: Date): Promise<string[]> {
    const out: string[] = [];
    // Only this daemon's own folder: in a shared folder another kiosk's PDF may still be within its service's retention.
    if (this.pdfs !== this.root) return out;
    for (const name of await readdir(this.root).catch(() => [] as string[])) {
      if (!name.endsWith('.pdf')) continue;
      const s = await stat(path.join(this.root, name)).catch(() => undefined);
      if (s && s.mtime < cutoff) out.push(path.join(this.root, name));
    }
    return out;
  }
}

/** Ids come from this service (UUIDs), but a path is never built from anything that could climb out. */
function safe(id: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Error(`unsafe id for a file name: ${JSON.stringify(id)}`);
  return id;
}
