import { mount } from 'svelte';
import { ready } from './lib/i18n';
import App from './App.svelte';
import './app.css';

// The remembered language's catalog first, so the first render is in it (lib/i18n.ts).
await ready;
mount(App, { target: document.getElementById('app')! });
