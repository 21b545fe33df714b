/** A write through useMutation that refreshes the queries it changes and, when asked, says how it went in a message. */
import { App } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorMessage } from '../api/client.ts';

interface WriteOptions<R, V> {
  /** Query keys (from api/keys.ts) whose data the write changes. */
  invalidate: QueryKey[];
  /** Shown on success. */
  success?: string;
  /** Show a failure as a message (buttons); forms leave it off and show the error beside their fields. */
  isMessageOnError?: boolean;
  onSuccess?: (result: R, variables: V) => void;
}

export function useWrite<V, R>(mutationFn: (variables: V) => Promise<R>, options: WriteOptions<R, V>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result, variables) => {
      if (options.success) message.success(options.success);
      for (const queryKey of options.invalidate) void queryClient.invalidateQueries({ queryKey });
      options.onSuccess?.(result, variables);
    },
    onError: (err) => {
      if (options.isMessageOnError) message.error(errorMessage(err));
    },
  });
}
