import type { Clock } from '../core/clock';
import { DomainError } from '../core/errors';
import { verifyPin } from '../maintenance/pin';
import type { StaffConfig } from './config';
import { FailureLimiter } from './limiter';
import type { StaffDirectory, StaffMember, StaffRole } from './types';

/** A hash no PIN matches, verified for unknown 工号 so a wrong 工号 costs the same time as a wrong PIN. */
const DECOY_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

/** The configured staff; PIN hashes stay inside this class. */
export class ConfiguredStaff implements StaffDirectory {
  private readonly members = new Map<string, { member: StaffMember; pinHash: string }>();
  private readonly limiter: FailureLimiter;

  constructor(config: StaffConfig, clock: Clock) {
    for (const { pinHash, ...rest } of config) {
      const member: StaffMember = { id: rest.id, name: rest.name, roles: [...rest.roles] };
      if (rest.department) member.department = rest.department;
      this.members.set(rest.id, { member, pinHash });
    }
    this.limiter = new FailureLimiter(clock);
  }

  get(id: string): StaffMember | undefined {
    return this.members.get(id)?.member;
  }

  list(): StaffMember[] {
    return [...this.members.values()].map((m) => m.member);
  }

  async verify(staffId: string, pin: string, role: StaffRole): Promise<StaffMember> {
    const locked = this.limiter.lockedFor(staffId);
    if (locked > 0) {
      throw new DomainError('STAFF_LOCKED', `工号 ${staffId} 密码错误次数过多，请 ${Math.ceil(locked / 60_000)} 分钟后再试`, 429);
    }
    const entry = this.members.get(staffId);
    const ok = await verifyPin(pin, entry?.pinHash ?? DECOY_HASH);
    if (!entry || !ok) {
      const left = this.limiter.fail(staffId);
      if (left === 0) throw new DomainError('STAFF_LOCKED', `工号 ${staffId} 密码错误次数过多，请 5 分钟后再试`, 429);
      throw new DomainError('STAFF_PIN_WRONG', `工号或密码不正确，还可尝试 ${left} 次`, 401, { attemptsLeft: left });
    }
    this.limiter.succeed(staffId);
    if (!entry.member.roles.includes(role)) {
      throw new DomainError('STAFF_ROLE_MISSING', role === 'manager' ? '该工号没有管理权限' : '该工号不能在窗口登录', 403);
    }
    return entry.member;
  }
}
