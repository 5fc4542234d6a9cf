import type { Text } from '../../api/schema.js';

/**
 * A material's name without its waiver note. The policy names a material with when it is not
 * needed (营业执照（可共享核验的免交）, "Business licence (not needed where shared data confirms
 * it)"); listed as waived, the note would say "not needed" a second time.
 */
export function withoutWaiverNote(name: Text): Text {
  return {
    zh: name.zh.replace(/（([^（）]*?)，?[^，（）]*免交）$/u, (_, kept: string) => (kept ? `（${kept}）` : '')),
    en: name.en.replace(/\s*\(([^()]*?)(?:;\s*)?not needed[^()]*\)$/u, (_, kept: string) => (kept ? ` (${kept})` : '')),
  };
}
