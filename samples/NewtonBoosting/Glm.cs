namespace NewtonBoosting;

/// <summary>A generalized linear model η = X·β fitted two ways on the same per-element derivatives of the loss.</summary>
public sealed class Glm(double[][] features, double[] targets)
{
    private readonly Objectives.TweedieLoss _loss = new(power: 1.5);
    private readonly double[] _eta = new double[targets.Length];
    private readonly double[] _gradient = new double[targets.Length];
    private readonly double[] _hessian = new double[targets.Length];

    public int Parameters => features[0].Length;

    public double Loss(double[] beta)
    {
        Predict(beta);
        return _loss.Forward(_eta, targets); // the mean deviance
    }

    /// <summary>
    /// One Newton step, as gradient boosting's second-order objective takes it: per element g and h from
    /// GradientHessian, then β -= (Xᵀ diag(h) X)⁻¹ Xᵀ g.
    /// </summary>
    public void NewtonStep(double[] beta)
    {
        Predict(beta);
        _loss.GradientHessian(_eta, targets, _gradient, _hessian);
        int k = Parameters;
        var matrix = new double[k, k];
        var rhs = new double[k];
        for (int i = 0; i < targets.Length; i++)
        {
            double[] x = features[i];
            for (int r = 0; r < k; r++)
            {
                rhs[r] += _gradient[i] * x[r];
                for (int c = 0; c < k; c++) matrix[r, c] += _hessian[i] * x[r] * x[c];
            }
        }
        double[] step = LinearSystem.Solve(matrix, rhs);
        for (int r = 0; r < k; r++) beta[r] -= step[r];
    }

    /// <summary>One gradient step on the mean loss: what a first-order objective can do without the Hessian.</summary>
    public void GradientStep(double[] beta, double rate)
    {
        Predict(beta);
        _loss.Backward(_eta, targets, _gradient); // ∂(mean loss)/∂η, 1/N included
        for (int i = 0; i < targets.Length; i++)
        {
            for (int r = 0; r < Parameters; r++) beta[r] -= rate * _gradient[i] * features[i][r];
        }
    }

    private void Predict(double[] beta)
    {
        for (int i = 0; i < targets.Length; i++)
        {
            double eta = 0;
            for (int r = 0; r < beta.Length; r++) eta += beta[r] * features[i][r];
            _eta[i] = eta;
        }
    }
}

internal static class LinearSystem
{
    /// <summary>Gaussian elimination with partial pivoting (k is 3 here).</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        for (int col = 0; col < n; col++)
        {
            int pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            for (int c = 0; c < n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (int r = col + 1; r < n; r++)
            {
                double factor = a[r, col] / a[col, col];
                for (int c = col; c < n; c++) a[r, c] -= factor * a[col, c];
                b[r] -= factor * b[col];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) sum -= a[r, c] * x[c];
            x[r] = sum / a[r, r];
        }
        return x;
    }
}
