import { useState } from 'preact/hooks';
import { signIn } from '../api';
import { Field } from '../components';
import { Lang, setLang, useT } from '../i18n';

export function SignInPage() {
  const { t, lang } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(username, password);
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1>{t('appName')}</h1>
      <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t('signIn')}</h2>
        <Field label={t('username')}>
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </Field>
        <Field label={t('password')}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </Field>
        {error && (
          <p class="problem" role="alert">
            {t('signInFailed')}: {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
        <Field label={t('language')}>
          <select value={lang} onChange={(event) => setLang(event.currentTarget.value as Lang)}>
            <option value="en">English</option>
            <option value="ur" lang="ur">
              اردو
            </option>
          </select>
        </Field>
      </form>
    </main>
  );
}
