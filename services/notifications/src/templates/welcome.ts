import { html, layout, oneLine } from './html.js';
import { type Audience, absolute, footer, greeting, type Message, SIGNATURE } from './message.js';

export function welcomeMessage(audience: Audience): Message {
  const start = absolute(audience, '/');
  const title = 'Welcome to CineSync';
  const intro = 'Your account is ready.';
  const pitch =
    'Browse and search the catalog, rate and review films, bookmark what you want to watch, and rent or buy films in the store.';
  const text = [
    greeting(audience),
    '',
    `welcome to CineSync! ${intro}`,
    '',
    pitch,
    '',
    `Start here: ${start}`,
    '',
    SIGNATURE,
    '',
    footer(audience),
  ].join('\n');
  const body = html`<p>${greeting(audience)}</p>
<p>welcome to CineSync! ${intro}</p>
<p>${pitch}</p>
<p><a href="${start}" style="color:#2563eb">Start watching</a></p>
<p>${SIGNATURE}</p>`;
  return {
    category: 'welcome',
    type: 'welcome',
    title,
    body: `${intro} ${pitch}`,
    link: '/',
    data: {},
    email: {
      subject: oneLine(
        audience.name ? `Welcome to CineSync, ${audience.name}!` : 'Welcome to CineSync!',
      ),
      text,
      html: layout(title, body, footer(audience)),
    },
  };
}
