/** Citizens (诉求人): the agent's screen pop by phone, corrections, and find-or-create for intake. */
import { isOpen, type TicketStatus } from '../../../common/ticket-lifecycle.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { authorize, can } from './citizens.policy.ts';
import { requirePhone } from './citizens.phone.ts';
import { createCitizensRepository, type CitizenRow } from './citizens.repository.ts';
import type { CitizenUpdate } from './citizens.schemas.ts';

const CITIZEN = { zh: '诉求人', en: 'citizen' };
/** Earlier tickets shown in the screen pop; the counts cover all of them. */
const TICKET_LIMIT = 50;

export function presentCitizen(row: CitizenRow) {
  return {
    id: row.id,
    phone: row.phone,
    name: row.name,
    language: row.language,
    isConfidential: row.isConfidential,
    createdAt: row.createdAt.toISOString(),
  };
}

export function createCitizensService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;
  const repo = createCitizensRepository(db);

  return {
    /** 来电弹屏: the caller and their earlier tickets, newest first. Showing the unmasked phone is audited. */
    async lookup(actor: Actor, input: { phone: string }) {
      authorize(actor, 'lookup');
      const phone = requirePhone(input.phone);
      const citizen = await repo.findByPhone(phone);
      if (!citizen) return { phone, citizen: null, tickets: [], ticketCount: 0, openTicketCount: 0 };
      const [rows, counts] = await Promise.all([repo.findTickets(citizen.id, TICKET_LIMIT), repo.countTickets(citizen.id)]);
      await audit.record(actor, {
        action: 'read_unmasked_phone',
        subjectType: 'citizen',
        subjectId: citizen.id,
        details: { via: 'citizen_lookup' },
      });
      return {
        phone,
        citizen: presentCitizen(citizen),
        tickets: rows.map((t) => ({
          ...t,
          status: t.status as TicketStatus,
          isOpen: isOpen(t.status as TicketStatus),
          createdAt: t.createdAt.toISOString(),
        })),
        ticketCount: counts.total,
        openTicketCount: counts.open,
      };
    },

    /** Corrects name or language, or sets confidentiality; lifting confidentiality takes a supervisor or admin. */
    async update(actor: Actor, input: CitizenUpdate & { id: number }) {
      authorize(actor, 'update');
      const { id, ...patch } = input;
      return db.transaction(async (tx) => {
        const r = createCitizensRepository(tx);
        const current = await r.findById(id);
        if (!current) throw notFound(CITIZEN, { id });
        if (current.isConfidential && patch.isConfidential === false && !can(actor, 'clear_confidentiality')) {
          throw forbidden({ path: 'isConfidential' });
        }
        const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const row = (await r.update(id, changes))!;
        await audit.record(actor, { action: 'update_citizen', subjectType: 'citizen', subjectId: id, details: { changes } }, tx);
        await audit.record(
          actor,
          { action: 'read_unmasked_phone', subjectType: 'citizen', subjectId: id, details: { via: 'citizen_update' } },
          tx,
        );
        return presentCitizen(row);
      });
    },

    /**
     * For intake (the tickets service): the citizens with these phones, created when new, inside the caller's
     * transaction, one per input in the same order. A given name replaces the stored one (the last given wins when a
     * batch names one caller twice); confidentiality is only ever switched on here.
     * Throws VALIDATION_FAILED (path `phone`) for a number that is not a mainland mobile or landline.
     */
    async findOrCreateByPhones(
      tx: Executor,
      inputs: { phone: string; name?: string | null; isConfidential?: boolean }[],
    ): Promise<CitizenRow[]> {
      if (inputs.length === 0) return [];
      const merged = new Map<string, { phone: string; name: string | null; isConfidential: boolean }>();
      const phones = inputs.map((input) => {
        const phone = requirePhone(input.phone);
        const earlier = merged.get(phone);
        merged.set(phone, {
          phone,
          name: input.name?.trim() || earlier?.name || null,
          isConfidential: Boolean(input.isConfidential || earlier?.isConfidential),
        });
        return phone;
      });
      // In phone order, so that concurrent batches lock the same citizens in the same order and cannot deadlock.
      const rows = await createCitizensRepository(tx).upsertByPhones([...merged.values()].sort((a, b) => a.phone.localeCompare(b.phone)));
      const byPhone = new Map(rows.map((row) => [row.phone, row]));
      return phones.map((phone) => byPhone.get(phone)!);
    },
  };
}
export type CitizensService = ReturnType<typeof createCitizensService>;
