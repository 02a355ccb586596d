//! Text routines every layer shares, with no other module of the crate below them:
//! digits, decimals written and read, and the closest of a list of names. Each is
//! checked against the standard library's or rust_decimal's own routine in the tests
//! beside it.
//!
//! Written here rather than through `core::fmt` or rust_decimal's parsers only where the
//! difference is felt: the digit writers are the hot path of the JSON writer and of every
//! amount in an answer (issue 15: formatting was a fifth of a one-item answer's time in
//! wasm), and the decimal reader replaces rust_decimal's two parsers (about 3.8 KB of
//! the gzipped module, issue 30).

use rust_decimal::Decimal;

/// Appends the decimal digits of `n`.
pub fn push_decimal(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let first = write_digits(&mut digits, n);
    out.extend(digits[first..].iter().map(|&d| d as char));
}

/// Appends the decimal digits of `n` in groups of three, as people read a count:
/// "891,800,000" (issue 29). English and Chinese write counts alike.
pub fn push_grouped(out: &mut String, n: u128) {
    // A u128 has at most 39 digits.
    let mut digits = [0u8; 39];
    let mut first = digits.len();
    let mut rest = n;
    loop {
        first -= 1;
        digits[first] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let count = digits.len() - first;
    for (i, &d) in digits[first..].iter().enumerate() {
        if i > 0 && (count - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d as char);
    }
}

/// Writes the decimal digits of `n` at the end of `digits` (20 places hold any u64);
/// returns where they start.
pub fn write_digits(digits: &mut [u8], mut n: u64) -> usize {
    let mut first = digits.len();
    loop {
        first -= 1;
        digits[first] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return first;
        }
    }
}

/// Appends `value` as rust_decimal's `Display` writes it: "0.0457", "-3", "0.70", and
/// "-0.00" for a negative zero. Written here rather than through `core::fmt`, which was
/// a fifth of a one-item answer's time in wasm (issue 15).
pub fn push_decimal_text(out: &mut String, value: &Decimal) {
    // A mantissa has at most 29 digits; a scale of 28 needs 29 places, one before the point.
    let mut digits = [b'0'; 30];
    let mut end = digits.len();
    let mut mantissa = value.mantissa().unsigned_abs();
    // Above 64 bits (rare: a Decimal holds 96), nine digits at a time by long division
    // over 32-bit limbs, since u128 division would link in routines of its own.
    while u64::try_from(mantissa).is_err() {
        const BILLION: u64 = 1_000_000_000;
        let mut remainder = 0u64;
        let mut quotient = 0u128;
        for shift in [64, 32, 0] {
            let current = (remainder << 32) | ((mantissa >> shift) as u32 as u64);
            quotient |= u128::from(current / BILLION) << shift;
            remainder = current % BILLION;
        }
        // Nine places, its leading zeros already there.
        write_digits(&mut digits[..end], remainder);
        end -= 9;
        mantissa = quotient;
    }
    let first = write_digits(&mut digits[..end], mantissa as u64);
    let point = digits.len() - value.scale() as usize;
    // The zeros between the point and the digits ("0.0457"), and one before the point.
    let first = first.min(point - 1);
    if value.is_sign_negative() {
        out.push('-');
    }
    for (at, &digit) in digits.iter().enumerate().skip(first) {
        if at == point {
            out.push('.');
        }
        out.push(char::from(digit));
    }
}

/// Appends `value` as [`push_decimal_text`] writes it, with the digits before the point
/// in groups of three, as people read an amount in a text: "1,388.88", "-1,234.50",
/// "9.9057" (issue 29's grouping of counts, for money). English and Chinese group alike.
/// Only texts: an amount in a JSON field stays plain ([`is_plain_decimal`]).
pub fn push_grouped_decimal(out: &mut String, value: &Decimal) {
    let start = out.len();
    push_decimal_text(out, value);
    // All ASCII from `start`: a sign, digits, perhaps a point and more digits.
    let digits_start = start + usize::from(value.is_sign_negative());
    let integer_end = out.bytes().skip(digits_start).position(|b| b == b'.').map_or(out.len(), |at| digits_start + at);
    // From the right, a separator before every third digit that has one before it.
    let mut at = integer_end;
    while at - digits_start > 3 {
        at -= 3;
        out.insert(at, ',');
    }
}

/// The value of 1 to 19 ASCII digits (which cannot overflow a u64), else None.
pub fn plain_digits(text: &[u8]) -> Option<u64> {
    if text.is_empty() || text.len() > 19 {
        return None;
    }
    let mut n = 0u64;
    for &byte in text {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        n = n * 10 + u64::from(digit);
    }
    Some(n)
}

