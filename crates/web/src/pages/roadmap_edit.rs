//! Editing a group's yearly roadmap on its page: axes, their actions (owner picked among the
//! group's organisations, period picked, status) and the actions' milestones, in the group's
//! languages. One form, no script: blank rows at the end of each list add an item, a box
//! removes one, a number orders them. A refused save comes back with everything typed and the
//! error beside its field; a save keeps what it replaced in the change history.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::accounts::Action;
use domain::directory::Names;
use domain::meetings::roadmap::{
    ActionInput, AxisInput, MilestoneInput, Roadmap, RoadmapInput, WorkStatus,
};

use super::directory::record_form::{back_to_form, Submitted};
use super::render;
use crate::ctx::Ctx;
use crate::input::Form;
use crate::view::{code_label, Choice, Page};
use crate::OrNotFound;
use crate::{AppError, AppState};

/// One input of the form.
pub struct Input {
    pub name: String,
    pub label: String,
    pub value: String,
    /// `text`, `textarea`, `select`, `number` or `checkbox`.
    pub kind: &'static str,
    pub lang: Option<&'static str>,
    pub options: Vec<Choice>,
    pub invalid: bool,
}

/// A fieldset: its legend, its inputs, and the fieldsets inside it.
pub struct Group {
    pub legend: String,
    pub class: &'static str,
    pub inputs: Vec<Input>,
    pub children: Vec<Group>,
}

#[derive(Template)]
#[template(path = "roadmap/edit.html")]
struct EditTemplate {
    page: Page,
    group: String,
    group_name: String,
    year: i64,
    summary: Vec<Input>,
    axes: Vec<Group>,
    error: Option<String>,
    error_field: String,
}

// ---------------------------------------------------------------------------------------------
// The form as typed: axes → actions → milestones, by their index in the form.

#[derive(Default, Clone)]
struct Texts(BTreeMap<String, String>);

