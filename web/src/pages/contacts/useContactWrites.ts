/** The contact drawer's writes (claim, release, confirm the citizen, reply, to an order, attach), each through one mutation. */
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TicketType, Urgency } from '../../../../common/enums.ts';
import { errorMessage } from '../../api/client.ts';
import { contactsApi } from '../../api/contacts.ts';
import { keys } from '../../api/keys.ts';

export type TicketForm = { type: TicketType; urgency: Urgency; title?: string };

export type ContactWrite =
  | { kind: 'claim' | 'release' | 'confirmCitizen'; id: number }
  | { kind: 'reply'; id: number; body: string; key: string }
  | { kind: 'ticket'; id: number; order: TicketForm }
  | { kind: 'attach'; id: number; ticketNumber: string };

/** `busy`: the kind of write on its way; `onReplySent` clears the reply form as soon as the reply is taken. */
export function useContactWrites(options: { onChanged: () => void; onReplySent: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const write = useMutation({
    /** Answers with the message to show. */
    mutationFn: async (w: ContactWrite): Promise<string> => {
      switch (w.kind) {
        case 'claim':
          await contactsApi.claim(w.id);
          return t('contacts.claimedOk');
        case 'release':
          await contactsApi.release(w.id);
          return t('contacts.releasedOk');
        case 'confirmCitizen':
          await contactsApi.confirmCitizen(w.id);
          return t('contacts.confirmedCitizen');
        case 'reply':
          await contactsApi.reply(w.id, w.body, w.key);
          options.onReplySent();
          return t('contacts.sentOk');
        case 'ticket':
          return t('contacts.createdOk', { number: (await contactsApi.toTicket(w.id, w.order)).number });
        case 'attach':
          return t('contacts.attachOk', { number: (await contactsApi.attach(w.id, w.ticketNumber)).number });
      }
    },
    onSuccess: async (text) => {
      message.success(text);
      await queryClient.invalidateQueries({ queryKey: keys.contacts.all });
      options.onChanged();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return { write: write.mutate, busy: write.isPending ? write.variables.kind : null };
}
