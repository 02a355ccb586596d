//! The message categories of seed 002's billing table (IOT-13, IOT-14), as data: which
//! are billed, and by which edition or generation. The IoT module reads messages by
//! them; `catalog()` lists them with their names in the request's language, so the page
//! keeps no copy of its own.

use crate::messages::{Key, Locale};
use serde::Serialize;

/// Whether messages of a category are billed, and on which editions (IOT-13, IOT-14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Billability {
    Billable,
    BasicOnly,
    ProOnly,
    Free,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Category {
    pub name: &'static str,
    pub description: Key,
    pub billability: Billability,
}

const fn category(name: &'static str, description: Key, billability: Billability) -> Category {
    Category { name, description, billability }
}

/// The message categories of seed 002's billing table.
pub static CATEGORIES: [Category; 22] = [
    // IOT-13: billable on both editions.
    category("devicePub", key!("iot.category.devicePub"), Billability::Billable),
    category("deviceRpcRequest", key!("iot.category.deviceRpcRequest"), Billability::Billable),
    category("revertRpcResponse", key!("iot.category.revertRpcResponse"), Billability::Billable),
    category("deviceSubReceived", key!("iot.category.deviceSubReceived"), Billability::Billable),
    category("serverPub", key!("iot.category.serverPub"), Billability::Billable),
    category("serverPubBroadcast", key!("iot.category.serverPubBroadcast"), Billability::Billable),
    category("serverResponse", key!("iot.category.serverResponse"), Billability::Billable),
    category("serverRevertRpc", key!("iot.category.serverRevertRpc"), Billability::Billable),
    category("subDevice", key!("iot.category.subDevice"), Billability::Billable),
    // IOT-13: device shadow on Basic only, TSL model on Pro only.
    category("deviceShadow", key!("iot.category.deviceShadow"), Billability::BasicOnly),
    category("tsl", key!("iot.category.tsl"), Billability::ProOnly),
    // IOT-14: free on both editions.
    category("connect", key!("iot.category.connect"), Billability::Free),
    category("connAck", key!("iot.category.connAck"), Billability::Free),
    category("disconnect", key!("iot.category.disconnect"), Billability::Free),
    category("pingReq", key!("iot.category.pingReq"), Billability::Free),
    category("pingResp", key!("iot.category.pingResp"), Billability::Free),
    category("pubAck", key!("iot.category.pubAck"), Billability::Free),
    category("subscribe", key!("iot.category.subscribe"), Billability::Free),
    category("subAck", key!("iot.category.subAck"), Billability::Free),
    category("unsubscribe", key!("iot.category.unsubscribe"), Billability::Free),
    category("unsubAck", key!("iot.category.unsubAck"), Billability::Free),
    category("rulesEngineForward", key!("iot.category.rulesEngineForward"), Billability::Free),
];

/// A category as `catalog()` lists it: `{ name, billable, billedBy, label }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryInfo {
    pub name: &'static str,
    /// Billed by at least one edition or generation (IOT-13), or never (IOT-14).
    pub billable: bool,
    /// The legacy public editions and generations that bill it: "basic", "pro" (seed 002,
    /// IOT-13) and "connectionAndMessages" (IOT-27, which has no edition: every billable
    /// category, device shadow and TSL alike).
    pub billed_by: Vec<&'static str>,
    /// The category's name for a person, in the request's language.
    pub label: String,
}

impl Category {
    pub fn info(&self, locale: Locale) -> CategoryInfo {
        let billed_by = match self.billability {
            Billability::Billable => vec!["basic", "pro", "connectionAndMessages"],
            Billability::BasicOnly => vec!["basic", "connectionAndMessages"],
            Billability::ProOnly => vec!["pro", "connectionAndMessages"],
            Billability::Free => Vec::new(),
        };
        CategoryInfo { name: self.name, billable: self.billability != Billability::Free, billed_by, label: self.description.render(locale) }
    }
}
