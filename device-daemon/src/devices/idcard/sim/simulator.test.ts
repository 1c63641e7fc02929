import { describe, expect, it } from 'vitest';
import { IdCardSimulator, RECEIVED_KEPT } from './simulator';
import { Command, encodeCommand } from '../codec/frame';

describe('IdCardSimulator over months of polling', () => {
  it('keeps only the last commands it received', () => {
    const sim = new IdCardSimulator();
    sim.connect(() => undefined);
    for (let i = 0; i < RECEIVED_KEPT + 300; i++) sim.receive(Buffer.from(encodeCommand(Command.SAM_STATUS)));
    sim.receive(Buffer.from(encodeCommand(Command.SAM_ID)));
    expect(sim.received).toHaveLength(RECEIVED_KEPT);
    expect(sim.received.at(-1)).toEqual([...Command.SAM_ID]);
  });
});
