/** The one IPC channel between preload and main; every operation travels on it with its name. */
export const KIOSK_IPC_CHANNEL = 'kiosk:call';
