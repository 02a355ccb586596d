//! Reads the output of `terraform show -json PLANFILE` (HashiCorp, "JSON Output Format",
//! `format_version` 1.0 to 1.2): the resources of `planned_values` and of `prior_state`,
//! in child modules at any depth, with their `count` / `for_each` addresses; the actions
//! and unknown values of `resource_changes`; each resource's region from its provider
//! configuration (a constant, or a root variable). Infracost's parser
//! (`internal/providers/terraform/parser.go`) walks the same trees.

use crate::decode::{Fields, Node, Value};
use crate::error::{Error, ErrorCode};
use crate::time::Instant;
use serde::Serialize;
use std::borrow::Cow;

/// The plan formats this reader knows (Terraform 1.1 and later write them).
pub const FORMAT_VERSIONS: [&str; 3] = ["1.0", "1.1", "1.2"];

/// A managed resource, or a data source (read, never billed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    Managed,
    Data,
}

/// What `terraform apply` will do to a resource (`resource_changes[].change.actions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Create,
    Update,
    /// `["delete", "create"]` or `["create", "delete"]`.
    Replace,
    Delete,
    NoOp,
    /// A data source read during apply.
    Read,
    /// Removed from Terraform's state, not destroyed: it goes on being billed.
    Forget,
}

const ACTIONS: [(&[&str], Action); 9] = [
    (&["no-op"], Action::NoOp),
    (&["create"], Action::Create),
    (&["read"], Action::Read),
    (&["update"], Action::Update),
    (&["delete"], Action::Delete),
    (&["delete", "create"], Action::Replace),
    (&["create", "delete"], Action::Replace),
    (&["forget"], Action::Forget),
    (&["create", "forget"], Action::Replace),
];

/// One resource instance of `planned_values` or `prior_state`.
#[derive(Clone, Copy)]
pub struct Resource<'v> {
    pub address: &'v str,
    pub mode: Mode,
    pub kind: &'v str,
    pub values: Fields<'v>,
    /// The region of its provider configuration, when the plan states it.
    pub region: Option<&'v str>,
}

/// A resource's change: what apply does, and which values it knows only then.
#[derive(Clone, Copy)]
pub struct Change<'v> {
    pub action: Action,
    pub unknown: Option<Fields<'v>>,
}

/// What a plan says, read and checked.
pub struct Plan<'v> {
    pub format_version: &'v str,
    pub terraform_version: Option<&'v str>,
    /// When the plan was made (Terraform 1.5 and later write it).
    pub timestamp: Option<Instant>,
    pub planned: Vec<Resource<'v>>,
    /// `prior_state`: what exists today (absent on a first plan).
    pub prior: Option<Vec<Resource<'v>>>,
    pub changes: Vec<Change<'v>>,
    /// `changes` by address.
    pub change_index: Index<'v>,
}

impl<'v> Plan<'v> {
    pub fn change(&self, address: &str) -> Option<&Change<'v>> {
        self.change_index.get(address).map(|i| &self.changes[i])
    }
}

/// Texts to positions, sorted once and searched by halves: the plan's lookups by address
/// (thousands of resources), one type for every table.
pub struct Index<'k>(Vec<(Cow<'k, str>, usize)>);

