/**
 * Speaks the current screen's utterance whenever it changes (another screen, another year's total, another
 * language), and offers replay and mute to the top bar. Mute lasts for one person: it is lifted whenever the
 * attract screen comes back.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { VoiceEngine } from './engine';
import type { Utterance } from './utterance';

export interface VoiceControls {
  muted: boolean;
  toggleMute(): void;
  /** Says the last utterance again (and lifts the mute: the person asked to hear it). */
  replay(): void;
}

const VoiceContext = createContext<VoiceControls | null>(null);

/** The voice controls, or null outside a VoiceProvider. */
export function useVoiceControls(): VoiceControls | null {
  return useContext(VoiceContext);
}

interface VoiceProviderProps {
  engine: VoiceEngine;
  /** What the screen says now; null for a screen with nothing to say. */
  utterance: Utterance | null;
  locale: string;
  /** Whether the attract screen is showing, where the next person's session begins. */
  atAttract: boolean;
  children: ReactNode;
}

export function VoiceProvider({ engine, utterance, locale, atAttract, children }: VoiceProviderProps) {
  const [muted, setMuted] = useState(false);
  const [wasAtAttract, setWasAtAttract] = useState(atAttract);
  // Lifted during render, not in an effect, so the attract prompt is already spoken unmuted.
  if (atAttract !== wasAtAttract) {
    setWasAtAttract(atAttract);
    if (atAttract) setMuted(false);
  }

  const mutedNow = useRef(muted);
  useEffect(() => {
    mutedNow.current = muted;
  }, [muted]);

  // The utterance as a value: a new object with the same content is not a new thing to say.
  const said = utterance === null ? null : JSON.stringify([locale, utterance]);
  const last = useRef<[string, Utterance] | null>(null);
  useEffect(() => {
    if (said === null) {
      engine.stop();
      return;
    }
    const [sayLocale, sayUtterance] = JSON.parse(said) as [string, Utterance];
    last.current = [sayLocale, sayUtterance];
    if (!mutedNow.current) engine.speak(sayUtterance, sayLocale);
  }, [engine, said]);

  useEffect(() => () => engine.stop(), [engine]);

  const toggleMute = useCallback(() => {
    setMuted((wasMuted) => {
      if (!wasMuted) engine.stop();
      return !wasMuted;
    });
  }, [engine]);

  const replay = useCallback(() => {
    if (!last.current) return;
    setMuted(false);
    const [sayLocale, sayUtterance] = last.current;
    engine.speak(sayUtterance, sayLocale);
  }, [engine]);

  const controls = useMemo(() => ({ muted, toggleMute, replay }), [muted, toggleMute, replay]);
  return <VoiceContext.Provider value={controls}>{children}</VoiceContext.Provider>;
}
