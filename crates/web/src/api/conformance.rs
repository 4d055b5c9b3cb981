//! What the generated OpenAPI document needs to be one that a validator, a client generator
//! and a fuzzer can trust: an operation id made of the method and the path (unique by
//! construction), every error status the layers can answer documented with the error
//! envelope, and the closed sets of values as `enum`s. Applied once to the document that
//! utoipa generates from the handlers' annotations.

use serde_json::{json, Map, Value};

/// The closed sets of values, by (schema or `path:` of a parameter, property): the codes the
/// domain accepts.
fn closed_sets() -> Vec<(&'static str, &'static str, Vec<String>)> {
    use domain::directory::{Level, OrgKind, PartnershipKind, PartnershipStatus};
    use domain::meetings::follow_ups::FollowUpStatus;
    use domain::meetings::minutes::MinutesStatus;
    use domain::meetings::{Format, Presence};
    fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|v| code(*v).to_string()).collect()
    }
    let kinds = codes(&OrgKind::ALL, OrgKind::code);
    let levels: Vec<String> = Level::all().map(|l| l.code().to_string()).collect();
    let p_kinds = codes(&PartnershipKind::ALL, PartnershipKind::code);
    let p_status = codes(&PartnershipStatus::ALL, PartnershipStatus::code);
    let formats = codes(&Format::ALL, Format::code);
    let minutes = codes(&MinutesStatus::ALL, MinutesStatus::code);
    let follow = codes(&FollowUpStatus::ALL, FollowUpStatus::code);
    let presence = codes(&Presence::ALL, Presence::code);
    let seminar_status = codes(&domain::seminars::SeminarStatus::ALL, |s| s.code());
    let registration = codes(
        &domain::seminars::registration::RegistrationStatus::ALL,
        |s| s.code(),
    );
    let audience = vec!["members".to_string(), "public".to_string()];
    let work = codes(&domain::meetings::roadmap::WorkStatus::ALL, |s| s.code());
    let errors: Vec<String> = domain::ErrorKey::ALL
        .iter()
        .map(|k| k.code().to_string())
        .collect();
    let events: Vec<String> = crate::ops::audit::EVENTS
        .iter()
        .map(|e| e.to_string())
        .collect();
    let roles = codes(&domain::groups::GroupRole::ALL, |r| r.code());
    vec![
        ("ErrorBody", "code", errors),
        ("MemberWrite", "role", roles.clone()),
        ("MemberDto", "role", roles),
        ("OrganisationDto", "kind", kinds.clone()),
        ("OrganisationWrite", "kind", kinds),
        ("OrganisationDto", "level", levels.clone()),
        ("OrganisationWrite", "level", levels.clone()),
        ("PartnershipDto", "kind", p_kinds.clone()),
        ("PartnershipWrite", "kind", p_kinds.clone()),
        ("PartnershipDto", "status", p_status.clone()),
        ("PartnershipWrite", "status", p_status.clone()),
        ("MeetingDto", "format", formats.clone()),
        ("MeetingWrite", "format", formats),
        ("MinutesDto", "status", minutes.clone()),
        ("StatusWrite", "status", minutes),
        ("FollowUpDto", "status", follow.clone()),
        ("FollowUpStatusWrite", "status", follow),
        ("ParticipantDto", "presence", presence.clone()),
        ("PresenceWrite", "presence", presence),
        ("SeminarDto", "status", seminar_status.clone()),
        ("SeminarWrite", "status", seminar_status),
        ("SeminarDto", "audience", audience.clone()),
        ("SeminarWrite", "audience", audience.clone()),
        ("SeminarCreate", "audience", audience),
        ("RegistrationDto", "status", registration.clone()),
        ("RegistrationItem", "status", registration),
        ("ActionWrite", "status", work),
        ("AuditEventDto", "event", events.clone()),
        ("path:/api/v1/audit", "event", events),
        (
            "path:/api/v1/organisations",
            "kind",
            codes(&OrgKind::ALL, OrgKind::code),
        ),
        ("path:/api/v1/organisations", "level", levels.clone()),
        ("path:/api/v1/partnerships", "kind", p_kinds),
        ("path:/api/v1/partnerships", "status", p_status),
        (
            "path:/api/v1/export/{collection}",
            "format",
            ["csv", "xlsx", "json"].map(String::from).to_vec(),
        ),
        (
            "path:/api/v1/import/{collection}",
            "format",
            ["csv", "xlsx", "json"].map(String::from).to_vec(),
        ),
        (
            "path:/api/v1/export/{collection}",
            "collection",
            ["organisations", "partnerships"].map(String::from).to_vec(),
        ),
        (
            "path:/api/v1/import/{collection}",
            "collection",
            ["organisations", "partnerships"].map(String::from).to_vec(),
        ),
        (
            "path:/api/v1/import/{collection}/template",
            "format",
            ["csv", "xlsx", "json"].map(String::from).to_vec(),
        ),
        (
            "path:/api/v1/import/{collection}/template",
            "collection",
            ["organisations", "partnerships"].map(String::from).to_vec(),
        ),
    ]
}

