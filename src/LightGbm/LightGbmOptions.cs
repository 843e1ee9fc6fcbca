using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LossDsl.LightGbm;

/// <summary>
/// Training settings: LightGBM's common parameters typed, anything else in <see cref="Extra"/>. Unset values
/// keep LightGBM's defaults. The objective and the metric are the loss itself, never parameters.
/// </summary>
public sealed record LightGbmOptions
{
    /// <summary>Boosting iterations at most (LightGBM's <c>num_iterations</c>); fewer with early stopping. Default 100.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Shrinkage of each tree (<c>learning_rate</c>). Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Leaves per tree at most (<c>num_leaves</c>). Default 31.</summary>
    public int NumLeaves { get; init; } = 31;

    /// <summary>Tree depth limit (<c>max_depth</c>); null: none.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Rows a leaf needs at least (<c>min_data_in_leaf</c>); null: LightGBM's 20.</summary>
    public int? MinDataInLeaf { get; init; }

    /// <summary>L2 regularization of leaf values (<c>lambda_l2</c>); null: 0.</summary>
    public double? LambdaL2 { get; init; }

    /// <summary>Fraction of features per tree (<c>feature_fraction</c>); null: 1.</summary>
    public double? FeatureFraction { get; init; }

    /// <summary>Histogram bins per feature (<c>max_bin</c>), fixed when a dataset is built; null: 255.</summary>
    public int? MaxBin { get; init; }

    /// <summary>Random seed (<c>seed</c>); null: LightGBM's.</summary>
    public int? Seed { get; init; }

    /// <summary>LightGBM's threads (<c>num_threads</c>); null: OpenMP's default. Set 1 for bitwise-reproducible runs.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Stop when the validation loss has not improved for this many iterations and keep the best iteration;
    /// 0 (default): train all <see cref="Iterations"/>. Needs validation data.
    /// </summary>
    public int EarlyStoppingRounds { get; init; }

    /// <summary>
    /// The raw score every row starts from. Null (default): the loss's optimal constant, found by safeguarded
    /// Newton steps on <c>GradientHessian</c> (what LightGBM's <c>boost_from_average</c> does for its own
    /// objectives); for several classes one value for all of them.
    /// </summary>
    public double? InitialScore { get; init; }

    /// <summary>
    /// The smallest Hessian handed to LightGBM. Null (default): the loss's own scale, the mean positive Hessian
    /// at the initial score (1 when it has none, as for L1, quantile or hinge). A Hessian that is zero or negative
    /// is replaced by the floor; a positive one below 1e-6 × floor is raised to that. 0 turns flooring off.
    /// See docs/lightgbm.md.
    /// </summary>
    public double? HessianFloor { get; init; }

    /// <summary>Any other LightGBM parameters, <c>key=value</c> separated by spaces or commas.</summary>
    public string? Extra { get; init; }

    /// <summary>Distributed training over LightGBM's network; null: this machine only.</summary>
    public LightGbmNetwork? Network { get; init; }

    // Every alias LightGBM accepts for a parameter this package sets itself (config.h, 4.x).
    private static readonly Dictionary<string, string> s_reserved = new(StringComparer.Ordinal)
    {
        ["objective"] = "the objective is the loss", ["objective_type"] = "the objective is the loss", ["app"] = "the objective is the loss",
        ["application"] = "the objective is the loss", ["loss"] = "the objective is the loss",
        ["metric"] = "the metric is the loss", ["metrics"] = "the metric is the loss", ["metric_types"] = "the metric is the loss",
        ["num_class"] = "pass classes to Train", ["num_classes"] = "pass classes to Train",
        ["num_iterations"] = "use Iterations", ["num_iteration"] = "use Iterations", ["n_iter"] = "use Iterations", ["num_tree"] = "use Iterations",
        ["num_trees"] = "use Iterations", ["num_round"] = "use Iterations", ["num_rounds"] = "use Iterations", ["nrounds"] = "use Iterations",
        ["num_boost_round"] = "use Iterations", ["n_estimators"] = "use Iterations", ["max_iter"] = "use Iterations",
        ["early_stopping_round"] = "use EarlyStoppingRounds", ["early_stopping_rounds"] = "use EarlyStoppingRounds",
        ["early_stopping"] = "use EarlyStoppingRounds", ["n_iter_no_change"] = "use EarlyStoppingRounds",
        ["init_score"] = "use InitialScore", ["boost_from_average"] = "use InitialScore",
        ["machines"] = "use Network", ["workers"] = "use Network", ["nodes"] = "use Network", ["num_machines"] = "use Network",
        ["num_machine"] = "use Network", ["local_listen_port"] = "use Network", ["local_port"] = "use Network", ["port"] = "use Network",
        ["tree_learner"] = "use Network (data-parallel)", ["tree"] = "use Network (data-parallel)", ["tree_type"] = "use Network (data-parallel)",
        ["tree_learner_type"] = "use Network (data-parallel)",
    };

