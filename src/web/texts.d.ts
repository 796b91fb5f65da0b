/** The locale files as the build splits them (scripts/vite-texts.mjs). */
declare module 'virtual:texts/da/core' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module 'virtual:texts/en/core' {
  const texts: Record<string, unknown>;
  export default texts;
}
declare module 'virtual:texts/loaders' {
  export const loaders: Record<'da' | 'en', Record<string, () => Promise<{ default: Record<string, unknown> }>>>;
}
