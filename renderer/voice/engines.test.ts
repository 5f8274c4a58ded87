import { describe, expect, it } from 'vitest';
import { chooseVoiceEngine, type OptionalVoiceEngine } from './engine';
import { isVoiceManifest, loadVoiceManifest, type VoiceManifest } from './manifest';
import { recordingsOfLocale, voicePromptPlan } from './prompt-plan';
import { createRecordedVoice, type PromptAudio } from './recorded-voice';
import { createSpeechSynthesisVoice, SPEECH_RATE } from './speech-synthesis-voice';
import { promptPieces, recordingsOf, renderUtterance, type Utterance } from './utterance';

const results: Utterance = {
  prompt: 'results',
  values: {
    year: { kind: 'year', year: 2025 },
    count: { kind: 'paymentCount', count: 12 },
    total: { kind: 'amount', fen: 123450 },
  },
};

describe('utterances', () => {
  it('cut a prompt at its placeholders, naming each piece', () => {
    expect(promptPieces('results', '这是您的明白卡。{{year}}，共{{count}}。')).toEqual([
      { kind: 'text', id: 'results.0', text: '这是您的明白卡。' },
      { kind: 'placeholder', name: 'year' },
      { kind: 'text', id: 'results.1', text: '，共' },
      { kind: 'placeholder', name: 'count' },
      { kind: 'text', id: 'results.2', text: '。' },
    ]);
    expect(promptPieces('attract', '您好')).toEqual([{ kind: 'text', id: 'attract', text: '您好' }]);
  });

  it('are said by their prompt pieces and number units, bare punctuation left out', () => {
    const rendered = renderUtterance(results, 'zh-CN');
    expect(rendered.text).toBe('这是您的明白卡。二〇二五年，您一共有十二笔补贴，合计一千二百三十四元五角。');
    expect(recordingsOf(rendered)).toEqual([
      'results.0',
      'unit-2',
      'unit-0',
      'unit-2',
      'unit-5',
      'unit-nian',
      'results.1',
      'unit-shi',
      'unit-2',
      'unit-bi',
      'results.2',
      'unit-1',
      'unit-qian',
      'unit-2',
      'unit-bai',
      'unit-3',
      'unit-shi',
      'unit-4',
      'unit-yuan',
      'unit-5',
      'unit-jiao',
    ]);
  });

  it('refuse a prompt without the values it needs', () => {
    expect(() => renderUtterance({ prompt: 'results' }, 'en')).toThrow(/year/);
  });
});

describe('the prompt plan', () => {
  it('lists every recording an utterance can need, in both locales', () => {
    const plan = voicePromptPlan();
    expect(Object.keys(plan)).toEqual(['zh-CN', 'en']);
    const ids = new Set(plan['zh-CN'].map(({ id }) => id));
    for (const id of recordingsOf(renderUtterance(results, 'zh-CN'))) expect(ids).toContain(id);
    expect(plan['zh-CN']).toContainEqual({
      id: 'attract',
      text: '您好！请把身份证放在读卡器上，或点击“开始查询”。',
    });
    expect(plan.en).toContainEqual({ id: 'unit-34', text: 'thirty-four' });
    expect(plan.en).toContainEqual({ id: 'results.3', text: 'in all.' });
    // The last piece of the Mandarin prompt is a bare full stop: no recording.
    expect(recordingsOfLocale('zh-CN').some(({ id }) => id === 'results.3')).toBe(false);
  });
});

function fakeAudio() {
  const played: string[] = [];
  const paused: string[] = [];
  let current: Map<string, () => void> | undefined;
  const createAudio = (src: string): PromptAudio => {
    const listeners = new Map<string, () => void>();
    return {
      play: async () => {
        played.push(src);
        current = listeners;
      },
      pause: () => paused.push(src),
      addEventListener: (type, listener) => listeners.set(type, listener),
    };
  };
  /** The piece playing now ends, or fails. */
  const fire = (type: 'ended' | 'error') => current?.get(type)?.();
  return { createAudio, played, paused, fire };
}

const base = new URL('app://kiosk/voice/');
const zhManifest = (): VoiceManifest => ({
  format: 1,
  locales: {
    'zh-CN': Object.fromEntries(recordingsOfLocale('zh-CN').map(({ id, text }) => [id, text])),
  },
});
const file = (id: string) => `app://kiosk/voice/zh-CN/${id}.wav`;

