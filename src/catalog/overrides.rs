//! A caller's catalog (`request.catalog`): negotiated prices, new specs, ECS and
//! Enterprise Edition prices. Validated like any input; applied over a copy of the
//! embedded catalog, so one call's prices never leak into the next.
//!
//! ```text
//! catalog: {
//!   version?: string,
//!   cloudPhone?: { specs?: [{ id, edition?, vcpu?, memoryGib?, storageGib?,
//!                             mainland?: { monthly?, hourly? }, international?: { monthly?, hourly? } }],
//!                  periodsSince?: date | instant /* CP-13's cut-over */ },
//!   iot?: { messagePrice?, messagesPerPriceUnit?, messageUnitBytes?, freeMessagesPerMonth?,
//!           livingDevicePricePerDay?, freeLivingDevicesPerDay?,
//!           enterpriseSpecs?: [{ id, monthlyPrice, onlineDevices?, messagingTps?, forwardingTps? }],
//!           connectionAndMessages?: { messageTiers?: [{ above, price }], minutePrice?,
//!                                     freeMessagesPerMonth?, freeMinutesPerMonth? } },
//!   ecs?: { instanceTypes: [{ id, hourly?, monthly? }] }
//! }
//! ```
//! Every price is in the request's site's currency (SITE-1). An existing Cloud Phone spec
//! may override any of its prices (on a site that publishes none, only the ones the caller
//! needs); a new spec must give both regions' monthly and hourly prices ("a spec missing a
//! region" is an error).

use super::connection_messages::{Origin, Price, Tier};
use super::{caller_price as price, Catalog, CloudPhoneSpec, EcsInstanceType, EnterpriseSpec, SpecPrice};
use crate::bill::limits;
use crate::decode::{Fields, Node};
use crate::error::{Error, ErrorCode};
use rust_decimal::Decimal;

/// Most entries in any one list of a caller catalog.
pub const MAX_ENTRIES: usize = 1_000;
const MAX_ID_LEN: usize = 100;

pub fn apply_overrides(catalog: &mut Catalog, node: &Node<'_>) -> Result<(), Error> {
    let fields = node.object()?;
    fields.only(&["version", "cloudPhone", "iot", "ecs"])?;
    catalog.version = match fields.get("version") {
        Some(v) => identifier(&v)?.to_string(),
        None => catalog.version.clone() + "+caller",
    };
    if let Some(cp) = fields.get("cloudPhone") {
        let cp = cp.object()?;
        cp.only(&["specs", "periodsSince"])?;
        if let Some(since) = cp.get("periodsSince") {
            catalog.cloud_phone.periods_since = crate::time::instant(&since)?;
            catalog.cloud_phone.periods_since_source = super::Source {
                seed: "caller".to_string(),
                document: text!(cp, "catalog.yours"),
                as_of: None,
                rules: vec!["CP-13".to_string()],
                address: None,
            };
        }
        if cp.get("specs").is_some() || cp.get("periodsSince").is_none() {
            for spec in list(&cp, "specs")? {
                apply_cloud_phone_spec(catalog, &spec)?;
            }
        }
    }
    if let Some(iot) = fields.get("iot") {
        apply_iot(catalog, &iot.object()?)?;
    }
    if let Some(ecs) = fields.get("ecs") {
        let ecs = ecs.object()?;
        ecs.only(&["instanceTypes"])?;
        for entry in list(&ecs, "instanceTypes")? {
            let f = entry.object()?;
            f.only(&["id", "hourly", "monthly"])?;
            let id = identifier(&f.required("id", key!("expect.ecsInstanceType"))?)?.to_string();
            let hourly = f.get("hourly").map(|n| price(&n)).transpose()?;
            let monthly = f.get("monthly").map(|n| price(&n)).transpose()?;
            if hourly.is_none() && monthly.is_none() {
                return Err(entry.error(ErrorCode::MissingPrice, text!(entry, "catalog.ecsNeedsPrice", id = id)));
            }
            upsert(&mut catalog.ecs.instance_types, EcsInstanceType { id, hourly, monthly }, |t| &t.id);
        }
    }
    Ok(())
}

