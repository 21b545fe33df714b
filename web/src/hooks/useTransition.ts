/** Runs a lifecycle action and refreshes every list and the detail it changed. */
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';
import { transition } from '../api/tickets.ts';
import type { TicketDetail } from '../api/types.ts';
import { keys } from '../api/keys.ts';

/** `showsFieldErrors`: the caller's form puts a 400's field problems beside its fields; otherwise every failure is announced. */
export function useTransition(
  options: { onDone?: (detail: TicketDetail, action: string) => void; quiet?: boolean; showsFieldErrors?: boolean } = {},
) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (input: { ticket: { id: number; version?: number }; action: string; body?: Record<string, unknown> }) =>
      transition(input.ticket, input.action, input.body ?? {}),
    onSuccess: (detail, input) => {
      queryClient.setQueryData(keys.tickets.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
      if (!options.quiet) message.success(`${t(`actions.${input.action}`)} · ${detail.number}`);
      options.onDone?.(detail, input.action);
    },
    onError: (error, input) => {
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        void queryClient.invalidateQueries({ queryKey: keys.tickets.all });
        message.warning(t('ticket.versionConflict'));
        return;
      }
      if (error instanceof ApiError && error.code === 'INVALID_TRANSITION')
        void queryClient.invalidateQueries({ queryKey: keys.tickets.detail(input.ticket.id) });
      if (!(options.showsFieldErrors && error instanceof ApiError && error.code === 'VALIDATION_FAILED'))
        message.error(errorMessage(error));
    },
  });
}
