/** Every query of the network's pages starts with this key, so a switch of network drops them all. */
export const KEY = 'network';
export const enc = encodeURIComponent;
