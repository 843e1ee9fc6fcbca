using System.Globalization;

namespace LossDsl.Generator.Model;

/// <summary>
/// The accuracy certificate of one kernel output (the loss, a gradient, a Hessian), measured at compile time
/// by the certificate (Accuracy/Certificate.cs): the kernel's arithmetic in its own precision against the stable form of
/// the same math in higher precision (double for float kernels, double-double for double).
/// </summary>
/// <param name="Output">"loss", "∂loss/∂x" or "∂²loss/∂x²".</param>
/// <param name="MaxRelativeError">The worst |kernel - exact| / max(|exact|, magnitude/256) over the points where both are finite
/// (magnitude: the formula evaluated with every term's absolute value; see Certificate.Cancellation).</param>
/// <param name="MaxUlps">The same in units of the precision's epsilon (2⁻²³ or 2⁻⁵²).</param>
/// <param name="Points">Points where the exact value is finite.</param>
/// <param name="NonFinite">Of those, points where the kernel's value is ∞ or NaN.</param>
/// <param name="WorstAt">The inputs of the worst point, as "x = 3.5, y = 1" (empty when no error).</param>
internal sealed record OutputAccuracy(string Output, double MaxRelativeError, double MaxUlps, int Points, int NonFinite, string WorstAt)
{
    /// <summary>Whether the output loses more than half its bits, or is non-finite, somewhere the exact value is finite.</summary>
    public bool IsInaccurate(ScalarType type) => NonFinite > 0 || MaxRelativeError > HalfBits(type);

    /// <summary>2^(-p/2): an error above it has lost more than half the significand's bits.</summary>
    public static double HalfBits(ScalarType type) => type == ScalarType.Float ? 1.0 / 4096 : 1.0 / 67108864;

    /// <summary>"≤ 1.5 ulp over 2048 points", or "non-finite at 12 of 2048 points; elsewhere ≤ …".</summary>
    public string Describe()
    {
        string worst = "≤ " + MaxUlps.ToString(MaxUlps < 100 ? "0.#" : "0.##E+0", CultureInfo.InvariantCulture) + " ulp (relative error "
            + MaxRelativeError.ToString("0.##E+0", CultureInfo.InvariantCulture) + ")";
        return NonFinite > 0 ? $"non-finite at {NonFinite} of {Points} points; elsewhere {worst}" : $"{worst} over {Points} points";
    }
}
