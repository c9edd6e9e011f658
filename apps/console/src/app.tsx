import { useEffect, useState } from 'preact/hooks';
import { Me, Page, api, currentSession, onSessionChange, signOut } from './api';
import { Link, Problem } from './components';
import { District, WorkspaceContext } from './context';
import { Key, Lang, setLang, useT } from './i18n';
import { navigate, useLocation } from './router';
import { BriefingsPage } from './pages/briefings';
import { GapsPage } from './pages/gaps';
import { OverviewPage } from './pages/overview';
import { PostPage } from './pages/post';
import { ImportsPage } from './pages/imports';
import { LodgingPage } from './pages/lodging';
import { MealsPage } from './pages/meals';
import { SignInPage } from './pages/sign-in';
import { TransportPage } from './pages/transport';

const DISTRICT_KEY = 'rasad.district';

type Role = Me['role'];
const READERS_OF_READINESS: Role[] = ['admin', 'logistics_officer', 'viewer'];

/** The sections a role may read (the API says the same with 403s): readiness is not a briefing officer's. */
const SECTIONS: { path: string; key: Key; roles?: Role[] }[] = [
  { path: '/overview', key: 'overview', roles: READERS_OF_READINESS },
  { path: '/gaps', key: 'gaps', roles: READERS_OF_READINESS },
  { path: '/briefings', key: 'briefings' },
  { path: '/meals', key: 'meals' },
  { path: '/transport', key: 'transport' },
  { path: '/lodging', key: 'lodging' },
  { path: '/imports', key: 'imports' },
];

export function App() {
  const [session, setSession] = useState(currentSession());
  useEffect(() => onSessionChange(setSession), []);
  return session ? <SignedIn key={session.username} /> : <SignInPage />;
}

function SignedIn() {
  const { t, lang } = useT();
  const path = useLocation();
  const [me, setMe] = useState<Me>();
  const [districts, setDistricts] = useState<District[]>();
  const [districtId, setDistrictId] = useState(sessionStorage.getItem(DISTRICT_KEY) ?? '');
  const [error, setError] = useState<Error>();

  useEffect(() => {
    // The API lists only the districts in the caller's scope: the picker can offer nothing else.
    Promise.all([api<Me>('/auth/me'), api<Page<District>>('/districts?limit=200')]).then(([who, list]) => {
      setMe(who);
      setDistricts(list.items);
    }, setError);
  }, []);

  const district = districts?.find((one) => one.id === districtId) ?? districts?.[0];
  useEffect(() => {
    if (district) {
      sessionStorage.setItem(DISTRICT_KEY, district.id);
    }
  }, [district?.id]);

  const pathname = path.split('?')[0];
  const sections = SECTIONS.filter((section) => !section.roles || (me && section.roles.includes(me.role)));
  useEffect(() => {
    if (me && (pathname === '/' || pathname === '/sign-in')) {
      navigate(sections[0].path, true);
    }
  }, [pathname, me?.role]);

  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top">
        <span class="brand">{t('appName')}</span>
        <nav aria-label={t('menu')}>
          <ul>
            {sections.map((section) => (
              <li key={section.path}>
                <Link href={section.path} current={pathname.startsWith(section.path)}>
                  {t(section.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="controls">
          <label>
            <span>{t('district')}</span>
            <select value={district?.id ?? ''} onChange={(event) => setDistrictId(event.currentTarget.value)}>
              {districts?.map((one) => (
                <option key={one.id} value={one.id}>
                  {one.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('language')}</span>
            <select value={lang} onChange={(event) => setLang(event.currentTarget.value as Lang)}>
              <option value="en">English</option>
              <option value="ur" lang="ur">
                اردو
              </option>
            </select>
          </label>
          <span class="who">{me?.username}</span>
          <button type="button" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Problem error={error} />
        {me && districts && !district && <p>{t('none')}</p>}
        {me && districts && district && (
          <WorkspaceContext.Provider value={{ me, districts, district }}>
            <Route path={pathname} key={district.id} />
          </WorkspaceContext.Provider>
        )}
      </main>
    </>
  );
}

function Route({ path }: { path: string }) {
  if (path.startsWith('/overview')) {
    return <OverviewPage />;
  }
  if (path.startsWith('/gaps')) {
    return <GapsPage />;
  }
  const post = /^\/posts\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (post) {
    return <PostPage id={post} />;
  }
  if (path.startsWith('/briefings')) {
    return <BriefingsPage />;
  }
  if (path.startsWith('/meals')) {
    return <MealsPage />;
  }
  if (path.startsWith('/transport')) {
    return <TransportPage />;
  }
  if (path.startsWith('/lodging')) {
    return <LodgingPage />;
  }
  if (path.startsWith('/imports')) {
    return <ImportsPage />;
  }
  return null;
}
