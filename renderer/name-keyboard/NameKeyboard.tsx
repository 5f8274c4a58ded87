import { useMemo, useState } from 'react';
import { NAME_DOT } from '../../domain/person-name';
import { useT } from '../i18n/use-t';
import {
  candidatePage,
  candidatesFor,
  lettersAfter,
  pageCount,
  PINYIN_LETTERS,
  withoutLastCharacter,
} from './pinyin-candidates';

/**
 * The name typed by pinyin on a touch screen with no keyboard: tap the letters of one character's syllable,
 * then the character among the candidates; it joins the name and the letters clear for the next one.
 *
 * The letters stand in alphabetical order, seven to a row (a–g, h–n, o–u, v–z, as the alphabet song groups
 * them), in lower case as pinyin is taught: a villager who learned pinyin at school knows the alphabet chart,
 * not QWERTY, and finds a letter by reciting the order. Letters that lead to no syllable are disabled, so a
 * tap never leads nowhere. The letters typed so far are this screen's own state and go with it; the name
 * itself lives in the flow's context, which every change is sent to.
 */
export function NameKeyboard({ name, onNameChange }: { name: string; onNameChange: (name: string) => void }) {
  const t = useT();
  const [letters, setLetters] = useState('');
  const [page, setPage] = useState(0);
  const candidates = useMemo(() => candidatesFor(letters), [letters]);
  const possible = useMemo(() => lettersAfter(letters), [letters]);
  const pages = pageCount(candidates.length);

  const typeLetters = (next: string) => {
    setLetters(next);
    setPage(0);
  };
  const choose = (character: string) => {
    onNameChange(name + character);
    typeLetters('');
  };
  const deleteLast = () => {
    if (letters !== '') typeLetters(letters.slice(0, -1));
    else onNameChange(withoutLastCharacter(name));
  };
  const clear = () => {
    typeLetters('');
    onNameChange('');
  };

  return (
    <div className="name-keyboard">
      <p className="pinyin-line">
        <span className="field-label">{t('nameKeyboard.syllable')}</span>
        <span className="pinyin-letters" role="status">
          {letters}
        </span>
      </p>
      {/* The panel keeps its height whether or not it shows candidates, so the keys below never move. */}
      <div className="candidate-panel">
        {letters === '' ? (
          <p className="hint">{t('nameKeyboard.start')}</p>
        ) : (
          <>
            <div className="candidates" role="group" aria-label={t('nameKeyboard.candidates')} lang="zh-CN">
              {candidatePage(candidates, page).map((character) => (
                <button
                  key={character}
                  type="button"
                  className="button candidate"
                  onClick={() => choose(character)}
                >
                  {character}
                </button>
              ))}
            </div>
            {pages > 1 && (
              <div className="candidate-pages">
                <button
                  type="button"
                  className="button"
                  disabled={page === 0}
                  onClick={() => setPage(page - 1)}
                >
                  <span aria-hidden="true">◀ </span>
                  {t('nameKeyboard.previous')}
                </button>
                <span className="candidate-page-number">
                  {t('nameKeyboard.page', { page: page + 1, pages })}
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={page >= pages - 1}
                  onClick={() => setPage(page + 1)}
                >
                  {t('nameKeyboard.more')}
                  <span aria-hidden="true"> ▶</span>
                </button>
              </div>
            )}
          </>
        )}
      </div>
      <div className="letter-keys" role="group" aria-label={t('nameKeyboard.letters')}>
        {PINYIN_LETTERS.map((letter) => (
          <button
            key={letter}
            type="button"
            className="button key letter-key"
            disabled={!possible.has(letter)}
            onClick={() => typeLetters(letters + letter)}
          >
            {letter}
          </button>
        ))}
      </div>
      <p className="hint">{t('nameKeyboard.umlaut')}</p>
      <div className="name-edit-keys">
        <button
          type="button"
          className="button key"
          disabled={letters === '' && name === ''}
          onClick={deleteLast}
        >
          {t('nameKeyboard.delete')}
        </button>
        <button type="button" className="button key" disabled={letters === '' && name === ''} onClick={clear}>
          {t('nameKeyboard.clear')}
        </button>
        {/* For minority names written with a middle dot (阿依古丽·买买提); never first, never twice in a row. */}
        <button
          type="button"
          className="button key"
          disabled={name === '' || name.endsWith(NAME_DOT)}
          onClick={() => onNameChange(name + NAME_DOT)}
        >
          <span aria-hidden="true">{NAME_DOT} </span>
          {t('nameKeyboard.dot')}
        </button>
      </div>
    </div>
  );
}