impl Texts {
    fn names(&self, prefix: &str) -> Names {
        let get = |l: &str| {
            self.0
                .get(&format!("{prefix}.{l}"))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Names {
            fr: get("fr"),
            ko: get("ko"),
            ko_latn: None,
            en: get("en"),
        }
    }
    fn get(&self, key: &str) -> Option<String> {
        self.0
            .get(key)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }
    fn removed(&self, prefix: &str) -> bool {
        self.get(&format!("{prefix}.remove")).is_some()
    }
    fn order(&self, prefix: &str, index: usize) -> (i64, usize) {
        let o = self
            .get(&format!("{prefix}.order"))
            .and_then(|o| o.parse().ok())
            .unwrap_or(index as i64 + 1);
        (o, index)
    }
}

fn blank(n: &Names) -> bool {
    n.fr.is_none() && n.ko.is_none() && n.en.is_none()
}

/// The indices `i` of `"{prefix}[i]"` found among the keys, in order.
fn indices(t: &Texts, prefix: &str) -> Vec<usize> {
    let mut out: Vec<usize> =
        t.0.keys()
            .filter_map(|k| k.strip_prefix(prefix)?.strip_prefix('['))
            .filter_map(|rest| rest.split(']').next()?.parse().ok())
            .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// An action's place in the form, and its milestones' places.
type ActionPlace = (String, Vec<String>);

/// Where each kept item came from in the form, to put an error back on its field.
#[derive(Default)]
struct Places {
    /// (form axis prefix, its actions' places)
    axes: Vec<(String, Vec<ActionPlace>)>,
}

impl Places {
    /// `axes[1].actions[0].period` of the validated roadmap → the same field in the form.
    fn form_field(&self, field: &str) -> String {
        let num = |s: &str, tag: &str| -> Option<(usize, String)> {
            let rest = s.strip_prefix(tag)?.strip_prefix('[')?;
            let (n, tail) = rest.split_once(']')?;
            Some((n.parse().ok()?, tail.to_string()))
        };
        let Some((a, tail)) = num(field, "axes") else {
            return field.to_string();
        };
        let Some((axis, actions)) = self.axes.get(a) else {
            return field.to_string();
        };
        let Some((x, tail2)) = tail.strip_prefix('.').and_then(|t| num(t, "actions")) else {
            return format!("{axis}{tail}");
        };
        let Some((action, milestones)) = actions.get(x) else {
            return field.to_string();
        };
        match tail2.strip_prefix('.').and_then(|t| num(t, "milestones")) {
            Some((m, tail3)) => match milestones.get(m) {
                Some(ms) => format!("{ms}{tail3}"),
                None => field.to_string(),
            },
            None => format!("{action}{tail2}"),
        }
    }
}

/// The roadmap the form describes (blank and removed rows left out, items in their order).
fn parse(t: &Texts) -> (RoadmapInput, Places) {
    let mut places = Places::default();
    let mut axes = Vec::new();
    let mut axis_ix = indices(t, "axes");
    axis_ix.sort_by_key(|i| t.order(&format!("axes[{i}]"), *i));
    for i in axis_ix {
        let ap = format!("axes[{i}]");
        if t.removed(&ap) {
            continue;
        }
        let mut actions = Vec::new();
        let mut action_places = Vec::new();
        let mut action_ix = indices(t, &format!("{ap}.actions"));
        action_ix.sort_by_key(|j| t.order(&format!("{ap}.actions[{j}]"), *j));
        for j in action_ix {
            let xp = format!("{ap}.actions[{j}]");
            let title = t.names(&format!("{xp}.title"));
            if t.removed(&xp) || blank(&title) {
                continue;
            }
            let mut milestones = Vec::new();
            let mut ms_places = Vec::new();
            for k in indices(t, &format!("{xp}.milestones")) {
                let mp = format!("{xp}.milestones[{k}]");
                let title = t.names(&format!("{mp}.title"));
                if t.removed(&mp) || blank(&title) {
                    continue;
                }
                milestones.push(MilestoneInput {
                    title,
                    period: t.get(&format!("{mp}.period")),
                    status: t.get(&format!("{mp}.status")),
                });
                ms_places.push(mp);
            }
            let links = t
                .get(&format!("{xp}.links"))
                .unwrap_or_default()
                .split(',')
                .filter_map(|l| l.trim().split_once(':'))
                .map(|(k, id)| (k.to_string(), id.to_string()))
                .collect();
            actions.push(ActionInput {
                title,
                owner_organisation: t.get(&format!("{xp}.owner_organisation")),
                owner_text: t.get(&format!("{xp}.owner_text")),
                period: t.get(&format!("{xp}.period")),
                status: t.get(&format!("{xp}.status")),
                milestones,
                links,
            });
            action_places.push((xp, ms_places));
        }
        let title = t.names(&format!("{ap}.title"));
        if blank(&title) && actions.is_empty() {
            continue;
        }
        axes.push(AxisInput { title, actions });
        places.axes.push((ap, action_places));
    }
    let input = RoadmapInput {
        summary: t.names("summary"),
        axes,
    };
    (input, places)
}

/// A stored roadmap as the form's values.
fn texts_of(r: &Roadmap) -> Texts {
    let mut m = BTreeMap::new();
    let put_names = |m: &mut BTreeMap<String, String>, prefix: &str, n: &Names| {
        for (l, v) in [("fr", &n.fr), ("ko", &n.ko), ("en", &n.en)] {
            if let Some(v) = v {
                m.insert(format!("{prefix}.{l}"), v.clone());
            }
        }
    };
    put_names(&mut m, "summary", &r.summary);
    for (i, a) in r.axes.iter().enumerate() {
        let ap = format!("axes[{i}]");
        put_names(&mut m, &format!("{ap}.title"), &a.title);
        for (j, x) in a.actions.iter().enumerate() {
            let xp = format!("{ap}.actions[{j}]");
            put_names(&mut m, &format!("{xp}.title"), &x.title);
            let mut set = |k: &str, v: Option<String>| {
                if let Some(v) = v {
                    m.insert(format!("{xp}.{k}"), v);
                }
            };
            set("owner_organisation", x.owner_organisation.clone());
            set("owner_text", x.owner_text.clone());
            set("period", x.period.map(|p| p.code()));
            set("status", Some(x.status.code().to_string()));
            let links: Vec<String> = x.links.iter().map(|(k, id)| format!("{k}:{id}")).collect();
            set("links", Some(links.join(",")).filter(|l| !l.is_empty()));
            for (k, ms) in x.milestones.iter().enumerate() {
                let mp = format!("{xp}.milestones[{k}]");
                put_names(&mut m, &format!("{mp}.title"), &ms.title);
                if let Some(p) = ms.period {
                    m.insert(format!("{mp}.period"), p.code());
                }
                m.insert(format!("{mp}.status"), ms.status.code().to_string());
            }
        }
    }
    Texts(m)
}

// ---------------------------------------------------------------------------------------------
// The form as shown.

struct Builder<'a> {
    ctx: &'a Ctx,
    t: &'a Texts,
    langs: Vec<&'static str>,
    year: i32,
    owners: Vec<(String, String)>,
    error_field: String,
}

impl Builder<'_> {
    fn input(&self, name: String, label: String, kind: &'static str) -> Input {
        Input {
            value: self.t.0.get(&name).cloned().unwrap_or_default(),
            invalid: !self.error_field.is_empty() && self.error_field == name,
            name,
            label,
            kind,
            lang: None,
            options: Vec::new(),
        }
    }

