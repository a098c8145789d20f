// The ports of the stack that playwright.config.ts starts (`python -m zorgroute dev`): chosen
// away from the `make run` defaults (8000, 9400, 5173) so both can run side by side.
export const API_PORT = 8100;
export const IDP_PORT = 9500;
export const SPA_PORT = 5273;

export const APP_ORIGIN = `http://127.0.0.1:${SPA_PORT}`;

// Demo accounts of deploy/dev-idp/accounts.json (the dev IdP accepts any password).
export type Account =
  | 'mentor'
  | 'docent'
  | 'teamleider'
  | 'zorgcoordinator'
  | 'docent-vakcollege'
  | 'leerkracht'
  | 'ib'
  | 'hb' // Lotte Visser, hb_specialist at the Lyceum and De Regenboog
  | 'jeugdarts'
  | 'onbekend';

// School keys (BRIN + vestiging) of backend/zorgroute/demo/dataset.py.
export const LYCEUM = { brin: '34CD', vestiging: '00', name: 'Stedelijk Lyceum Rivierstad' };
export const VAKCOLLEGE = { brin: '34CD', vestiging: '01', name: 'Vakcollege Rivierstad' };
export const REGENBOOG = { brin: '12AB', vestiging: '00', name: 'OBS De Regenboog' };
