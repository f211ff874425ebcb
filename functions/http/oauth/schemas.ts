import * as z from 'zod';

/** What Meta appends to the redirect URI. Loose: Meta may add parameters; lengths are bounded. */
const callbackQuery = z.looseObject({
  state: z.string().max(512).optional(),
  code: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_reason: z.string().max(256).optional(),
  error_description: z.string().max(1024).optional(),
});

/** The picker form as a browser posts it; the use case checks the values and re-shows the form. */
const selectionForm = z.looseObject({
  selection: z.string().max(128).optional(),
  pageId: z.string().max(64).optional(),
  phoneNumberId: z.string().max(64).optional(),
});

export { callbackQuery, selectionForm };