describe('the recorded prompt engine', () => {
  it('plays the pieces one after another, each when the one before has ended', () => {
    const audio = fakeAudio();
    const engine = createRecordedVoice({ base, manifest: zhManifest(), createAudio: audio.createAudio });
    expect(engine.canSpeak(results, 'zh-CN')).toBe(true);
    engine.speak(results, 'zh-CN');
    expect(audio.played).toEqual([file('results.0')]);
    audio.fire('ended');
    expect(audio.played).toEqual([file('results.0'), file('unit-2')]);
    // A piece that cannot be played is skipped.
    audio.fire('error');
    expect(audio.played.at(-1)).toBe(file('unit-0'));
  });

  it('stops what it is saying for new speech, and on stop()', () => {
    const audio = fakeAudio();
    const engine = createRecordedVoice({ base, manifest: zhManifest(), createAudio: audio.createAudio });
    engine.speak(results, 'zh-CN');
    engine.speak({ prompt: 'finish' }, 'zh-CN');
    expect(audio.paused).toContain(file('results.0'));
    audio.fire('ended');
    expect(audio.played).toEqual([file('results.0'), file('finish')]);
    engine.stop();
    expect(audio.paused).toContain(file('finish'));
  });

  it('cannot speak a locale or a prompt its manifest lacks', () => {
    const manifest = zhManifest();
    delete manifest.locales['zh-CN']?.['unit-bi'];
    const engine = createRecordedVoice({ base, manifest, createAudio: fakeAudio().createAudio });
    expect(engine.canSpeak({ prompt: 'attract' }, 'en')).toBe(false);
    expect(engine.canSpeak({ prompt: 'attract' }, 'bo')).toBe(false);
    expect(engine.canSpeak(results, 'zh-CN')).toBe(false);
    expect(engine.canSpeak({ prompt: 'attract' }, 'zh-CN')).toBe(true);
  });
});

describe('the OS speech engine', () => {
  function fakeSynthesis(langs: string[]) {
    const spoken: SpeechSynthesisUtterance[] = [];
    let cancelled = 0;
    const synthesis = {
      getVoices: () => langs.map((lang) => ({ lang, name: lang }) as SpeechSynthesisVoice),
      speak: (utterance: SpeechSynthesisUtterance) => spoken.push(utterance),
      cancel: () => {
        cancelled++;
      },
    } as unknown as SpeechSynthesis;
    const engine = createSpeechSynthesisVoice(synthesis, (text) => ({ text }) as SpeechSynthesisUtterance);
    return { engine, spoken, cancelled: () => cancelled };
  }

  it('speaks the whole sentence slowly, with a voice of the locale', () => {
    const { engine, spoken } = fakeSynthesis(['en-US', 'zh_CN']);
    expect(engine.canSpeak(results, 'zh-CN')).toBe(true);
    engine.speak(results, 'zh-CN');
    expect(spoken[0]?.text).toBe(renderUtterance(results, 'zh-CN').text);
    expect(spoken[0]?.voice?.lang).toBe('zh_CN');
    expect(spoken[0]?.rate).toBe(SPEECH_RATE);
  });

  it('has no Mandarin voice in a Cantonese one, and stops by cancelling', () => {
    const { engine, cancelled } = fakeSynthesis(['zh-HK', 'en-GB']);
    expect(engine.canSpeak(results, 'zh-CN')).toBe(false);
    expect(engine.canSpeak(results, 'en')).toBe(true);
    engine.stop();
    expect(cancelled()).toBe(1);
  });
});

describe('choosing an engine', () => {
  function recordingEngine(name: string, can: boolean, log: string[]): OptionalVoiceEngine {
    return {
      canSpeak: () => can,
      speak: (utterance) => log.push(`${name}:${utterance.prompt}`),
      stop: () => log.push(`${name}:stop`),
    };
  }

  it('gives each utterance to the first engine that can say it, once the engines are loaded', async () => {
    const log: string[] = [];
    const chooser = chooseVoiceEngine(
      Promise.resolve([recordingEngine('recorded', false, log), recordingEngine('os', true, log)]),
    );
    chooser.speak({ prompt: 'attract' }, 'zh-CN');
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toContain('os:attract');
    expect(log).not.toContain('recorded:attract');
  });

  it('drops speech asked before loading if stop() or newer speech came in between', async () => {
    const log: string[] = [];
    let resolve: (engines: OptionalVoiceEngine[]) => void = () => {};
    const chooser = chooseVoiceEngine(new Promise((done) => (resolve = done)));
    chooser.speak({ prompt: 'attract' }, 'zh-CN');
    chooser.speak({ prompt: 'idNumber' }, 'zh-CN');
    resolve([recordingEngine('os', true, log)]);
    await new Promise((done) => setTimeout(done, 0));
    expect(log).toEqual(['os:idNumber']);
    chooser.speak({ prompt: 'name' }, 'zh-CN');
    chooser.stop();
    await new Promise((done) => setTimeout(done, 0));
    expect(log).not.toContain('os:name');
  });

  it('is silent when no engine loads', async () => {
    const chooser = chooseVoiceEngine(Promise.reject(new Error('no manifest')));
    chooser.speak({ prompt: 'attract' }, 'zh-CN');
    await new Promise((done) => setTimeout(done, 0));
  });
});

describe('the manifest', () => {
  it('is loaded as a module beside the page, and refused when it is not one', async () => {
    const manifest = zhManifest();
    const asked: string[] = [];
    const loaded = await loadVoiceManifest(base, async (url) => {
      asked.push(url);
      return { default: manifest };
    });
    expect(asked).toEqual(['app://kiosk/voice/manifest.js']);
    expect(loaded).toEqual(manifest);
    expect(await loadVoiceManifest(base, async () => ({ default: { format: 2 } }))).toBeNull();
    expect(await loadVoiceManifest(base, () => Promise.reject(new Error('404')))).toBeNull();
    expect(isVoiceManifest({ format: 1, locales: { en: { attract: 3 } } })).toBe(false);
  });
});