fn list<'v>(fields: &Fields<'v>, key: &str) -> Result<Vec<Node<'v>>, Error> {
    let node = fields.required(key, key!("expect.array"))?;
    let elements: Vec<Node<'v>> = node.elements()?.collect();
    if elements.len() > MAX_ENTRIES {
        return Err(node.error(ErrorCode::TooMany, text!(node, "catalog.tooManyEntries", max = MAX_ENTRIES, count = elements.len())));
    }
    Ok(elements)
}

fn identifier<'v>(node: &Node<'v>) -> Result<&'v str, Error> {
    let id = node.str()?;
    if id.is_empty() || id.len() > MAX_ID_LEN {
        return Err(node.error(ErrorCode::OutOfRange, text!(node, "catalog.idLength", max = MAX_ID_LEN)));
    }
    Ok(id)
}

fn upsert<T>(list: &mut Vec<T>, entry: T, id: impl Fn(&T) -> &String) {
    match list.iter_mut().find(|e| id(e) == id(&entry)) {
        Some(existing) => *existing = entry,
        None => list.push(entry),
    }
}

fn apply_cloud_phone_spec(catalog: &mut Catalog, node: &Node<'_>) -> Result<(), Error> {
    let f = node.object()?;
    f.only(&["id", "edition", "vcpu", "memoryGib", "storageGib", "mainland", "international"])?;
    let id = identifier(&f.required("id", key!("expect.cpSpecName"))?)?.to_string();
    let existing = catalog.cloud_phone.specs.iter().position(|s| s.id == id);
    let base = existing.map(|i| catalog.cloud_phone.specs[i].clone());
    let size = |key: &str, old: Option<u32>| -> Result<Option<u32>, Error> {
        match f.get(key) {
            Some(n) => Ok(Some(n.integer(1, 1_024)? as u32)),
            None => Ok(old),
        }
    };
    let region = |key: &str, old: Option<&SpecPrice>| -> Result<SpecPrice, Error> {
        let Some(n) = f.get(key) else {
            return old.cloned().ok_or_else(|| {
                Error::new(
                    ErrorCode::MissingField,
                    f.child_path(key),
                    text!(f, "catalog.specNeedsRegion", id = id, key = key),
                )
            });
        };
        let p = n.object()?;
        p.only(&["monthly", "hourly"])?;
        // An existing spec keeps the prices not given (none, where the site publishes none);
        // a new spec gives both.
        let pick = |k: &str, old: Option<Option<Decimal>>| -> Result<Option<Decimal>, Error> {
            match (p.get(k), old) {
                (Some(v), _) => price(&v).map(Some),
                (None, Some(o)) => Ok(o),
                (None, None) => Err(Error::new(
                    ErrorCode::MissingField,
                    p.child_path(k),
                    text!(p, "catalog.specNeedsPrice", id = id, key = k, currency = p.ctx().currency().code),
                )),
            }
        };
        Ok(SpecPrice { monthly: pick("monthly", old.map(|o| o.monthly))?, hourly: pick("hourly", old.map(|o| o.hourly))? })
    };
    let spec = CloudPhoneSpec {
        edition: match f.get("edition") {
            Some(n) => identifier(&n)?.to_string(),
            None => base.as_ref().map_or_else(|| "Custom".to_string(), |b| b.edition.clone()),
        },
        vcpu: size("vcpu", base.as_ref().and_then(|b| b.vcpu))?,
        memory_gib: size("memoryGib", base.as_ref().and_then(|b| b.memory_gib))?,
        storage_gib: size("storageGib", base.as_ref().and_then(|b| b.storage_gib))?,
        mainland: region("mainland", base.as_ref().map(|b| &b.mainland))?,
        international: region("international", base.as_ref().map(|b| &b.international))?,
        id,
    };
    match existing {
        Some(i) => catalog.cloud_phone.specs[i] = spec,
        None => catalog.cloud_phone.specs.push(spec),
    }
    Ok(())
}

