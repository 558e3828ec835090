//! `storyline eval clusters`: B-cubed and pairwise scores of the online story clusterer on
//! gold story folders (every subfolder of each DIR is one gold story).

use std::path::PathBuf;

use storyline_eval::clusters::ClusterConfig;

#[derive(clap::Args)]
pub struct Args {
    /// Data-set folders; each subfolder is one gold story holding its articles.
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Seed of the shuffle that breaks ties between articles of the same date.
    #[arg(long, default_value_t = 17)]
    pub seed: u64,
    /// Minimum score to join a story (default: the tuned value).
    #[arg(long)]
    pub threshold: Option<f32>,
    /// Weight of the headline cosine.
    #[arg(long)]
    pub title_weight: Option<f32>,
    /// Weight of the named-entity cosine.
    #[arg(long)]
    pub entity_weight: Option<f32>,
    /// Time scale of the decay, in days (0 turns the decay off).
    #[arg(long)]
    pub decay_days: Option<f32>,
    /// Floor of the decay factor.
    #[arg(long)]
    pub decay_floor: Option<f32>,
    /// Days without an update after which a story is archived.
    #[arg(long)]
    pub quiet_days: Option<i64>,
    /// Minimum centroid cosine of the consolidation pass (above 1 turns it off).
    #[arg(long)]
    pub merge_threshold: Option<f32>,
    /// Linkage of the consolidation pass: `centroid` or `average`.
    #[arg(long)]
    pub merge_linkage: Option<String>,
    /// Stories of at most this many articles attach to a larger one after consolidation.
    #[arg(long)]
    pub attach_max_articles: Option<usize>,
    /// Minimum similarity for a small story to attach.
    #[arg(long)]
    pub attach_threshold: Option<f32>,
    /// Passes of article-level refinement after consolidation (0: none).
    #[arg(long)]
    pub refine_iterations: Option<usize>,
    /// Margin by which another story must be more similar for an article to move.
    #[arg(long)]
    pub refine_margin: Option<f32>,
    /// Minimum mean cosine to the story an article moves to.
    #[arg(long)]
    pub refine_min_similarity: Option<f32>,
    /// Two stories both of at least this many articles merge only at --merge-large-threshold.
    #[arg(long)]
    pub merge_large_articles: Option<usize>,
    /// Minimum similarity for two large stories to merge.
    #[arg(long)]
    pub merge_large_threshold: Option<f32>,
    /// Refinement candidates: stories holding one of the article's this many heaviest terms
    /// (0: every story sharing a term).
    #[arg(long)]
    pub refine_probe_terms: Option<usize>,
    /// Stories of at least this many articles are examined for a cut in two (0: none).
    #[arg(long)]
    pub split_min_articles: Option<usize>,
    /// Both parts of a cut hold at least this many articles.
    #[arg(long)]
    pub split_min_part: Option<usize>,
    /// A cut is kept when between-part similarity < this × within-part similarity.
    #[arg(long)]
    pub split_max_ratio: Option<f32>,
    /// Cuts per story at most.
    #[arg(long)]
    pub split_max_depth: Option<usize>,
    /// Content ratio below which a time-separated cut is kept.
    #[arg(long)]
    pub split_time_max_ratio: Option<f32>,
    /// Width in days of the Gaussian on date differences in the split's time rule (0: off).
    #[arg(long)]
    pub split_time_sigma_days: Option<f32>,
    /// Minimum time cohesion of a cut's burst part.
    #[arg(long)]
    pub split_time_min_burst: Option<f32>,
    /// Maximum time overlap of a cut's parts, relative to the burst part's cohesion.
    #[arg(long)]
    pub split_time_max_overlap: Option<f32>,
    /// Writes every article's gold, online and final story to this TSV file.
    #[arg(long)]
    pub dump: Option<PathBuf>,
    /// Terms kept per story centroid.
    #[arg(long)]
    pub centroid_terms: Option<usize>,
    /// Scores the online join with the learned model in this JSON file (as written by
    /// --train-online-model) instead of the hand-weighted cosines.
    #[arg(long)]
    pub online_model: Option<PathBuf>,
    /// With --online-model: join at this probability instead of the model's threshold.
    #[arg(long)]
    pub online_model_threshold: Option<f32>,
    /// Trains the online join model on the pairs the online pass scores on these gold stories
    /// (labelled by gold) and writes it to this JSON file, then evaluates as usual.
    #[arg(long)]
    pub train_online_model: Option<PathBuf>,
    /// Decides the consolidation merge with the learned model in this JSON file (as written
    /// by --train-merge-model) instead of the linkage threshold and the large-story rule.
    #[arg(long)]
    pub merge_model: Option<PathBuf>,
    /// With --merge-model: merge at this probability instead of the model's threshold.
    #[arg(long)]
    pub merge_model_threshold: Option<f32>,
    /// Trains the merge model on the story pairs the consolidation scores on these gold
    /// stories (labelled by gold) and writes it to this JSON file, then evaluates as usual.
    #[arg(long)]
    pub train_merge_model: Option<PathBuf>,
    /// Gradient steps of the training.
    #[arg(long, default_value_t = 2000)]
    pub train_iterations: usize,
    /// Features the training leaves out (comma-separated names; their weight stays 0).
    #[arg(long, value_delimiter = ',')]
    pub train_drop_features: Vec<String>,
    /// L2 penalty of the training.
    #[arg(long, default_value_t = 1e-4)]
    pub train_l2: f64,
}

