import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dropzone/styles.css';
import './app/global.css';
import { i18nReady } from './app/i18n';
import { App } from './app/App';

const root = document.getElementById('root');
// Render once the first language's texts are there (at once for Danish; English is fetched first).
void i18nReady.finally(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