fn apply_iot(catalog: &mut Catalog, f: &Fields<'_>) -> Result<(), Error> {
    f.only(&[
        "messagePrice",
        "messagesPerPriceUnit",
        "messageUnitBytes",
        "freeMessagesPerMonth",
        "livingDevicePricePerDay",
        "freeLivingDevicesPerDay",
        "enterpriseSpecs",
        "connectionAndMessages",
    ])?;
    let rates = &mut catalog.iot;
    if let Some(n) = f.get("messagePrice") {
        rates.message_price = Some(price(&n)?);
    }
    if let Some(n) = f.get("messagesPerPriceUnit") {
        rates.messages_per_price_unit = n.integer(1, 1_000_000_000)?;
    }
    if let Some(n) = f.get("messageUnitBytes") {
        rates.message_unit_bytes = n.integer(1, 1_000_000)?;
    }
    if let Some(n) = f.get("freeMessagesPerMonth") {
        rates.free_messages_per_month = n.integer(0, limits::MAX_COUNT)?;
    }
    if let Some(n) = f.get("livingDevicePricePerDay") {
        rates.living_device_price_per_day = Some(price(&n)?);
    }
    if let Some(n) = f.get("connectionAndMessages") {
        apply_connection_and_messages(&mut rates.connection_and_messages, &n.object()?)?;
    }
    if let Some(n) = f.get("freeLivingDevicesPerDay") {
        rates.free_living_devices_per_day = n.integer(0, limits::MAX_COUNT)?;
    }
    if f.get("enterpriseSpecs").is_some() {
        for entry in list(f, "enterpriseSpecs")? {
            let e = entry.object()?;
            e.only(&["id", "monthlyPrice", "onlineDevices", "messagingTps", "forwardingTps"])?;
            let id = identifier(&e.required("id", key!("expect.ownSpecName"))?)?.to_string();
            let monthly_price = price(&e.required("monthlyPrice", key!("expect.monthlyPrice"))?)?;
            // IOT-23 capacities, for sizing a fleet.
            let online_devices = e.get("onlineDevices").map(|n| n.integer(1, limits::MAX_DEVICES)).transpose()?;
            let tps = |key: &str| e.get(key).map(|n| n.decimal_in(Decimal::ZERO, false, crate::catalog::MAX_PRICE)).transpose();
            let (messaging_tps, forwarding_tps) = (tps("messagingTps")?, tps("forwardingTps")?);
            upsert(&mut rates.enterprise_specs, EnterpriseSpec { id, monthly_price, online_devices, messaging_tps, forwarding_tps }, |s| &s.id);
        }
    }
    Ok(())
}

/// `iot.connectionAndMessages` (IOT-26..IOT-28, SITE-1): the caller's prices in the site's
/// currency. `messageTiers` replaces the site's tiers whole (each `{ above, price }`, the
/// first above 0, each above the last); `minutePrice` and the free quotas replace theirs.
fn apply_connection_and_messages(tariff: &mut super::connection_messages::Tariff, f: &Fields<'_>) -> Result<(), Error> {
    f.only(&["messageTiers", "minutePrice", "freeMessagesPerMonth", "freeMinutesPerMonth"])?;
    let caller = |node: &Node<'_>| price(node).map(|amount| Price { amount, origin: Origin::Caller });
    if f.get("messageTiers").is_some() {
        let list = list(f, "messageTiers")?;
        let node = f.required("messageTiers", key!("expect.array"))?;
        if list.is_empty() {
            return Err(node.error(ErrorCode::Empty, text!(node, "catalog.tiersOrder")));
        }
        let mut tiers = Vec::with_capacity(list.len());
        for entry in &list {
            let t = entry.object()?;
            t.only(&["above", "price"])?;
            let above = t.required("above", key!("expect.tierAbove"))?.integer(0, limits::MAX_COUNT)?;
            let price = caller(&t.required("price", key!("expect.price"))?)?;
            tiers.push(Tier { above, price: Some(price) });
        }
        tariff.message_tiers = tiers;
        if !tariff.tiers_are_ordered() {
            return Err(node.error(ErrorCode::OutOfRange, text!(node, "catalog.tiersOrder")));
        }
    }
    if let Some(n) = f.get("minutePrice") {
        tariff.minute_price = Some(caller(&n)?);
    }
    if let Some(n) = f.get("freeMessagesPerMonth") {
        tariff.free_messages_per_month = n.integer(0, limits::MAX_COUNT)?;
    }
    if let Some(n) = f.get("freeMinutesPerMonth") {
        tariff.free_minutes_per_month = n.integer(0, limits::MAX_COUNT)?;
    }
    Ok(())
}