    fn titles(&self, prefix: &str, what: &str, kind: &'static str) -> Vec<Input> {
        self.langs
            .iter()
            .map(|l| {
                let label = format!(
                    "{} — {}",
                    self.ctx.t(what),
                    self.ctx.t(match *l {
                        "ko" => "in-korean",
                        "en" => "in-english",
                        _ => "in-french",
                    })
                );
                let mut i = self.input(format!("{prefix}.{l}"), label, kind);
                i.lang = Some(l);
                i
            })
            .collect()
    }

    fn select(&self, name: String, label: &str, options: Vec<(String, String)>) -> Input {
        let mut i = self.input(name, self.ctx.t(label), "select");
        i.options = options
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == i.value,
                value,
                label,
            })
            .collect();
        i
    }

    fn period(&self, prefix: &str) -> Input {
        let name = format!("{prefix}.period");
        let current = self.t.get(&name);
        let options = crate::view::period_options(self.ctx.lang, self.year, current.as_deref());
        self.select(name, "roadmap-period", options)
    }

    fn status(&self, prefix: &str) -> Input {
        let options = WorkStatus::ALL
            .iter()
            .map(|w| {
                (
                    w.code().to_string(),
                    code_label(self.ctx.lang, "work-status", w.code()),
                )
            })
            .collect();
        self.select(format!("{prefix}.status"), "col-status", options)
    }

    fn order_and_remove(&self, prefix: &str, position: usize, existing: bool) -> Vec<Input> {
        let mut order = self.input(
            format!("{prefix}.order"),
            self.ctx.t("roadmap-order"),
            "number",
        );
        if order.value.is_empty() {
            order.value = (position + 1).to_string();
        }
        let mut out = vec![order];
        if existing {
            out.push(self.input(
                format!("{prefix}.remove"),
                self.ctx.t("roadmap-remove"),
                "checkbox",
            ));
        }
        out
    }

    fn milestone(&self, xp: &str, k: usize, existing: bool) -> Group {
        let mp = format!("{xp}.milestones[{k}]");
        let mut inputs = self.titles(&format!("{mp}.title"), "roadmap-milestone-title", "text");
        inputs.push(self.period(&mp));
        inputs.push(self.status(&mp));
        if existing {
            inputs.push(self.input(
                format!("{mp}.remove"),
                self.ctx.t("roadmap-remove"),
                "checkbox",
            ));
        }
        Group {
            legend: self.ctx.t(if existing {
                "roadmap-milestone"
            } else {
                "roadmap-new-milestone"
            }),
            class: "milestone",
            inputs,
            children: Vec::new(),
        }
    }

    fn action(&self, ap: &str, j: usize, existing: bool) -> Group {
        let xp = format!("{ap}.actions[{j}]");
        let mut inputs = self.titles(&format!("{xp}.title"), "roadmap-action-title", "text");
        inputs.push(self.select(
            format!("{xp}.owner_organisation"),
            "roadmap-owner",
            self.owners.clone(),
        ));
        inputs.push(self.input(
            format!("{xp}.owner_text"),
            self.ctx.t("follow-up-owner-text"),
            "text",
        ));
        inputs.push(self.period(&xp));
        inputs.push(self.status(&xp));
        let mut links = self.input(format!("{xp}.links"), String::new(), "hidden");
        links.label = String::new();
        inputs.push(links);
        inputs.extend(self.order_and_remove(&xp, j, existing));
        let mut children: Vec<Group> = indices(self.t, &format!("{xp}.milestones"))
            .into_iter()
            .map(|k| self.milestone(&xp, k, true))
            .collect();
        if existing {
            let next = indices(self.t, &format!("{xp}.milestones"))
                .last()
                .map_or(0, |k| k + 1);
            children.push(self.milestone(&xp, next, false));
        }
        Group {
            legend: self.ctx.t(if existing {
                "roadmap-action"
            } else {
                "roadmap-new-action"
            }),
            class: "action",
            inputs,
            children,
        }
    }

    fn axis(&self, i: usize, existing: bool) -> Group {
        let ap = format!("axes[{i}]");
        let mut inputs = self.titles(&format!("{ap}.title"), "roadmap-axis-title", "text");
        inputs.extend(self.order_and_remove(&ap, i, existing));
        let ix = indices(self.t, &format!("{ap}.actions"));
        let mut children: Vec<Group> = ix.iter().map(|j| self.action(&ap, *j, true)).collect();
        let next = ix.last().map_or(0, |j| j + 1);
        children.push(self.action(&ap, next, false));
        Group {
            legend: if existing {
                format!("{} {}", self.ctx.t("roadmap-axis"), i + 1)
            } else {
                self.ctx.t("roadmap-new-axis")
            },
            class: "axis card",
            inputs,
            children,
        }
    }
}

