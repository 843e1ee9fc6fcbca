using System.Numerics;
using System.Runtime.Intrinsics;

namespace LossDsl.Kernels;

/// <summary>
/// The largest lane of a vector, NaN if any lane is NaN: wide vectors fold their halves with the NaN-propagating
/// Max until four lanes (two for double) are left, so no width extracts its lanes one by one.
/// </summary>
internal static class LaneMaximum
{
    public static double Of<T>(Vector512<T> value) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Of(Simd256<T>.Max(value.GetLower(), value.GetUpper()));

    public static double Of<T>(Vector256<T> value) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        Of(Simd128<T>.Max(value.GetLower(), value.GetUpper()));

    public static double Of<T>(Vector128<T> value) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity;
        for (int lane = 0; lane < Vector128<T>.Count; lane++) max = StableMath.Max(max, double.CreateTruncating(value.GetElement(lane)));
        return max;
    }
}
