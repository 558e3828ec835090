//! Diagnostics: what could not be read, and why, without stopping the run.

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Part of an input was read; part was skipped.
    Warning,
    /// An input (file, line or record) was skipped.
    Skipped,
}

/// A problem with one input, naming where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// File path, with `:line` or `@offset` when inside the file.
    pub location: String,
    /// What went wrong, for a person.
    pub message: String,
    /// How serious it is.
    pub severity: Severity,
}

impl Diagnostic {
    /// An input that was skipped.
    pub fn skipped(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            location: location.into(),
            message: message.into(),
            severity: Severity::Skipped,
        }
    }

    /// An input that was only partly read.
    pub fn warning(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            location: location.into(),
            message: message.into(),
            severity: Severity::Warning,
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.severity {
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
        };
        write!(f, "{}: {what}: {}", self.location, self.message)
    }
}
