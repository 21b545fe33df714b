/** What the phone bar's buttons and Alt+letter shortcuts do, and the panels they open (keypad, transfer, break reason). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneApi } from './PhoneContext.tsx';
import { availableActions, shortcutFor, type PhoneAction } from './phoneModel.ts';

export function usePhoneBarActions(phone: PhoneApi) {
  const [isBreakOpen, setBreakOpen] = useState(false);
  const [isKeypadOpen, setKeypadOpen] = useState(false);
  const [isTransferOpen, setTransferOpen] = useState(false);
  const actions = availableActions(phone.phone, phone.agent?.state ?? null);

  const run = (action: PhoneAction) => {
    if (!actions.has(action)) return;
    switch (action) {
      case 'answer':
        phone.answer();
        break;
      case 'hangup':
        phone.hangup(phone.phone.consult ? 'consult' : 'main');
        break;
      case 'hold':
        phone.toggleHold();
        break;
      case 'mute':
        phone.toggleMute();
        break;
      case 'keypad':
        setKeypadOpen((x) => !x);
        break;
      case 'transfer':
        setTransferOpen((x) => !x);
        break;
      case 'ready':
        void phone.setState('ready');
        break;
      case 'break':
        setBreakOpen(true);
        break;
      case 'signOut':
        void phone.setState('signed_out');
        break;
      case 'dial':
        document.getElementById('phone-dial')?.focus();
        break;
    }
  };
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      runRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return {
    actions,
    run,
    keypad: { isOpen: isKeypadOpen, setOpen: setKeypadOpen },
    transfer: { isOpen: isTransferOpen, setOpen: setTransferOpen },
    breakReason: { isOpen: isBreakOpen, setOpen: setBreakOpen },
  };
}

/** A panel a button or shortcut opens and closes. */
export type PanelState = { isOpen: boolean; setOpen: (isOpen: boolean) => void };

/** The tooltip naming a button's shortcut (Alt+A). */
export function useShortcutHint() {
  const { t } = useTranslation();
  return (key: string) => t('phone.shortcut', { key: `Alt+${key}` });
}