    /// <summary>The LightGBM parameter string for a run with <paramref name="classes"/> outputs per row.</summary>
    /// <exception cref="ArgumentException">A setting out of range, or <see cref="Extra"/> naming what the loss or a typed option decides.</exception>
    internal string ToParameters(int classes, string optionsName, string objective = "none")
    {
        Validate(optionsName);
        var p = new List<string>
        {
            "objective=" + objective,
            "num_class=" + Invariant(classes),
            "learning_rate=" + Invariant(LearningRate),
            "num_leaves=" + Invariant(NumLeaves),
            "verbosity=-1",
        };
        if (MaxDepth is { } depth) p.Add("max_depth=" + Invariant(depth));
        if (MinDataInLeaf is { } minData) p.Add("min_data_in_leaf=" + Invariant(minData));
        if (LambdaL2 is { } l2) p.Add("lambda_l2=" + Invariant(l2));
        if (FeatureFraction is { } fraction) p.Add("feature_fraction=" + Invariant(fraction));
        if (MaxBin is { } bins) p.Add("max_bin=" + Invariant(bins));
        if (Seed is { } seed) p.Add("seed=" + Invariant(seed));
        if (Threads is { } threads) p.Add("num_threads=" + Invariant(threads));
        if (Network is not null) p.AddRange(Network.Parameters());
        p.AddRange(ExtraParameters(optionsName));
        return string.Join(' ', p);
    }

    private void Validate(string optionsName)
    {
        void Check(bool ok, string what)
        {
            if (!ok) throw new ArgumentException($"{optionsName}: {what}", optionsName);
        }
        Check(Iterations >= 1, $"Iterations is {Iterations}; train at least one iteration.");
        Check(double.IsFinite(LearningRate) && LearningRate > 0, $"LearningRate is {LearningRate}; it must be finite and positive.");
        Check(NumLeaves >= 2, $"NumLeaves is {NumLeaves}; a tree needs at least 2 leaves.");
        Check(MaxDepth is null or > 0, $"MaxDepth is {MaxDepth}; at least 1, or null for none.");
        Check(MinDataInLeaf is null or >= 0, $"MinDataInLeaf is {MinDataInLeaf}; it cannot be negative.");
        Check(LambdaL2 is null or >= 0, $"LambdaL2 is {LambdaL2}; it cannot be negative.");
        Check(FeatureFraction is null or (> 0 and <= 1), $"FeatureFraction is {FeatureFraction}; it is in (0, 1].");
        Check(MaxBin is null or >= 2, $"MaxBin is {MaxBin}; at least 2.");
        Check(Threads is null or >= 1, $"Threads is {Threads}; at least 1.");
        Check(EarlyStoppingRounds >= 0, $"EarlyStoppingRounds is {EarlyStoppingRounds}; 0 turns it off.");
        Check(InitialScore is null || double.IsFinite(InitialScore.Value), $"InitialScore is {InitialScore}; it must be finite.");
        Check(HessianFloor is null || (double.IsFinite(HessianFloor.Value) && HessianFloor >= 0), $"HessianFloor is {HessianFloor}; finite and non-negative, or null.");
    }

    private IEnumerable<string> ExtraParameters(string optionsName)
    {
        if (string.IsNullOrWhiteSpace(Extra)) yield break;
        foreach (string item in Extra.Split([' ', ',', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = item.IndexOf('=');
            if (equals <= 0 || equals == item.Length - 1)
            {
                throw new ArgumentException($"{optionsName}: Extra has '{item}'; write parameters as key=value.", optionsName);
            }
            string key = item[..equals].Trim().ToLowerInvariant();
            if (s_reserved.TryGetValue(key, out string? why))
            {
                throw new ArgumentException($"{optionsName}: Extra sets '{key}', which conflicts with the loss: {why}.", optionsName);
            }
            yield return item;
        }
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
