using System.Runtime.CompilerServices;

namespace LossDsl.Generator.Accuracy;

internal static class AccuracyCode
{
    /// <summary>
    /// MethodImplOptions.AggressiveOptimization (512; netstandard2.0 does not name it, the runtime that loads the
    /// generator honors it): the certificate's loops run thousands of times in a compiler process that may live
    /// for one build, where tiered JIT would leave them in unoptimized code.
    /// </summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
