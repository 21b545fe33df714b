/** The desk's ring: a soft two-tone burst every three seconds, made with Web Audio (no sound file to ship). */
export function startRinging(): () => void {
  const AudioContextClass = typeof window !== 'undefined' ? window.AudioContext : undefined;
  if (!AudioContextClass) return () => undefined;
  let context: AudioContext;
  try {
    context = new AudioContextClass();
  } catch {
    return () => undefined;
  }
  const burst = () => {
    const start = context.currentTime;
    for (const [frequency, offset] of [
      [660, 0],
      [880, 0.25],
      [660, 0.6],
      [880, 0.85],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.22);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.25);
    }
  };
  burst();
  const timer = setInterval(burst, 3000);
  return () => {
    clearInterval(timer);
    void context.close().catch(() => undefined);
  };
}