/// Whether `s` is a plain decimal: optional minus sign, digits, optional fraction of at
/// least one digit. No exponent, no spaces, no thousands separators: a price is never
/// guessed at.
pub fn is_plain_decimal(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let point = body.split_once('.');
    let (int, frac) = point.unwrap_or((body, ""));
    !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit()) && !(point.is_some() && frac.is_empty())
}

/// `[-]digits[.digits][(e|E)[+|-]digits]` read exactly, or None when it is not that or
/// does not fit a Decimal: a mantissa beyond 96 bits, more than 28 decimal places, an
/// exponent beyond 28. The values of rust_decimal's `from_str_exact` and
/// `from_scientific` (the tests compare them), without their parsers: about 13 KB of
/// the module (issue 16, size). Unlike `from_scientific`, a mantissa too long to be exact
/// is refused rather than rounded: no JS number has one.
pub fn exact_decimal(text: &str) -> Option<Decimal> {
    const MAX_SCALE: u32 = 28;
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (body, exponent) = match text.bytes().position(|b| b == b'e' || b == b'E') {
        Some(at) => (text.get(..at)?, Some(text.get(at + 1..)?)),
        None => (text, None),
    };
    let (mut mantissa, mut scale, mut digits, mut in_fraction) = (0u128, 0u32, 0usize, false);
    for byte in body.bytes() {
        match byte {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(byte - b'0')).filter(|m| *m <= MAX_MANTISSA)?;
                digits += 1;
                scale += u32::from(in_fraction);
            }
            b'.' if !in_fraction => in_fraction = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    if let Some(exponent) = exponent {
        let (exponent_negative, exponent_digits) = match exponent.as_bytes().split_first() {
            Some((b'-', tail)) => (true, tail),
            Some((b'+', tail)) => (false, tail),
            _ => (false, exponent.as_bytes()),
        };
        // plain_digits refuses an empty exponent ("1e", "1e+").
        let exponent = plain_digits(exponent_digits).filter(|e| *e <= u64::from(MAX_SCALE))? as u32;
        if exponent_negative {
            scale += exponent;
        } else if exponent <= scale {
            scale -= exponent;
        } else {
            for _ in scale..exponent {
                mantissa = mantissa.checked_mul(10).filter(|m| *m <= MAX_MANTISSA)?;
            }
            scale = 0;
        }
    }
    if scale > MAX_SCALE {
        return None;
    }
    let mut decimal = Decimal::from_parts(mantissa as u32, (mantissa >> 32) as u32, (mantissa >> 64) as u32, false, scale);
    decimal.set_sign_negative(negative && mantissa != 0); // "-0" is 0, as rust_decimal reads it
    Some(decimal)
}

