/**
 * Kamailio's JSON-RPC (module jsonrpcs, HTTP transport through xhttp): the dialogs it carries right now. The dialog
 * module tracks every call from its INVITE to its BYE, so this is the proxy's own word on which calls are still up.
 */
export interface LiveDialogs {
  /** Call-IDs of dialogs not yet ended (dialog states 1 unconfirmed … 4 confirmed; 5 is deleted). */
  callIds: Set<string>;
}

/** Lists Kamailio's live dialogs (`dlg.list`); throws when Kamailio does not answer or answers with an error. */
export async function listLiveDialogs(rpcUrl: string, timeoutMs = 3000): Promise<LiveDialogs> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'dlg.list', id: 1 }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`kamailio rpc: HTTP ${res.status}`);
  const body = (await res.json()) as { result?: unknown; error?: { message?: string } };
  if (body.error) throw new Error(`kamailio rpc: ${body.error.message ?? 'error'}`);
  // An empty dialog table answers with no result (or an empty list), depending on the version.
  const list = Array.isArray(body.result) ? body.result : [];
  const callIds = new Set<string>();
  for (const d of list as Record<string, unknown>[]) {
    const callId = d['call-id'] ?? d.callid;
    if (typeof callId === 'string' && Number(d.state ?? 0) < 5) callIds.add(callId);
  }
  return { callIds };
}
