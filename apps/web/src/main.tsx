import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startTracking } from './analytics';
import { AuthProvider } from './auth/auth';
import { NotificationsProvider } from './notifications/notifications';
import { CartProvider } from './store/cart';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

startTracking();
createRoot(root).render(
  <StrictMode>
    <AuthProvider>
      <NotificationsProvider>
        <CartProvider>
          <App />
        </CartProvider>
      </NotificationsProvider>
    </AuthProvider>
  </StrictMode>,
);
