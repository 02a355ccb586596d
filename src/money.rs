//! Exact money: `rust_decimal`, never floats. Rounding happens only where a rule
//! says a bill is rounded, and always through [`Rounding`], so that the mode is explicit
//! and the unit is the currency's own (SITE-3).

use crate::site::Currency;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serializer;

/// How billed amounts are rounded. The seeds say "rounded to two decimal places"
/// (IOT-18, IOT-19) without naming a mode: half-up is our documented default
/// (a **Choice** in RULES.md), and a caller can pick another. SITE-3 reads "two decimal
/// places" as the currency's smallest unit: [`Rounding::bill`] gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub decimals: u32,
    pub mode: RoundingMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Two decimals, half-up: a USD or CNY bill.
    pub const BILL: Rounding = Rounding { decimals: 2, mode: RoundingMode::HalfUp };

    /// Half-up to `currency`'s smallest unit (SITE-3): the cent, or the yen. Every billed
    /// amount of an answer is rounded with the answer's currency through this.
    pub fn bill(currency: Currency) -> Rounding {
        Rounding { decimals: currency.minor_unit, mode: RoundingMode::HalfUp }
    }

    /// The same unit with another mode (IOT-29 cuts daily amounts with `Down`).
    pub fn with_mode(self, mode: RoundingMode) -> Rounding {
        Rounding { mode, ..self }
    }

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
    fn each_currency_rounds_to_its_own_unit() {
        // SITE-3: the yen has no decimals; 4,862.5 yen half-up is 4,863, cut is 4,862.
        assert_eq!(Rounding::bill(Currency::JPY).apply(dec!(4862.5)).to_string(), "4863");
        assert_eq!(Rounding::bill(Currency::JPY).with_mode(RoundingMode::Down).apply(dec!(4862.9)).to_string(), "4862");
        assert_eq!(Rounding::bill(Currency::CNY).apply(dec!(43.2)).to_string(), "43.20");
        assert_eq!(Rounding::bill(Currency::USD), Rounding::BILL);
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