async fn edit_page(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    year: i64,
    t: &Texts,
    error: Option<(AppError, String)>,
) -> Result<Response, AppError> {
    let g = state.db.group(group).await?.or_404()?;
    let mut langs: Vec<&'static str> = ["fr", "ko", "en"]
        .into_iter()
        .filter(|l| *l == "fr" || g.languages.iter().any(|x| x == l))
        .collect();
    if langs.len() == 1 {
        langs.push("en");
    }
    let mut owners = super::meetings::member_options(ctx, state, group).await?;
    // An owner no longer among the members keeps its place in the list.
    for (k, v) in &t.0 {
        if k.ends_with(".owner_organisation") && !owners.iter().any(|(id, _)| id == v) {
            owners.push((v.clone(), v.clone()));
        }
    }
    let error_field = error.as_ref().map(|(_, f)| f.clone()).unwrap_or_default();
    let b = Builder {
        ctx,
        t,
        langs,
        year: year as i32,
        owners,
        error_field: error_field.clone(),
    };
    let ix = indices(t, "axes");
    let mut axes: Vec<Group> = ix.iter().map(|i| b.axis(*i, true)).collect();
    axes.push(b.axis(ix.last().map_or(0, |i| i + 1), false));
    let lang = ctx.lang;
    let page = EditTemplate {
        page: Page::new(
            ctx,
            "roadmap",
            i18n::t_args(lang, "roadmap-edit-title", &[("year", year.into())]),
        ),
        group_name: g.name_in(lang.code()).to_string(),
        group: group.to_string(),
        year,
        summary: b.titles("summary", "roadmap-summary", "textarea"),
        axes,
        error: error.as_ref().map(|(e, _)| ctx.t(&e.message_key())),
        error_field,
    };
    let status = error
        .map(|(e, _)| e.status)
        .unwrap_or(axum::http::StatusCode::OK);
    Ok((status, render(&page)).into_response())
}

fn year_of(year: &str) -> Result<i64, AppError> {
    year.parse()
        .ok()
        .filter(|y| domain::seminars::programme::YEARS.contains(y))
        .ok_or_else(AppError::not_found)
}

/// The form, filled with the year's roadmap (empty for a year that has none yet).
pub async fn edit(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((group, year)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let year = year_of(&year)?;
    state.db.group(&group).await?.or_404()?;
    ctx.require(&Action::ManageMeetings { group: &group })?;
    let t = match state.db.roadmap(&group, year).await? {
        Some(r) => texts_of(&r),
        None => Texts::default(),
    };
    edit_page(&ctx, &state, &group, year, &t, None).await
}

pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Path((group, year)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let year = year_of(&year)?;
    let submitted = Submitted(pairs);
    let t = Texts(
        submitted
            .0
            .iter()
            .filter(|(k, _)| k != "csrf_token")
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    );
    let (input, places) = parse(&t);
    match crate::ops::roadmap::replace_input(&ctx, &state, &group, year, &input).await {
        Ok(()) => Ok(Redirect::to(&format!("/groups/{group}/roadmap/{year}")).into_response()),
        Err(e) if back_to_form(&e) => {
            let field = places.form_field(e.field.as_deref().unwrap_or(""));
            edit_page(&ctx, &state, &group, year, &t, Some((e, field))).await
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Texts {
        Texts(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn blank_removed_and_reordered_rows() {
        let t = texts(&[
            ("axes[0].title.fr", "Culture"),
            ("axes[0].order", "2"),
            ("axes[0].actions[0].title.fr", "Festival"),
            ("axes[0].actions[1].title.fr", ""),
            ("axes[1].title.fr", "Économie"),
            ("axes[1].order", "1"),
            ("axes[1].actions[0].title.fr", "Mission"),
            ("axes[1].actions[0].remove", "on"),
            ("axes[1].actions[1].title.fr", "Salon"),
            ("axes[1].actions[1].period", "2022-13"),
            ("axes[1].actions[1].milestones[3].title.fr", "Stand"),
            ("axes[2].title.fr", ""),
        ]);
        let (input, places) = parse(&t);
        let titles: Vec<_> = input
            .axes
            .iter()
            .map(|a| a.title.fr.clone().unwrap())
            .collect();
        assert_eq!(titles, ["Économie", "Culture"]);
        assert_eq!(input.axes[0].actions.len(), 1, "the removed one is gone");
        assert_eq!(input.axes[1].actions.len(), 1, "the blank one is left out");
        assert_eq!(
            places.form_field("axes[0].actions[0].period"),
            "axes[1].actions[1].period"
        );
        assert_eq!(
            places.form_field("axes[0].actions[0].milestones[0].title.fr"),
            "axes[1].actions[1].milestones[3].title.fr"
        );
        assert_eq!(places.form_field("axes[1].title.fr"), "axes[0].title.fr");
        assert_eq!(places.form_field("summary.fr"), "summary.fr");
    }
}
