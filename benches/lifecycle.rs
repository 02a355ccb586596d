//! `cargo bench --bench lifecycle`: native per-call time of simulateLifecycle for the
//! scale issue #4 sets (a 10-year horizon with monthly auto-renewals and 1,000 top-ups)
//! and for smaller requests, as medians of repeated runs. A plain timing harness: the
//! numbers are for comparison within one run, never asserted.

use alicloud_cost::decode::Value;
use std::time::Instant;

fn median_micros(request: &Value, runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let result = alicloud_cost::simulate_lifecycle(std::hint::black_box(request)).unwrap();
            std::hint::black_box(result);
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let top_ups: Vec<String> = (0..1000)
        .map(|i| {
            let day = 1 + i * 3 % 3600; // spread over ten years
            let (y, d) = (2026 + day / 365, day % 365);
            format!(r#"{{"at":"{y}-{:02}-{:02}T01:00:00+08:00","type":"topUp","amount":"1"}}"#, 1 + d / 31 % 12, 1 + d % 28)
        })
        .collect();
    let ten_years = format!(
        r#"{{"product":"iot","resource":{{"instance":"enterprise"}},"start":"2026-01-01","months":1,"autoRenew":true,
            "renewalPrice":"10","account":{{"balance":"1000"}},"events":[{}],"until":"2036-01-01"}}"#,
        top_ups.join(",")
    );
    let ecs_monthly: Vec<String> = (0..120).map(|m| format!(r#"{{"at":"{}-{:02}-01","type":"topUp","amount":"80"}}"#, 2026 + m / 12, 1 + m % 12)).collect();
    let ecs = format!(
        r#"{{"product":"ecs","resource":{{"billing":"payAsYouGo","attached":["dataDisk","eip","snapshots"]}},"start":"2026-01-01",
            "account":{{"balance":"50"}},"costPerHour":"0.10","events":[{}],"until":"2036-01-01"}}"#,
        ecs_monthly.join(",")
    );
    let renewals_only = r#"{"product":"iot","resource":{"instance":"enterprise"},"start":"2026-01-01","months":1,"autoRenew":true,
            "renewalPrice":"10","account":{"balance":"2000"},"until":"2036-01-01"}"#;
    let cases = [
        ("cloud phone runs out (3 entries)", r#"{"product":"cloudPhone","resource":{"billing":"payAsYouGo"},"start":"2026-12-01","account":{"balance":"4.80"},"costPerHour":"0.05"}"#.to_string()),
        ("ECS 10 years, 120 monthly top-ups", ecs),
        ("IoT 10 years, monthly auto-renewal", renewals_only.to_string()),
        ("IoT 10 years, monthly auto-renewal, 1,000 top-ups", ten_years),
    ];
    // `cargo bench --bench lifecycle -- IoT` runs only the cases whose name contains "IoT".
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_default();
    println!("{:<52} {:>12} {:>10}", "case", "median µs", "entries");
    for (name, json) in cases.into_iter().filter(|(name, _)| name.contains(filter.as_str())) {
        let request = Value::from_json_str(&json).unwrap();
        let entries = alicloud_cost::simulate_lifecycle(&request).unwrap().timeline.len();
        println!("{name:<52} {:>12.1} {entries:>10}", median_micros(&request, if filter.is_empty() { 201 } else { 2001 }));
    }
}