/// Sets `enum` on a string schema (keeping `null` allowed when the schema allows it).
fn set_enum(schema: &mut Value, values: &[String]) {
    let nullable = match &schema["type"] {
        Value::Array(types) => types.iter().any(|t| t == "null"),
        _ => false,
    };
    if schema.get("$ref").is_some() || schema.get("type").is_none() {
        return;
    }
    let mut list: Vec<Value> = values.iter().map(|v| json!(v)).collect();
    if nullable {
        list.push(Value::Null);
    }
    schema["enum"] = Value::Array(list);
}

/// The operation's id: its method and its path, `get_organisations_id_people`.
fn operation_id(method: &str, path: &str) -> String {
    let rest = path.trim_start_matches("/api/v1/");
    let words: Vec<String> = rest
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_matches(|c| c == '{' || c == '}').replace('-', "_"))
        .collect();
    format!("{method}_{}", words.join("_"))
}

/// The bounds of `limit` and `offset`, as `api::paging` (and the search and the audit log)
/// check them.
fn bound_paging(path: &str, name: &str, param: &mut Value) {
    let Some(schema) = param.get_mut("schema") else {
        return;
    };
    match name {
        "limit" => {
            let max = match path {
                "/api/v1/search" => crate::search::MAX_RESULTS as i64,
                "/api/v1/audit" => 500,
                _ => 1000,
            };
            schema["minimum"] = json!(1);
            schema["maximum"] = json!(max);
        }
        "offset" => schema["minimum"] = json!(0),
        _ => {}
    }
}

/// A JSON merge patch (RFC 7396) of a write schema, documented as `{Name}Patch`: every
/// property optional, `null` to clear, nothing else.
fn merge_patch_schemas(doc: &mut Value) {
    let mut wanted: Vec<String> = Vec::new();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for op in item.values_mut() {
                let Some(body) = op.get_mut("requestBody") else {
                    continue;
                };
                let described = body["description"].as_str().unwrap_or("").to_string();
                let Some(name) = described
                    .strip_prefix("JSON merge patch")
                    .and_then(|rest| rest.rsplit(' ').next())
                    .map(|n| n.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                else {
                    continue;
                };
                let schema = &mut body["content"]["application/json"]["schema"];
                if schema.get("$ref").is_none() && !name.is_empty() {
                    *schema = json!({"$ref": format!("#/components/schemas/{name}Patch")});
                    wanted.push(name);
                }
            }
        }
    }
    let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for name in wanted {
        let Some(mut patch) = schemas.get(&name).cloned() else {
            continue;
        };
        if let Some(o) = patch.as_object_mut() {
            // Optional properties may be cleared with null; required ones only left out.
            let required: Vec<String> = o
                .remove("required")
                .and_then(|r| serde_json::from_value(r).ok())
                .unwrap_or_default();
            o.insert("additionalProperties".into(), json!(false));
            if let Some(props) = o.get_mut("properties").and_then(Value::as_object_mut) {
                for (key, prop) in props.iter_mut() {
                    if !required.contains(key) {
                        *prop = json!({"anyOf": [prop.clone(), {"type": "null"}]});
                    }
                }
            }
            o.insert(
                "description".into(),
                json!(format!("A JSON merge patch (RFC 7396) of {name}: the properties to change, null to clear one.")),
            );
        }
        schemas.insert(format!("{name}Patch"), patch);
    }
}

