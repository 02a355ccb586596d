//! Exact money: `rust_decimal`, never floats. Rounding happens only where a rule
//! says a bill is rounded, and always through [`Rounding`], so that the mode is explicit.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

/// How billed amounts are rounded. The seeds say "rounded to two decimal places"
/// (IOT-18, IOT-19) without naming a mode: half-up is our documented default
/// (a **Choice** in RULES.md), and a caller can pick another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Rounding {
    pub decimals: u32,
    pub mode: RoundingMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]

#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RoundingMode {
    /// 0.125 -> 0.13, -0.125 -> -0.13 (away from zero at the midpoint).
    HalfUp,
    /// Banker's rounding: 0.125 -> 0.12, 0.135 -> 0.14.
    HalfEven,
    /// Truncate toward zero.
    Down,
    /// Away from zero.
    Up,
}

impl Rounding {
    /// Two decimals, half-up: the default for every billed amount.
    pub const BILL: Rounding = Rounding { decimals: 2, mode: RoundingMode::HalfUp };

    /// Rounds `amount` and fixes its scale, so that 0.7 prints as "0.70".
    pub fn apply(self, amount: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Down => RoundingStrategy::ToZero,
            RoundingMode::Up => RoundingStrategy::AwayFromZero,
        };
        let mut rounded = amount.round_dp_with_strategy(self.decimals, strategy);
        rounded.rescale(self.decimals);
        rounded
    }
}

// rust_decimal's `+` and `-` are `#[inline]`: besides the copy compiled into this crate,
// the module held a second one compiled into rust_decimal (with its own tables of powers
// of ten) for rust_decimal's own callers: `+=`, `-=`, `Sum`, `ceil`, `floor`, `fract`
// (3.6 KB of wasm; issue 16, size). The module calls none of those: `x = x + y` rather
// than `x += y`, and these four, which give the same values through this crate's copy
// (unit tests below compare them with rust_decimal's).

/// The sum of `amounts`, as `Iterator::sum` gives it (0 for none).
pub fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Decimal {
    amounts.into_iter().fold(Decimal::ZERO, |total, amount| total + amount)
}

/// `x.ceil()`: the smallest integer not below `x`, at scale 0.
pub fn ceil(x: Decimal) -> Decimal {
    let truncated = x.trunc();
    if x.is_sign_positive() && truncated != x { truncated + Decimal::ONE } else { truncated }
}

/// `x.floor()`: the largest integer not above `x`, at scale 0.
pub fn floor(x: Decimal) -> Decimal {
    let truncated = x.trunc();
    if x.is_sign_negative() && truncated != x { truncated - Decimal::ONE } else { truncated }
}

/// `x.fract().is_zero()`: whether `x` is a whole number.
pub fn is_whole(x: Decimal) -> bool {
    x.trunc() == x
}

/// Serializes a decimal as a string that keeps its scale ("0.0457", "0.70"):
/// money crosses to JS as a decimal string, never a float.
pub fn serialize_decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let mut text = String::with_capacity(16);
    crate::text::push_decimal_text(&mut text, value);
    serializer.serialize_str(&text)
}

/// [`serialize_decimal`] for an optional value (None becomes null).
pub fn serialize_optional_decimal<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => serialize_decimal(d, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ceil_floor_is_whole_and_sum_give_rust_decimals_values() {
        // Values and scales (text compared, so "2" and "2.00" differ) from rust_decimal's own
        // methods, which this crate avoids for size: whole and not, both signs, zeros with
        // a scale, a negative zero, and the largest mantissa.
        let values = ["0", "0.00", "-0.0", "2", "2.00", "-2.00", "0.5", "-0.5", "1.0001", "-1.0001", "17.9600",
            "356.6052", "-356.6052", "0.0000000000000000000000000001", "79228162514264337593543950335",
            "-79228162514264337593543950335", "7922816251426433759354395033.5", "-7922816251426433759354395033.5"];
        for text in values {
            let x: Decimal = text.parse().unwrap();
            assert_eq!(ceil(x).to_string(), x.ceil().to_string(), "ceil {text}");
            assert_eq!(floor(x).to_string(), x.floor().to_string(), "floor {text}");
            assert_eq!(is_whole(x), x.fract().is_zero(), "is_whole {text}");
        }
        let amounts: Vec<Decimal> = ["0.10", "0.2", "-0.300", "5"].iter().map(|t| t.parse().unwrap()).collect();
        assert_eq!(sum(amounts.iter().copied()).to_string(), amounts.iter().sum::<Decimal>().to_string());
        // 0.10 + 0.2 - 0.300 = 0.000; adding to a zero, rust_decimal returns the other operand.
        assert_eq!(sum(amounts.iter().copied()).to_string(), "5");
        assert_eq!(sum([]).to_string(), "0");
    }

    #[test]
    fn half_up_rounds_midpoints_away_from_zero() {
        // 0.7312 -> 0.73 (issue 2's example), 0.125 -> 0.13, 0.16768 -> 0.17 (IOT-18 example).
        assert_eq!(Rounding::BILL.apply(dec!(0.7312)).to_string(), "0.73");
        assert_eq!(Rounding::BILL.apply(dec!(0.125)).to_string(), "0.13");
        assert_eq!(Rounding::BILL.apply(dec!(0.16768)).to_string(), "0.17");
    }

    #[test]
    fn rounding_fixes_the_scale_to_two_decimals() {
        assert_eq!(Rounding::BILL.apply(dec!(0.7)).to_string(), "0.70");
        assert_eq!(Rounding::BILL.apply(dec!(3)).to_string(), "3.00");
    }

    #[test]
    fn other_modes_differ_only_where_they_should() {
        let even = Rounding { decimals: 2, mode: RoundingMode::HalfEven };
        let down = Rounding { decimals: 2, mode: RoundingMode::Down };
        let up = Rounding { decimals: 2, mode: RoundingMode::Up };
        assert_eq!(even.apply(dec!(0.125)).to_string(), "0.12");
        assert_eq!(even.apply(dec!(0.135)).to_string(), "0.14");
        assert_eq!(down.apply(dec!(0.129)).to_string(), "0.12");
        assert_eq!(up.apply(dec!(0.121)).to_string(), "0.13");
    }
}
