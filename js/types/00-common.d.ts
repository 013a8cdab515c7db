/** A rate in the output: a fraction string with 6 decimals, e.g. `"0.128040"`. */
export type Rate = string;
/** An unrounded decimal result: a string with 10 decimals, e.g. `"-1037.0320893296"`. */
export type Decimal = string;

/** Rounding to the fen: the mode, and which period absorbs the residue of a split. */
export interface RoundingInput {
  mode?: "halfUp" | "halfEven" | "down";
  residue?: "first" | "last";
}

