/**
 * How the side-by-side view states each field: whether the Page and WhatsApp agree, and if not,
 * which side moved since Tandem last wrote. Said in words, never by colour alone.
 */

interface FieldRow {
  synced: boolean;
  differs: boolean;
  drift: 'page' | 'whatsapp' | 'both' | null;
}

const verdictOf = (row: FieldRow): { text: string; tone: 'same' | 'differs' | 'off' } => {
  if (!row.differs) return { text: 'Same on both', tone: 'same' };
  if (!row.synced) return { text: 'Differs; not synced', tone: 'off' };
  switch (row.drift) {
    case 'whatsapp':
      return { text: 'Differs: edited on WhatsApp', tone: 'differs' };
    case 'both':
      return { text: 'Differs: changed on both', tone: 'differs' };
    default:
      return { text: 'Differs: Page not copied yet', tone: 'differs' };
  }
};

export { verdictOf };