impl<'k> Index<'k> {
    pub fn new(keys: impl Iterator<Item = Cow<'k, str>>) -> Index<'k> {
        let mut entries: Vec<(Cow<'k, str>, usize)> = keys.enumerate().map(|(i, k)| (k, i)).collect();
        // By key, then by position: the first of equal keys is found.
        entries.sort_unstable();
        Index(entries)
    }

    pub fn get(&self, key: &str) -> Option<usize> {
        let at = self.0.partition_point(|(k, _)| &**k < key);
        self.0.get(at).filter(|(k, _)| k == key).map(|(_, i)| *i)
    }
}

/// Reads a plan (the root of `terraform show -json PLANFILE`).
pub fn read<'v>(root: Node<'v>) -> Result<Plan<'v>, Error> {
    let fields = root.object()?;
    let version_node = fields.required("format_version", key!("plan.expect.formatVersion"))?;
    let format_version = version_node.str()?;
    if !FORMAT_VERSIONS.contains(&format_version) {
        return Err(version_node.error(
            ErrorCode::NotSupported,
            text!(version_node, "plan.formatVersion", version = format_version, known = FORMAT_VERSIONS.join(", ")),
        ));
    }
    let terraform_version = fields.get("terraform_version").map(|n| n.str()).transpose()?;
    let timestamp = fields.get("timestamp").map(|n| crate::time::instant(&n)).transpose()?;
    let Some(planned_values) = fields.get("planned_values") else {
        // `terraform show -json` of a state (no plan) has `values` instead.
        return Err(Error::new(ErrorCode::MissingField, fields.child_path("planned_values"), text!(fields, "plan.notAPlan")));
    };
    let regions = Regions::read(&fields)?;
    let mut planned = Vec::new();
    if let Some(module) = planned_values.object()?.get("root_module") {
        walk(module, &regions, &mut planned)?;
    }
    let prior = match fields.get("prior_state") {
        None => None,
        Some(state) => {
            let mut resources = Vec::new();
            let values = state.object()?.get("values");
            if let Some(module) = values.map(|v| v.object()).transpose()?.and_then(|v| v.get("root_module")) {
                walk(module, &regions, &mut resources)?;
            }
            Some(resources)
        }
    };
    let mut changes = Vec::new();
    let mut addresses = Vec::new();
    if let Some(list) = fields.get("resource_changes") {
        for node in list.elements()? {
            let change = node.object()?;
            let address = change.required("address", key!("plan.expect.address"))?.str()?;
            let inner = change.required("change", key!("plan.expect.change"))?.object()?;
            let actions_node = inner.required("actions", key!("plan.expect.actions"))?;
            let actions = actions_node.elements()?.map(|n| n.str()).collect::<Result<Vec<_>, _>>()?;
            let action = ACTIONS.iter().find(|(names, _)| *names == actions.as_slice()).map(|(_, a)| *a).ok_or_else(|| {
                actions_node.error(ErrorCode::NotSupported, text!(actions_node, "plan.unknownActions", actions = actions.join(", ")))
            })?;
            let unknown = match inner.get("after_unknown") {
                Some(n) if matches!(n.value, Value::Object(_)) => Some(n.object()?),
                _ => None,
            };
            addresses.push(Cow::Borrowed(address));
            changes.push(Change { action, unknown });
        }
    }
    let change_index = Index::new(addresses.into_iter());
    Ok(Plan { format_version, terraform_version, timestamp, planned, prior, changes, change_index })
}

/// The resources of a module and of its child modules, depth first (depth is bounded by
/// the JSON reader's limit).
fn walk<'v>(module: Node<'v>, regions: &Regions<'v>, out: &mut Vec<Resource<'v>>) -> Result<(), Error> {
    let fields = module.object()?;
    if let Some(resources) = fields.get("resources") {
        for node in resources.elements()? {
            out.push(resource(node, regions)?);
        }
    }
    if let Some(children) = fields.get("child_modules") {
        for child in children.elements()? {
            walk(child, regions, out)?;
        }
    }
    Ok(())
}

fn resource<'v>(node: Node<'v>, regions: &Regions<'v>) -> Result<Resource<'v>, Error> {
    let fields = node.object()?;
    let address = fields.required("address", key!("plan.expect.address"))?.str()?;
    let kind = fields.required("type", key!("plan.expect.type"))?.str()?;
    let mode = match fields.get("mode") {
        Some(n) => n.one_of(&[("managed", Mode::Managed), ("data", Mode::Data)], ErrorCode::InvalidType)?,
        None => Mode::Managed,
    };
    let values = fields.required("values", key!("plan.expect.values"))?.object()?;
    Ok(Resource { address, mode, kind, values, region: regions.of(address) })
}

/// `alicloud_instance.web[0]` -> `alicloud_instance.web`; `module.a["x"].module.b[2].t.n` ->
/// `module.a.module.b.t.n`: the configuration's address of a resource instance. A key in
/// brackets may be a quoted string holding brackets, dots and escaped quotes.
pub fn without_instance_keys(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for ch in address.chars() {
        if in_string {
            match (escaped, ch) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
        } else if ch == '"' && depth > 0 {
            in_string = true;
        } else if ch == '[' {
            depth += 1;
        } else if ch == ']' {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            out.push(ch);
        }
    }
    out
}

