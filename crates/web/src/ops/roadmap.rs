//! Writing a group's yearly roadmap (coordinators), as a whole or one action's status.

use domain::accounts::Action;
use domain::directory::Names;
use domain::meetings::roadmap::{ActionInput, AxisInput, MilestoneInput, RoadmapInput, WorkStatus};
use domain::ErrorKey;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::ctx::Ctx;
use crate::ops::names::NamesDto as NamesInput;
use crate::OrNotFound;
use crate::{AppError, AppState};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoadmapWrite {
    #[serde(default)]
    pub summary: NamesInput,
    pub axes: Vec<AxisWrite>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AxisWrite {
    pub title: NamesInput,
    #[serde(default)]
    pub actions: Vec<ActionWrite>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionWrite {
    pub title: NamesInput,
    #[serde(default)]
    pub owner_organisation: Option<String>,
    #[serde(default)]
    pub owner_text: Option<String>,
    /// Period code: `2021-06`, `2021-11..2021-12`, `2022-early`, `2021`.
    #[serde(default)]
    pub period: Option<String>,
    /// `planned`, `in_progress`, `done`, `dropped`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub milestones: Vec<MilestoneWrite>,
    /// Meetings (and, later, seminars) that carry the action out: `{"type": "meeting", "id": …}`.
    #[serde(default)]
    pub links: Vec<LinkWrite>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneWrite {
    pub title: NamesInput,
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkWrite {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
}

impl RoadmapWrite {
    fn input(&self) -> RoadmapInput {
        let names = |n: &NamesInput| Names::from(n.clone());
        RoadmapInput {
            summary: names(&self.summary),
            axes: self
                .axes
                .iter()
                .map(|a| AxisInput {
                    title: names(&a.title),
                    actions: a
                        .actions
                        .iter()
                        .map(|x| ActionInput {
                            title: names(&x.title),
                            owner_organisation: x.owner_organisation.clone(),
                            owner_text: x.owner_text.clone(),
                            period: x.period.clone(),
                            status: x.status.clone(),
                            milestones: x
                                .milestones
                                .iter()
                                .map(|m| MilestoneInput {
                                    title: names(&m.title),
                                    period: m.period.clone(),
                                    status: m.status.clone(),
                                })
                                .collect(),
                            links: x
                                .links
                                .iter()
                                .map(|l| (l.kind.clone(), l.id.clone()))
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// Replaces the roadmap of `group` for `year`; every problem names its place
/// (`axes[1].actions[0].period`), and nothing is stored unless all is right.
pub async fn replace(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    year: i64,
    w: &RoadmapWrite,
) -> Result<(), AppError> {
    replace_input(ctx, state, group, year, &w.input()).await
}

/// The same from a roadmap as typed (the editing page).
pub async fn replace_input(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    year: i64,
    input: &RoadmapInput,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageMeetings { group })?;
    state.db.group(group).await?.or_404()?;
    let roadmap = input.validate(group, year)?;
    // What the register and the meetings must hold: owners and linked meetings.
    for (i, a) in roadmap.axes.iter().enumerate() {
        for (j, x) in a.actions.iter().enumerate() {
            let f = format!("axes[{i}].actions[{j}]");
            if let Some(o) = &x.owner_organisation {
                if state.db.organisation(o).await?.is_none() {
                    return Err(AppError::field(
                        ErrorKey::UnknownOrganisation,
                        format!("{f}.owner_organisation"),
                    ));
                }
            }
            for (k, (kind, id)) in x.links.iter().enumerate() {
                if kind == "meeting" && state.db.meeting(id).await?.is_none() {
                    return Err(AppError::field(
                        ErrorKey::NotFound,
                        format!("{f}.links[{k}].id"),
                    ));
                }
            }
        }
    }
    let by = ctx.user.as_ref().map(|u| u.id.as_str());
    state.db.replace_roadmap(&roadmap, by).await?;
    Ok(())
}

/// One action moves on (coordinators).
pub async fn set_action_status(
    ctx: &Ctx,
    state: &AppState,
    group: &str,
    action: &str,
    to: WorkStatus,
) -> Result<(), AppError> {
    ctx.require(&Action::ManageMeetings { group })?;
    state
        .db
        .set_roadmap_action_status(group, action, to)
        .await?;
    Ok(())
}
