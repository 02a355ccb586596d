//! Exact cost calculator for Alibaba Cloud Cloud Phone, IoT Platform and ECS.
//!
//! This crate is the core: plain Rust that knows nothing of JS. It decodes requests from
//! a [`decode::Value`] tree, prices them against a [`catalog::Catalog`] with exact
//! decimals, and returns serde-serializable results ([`json_write::to_string`] writes
//! them as the JSON text the wasm package returns). The WebAssembly package is the
//! workspace's other crate, `alicloud-cost-wasm` (`wasm/`), the only one that touches
//! wasm-bindgen and js-sys.
//!
//! Every billing rule cites its ID in `RULES.md` (for example `CP-3`).
//!
//! ```
//! use alicloud_cost::{quote, decode::Value};
//!
//! // acp.basic.small, mainland, pay-as-you-go, 5 hours, 2 phones:
//! // ceil(5 / 4) = 2 periods = 8 h; 8 h x 0.0457 x 2 phones = 0.7312 -> "0.73" (CP-3, CP-6).
//! let request = Value::from_json_str(r#"{"items": [{"product": "cloudPhone", "spec": "acp.basic.small",
//!     "region": "mainland", "billing": "payAsYouGo", "hours": 5, "quantity": 2}]}"#).unwrap();
//! let result = quote(&request).unwrap();
//! assert_eq!(result.trade_price.to_string(), "0.73");
//! ```

#[macro_use]
pub mod messages;
pub mod bill;
pub mod catalog;
pub mod compare;
pub mod decode;
pub mod error;
pub mod json;
pub mod json_write;
pub mod lifecycle;
pub mod money;
pub mod plan;
pub mod policy;
pub mod products;
pub mod quote;
pub mod rules;
pub mod site;
pub mod text;
pub mod time;

pub use catalog::{default_catalog, Catalog};
pub use error::{Error, ErrorCode};
pub use compare::{compare_billing_method, Comparison};
pub use lifecycle::{simulate_account, simulate_lifecycle, Account, Lifecycle};
pub use quote::{quote, Quote};
pub use plan::{quote_terraform_plan, quote_terraform_plan_json, PlanEstimate};

/// The package version (in step with package.json).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Package and catalog versions, as `version()` returns them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Versions {
    pub package: String,
    pub catalog: String,
}

pub fn versions() -> Versions {
    Versions { package: VERSION.to_string(), catalog: catalog::shared_default().version.clone() }
}