/// The region of every provider configuration, and which configuration each resource uses.
struct Regions<'v> {
    /// Resource configuration addresses (`module.a.alicloud_instance.web`) and their provider
    /// configuration keys (`alicloud`, `alicloud.hk`, `module.a:alicloud`).
    provider_keys: Vec<&'v str>,
    addresses: Vec<Cow<'v, str>>,
    provider_of: Index<'v>,
    /// Provider configuration keys, and their regions where a constant or a root variable gives it.
    region_of: Vec<(&'v str, &'v str)>,
}

impl<'v> Regions<'v> {
    fn read(plan: &Fields<'v>) -> Result<Regions<'v>, Error> {
        let mut regions = Regions { provider_keys: Vec::new(), addresses: Vec::new(), provider_of: Index(Vec::new()), region_of: Vec::new() };
        let Some(configuration) = plan.get("configuration") else { return Ok(regions) };
        let configuration = configuration.object()?;
        let variables = plan.get("variables").map(|n| n.object()).transpose()?;
        if let Some(providers) = configuration.get("provider_config") {
            for (key, value) in providers.object()?.entries() {
                if let Some(region) = provider_region(value, variables) {
                    regions.region_of.push((key, region));
                }
            }
        }
        if let Some(root) = configuration.get("root_module") {
            regions.modules(root, String::new())?;
        }
        regions.provider_of = Index::new(std::mem::take(&mut regions.addresses).into_iter());
        Ok(regions)
    }

    /// Records the provider key of every resource of a configuration module and of its calls.
    fn modules(&mut self, module: Node<'v>, path: String) -> Result<(), Error> {
        let fields = module.object()?;
        if let Some(resources) = fields.get("resources") {
            for node in resources.elements()? {
                let resource = node.object()?;
                let (Some(address), Some(key)) = (resource.get("address"), resource.get("provider_config_key")) else { continue };
                let mut full = path.clone();
                crate::decode::push_field(&mut full, address.str()?);
                self.addresses.push(Cow::Owned(full));
                self.provider_keys.push(key.str()?);
            }
        }
        if let Some(calls) = fields.get("module_calls") {
            let calls = calls.object()?;
            for (name, call) in calls.entries() {
                let Value::Object(_) = call else { continue };
                if let Some(child) = calls.get(name).and_then(|c| c.object().ok()).and_then(|c| c.get("module")) {
                    let mut child_path = path.clone();
                    crate::decode::push_field(&mut child_path, "module");
                    child_path.push('.');
                    child_path.push_str(name);
                    self.modules(child, child_path)?;
                }
            }
        }
        Ok(())
    }

    /// The region of a resource instance's provider: its configuration's own key, or the
    /// root's default `alicloud` configuration when the plan names none.
    fn of(&self, address: &str) -> Option<&'v str> {
        let key = self.provider_of.get(&without_instance_keys(address)).map_or("alicloud", |i| self.provider_keys[i]);
        self.region_of.iter().find(|(k, _)| *k == key).map(|(_, region)| *region)
    }
}

/// `expressions.region` of a provider configuration: `{ constant_value }`, or
/// `{ references: ["var.region"] }` resolved from the plan's root `variables` (only a root
/// module's provider sees those).
fn provider_region<'v>(config: &'v Value<'v>, variables: Option<Fields<'v>>) -> Option<&'v str> {
    let field = |value: &'v Value<'v>, key: &str| match value {
        Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    };
    let string = |value: Option<&'v Value<'v>>| match value {
        Some(Value::String(s)) => Some(&**s),
        _ => None,
    };
    let region = field(field(config, "expressions")?, "region")?;
    if let Some(constant) = string(field(region, "constant_value")) {
        return Some(constant);
    }
    let in_root = matches!(string(field(config, "module_address")), None | Some(""));
    let Some(Value::Array(references)) = field(region, "references") else { return None };
    let name = references.iter().find_map(|r| string(Some(r))?.strip_prefix("var."))?;
    let variable = variables?.get(name)?;
    in_root.then(|| string(field(variable.value, "value"))).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_keys_leave_the_configuration_address() {
        for (address, expected) in [
            ("alicloud_instance.web", "alicloud_instance.web"),
            ("alicloud_instance.web[0]", "alicloud_instance.web"),
            (r#"module.app["eu"].alicloud_instance.web["a.b[1]"]"#, "module.app.alicloud_instance.web"),
            (r#"module.a[2].module.b["x\"]y"].data.alicloud_zones.z"#, "module.a.module.b.data.alicloud_zones.z"),
        ] {
            assert_eq!(without_instance_keys(address), expected);
        }
    }
}
