export { escapeHtml } from './html.js';
export { type Audience, CATEGORIES, type Category, type Message } from './message.js';
export { formatMoney } from './money.js';
export { orderMessage } from './orders.js';
export { ticketMessage } from './tickets.js';
export { welcomeMessage } from './welcome.js';
