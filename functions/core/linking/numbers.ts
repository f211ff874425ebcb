/**
 * Phone numbers as Meta writes them in different places: `+1 555-010-0001` (a WABA number's
 * `display_phone_number`), `15550100001` (webhooks, the Page's `whatsapp_number` in the sandbox);
 * the Page field's real format is not documented. Compared on their E.164 digits only.
 */

/** The number's digits (E.164 without the `+`): country code and subscriber number. */
const e164Digits = (phone: string): string => phone.replace(/\D/g, '');

/** Whether two numbers written any of these ways are the same number. */
const sameNumber = (a: string | undefined, b: string | undefined): boolean => {
  const left = e164Digits(a ?? '');
  return left !== '' && left === e164Digits(b ?? '');
};

export { e164Digits, sameNumber };
