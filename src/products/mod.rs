//! One module per product: each decodes its own quote items and rates them against
//! the catalog, citing the RULES.md IDs behind every line.

pub mod cloud_phone;
pub mod ecs;
pub mod iot;
pub mod network;