/// Whether two keys are equal: an inline loop, which for keys of a few bytes is faster
/// than the call to `memcmp` that `==` makes (issue 15: a fifth of an IoT month's decoding).
pub fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// The allowed name closest to `key` (case-insensitive equality, or at most two
/// edits), for "did you mean" hints.
pub fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let lower = key.to_ascii_lowercase();
    allowed
        .iter()
        .map(|k| (edit_distance(&lower, &k.to_ascii_lowercase()), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance: insertions, deletions and substitutions of one character.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn digits_are_what_format_writes() {
        for n in [0, 7, 10, 12_345, u64::from(u32::MAX), u64::MAX] {
            let mut text = String::from("x");
            push_decimal(&mut text, n);
            assert_eq!(text, format!("x{n}"));
        }
    }

    #[test]
    fn decimal_text_is_what_rust_decimal_displays() {
        // rust_decimal's Display is the reference: every scale, signs, zeros, and mantissas
        // of 64 bits, just above, and of 96 bits (the widest a Decimal holds).
        let mut cases = vec![dec!(0), dec!(-0), dec!(0.00), dec!(-0.00), dec!(0.0457), dec!(0.70), dec!(3), dec!(-3.5),
            dec!(17.9600), dec!(1000000), dec!(0.0000000000000000000000000001), Decimal::MAX, Decimal::MIN];
        for scale in 0..=28 {
            for mantissa in [1i128, 9, 10, 123456789, u64::MAX as i128, u64::MAX as i128 + 1, 1_000_000_000_000_000_000_000,
                (1i128 << 96) - 1] {
                cases.push(Decimal::from_i128_with_scale(mantissa, scale));
                cases.push(Decimal::from_i128_with_scale(-mantissa, scale));
            }
        }
        let mut negative_zero = Decimal::new(0, 2);
        negative_zero.set_sign_negative(true);
        cases.push(negative_zero);
        for value in cases {
            let mut text = String::from("x");
            push_decimal_text(&mut text, &value);
            assert_eq!(text, format!("x{value}"), "{value:?}");
        }
    }

    #[test]
    fn decimals_are_read_as_rust_decimal_reads_them() {
        // rust_decimal's own parsers are the reference (they are not in the module).
        let cases = [
            "0", "-0", "5", "0.0457", "0.04570", "007.5", "-12.340", "1e21", "1e+21", "1.5e+21", "1.2E10", "1e-7",
            "1.5e-7", "-2.5e-3", "12.5e1", "12.50e1", "1.25e2", "1e28", "1e-28", "79228162514264337593543950335",
            "7922816251426433759354395033.5", "0.0000000000000000000000000001", "1e0", "0e5", "-0.0",
        ];
        for text in cases {
            let reference = if text.contains(['e', 'E']) { Decimal::from_scientific(text) } else { Decimal::from_str_exact(text) }.ok();
            let ours = exact_decimal(text);
            assert_eq!(ours, reference, "{text}");
            // Equal values can differ in scale and sign of zero: compare the spelling too.
            assert_eq!(ours.map(|d| d.to_string()), reference.map(|d| d.to_string()), "{text}");
        }
        // Beyond a Decimal: refused, as rust_decimal refuses them.
        for text in ["79228162514264337593543950336", "0.00000000000000000000000000001", "1e29", "1e-29", "1e-28.5", "e5", "1e", "1e+", "", "-", "1.2.3"] {
            assert_eq!(exact_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn plain_decimals_have_no_exponent_space_or_separator() {
        for good in ["0", "12.50", "-3", "007"] {
            assert!(is_plain_decimal(good), "{good}");
        }
        for bad in ["", "1e5", " 1", "1,000", "1.", ".5", "abc", "NaN", "0x10", "-", "--1"] {
            assert!(!is_plain_decimal(bad), "{bad:?}");
        }
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("hours", "hours"), 0);
        assert_eq!(edit_distance("hour", "hours"), 1);
        assert_eq!(edit_distance("qunatity", "quantity"), 2);
        assert_eq!(closest("Hour", &["months", "hours"]), Some("hours"));
        assert_eq!(closest("weeks", &["months", "hours"]), None);
    }

    #[test]
    fn amounts_are_grouped_by_thousands() {
        // Worked by hand: the edges of a group, a fraction kept as it is, a sign, a
        // fraction alone, a scale kept ("0.70"), and the widest a Decimal holds.
        let grouped = |value: Decimal| {
            let mut out = String::from("x");
            push_grouped_decimal(&mut out, &value);
            out
        };
        assert_eq!(grouped(dec!(0)), "x0");
        assert_eq!(grouped(dec!(999)), "x999");
        assert_eq!(grouped(dec!(1000)), "x1,000");
        assert_eq!(grouped(dec!(1234567.891)), "x1,234,567.891");
        assert_eq!(grouped(dec!(-1000.5)), "x-1,000.5");
        assert_eq!(grouped(dec!(0.0001)), "x0.0001");
        assert_eq!(grouped(dec!(-999.99)), "x-999.99");
        assert_eq!(grouped(dec!(12476)), "x12,476");
        assert_eq!(grouped(dec!(1388.88)), "x1,388.88");
        assert_eq!(grouped(dec!(0.70)), "x0.70");
        assert_eq!(grouped(Decimal::MAX), "x79,228,162,514,264,337,593,543,950,335");
    }

    #[test]
    fn grouped_amounts_are_rust_decimal_display_with_push_grouped_integer_part() {
        // Equivalence: the sign and fraction as rust_decimal's Display writes them, the
        // integer part as push_grouped writes a count; every scale, both signs.
        let mut cases = vec![dec!(0), dec!(-0), dec!(0.00), dec!(-0.00), Decimal::MAX, Decimal::MIN];
        for scale in 0..=28 {
            for mantissa in [1i128, 999, 1000, 123456789, u64::MAX as i128, (1i128 << 96) - 1] {
                cases.push(Decimal::from_i128_with_scale(mantissa, scale));
                cases.push(Decimal::from_i128_with_scale(-mantissa, scale));
            }
        }
        for value in cases {
            let display = value.to_string();
            let (sign, unsigned) = display.strip_prefix('-').map_or(("", display.as_str()), |rest| ("-", rest));
            let (integer, fraction) = unsigned.split_once('.').map_or((unsigned, None), |(i, f)| (i, Some(f)));
            let mut expected = String::from(sign);
            push_grouped(&mut expected, integer.parse().unwrap());
            if let Some(fraction) = fraction {
                expected.push('.');
                expected.push_str(fraction);
            }
            let mut ours = String::new();
            push_grouped_decimal(&mut ours, &value);
            assert_eq!(ours, expected, "{value:?}");
        }
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        // Worked by hand: issue 29's 891,800,000; the edges of a group; u128's largest.
        let grouped = |n: u128| {
            let mut out = String::new();
            super::push_grouped(&mut out, n);
            out
        };
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(891_800_000), "891,800,000");
        assert_eq!(grouped(u128::MAX), "340,282,366,920,938,463,463,374,607,431,768,211,455");
    }
}