/// The parts of a file upload: `title` and `file`, nothing else (the server refuses others).
fn upload_schema() -> Value {
    json!({
        "type": "object",
        "required": ["file"],
        "additionalProperties": false,
        "properties": {
            "title": {"type": "string", "maxLength": 300},
            "file": {"type": "string", "contentMediaType": "application/octet-stream"}
        }
    })
}

pub fn conform(doc: &mut Value) {
    merge_patch_schemas(doc);
    let sets = closed_sets();
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (schema, property, values) in &sets {
            if let Some(p) = schemas
                .get_mut(*schema)
                .and_then(|s| s.pointer_mut(&format!("/properties/{property}")))
            {
                set_enum(p, values);
            }
        }
    }
    let error = json!({"$ref": "#/components/responses/Error"});
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for (path, item) in paths.iter_mut() {
            let Some(item) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in item.iter_mut() {
                let Some(op) = op.as_object_mut() else {
                    continue;
                };
                op.insert("operationId".into(), json!(operation_id(method, path)));
                let has_body = op.contains_key("requestBody");
                if let Some(body) = op.get_mut("requestBody") {
                    if let Some(multipart) = body.pointer_mut("/content/multipart~1form-data") {
                        multipart["schema"] = upload_schema();
                        body["required"] = json!(true);
                    }
                }
                let secured = op.contains_key("security") || method != "get";
                let responses = op
                    .entry("responses")
                    .or_insert_with(|| Value::Object(Map::new()))
                    .as_object_mut()
                    .expect("responses are an object");
                // A bad `Authorization` header is a 401 on any operation.
                let mut statuses = vec!["400", "401", "405", "408", "422", "500"];
                if secured {
                    statuses.push("403");
                }
                if path.contains('{') || method != "get" {
                    statuses.push("404");
                }
                if method != "get" {
                    statuses.push("409");
                }
                if has_body || method == "post" || method == "patch" {
                    statuses.extend(["413", "415"]);
                }
                for status in statuses {
                    responses
                        .entry(status.to_string())
                        .or_insert_with(|| error.clone());
                }
                // Any layer can answer an error status with the envelope: where a handler
                // documents a body of its own for one (the import's report), either may come.
                for (status, response) in responses.iter_mut() {
                    if !status.starts_with('4') && !status.starts_with('5') {
                        continue;
                    }
                    if let Some(schema) = response.pointer_mut("/content/application~1json/schema")
                    {
                        let envelope = json!({"$ref": "#/components/schemas/ErrorEnvelope"});
                        if *schema != envelope {
                            *schema = json!({"anyOf": [schema.clone(), envelope]});
                        }
                    }
                }
                if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                    for param in params {
                        let name = param["name"].as_str().unwrap_or("").to_string();
                        bound_paging(path, &name, param);
                        let key = format!("path:{path}");
                        if let Some((_, _, values)) = sets
                            .iter()
                            .find(|(s, p, _)| *s == key.as_str() && *p == name.as_str())
                        {
                            if let Some(schema) = param.get_mut("schema") {
                                set_enum(schema, values);
                            }
                        }
                    }
                }
            }
        }
    }
    let components = doc
        .as_object_mut()
        .expect("the document is an object")
        .entry("components")
        .or_insert_with(|| json!({}));
    components["responses"]["Error"] = json!({
        "description": "An error, in the envelope every error of the API has: a stable `code`, \
                        the `message` in the caller's language, and the `field` at fault when \
                        there is one.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_method_and_path() {
        assert_eq!(
            operation_id("get", "/api/v1/organisations"),
            "get_organisations"
        );
        assert_eq!(
            operation_id("patch", "/api/v1/organisations/{id}/people/{person}"),
            "patch_organisations_id_people_person"
        );
        assert_eq!(
            operation_id("get", "/api/v1/groups/{id}/follow-ups"),
            "get_groups_id_follow_ups"
        );
    }
}
