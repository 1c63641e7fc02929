import { describe, expect, it } from 'vitest';
import { datedReply, followUpWords } from './follow-up';

describe('the follow-up of a bad rating', () => {
  it('promises a dated reply, in citizen words, only to a real-name rater', () => {
    const dueDate = `${new Date().getFullYear()}-12-08`;
    expect(followUpWords(datedReply({ realName: true, followUp: { id: 'f', dueDate } } as never))).toBe('我们会认真核实并整改，12月8日前给您答复。');
    expect(followUpWords(datedReply({ realName: false, followUp: { dueDate } }))).toBe('我们会认真核实并整改。');
    expect(followUpWords(datedReply({ realName: true, followUp: null }))).toBe('我们会认真核实并整改。');
  });
});
