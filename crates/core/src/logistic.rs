//! A logistic model over a fixed number of features, and its fit: the one learner that the
//! stages' small trained decisions share (the timeline's date ranker, the summary's
//! paraphrase test). Fitting is L2-regularised logistic regression by Newton's method, the
//! intercept not penalised; it is deterministic (the same examples in the same order give the
//! same model), so trained weights can be reproduced and kept as constants in code.

/// A logistic model: an intercept and one weight per feature.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Logistic<const K: usize> {
    /// Intercept.
    pub bias: f64,
    /// One weight per feature.
    pub weights: [f64; K],
}

impl<const K: usize> Logistic<K> {
    /// Log-odds of features `x`.
    pub fn logit(&self, x: &[f64; K]) -> f64 {
        self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }

    /// Probability of features `x`.
    pub fn probability(&self, x: &[f64; K]) -> f64 {
        1.0 / (1.0 + (-self.logit(x)).exp())
    }

    /// Fits the model on `(features, label, sample weight)` examples with L2 penalty `l2` on
    /// the weights (at most 100 Newton steps; stops when no coefficient moves by 1e-10).
    pub fn fit(examples: &[([f64; K], bool, f64)], l2: f64) -> Self {
        let n = K + 1;
        let mut beta = vec![0.0f64; n];
        let mut row = vec![1.0f64; n];
        for _ in 0..100 {
            let mut grad = vec![0.0f64; n];
            let mut hess = vec![vec![0.0f64; n]; n];
            for (x, y, w) in examples {
                row[1..].copy_from_slice(x);
                let eta: f64 = beta.iter().zip(&row).map(|(b, v)| b * v).sum();
                let p = 1.0 / (1.0 + (-eta).exp());
                let target = if *y { 1.0 } else { 0.0 };
                for a in 0..n {
                    grad[a] += w * (p - target) * row[a];
                    for b in 0..n {
                        hess[a][b] += w * p * (1.0 - p) * row[a] * row[b];
                    }
                }
            }
            for a in 1..n {
                grad[a] += l2 * beta[a];
                hess[a][a] += l2;
            }
            hess[0][0] += 1e-9;
            let Some(step) = solve(hess, grad) else {
                break;
            };
            let mut moved = 0.0f64;
            for (b, s) in beta.iter_mut().zip(&step) {
                *b -= s;
                moved = moved.max(s.abs());
            }
            if moved < 1e-10 {
                break;
            }
        }
        let mut weights = [0.0; K];
        weights.copy_from_slice(&beta[1..]);
        Logistic {
            bias: beta[0],
            weights,
        }
    }
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting (`None` if singular).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-300 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for r in col + 1..n {
            let f = a[r][col] / a[col][col];
            if f == 0.0 {
                continue;
            }
            let pivot_row = a[col].clone();
            for (x, p) in a[r][col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = vec![0.0f64; n];
    for r in (0..n).rev() {
        let s: f64 = (r + 1..n).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_separates_and_is_deterministic() {
        // y = 1 when x0 > x1, with label noise on two points.
        let mut ex = Vec::new();
        for i in 0..40 {
            let a = (i % 7) as f64 / 7.0;
            let b = (i % 5) as f64 / 5.0;
            let noisy = i == 3 || i == 17;
            ex.push(([a, b], (a > b) != noisy, 1.0));
        }
        let m = Logistic::<2>::fit(&ex, 1.0);
        assert!(m.weights[0] > 0.0 && m.weights[1] < 0.0, "{m:?}");
        assert!(m.probability(&[0.9, 0.1]) > 0.5);
        assert!(m.probability(&[0.1, 0.9]) < 0.5);
        assert_eq!(m, Logistic::<2>::fit(&ex, 1.0));
        // A heavier penalty shrinks the weights.
        let shrunk = Logistic::<2>::fit(&ex, 100.0);
        assert!(shrunk.weights[0].abs() < m.weights[0].abs());
        // No examples: the zero model.
        assert_eq!(
            Logistic::<2>::fit(&[], 1.0).weights,
            [0.0, 0.0],
            "nothing to learn from"
        );
    }
}
