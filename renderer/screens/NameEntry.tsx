import type { FormEvent } from 'react';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { NameKeyboard } from '../name-keyboard/NameKeyboard';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

export function NameEntry({ name, send }: { name: string; send: SendFlowEvent }) {
  const t = useT();
  const given = name.trim() !== '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send({ type: 'NEXT' });
  };
  const change = (text: string) => send({ type: 'NAME_TYPED', text });
  return (
    <form className="screen-body name-entry" onSubmit={submit}>
      <ScreenTitle>{t('name.title')}</ScreenTitle>
      <label className="field-label" htmlFor="resident-name">
        {t('name.label')}
      </label>
      {/*
        The on-screen pinyin keyboard below is the way in; a helper may still type here on a real keyboard.
        inputMode none keeps a touch screen's own keyboard away.
      */}
      <input
        id="resident-name"
        className="text-field name-field"
        lang="zh-CN"
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        maxLength={64}
        value={name}
        aria-describedby="resident-name-hint"
        onChange={(event) => change(event.target.value)}
      />
      <p className="hint" id="resident-name-hint">
        {t('name.hint')}
      </p>
      <NameKeyboard name={name} onNameChange={change} />
      <div className="actions">
        <button type="button" className="button" onClick={() => send({ type: 'BACK' })}>
          {t('nav.back')}
        </button>
        <button type="submit" className="button primary" disabled={!given}>
          {t('nav.next')}
        </button>
      </div>
    </form>
  );
}