/// Indices of the named features (an unknown name is an error).
fn dropped(names: &[String], features: &[&str]) -> anyhow::Result<Vec<usize>> {
    names
        .iter()
        .map(|n| {
            features.iter().position(|f| f == n).ok_or_else(|| {
                anyhow::anyhow!("unknown feature {n:?} (one of {})", features.join(", "))
            })
        })
        .collect()
}

/// The report `--json` prints (after the training and the dump that the flags ask for).
pub fn measure(args: &Args) -> anyhow::Result<serde_json::Value> {
    let mut config = ClusterConfig::default();
    if let Some(v) = args.threshold {
        config.threshold = v;
    }
    if let Some(v) = args.title_weight {
        config.title_weight = v;
    }
    if let Some(v) = args.entity_weight {
        config.entity_weight = v;
    }
    if let Some(v) = args.decay_days {
        config.decay_days = v;
    }
    if let Some(v) = args.decay_floor {
        config.decay_floor = v;
    }
    if let Some(v) = args.quiet_days {
        config.quiet_days = v;
    }
    if let Some(v) = args.merge_threshold {
        config.merge_threshold = v;
    }
    if let Some(v) = args.merge_linkage.as_deref() {
        config.merge_linkage = match v {
            "centroid" => storyline_eval::clusters::Linkage::Centroid,
            "average" => storyline_eval::clusters::Linkage::Average,
            other => anyhow::bail!("unknown linkage {other:?} (centroid or average)"),
        };
    }
    if let Some(v) = args.attach_max_articles {
        config.attach_max_articles = v;
    }
    if let Some(v) = args.attach_threshold {
        config.attach_threshold = v;
    }
    if let Some(v) = args.refine_iterations {
        config.refine_iterations = v;
    }
    if let Some(v) = args.refine_margin {
        config.refine_margin = v;
    }
    if let Some(v) = args.refine_min_similarity {
        config.refine_min_similarity = v;
    }
    if let Some(v) = args.merge_large_articles {
        config.merge_large_articles = v;
    }
    if let Some(v) = args.merge_large_threshold {
        config.merge_large_threshold = v;
    }
    if let Some(v) = args.refine_probe_terms {
        config.refine_probe_terms = v;
    }
    if let Some(v) = args.split_min_articles {
        config.split_min_articles = v;
    }
    if let Some(v) = args.split_min_part {
        config.split_min_part = v;
    }
    if let Some(v) = args.split_max_ratio {
        config.split_max_ratio = v;
    }
    if let Some(v) = args.split_max_depth {
        config.split_max_depth = v;
    }
    if let Some(v) = args.split_time_max_ratio {
        config.split_time_max_ratio = v;
    }
    if let Some(v) = args.split_time_sigma_days {
        config.split_time_sigma_days = v;
    }
    if let Some(v) = args.split_time_min_burst {
        config.split_time_min_burst = v;
    }
    if let Some(v) = args.split_time_max_overlap {
        config.split_time_max_overlap = v;
    }
    if let Some(v) = args.centroid_terms {
        config.max_centroid_terms = v;
    }
    if let Some(path) = &args.online_model {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        let mut model = storyline_eval::clusters::model_from_json(
            &storyline_eval::clusters::learned::ONLINE_FEATURE_NAMES,
            &text,
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        if let Some(t) = args.online_model_threshold {
            model.threshold = t;
        }
        config.online_model = Some(model);
    }
    if let Some(path) = &args.merge_model {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
        let mut model = storyline_eval::clusters::model_from_json(
            &storyline_eval::clusters::learned::MERGE_FEATURE_NAMES,
            &text,
        )
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        if let Some(t) = args.merge_model_threshold {
            model.threshold = t;
        }
        config.merge_model = Some(model);
    }
    let gold = storyline_eval::clusters::read_gold(&args.dirs)?;
    anyhow::ensure!(
        !gold.articles.is_empty(),
        "no articles found in the story folders of {}",
        args.dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(path) = &args.train_online_model {
        use storyline_eval::clusters::learned::{ONLINE_FEATURE_NAMES, TrainConfig};
        let pairs = storyline_eval::clusters::join_pairs(&gold, &config, args.seed);
        let model = storyline_eval::clusters::learned::fit_online(
            &pairs.features,
            &pairs.labels,
            &pairs.articles,
            &TrainConfig {
                iterations: args.train_iterations,
                l2: args.train_l2,
                dropped: dropped(&args.train_drop_features, &ONLINE_FEATURE_NAMES)?,
                ..TrainConfig::default()
            },
        );
        let text = storyline_eval::clusters::model_to_json(&ONLINE_FEATURE_NAMES, &model);
        std::fs::write(path, &text)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        eprintln!(
            "trained on {} pairs ({} right) of {} articles; written to {}",
            pairs.labels.len(),
            pairs.labels.iter().filter(|&&b| b).count(),
            pairs.articles.len(),
            path.display()
        );
    }
    if let Some(path) = &args.train_merge_model {
        use storyline_eval::clusters::learned::{MERGE_FEATURE_NAMES, TrainConfig, fit_merge};
        let pairs = storyline_eval::clusters::merge_pairs(&gold, &config, args.seed);
        let model = fit_merge(
            &pairs.features,
            &pairs.labels,
            &TrainConfig {
                iterations: args.train_iterations,
                l2: args.train_l2,
                dropped: dropped(&args.train_drop_features, &MERGE_FEATURE_NAMES)?,
                ..TrainConfig::default()
            },
        );
        let text = storyline_eval::clusters::model_to_json(&MERGE_FEATURE_NAMES, &model);
        std::fs::write(path, &text)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        eprintln!(
            "trained on {} story pairs ({} right); written to {}",
            pairs.labels.len(),
            pairs.labels.iter().filter(|&&b| b).count(),
            path.display()
        );
    }
    let report = storyline_eval::clusters::evaluate(&gold, &config, args.seed);
    if let Some(path) = &args.dump {
        use std::fmt::Write as _;
        let mut tsv = String::from("id\tdate\tgold\tonline\tpredicted\n");
        for o in &report.outcomes {
            let date = o.date.map(|d| d.to_string()).unwrap_or_default();
            let gold = gold.names.get(o.gold).map(String::as_str).unwrap_or("");
            let _ = writeln!(
                tsv,
                "{}\t{date}\t{gold}\t{}\t{}",
                o.id, o.online, o.predicted
            );
        }
        std::fs::write(path, tsv)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    }
    let mut value = serde_json::to_value(&report)?;
    if let Some(map) = value.as_object_mut() {
        map.insert(
            "config".to_string(),
            serde_json::json!({
                "threshold": config.threshold,
                "title_weight": config.title_weight,
                "entity_weight": config.entity_weight,
                "decay_days": config.decay_days,
                "decay_floor": config.decay_floor,
                "quiet_days": config.quiet_days,
                "max_centroid_terms": config.max_centroid_terms,
                "merge_threshold": config.merge_threshold,
                "attach_max_articles": config.attach_max_articles,
                "attach_threshold": config.attach_threshold,
                "refine_iterations": config.refine_iterations,
                "refine_margin": config.refine_margin,
                "refine_min_similarity": config.refine_min_similarity,
                "refine_probe_terms": config.refine_probe_terms,
                "merge_large_articles": config.merge_large_articles,
                "merge_large_threshold": config.merge_large_threshold,
                "split_min_articles": config.split_min_articles,
                "split_min_part": config.split_min_part,
                "split_max_ratio": config.split_max_ratio,
                "split_max_depth": config.split_max_depth,
                "split_time_max_ratio": config.split_time_max_ratio,
                "split_time_sigma_days": config.split_time_sigma_days,
                "split_time_min_burst": config.split_time_min_burst,
                "split_time_max_overlap": config.split_time_max_overlap,
                "merge_linkage": format!("{:?}", config.merge_linkage).to_lowercase(),
            }),
        );
    }
    Ok(value)
}
