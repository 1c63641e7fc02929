import type { Clock } from '../core/clock';
import { DomainError } from '../core/errors';
import { verifyPin } from '../core/auth/pin';
import type { StaffConfig } from './config';
import { PinLimiter } from '../core/auth/pin-limiter';
import type { StaffDirectory, StaffMember, StaffRole } from './types';

/** A hash no PIN matches, verified for unknown 工号 so a wrong 工号 costs the same time as a wrong PIN. */
const DECOY_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

/** The configured staff; PIN hashes stay inside this class. */
export class ConfiguredStaff implements StaffDirectory {
  private readonly members = new Map<string, { member: StaffMember; pinHash: string }>();
  private readonly limiter: PinLimiter;

  constructor(config: StaffConfig, clock: Clock) {
    for (const { pinHash, ...rest } of config) {
      const member: StaffMember = { id: rest.id, name: rest.name, roles: [...rest.roles] };
      if (rest.department) member.department = rest.department;
      this.members.set(rest.id, { member, pinHash });
    }
    // Per 工号: five wrong PINs lock it for five minutes, doubling per further lock; the failure is reserved
    // before scrypt runs, so a burst of parallel guesses cannot spend more than five verifications.
    this.limiter = new PinLimiter({ clock, maxFailures: 5, lockMs: 5 * 60_000, maxLockMs: 60 * 60_000, concurrency: 4 });
  }

  get(id: string): StaffMember | undefined {
    return this.members.get(id)?.member;
  }

  list(): StaffMember[] {
    return [...this.members.values()].map((m) => m.member);
  }

  async verify(staffId: string, pin: string, role: StaffRole): Promise<StaffMember> {
    const entry = this.members.get(staffId);
    try {
      await this.limiter.attempt([`staff:${staffId}`], () => verifyPin(pin, entry?.pinHash ?? DECOY_HASH).then((ok) => ok && !!entry));
    } catch (err) {
      throw staffError(err, staffId);
    }
    if (!entry) throw new DomainError('STAFF_PIN_WRONG', '工号或密码不正确', 401); // unreachable: the decoy never matches
    if (!entry.member.roles.includes(role)) {
      throw new DomainError('STAFF_ROLE_MISSING', role === 'manager' ? '该工号没有管理权限' : '该工号不能在窗口登录', 403);
    }
    return entry.member;
  }
}

/** The limiter's codes in the staff sign-in's own words (the counter and manager pages know these codes). */
function staffError(err: unknown, staffId: string): unknown {
  if (!(err instanceof DomainError)) return err;
  if (err.code === 'PIN_LOCKED') {
    const seconds = Number(err.details?.retryAfterSeconds ?? 300);
    return new DomainError('STAFF_LOCKED', `工号 ${staffId} 密码错误次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, 429, err.details);
  }
  if (err.code === 'PIN_WRONG') {
    return new DomainError('STAFF_PIN_WRONG', `工号或密码不正确，还可尝试 ${err.details?.attemptsLeft} 次`, 401, err.details);
  }
  return err;
}
