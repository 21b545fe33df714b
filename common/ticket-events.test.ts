import { describe, expect, it } from 'vitest';
import { TICKET_ACTIONS } from './ticket-lifecycle.ts';
import { TICKET_EVENT_ACTIONS, ticketEventProblems } from './ticket-events.ts';

describe('ticket event contract', () => {
  it('describes the data of every lifecycle action', () => {
    expect(TICKET_ACTIONS.filter((a) => !TICKET_EVENT_ACTIONS.includes(a as never))).toEqual([]);
  });

  it('names the field that breaks it', () => {
    expect(ticketEventProblems('sign', { isOnTime: true })).toEqual([]);
    expect(ticketEventProblems('sign', {})).toEqual(['sign.isOnTime: Invalid input: expected boolean, received undefined']);
    expect(ticketEventProblems('teleport', {})).toEqual(['unknown action teleport']);
  });
});
