/**
 * What a spec check found wrong with one Graph call, shaped so the sandbox can answer it as a Graph
 * error object and a test can print it: Meta's code (100: invalid parameter), the message Graph would
 * put in `error.message`, and where the rule comes from (a fixture file or a Meta doc URL).
 */
interface Violation {
  rule:
    | 'unknown_edge'
    | 'undeclared_param'
    | 'missing_param'
    | 'bad_enum'
    | 'bad_type'
    | 'bad_fields'
    | 'bad_body'
    | 'documented_rule';
  /** The parameter, dotted for nested values (`targeting.geo_locations.countries`). */
  param?: string;
  message: string;
  /** A fixture file (`meta-codegen/AdAccount.json`) or the Meta doc URL the rule is taken from. */
  source: string;
  /** Graph's error code; 100 unless a rule says otherwise. */
  code: number;
  subcode?: number;
  userTitle?: string;
  userMessage?: string;
}

const violation = (
  rule: Violation['rule'],
  message: string,
  source: string,
  extra: Partial<Omit<Violation, 'rule' | 'message' | 'source'>> = {}
): Violation => ({
  rule,
  message: `(#${extra.code ?? 100}) ${message}`,
  source,
  code: 100,
  ...extra,
});

export type { Violation };
export { violation };
