import './lib/csp';
import { mount } from 'svelte';
import './lib/i18n';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });
