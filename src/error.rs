//! Errors are values: a stable code, the path of the field at fault, and a message
//! that says what was expected. The binding layer turns them into JS `Error`s.

use serde::Serialize;
use std::fmt;

/// A stable, machine-readable error code (snake_case on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A value of the wrong JSON type (a string where a number belongs, ...).
    InvalidType,
    /// A required field is absent.
    MissingField,
    /// A field the contract does not know: rejected so that a typo never silently changes a price.
    UnknownField,
    /// A number that is NaN or infinite.
    NotFinite,
    /// A string that is not a decimal number.
    InvalidDecimal,
    /// A number with a fraction where a whole number belongs.
    NotAnInteger,
    /// A number outside the accepted range (for example hours <= 0).
    OutOfRange,
    /// `product` names no supported product.
    UnknownProduct,
    /// `billing` names no billing method of the product.
    UnknownBilling,
    /// `region` names no region group.
    UnknownRegion,
    /// `instance` names no IoT Platform instance type.
    UnknownInstance,
    /// `edition` names no IoT Platform edition.
    UnknownEdition,
    /// `spec` is in neither the embedded nor the caller's catalog.
    UnknownSpec,
    /// A list longer than the contract allows (for example more than 10,000 items).
    TooMany,
    /// A malformed or impossible date or month ("2026-02-30").
    InvalidDate,
    /// A date outside the period it belongs to (a day outside the quoted month).
    DateOutOfPeriod,
    /// The same date given twice.
    DuplicateDate,
    /// An IoT message category that does not exist.
    UnknownCategory,
    /// An IoT message category that the chosen edition does not have (IOT-13).
    CategoryNotInEdition,
    /// A price that is required but that no document publishes and the caller did not give.
    MissingPrice,
    /// Two discounts for the same scope (the same item, product, or the whole cart).
    DuplicateDiscount,
    /// A list that must not be empty is empty.
    Empty,
    /// Input nested deeper than any valid request is.
    TooDeep,
    /// An `events[].type` that `simulateLifecycle` does not know.
    UnknownEventType,
    /// An `interface` that is not in seed 002's appendix (IOT-20); the message suggests the closest name.
    UnknownInterface,
    /// No Enterprise Edition spec of the caller's catalog holds the fleet (IOT-23); the message names the capacity that falls short.
    NoSpecFits,
    /// A `policy.preset` that names no preset (ECS-14: "ecsChinaSite").
    UnknownPreset,
    /// A `locale` other than "en" and "zh-CN" (issue 16).
    UnknownLocale,
    /// A `site` other than "international", "china" and "japan" (SITE-1).
    UnknownSite,
    /// The request's site publishes no price in its currency for something the item
    /// bills (SITE-1): the message names the item and the catalog field to supply.
    PriceNotPublished,
    /// A connection session that ends before it starts: it runs past midnight, into the
    /// next billing day (IOT-26, IOT-29); give it as two sessions.
    SessionCrossesMidnight,
    /// Days that must come in date order do not (a day-by-day bill, IOT-29).
    DateOutOfOrder,
    /// Fields that do not go together: an expiry for a pay-as-you-go resource,
    /// auto-renewal where no seed describes one, both `account` and `overdueAt`.
    NotSupported,
    /// An unexpected failure inside the module; never caused by valid or invalid input alone.
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::NotFinite => "not_finite",
            ErrorCode::InvalidDecimal => "invalid_decimal",
            ErrorCode::NotAnInteger => "not_an_integer",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::UnknownProduct => "unknown_product",
            ErrorCode::UnknownBilling => "unknown_billing",
            ErrorCode::UnknownRegion => "unknown_region",
            ErrorCode::UnknownSpec => "unknown_spec",
            ErrorCode::UnknownInstance => "unknown_instance",
            ErrorCode::UnknownEdition => "unknown_edition",
            ErrorCode::TooMany => "too_many",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::DateOutOfPeriod => "date_out_of_period",
            ErrorCode::DuplicateDate => "duplicate_date",
            ErrorCode::UnknownCategory => "unknown_category",
            ErrorCode::CategoryNotInEdition => "category_not_in_edition",
            ErrorCode::MissingPrice => "missing_price",
            ErrorCode::DuplicateDiscount => "duplicate_discount",
            ErrorCode::Empty => "empty",
            ErrorCode::TooDeep => "too_deep",
            ErrorCode::UnknownEventType => "unknown_event_type",
            ErrorCode::UnknownPreset => "unknown_preset",
            ErrorCode::UnknownLocale => "unknown_locale",
            ErrorCode::UnknownSite => "unknown_site",
            ErrorCode::PriceNotPublished => "price_not_published",
            ErrorCode::SessionCrossesMidnight => "session_crosses_midnight",
            ErrorCode::DateOutOfOrder => "date_out_of_order",
            ErrorCode::UnknownInterface => "unknown_interface",
            ErrorCode::NoSpecFits => "no_spec_fits",
            ErrorCode::NotSupported => "not_supported",
            ErrorCode::Internal => "internal",
        }
    }
}

/// An error with its code, the field path (`items[0].hours`, empty for the whole
/// request) and a human message: [`ErrorParts`] behind one pointer. Every `?` in the
/// decoders and rating functions moves the error; one word rather than seven is less
/// code at each of the ~500 sites (issue 16, size). The fields read as `error.code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Error(Box<ErrorParts>);

/// What an [`Error`] says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
// No TypeScript declaration: JS sees a thrown `Error` with `code: ErrorCode` and `path`,
// and a declaration named Error would hide the global one.
pub struct ErrorParts {
    pub code: ErrorCode,
    pub path: String,
    pub message: String,
}

impl Error {
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error(Box::new(ErrorParts { code, path: path.into(), message: message.into() }))
    }

    /// The parts, to keep or move on.
    pub fn into_parts(self) -> ErrorParts {
        *self.0
    }
}

impl std::ops::Deref for Error {
    type Target = ErrorParts;
    fn deref(&self) -> &ErrorParts {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorParts {
        &mut self.0
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code.as_str(), self.message)
        } else {
            write!(f, "{} at {}: {}", self.code.as_str(), self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}
