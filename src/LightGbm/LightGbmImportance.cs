namespace LossDsl.LightGbm;

/// <summary>What <see cref="LightGbmBooster.FeatureImportance"/> counts (LightGBM's <c>importance_type</c>).</summary>
public enum LightGbmImportance
{
    /// <summary>How many splits use the feature (<c>split</c>).</summary>
    Splits = 0,

    /// <summary>The total loss reduction of the splits that use it (<c>gain</c>): for a LossDsl objective, in the loss's own Newton gain.</summary>
    Gain = 1,
}
